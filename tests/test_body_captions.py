"""A picture's caption printed as a paragraph, a line about the picture closed by its credit
("The Hoka Speedgoat 7. Photo: Eszter Horanyi"), is not article text; a credit standing alone
(a list of sources) and prose that speaks of a photo stay. Pages written for the project,
modelled on the review and guide pages the measurement corpus showed."""

from __future__ import annotations

import pytest

from korantui.core.article.extract import extract_article

URL = "https://trails.example/gear/best-trail-shoes"

_PARAGRAPHS = [
    "We have run thousands of miles in trail shoes over the last ten years, on mud, scree "
    "and snow, to find the pairs that hold up and the ones that fall apart by spring.",
    "Every shoe in this guide was worn for at least a hundred miles by two testers of "
    "different weights, on the same loops, and then cut open to see how the foam aged.",
    "The cushioned pairs suit long days on rocky ground, while the lighter ones with deep "
    "lugs are the better choice for short races and steep, muddy climbs in the autumn.",
    "Fit matters more than any feature: a shoe that pinches at the toe after ten miles will "
    "ruin a long day however grippy its outsole or however light it is on the scale.",
]

_CAPTIONS = [
    "The cushioned midsole of the long-day pair. Photo: Trails/Anna Berg",
    "Testing the lugs on a wet descent above the lake | Photo by Jon Marsh",
    "A tester crossing the scree field near the pass (Picture credit: Getty)",
    "The lightest pair in the test is goat-approved. Credit: Trails/Eszter Horanyi",
]


def _page(extra: list[str]) -> str:
    parts = []
    for n, paragraph in enumerate(_PARAGRAPHS):
        parts.append(f"<p>{paragraph}</p>")
        if n < len(extra):
            # As page builders print them: the picture and its line in one plain paragraph.
            parts.append(f"<p><span><img src='/i/{n}.jpg' alt=''></span> {extra[n]}</p>")
    return (
        "<html><head><title>The best trail shoes</title></head><body>"
        f"<article><h1>The best trail shoes</h1>{''.join(parts)}</article></body></html>"
    )


def test_captions_closed_by_a_credit_are_not_read() -> None:
    assert extract_article(_page(_CAPTIONS), URL).text.split("\n\n") == _PARAGRAPHS


@pytest.mark.parametrize(
    "line",
    ["Photo: Shutterstock", "DGLimages via Getty Images", "Photo Courtesy of Trail Runner Club"],
    ids=["agency", "via-agency", "courtesy"],
)
def test_a_picture_agencys_credit_line_is_not_read(line: str) -> None:
    assert line not in extract_article(_page([line]), URL).text


@pytest.mark.parametrize(
    "line",
    [
        "Photo Credit: www.trailsblog.example",
        "We asked each tester for one photo: the pair they would keep if they could run in "
        "only one shoe for the rest of the year, whatever the weather and the ground.",
    ],
    ids=["credit-alone", "prose-about-photos"],
)
def test_a_credit_alone_and_prose_about_photos_stay(line: str) -> None:
    assert line in extract_article(_page([line]), URL).text

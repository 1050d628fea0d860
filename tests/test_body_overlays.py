"""Dialogs laid over the page (a consent plugin's cookie settings, a request form) sit in its
markup inside or after the article's box; they are not read as its text. A page that shows its
article in a dialog keeps it. Small pages written for the project, modelled on the consent
and republishing dialogs the measurement corpus showed."""

from __future__ import annotations

import pytest

from korantui.core.article.extract import extract_article

URL = "https://woodshop.example/videos/ten-easy-projects"

_PARAGRAPHS = [
    "This compilation gathers ten of the easiest projects from the shop, each one built "
    "with a handful of hand tools and a few boards of offcuts from bigger builds.",
    "The spatula comes first: a single piece of cherry, shaped with a coping saw and a "
    "spokeshave, finished with mineral oil so it can go straight into the kitchen.",
    "The headphone rack is next, a wall-mounted arm of walnut with a brass pin, glued and "
    "screwed so that it carries the weight of two pairs without sagging over time.",
    "A keepsake box follows, made from the offcuts of a table top, with mitred corners "
    "reinforced by splines of a contrasting wood cut on a simple table saw jig.",
    "The pizza peel closes the list, thinned by hand towards the front edge so the dough "
    "slides on easily, and sealed with the same oil as the spatula at the start.",
]

_COOKIES = [
    "This website uses cookies to improve your experience while you navigate through the "
    "website. Out of these, the cookies that are categorized as necessary are stored on "
    "your browser as they are essential for the working of basic functionalities.",
    "Necessary cookies are absolutely essential for the website to function properly. These "
    "cookies ensure basic functionalities and security features of the website, anonymously.",
    "Analytical cookies are used to understand how visitors interact with the website. These "
    "cookies help provide information on metrics the number of visitors and bounce rate.",
    "Advertisement cookies are used to provide visitors with relevant ads and marketing "
    "campaigns. These cookies track visitors across websites and collect information.",
]


def _page(dialog_open: str, dialog_close: str = "</div>") -> str:
    # Each paragraph in its own widget, as page builders print them: no one box holds the text.
    story = "".join(
        f"<div class='widget'><div class='widget-container'><p>{p}</p></div></div>"
        for p in _PARAGRAPHS
    )
    # As consent plugins print them: texts in <div>s, the cookies in a table.
    settings = "".join(f"<div class='tab'><div class='text'>{p}</div></div>" for p in _COOKIES)
    settings += (
        "<table><tr><th>Cookie</th><th>Duration</th><th>Description</th></tr>"
        "<tr><td>viewed_cookie_policy</td><td>11 months</td><td>The cookie is set by the "
        "consent plugin and is used to store whether or not the user has consented to the use "
        "of cookies. It does not store any personal data.</td></tr></table>"
    )
    return (
        "<html><head><title>Ten easy woodworking projects</title></head><body>"
        "<div class='page'><div class='column'><h1>Ten easy woodworking projects</h1>"
        f"{story}</div></div>"
        f"{dialog_open}<div class='body'><h2>Privacy overview</h2>{settings}</div>"
        f"{dialog_close}</body></html>"
    )


@pytest.mark.parametrize(
    ("opening", "closing"),
    [
        ("<div class='cli-modal' role='dialog' aria-labelledby='cli'>", "</div>"),
        ("<div class='popup' aria-modal='true'>", "</div>"),
        ("<dialog class='settings'>", "</dialog>"),
    ],
    ids=["role", "aria-modal", "element"],
)
def test_a_dialog_beside_the_article_is_not_read(opening: str, closing: str) -> None:
    article = extract_article(_page(opening, closing), URL)
    assert "cookies" not in article.text
    assert article.text.split("\n\n") == _PARAGRAPHS


def test_an_article_shown_in_a_dialog_is_read() -> None:
    # The dialog holds the page's prose: it is the reading view, not an overlay.
    story = "".join(f"<p>{p}</p>" for p in _PARAGRAPHS)
    page = (
        "<html><head><title>Ten easy woodworking projects</title></head><body>"
        "<nav><a href='/'>Home</a></nav>"
        f"<div role='dialog' class='reader'><h1>Ten easy woodworking projects</h1>{story}</div>"
        "</body></html>"
    )
    assert extract_article(page, URL).text.split("\n\n") == _PARAGRAPHS

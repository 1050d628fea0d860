"""Other stories' cards inside the article's box: taken out before trafilatura reads, on small
pages written for the project; an article's own entries and links stay."""

from __future__ import annotations

from korantui.core.article.extract import extract_article

URL = "https://harbour.example/news/ferry-timetable"

_PARAGRAPHS = [
    "The harbour board has agreed a new winter timetable for the island ferry, which will "
    "sail four times a day from November instead of six, starting from the north quay.",
    "Board members said the change follows two years of falling passenger numbers in the "
    "dark months, when most crossings carried fewer than a dozen people and some none.",
    "Islanders who commute to the mainland for work asked that the first sailing stay at "
    "half past six, and the board agreed, moving the cut to the middle of the day instead.",
    "The ferry company will use the quiet months to repaint the older of its two boats and "
    "to replace the ramp at the south slipway, which has been closed twice this year.",
    "A public meeting on the summer timetable will be held in the community hall in March, "
    "where residents can say which crossings matter most to them and to their visitors.",
    "Tickets bought before the change will be honoured on any sailing until the end of the "
    "year, and season passes will be reduced in price to match the shorter winter service.",
]

_EXCERPTS = [
    "The lifeboat crew answered more calls this summer than in any year since the station "
    "opened, most of them to paddleboarders carried out by the evening tide past the point.",
    "Fishermen landed the first catch at the rebuilt fish market on Monday, after a year in "
    "which boats had to unload at the old pier and drive their catch across the town.",
    "The lighthouse on the headland will open to visitors on weekends from April, with "
    "guided climbs to the lamp room led by volunteers from the local history society.",
]


def _page(after: str, *, prose: list[str] = _PARAGRAPHS) -> str:
    body = "".join(f"<p>{p}</p>" for p in prose)
    return (
        "<html><head><title>Winter ferry timetable agreed</title></head><body>"
        "<header><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></header>"
        f"<main><article><h1>Winter ferry timetable agreed</h1>{body}{after}</article>"
        "</main><footer><p>Harbour Gazette</p></footer></body></html>"
    )


def _cards(headlines: list[str], hrefs: list[str]) -> str:
    cards = zip(headlines, hrefs, _EXCERPTS, strict=True)
    return (
        "<div class='more'>"
        + "".join(
            f"<div class='card'><a href='{href}'><img src='/i/{n}.jpg' alt=''></a>"
            f"<h3><a href='{href}'>{headline}</a></h3><p>{excerpt}</p></div>"
            for n, (headline, href, excerpt) in enumerate(cards)
        )
        + "</div>"
    )


_HEADLINES = [
    "Lifeboat crew has its busiest summer",
    "Fish market reopens on the quay",
    "Lighthouse opens its doors to visitors",
]
_HREFS = ["/news/lifeboat-summer", "/news/fish-market", "https://www.harbour.example/lighthouse"]


def test_cards_of_other_stories_after_the_article_are_dropped() -> None:
    text = extract_article(_page(_cards(_HEADLINES, _HREFS)), URL).text
    assert _PARAGRAPHS[0] in text and _PARAGRAPHS[-1] in text
    for excerpt in _EXCERPTS:
        assert excerpt not in text


def test_an_articles_numbered_entries_stay() -> None:
    numbered = [f"{n}. {h}" for n, h in enumerate(_HEADLINES, 1)]
    text = extract_article(_page(_cards(numbered, _HREFS)), URL).text
    for excerpt in _EXCERPTS:
        assert excerpt in text


def test_cards_linking_to_other_sites_stay() -> None:
    away = [f"https://elsewhere{n}.example/story" for n in range(3)]
    text = extract_article(_page(_cards(_HEADLINES, away)), URL).text
    for excerpt in _EXCERPTS:
        assert excerpt in text


def test_a_page_that_is_mostly_cards_keeps_them() -> None:
    # With little prose before them the cards are the page's own text (a hub, an index).
    text = extract_article(_page(_cards(_HEADLINES, _HREFS), prose=_PARAGRAPHS[:3]), URL).text
    for excerpt in _EXCERPTS:
        assert excerpt in text


def test_a_list_of_links_in_the_text_stays() -> None:
    links = "".join(
        f"<li><a href='{href}'>{headline}</a>: {excerpt}</li>"
        for headline, href, excerpt in zip(_HEADLINES, _HREFS, _EXCERPTS, strict=True)
    )
    text = extract_article(_page(f"<p>Also this week:</p><ul>{links}</ul>"), URL).text
    for excerpt in _EXCERPTS:
        assert excerpt in text

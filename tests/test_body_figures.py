"""A table of figures is article text: its rows ("1/1/2013 +13.1%") and the values printed
alone in its cells ("$14.55") stay, although they hold no word; a timestamp or a number left
alone from a list of other stories still goes. Pages written for the project, modelled on the
time series and price tables the measurement corpus showed."""

from __future__ import annotations

from korantui.core.article.cleanup import clean_blocks
from korantui.core.article.extract import extract_article
from korantui.core.models import Block

URL = "https://housing.example/research/hottest-markets"

_PARAGRAPHS = [
    "Home sale prices across the country are showing signs of growth again, despite a high "
    "mortgage interest rate environment that kept many buyers away through the spring.",
    "The median sale price rose in most metropolitan areas over the year, led by the "
    "smaller markets of the Midwest where homes are still cheaper than in the coastal cities.",
    "The table below shows the change in the median home sale price, year over year, for "
    "each month since the start of the series, as reported by the listing service.",
]
_CLOSING = (
    "Prices are expected to keep rising through next year, though more slowly, as more "
    "homes come on the market and the rates that held buyers back begin to ease."
)
_ROWS = [
    ("1/1/2013", "+13.1%"),
    ("2/1/2013", "+13.1%"),
    ("3/1/2013", "+11.9%"),
    ("4/1/2013", "+12.5%"),
]


def _page(table: str, after: str = "") -> str:
    story = "".join(f"<p>{p}</p>" for p in _PARAGRAPHS)
    return (
        "<html><head><title>The hottest housing markets</title></head><body>"
        f"<article><h1>The hottest housing markets</h1>{story}{table}<p>{_CLOSING}</p>"
        f"{after}</article></body></html>"
    )


def test_the_rows_of_a_dated_table_of_figures_stay() -> None:
    rows = "".join(f"<tr><td>{day}</td><td>{change}</td></tr>" for day, change in _ROWS)
    table = (
        "<figure class='wp-block-table'><table><thead><tr><th>Date</th>"
        f"<th>Change in median sale price</th></tr></thead><tbody>{rows}</tbody></table></figure>"
    )
    text = extract_article(_page(table), URL).text
    for day, change in _ROWS:
        assert f"{day} {change}" in text


def test_values_printed_alone_in_cells_stay() -> None:
    prices = ["$14.55", "$43.88", "$45.57"]
    cells = "".join(
        f"<div class='cell'><div class='state'>State {n}</div><div class='rate'>{price}</div></div>"
        for n, price in enumerate(prices, start=1)
    )
    text = extract_article(_page(f"<div class='rates'>{cells}</div>"), URL).text
    for price in prices:
        assert price in text


def test_timestamps_left_from_a_list_of_other_stories_still_go() -> None:
    # What a list of other stories leaves once its headlines' links are gone: dates in a
    # run, like a table's rows, but each with no more figures than a date has; and a number.
    stamps = ["17/12/2025 10:30", "16/12/2025 09:05", "15/12/2025 18:45", "01"]
    blocks = [Block("p", p) for p in _PARAGRAPHS] + [Block("p", s) for s in stamps]
    kept = clean_blocks(blocks).blocks
    assert [b.text for b in kept] == _PARAGRAPHS

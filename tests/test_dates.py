"""Each date form the issue names, and the publication date of a page (never a sidebar's)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from lxml import html as lxml_html

from korantui.core.article.date_labels import labelled_published
from korantui.core.article.dates import WIB, WIT, WITA, find_printed, parse_date
from korantui.core.article.published import find_published
from korantui.core.moments import day_only

NOW = datetime(2022, 9, 20, 12, 0, tzinfo=WIB)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Selasa, 20 September 2022 - 16:30:05 WIB", datetime(2022, 9, 20, 16, 30, 5, tzinfo=WIB)),
        ("Kamis, 05/11/2015 09:25 WIB", datetime(2015, 11, 5, 9, 25, tzinfo=WIB)),
        ("5 November 2015 14:56 WIB", datetime(2015, 11, 5, 14, 56, tzinfo=WIB)),
        ("Selasa (20/9/2022)", datetime(2022, 9, 20, tzinfo=WIB)),
        ("Rabu, 3 Agu 2022 10.15 WITA", datetime(2022, 8, 3, 10, 15, tzinfo=WITA)),
        ("1 Des 2021 08:00 WIT", datetime(2021, 12, 1, 8, 0, tzinfo=WIT)),
        ("12 Okt 2020", datetime(2020, 10, 12, tzinfo=WIB)),
        ("Jumat, 17 Februari 2017 - 13:30 wib", datetime(2017, 2, 17, 13, 30, tzinfo=WIB)),
        ("Senin, 2 Januari 2023 pukul 07.05 WIB", datetime(2023, 1, 2, 7, 5, tzinfo=WIB)),
        ("31 Maret 2024", datetime(2024, 3, 31, tzinfo=WIB)),
        ("15 Mei 2024 | 21:00", datetime(2024, 5, 15, 21, 0, tzinfo=WIB)),
        ("November 5, 2015 2:56 PM", datetime(2015, 11, 5, 14, 56, tzinfo=WIB)),
        ("December 15th 2025", datetime(2025, 12, 15, tzinfo=WIB)),
        ("29th August, 2023", datetime(2023, 8, 29, tzinfo=WIB)),
        ("1st of May 2024", datetime(2024, 5, 1, tzinfo=WIB)),
        ("2015-11-05T15:56:43+07:00", datetime(2015, 11, 5, 15, 56, 43, tzinfo=WIB)),
        ("2015-11-05T08:56:43Z", datetime(2015, 11, 5, 8, 56, 43, tzinfo=UTC)),
        ("2015-11-05 T10:08:58Z", datetime(2015, 11, 5, 10, 8, 58, tzinfo=UTC)),
        ("2015-11-05 15:56", datetime(2015, 11, 5, 15, 56, tzinfo=WIB)),
        ("Thu, 05 Nov 2015 08:56:43 +0000", datetime(2015, 11, 5, 8, 56, 43, tzinfo=UTC)),
        ("Thu, 05 Nov 2015 15:56:43 +0700", datetime(2015, 11, 5, 15, 56, 43, tzinfo=WIB)),
        ("2 jam yang lalu", NOW - timedelta(hours=2)),
        ("5 menit lalu", NOW - timedelta(minutes=5)),
        ("3 hari yang lalu", NOW - timedelta(days=3)),
        ("kemarin", day_only(date(2022, 9, 19))),  # a day, not this hour of it
        ("2 hours ago", NOW - timedelta(hours=2)),
    ],
)
def test_forms(text: str, expected: datetime) -> None:
    got = parse_date(text, now=NOW)
    assert got == expected
    assert got is not None and got.utcoffset() == expected.utcoffset()


def test_zones_are_indonesian_offsets() -> None:
    assert WIB.utcoffset(None) == timedelta(hours=7)
    assert WITA.utcoffset(None) == timedelta(hours=8)
    assert WIT.utcoffset(None) == timedelta(hours=9)


@pytest.mark.parametrize("text", ["", "hello", "Baca juga", "32/13/2022", "   "])
def test_not_a_date(text: str) -> None:
    assert parse_date(text, now=NOW) is None


def test_result_is_always_aware() -> None:
    for text in ("2020-01-01", "1 Januari 2020", "01/01/2020", "tiga hari lalu 2020-01-02"):
        got = parse_date(text, now=NOW)
        assert got is not None and got.tzinfo is not None, text


def test_fallback_library_form() -> None:
    # A form the fast path does not know; the date library reads it.
    got = parse_date("20 September, 2022", now=NOW)
    assert got is not None and got.date() == datetime(2022, 9, 20).date()


def test_control_characters_are_ignored() -> None:
    assert parse_date("\x1b[31m20 September 2022\x1b[0m", now=NOW) == datetime(
        2022, 9, 20, tzinfo=WIB
    )


PAGE = """<html><head>{head}</head><body>
<div class="sidebar"><h3>Berita Terkini</h3><ul>
<li><a href="/a">Lain</a><span class="date">Jumat, 28 November 2025</span></li></ul></div>
<div class="main"><h1>Judul berita</h1>{info}
<div class="content"><p>Pada 12 Juli 2022 sesuatu terjadi. Teks panjang sekali di sini.</p></div>
</div></body></html>"""


def test_the_date_printed_beside_the_headline_wins_over_meta_tags() -> None:
    """What the reader sees by the headline is the page's date (often its update's day); the
    meta tag's time is kept where both name the same day."""
    head = '<meta property="article:published_time" content="2021-03-04T05:06:07+07:00">'
    page = PAGE.format(head=head, info='<div class="info">Selasa, 20 September 2022</div>')
    assert find_published(page) == datetime(2022, 9, 20, tzinfo=WIB)
    page = PAGE.format(head=head, info='<div class="info">Kamis, 4 Maret 2021</div>')
    assert find_published(page) == datetime(2021, 3, 4, 5, 6, 7, tzinfo=WIB)
    # Without a printed date, the meta tag.
    assert find_published(PAGE.format(head=head, info="")) == datetime(
        2021, 3, 4, 5, 6, 7, tzinfo=WIB
    )


def test_json_ld_graph() -> None:
    head = (
        '<script type="application/ld+json">{"@graph": [{"@type": "WebPage"},'
        '{"@type": "NewsArticle", "datePublished": "2019-01-02T03:04:05+08:00"}]}</script>'
    )
    page = PAGE.format(head=head, info="")
    assert find_published(page) == datetime(2019, 1, 2, 3, 4, 5, tzinfo=WITA)


def test_broken_json_ld_is_skipped() -> None:
    head = '<script type="application/ld+json">{"datePublished": </script>'
    page = PAGE.format(head=head, info='<div class="info">Selasa (20/9/2022)</div>')
    assert find_published(page) == datetime(2022, 9, 20, tzinfo=WIB)


def test_itemprop_and_time_element() -> None:
    page = PAGE.format(
        head="", info='<span itemprop="datePublished" content="2018-05-06">6 Mei</span>'
    )
    assert find_published(page) == datetime(2018, 5, 6, tzinfo=WIB)
    page = PAGE.format(head="", info='<time datetime="2017-07-08T09:10:00Z">8 Juli</time>')
    assert find_published(page) == datetime(2017, 7, 8, 9, 10, tzinfo=UTC)


def test_visible_date_next_to_title_not_sidebar() -> None:
    info = '<div class="info">Selasa, 20 September 2022 - 16:30:05 WIB | dibaca: 412 kali</div>'
    page = PAGE.format(head="", info=info)
    assert find_published(page) == datetime(2022, 9, 20, 16, 30, 5, tzinfo=WIB)


def test_only_sidebar_and_body_dates_give_none() -> None:
    # The body's "12 Juli 2022" is an event, the sidebar's date another story's.
    assert find_published(PAGE.format(head="", info="")) is None


def test_time_in_related_list_is_ignored() -> None:
    page = (
        "<html><body><h1>Judul</h1><div class='related'>"
        "<time datetime='2001-01-01'>x</time></div><p>Isi</p></body></html>"
    )
    assert find_published(page) is None


def test_a_site_rules_date_wins_and_nonsense_is_skipped() -> None:
    page = PAGE.format(head="", info='<div class="info">Selasa (20/9/2022)</div>')
    got = find_published(page, candidates=["nonsense", "Kamis, 05/11/2015 09:25 WIB"])
    assert got == datetime(2015, 11, 5, 9, 25, tzinfo=WIB)
    head = '<meta property="article:published_time" content="2021-03-04T05:06:07+07:00">'
    got = find_published(PAGE.format(head=head, info=""), candidates=["5 November 2015"])
    assert got == datetime(2015, 11, 5, tzinfo=WIB)


def test_custom_offset() -> None:
    got = parse_date("2020-01-01T00:00:00-05:00")
    assert got == datetime(2020, 1, 1, tzinfo=timezone(timedelta(hours=-5)))


def test_a_utc_time_that_is_the_printed_local_clock_is_read_as_local() -> None:
    """Detik's pubdate carries a false "Z": the same clock time is printed as WIB."""
    page = (
        '<html><head><meta name="pubdate" content="2015-11-05 T10:08:58Z"></head><body>'
        "<h1>Google Umbar Kelemahan Galaxy S6 Edge</h1>"
        '<div class="date">Kamis, 05/11/2015 10:08 WIB</div><p>Jakarta - Isi.</p></body></html>'
    )
    assert find_published(page) == datetime(2015, 11, 5, 10, 8, tzinfo=WIB)
    # A true UTC time beside its WIB print (03:08Z = 10:08 WIB) stays as it is.
    honest = page.replace("T10:08:58Z", "T03:08:58Z")
    assert find_published(honest) == datetime(2015, 11, 5, 3, 8, 58, tzinfo=UTC)
    # So does a UTC time with no printed date to compare with.
    bare = page.replace("Kamis, 05/11/2015 10:08 WIB", "Oleh Redaksi")
    assert find_published(bare) == datetime(2015, 11, 5, 10, 8, 58, tzinfo=UTC)


def test_the_detik_fixture_page_is_dated_by_its_wib_clock(shared_dir) -> None:
    page = (shared_dir / "fixtures" / "html" / "detik-singlepage.html").read_bytes()
    published = find_published(page)
    assert published is not None
    assert published.astimezone(UTC) == datetime(2015, 11, 5, 3, 8, tzinfo=UTC)  # as its feed


def test_a_day_first_date_that_cannot_be_is_read_in_the_american_order() -> None:
    assert parse_date("12/18/2025") == datetime(2025, 12, 18, tzinfo=WIB)
    # Where both orders can be, Indonesia's: 05/11/2015 is 5 November.
    assert parse_date("05/11/2015") == datetime(2015, 11, 5, tzinfo=WIB)


def test_a_year_alone_is_no_publication_day() -> None:
    # htmldate reads the site's copyright year as 1 January; the page shows no such day.
    story = "".join(
        f"<p>Paragraph {n}: the ferry timetable changes next month for the winter.</p>"
        for n in range(6)
    )
    html = (
        f"<html><body><article><h1>Ferry Timetable Changes</h1>{story}</article>"
        "<div class='site-info'><p>Copyright 2017 Harbour Ferries</p></div></body></html>"
    )
    assert find_published(html) is None


def test_a_first_of_january_the_page_prints_stands() -> None:
    html = (
        "<html><body><article><h1>New Year Ferry Timetable</h1>"
        "<p class='dateline'>January 1, 2026</p><p>The new timetable starts today.</p>"
        "</article></body></html>"
    )
    found = find_published(html)
    assert found is not None and found.date() == date(2026, 1, 1)


def test_a_day_printed_above_the_headline_loses_to_the_declared_one() -> None:
    # Above the headline sit issue dates, "received" days and tickers: weaker than the header.
    html = (
        "<html><head><meta property='article:published_time' content='2025-12-10T09:00:00Z'>"
        "</head><body><article><p class='issue'>12 November 2025</p>"
        "<h1>Ferry Timetable Changes for the Winter</h1>"
        "<p>The winter crossings drop to four a day.</p></article></body></html>"
    )
    found = find_published(html)
    assert found is not None and found.date() == date(2025, 12, 10)


def test_a_day_printed_above_the_headline_alone_stands() -> None:
    html = (
        "<html><body><article><p class='issue'>12 November 2025</p>"
        "<h1>Ferry Timetable Changes for the Winter</h1>"
        "<p>The winter crossings drop to four a day.</p></article></body></html>"
    )
    found = find_published(html)
    assert found is not None and found.date() == date(2025, 11, 12)


def _guide(meta: str, header: str, extra: str = "") -> str:
    story = "".join(
        f"<p>Step {n}: water the seedlings before noon and keep them out of the wind.</p>"
        for n in range(5)
    )
    return (
        f"<html><head>{meta}</head><body><main><article><h1>Growing Tomatoes on a Balcony</h1>"
        f"{header}{story}</article>{extra}</main></body></html>"
    )


def test_a_date_labelled_published_in_the_themes_sidebar_column_counts() -> None:
    # The post's own column of facts ("Published …, Category …") is named a sidebar by its
    # theme; the label says which day it is.
    html = _guide(
        '<script type="application/ld+json">{"@type": "Article",'
        ' "datePublished": "2021-02-03T10:00:00Z"}</script>',
        "",
        "<div class='post-sidebar'><p>Published March 14, 2024</p><p>Category Gardening</p></div>",
    )
    found = find_published(html)
    assert found is not None and found.date() == date(2024, 3, 14)


def test_a_published_heading_over_a_time_counts_and_a_list_before_the_headline_does_not() -> None:
    label = "<aside><h3>Published</h3><p><time datetime='2024-08-30'>30 August 2024</time></p>"
    html = _guide("", "", label + "</aside>")
    found = find_published(html)
    assert found is not None and found.date() == date(2024, 8, 30)
    # Other stories' "Posted on" lines above the headline are theirs.
    listing = (
        "<div class='related-posts'><p>Posted on January 5, 2023</p></div>"
        "<main><article><h1>Growing Tomatoes on a Balcony</h1>"
    )
    html = _guide("", "").replace("<main><article><h1>Growing Tomatoes on a Balcony</h1>", listing)
    assert find_published(html) is None
    # "Published in Gardening" names a section, not a day.
    html = _guide("", "<div class='post-sidebar'><p>Posted in Garden, 12 May 2022</p></div>")
    assert labelled_published(lxml_html.fromstring(html)) is None


def test_an_update_day_stands_where_only_json_ld_declares_an_older_publication() -> None:
    """A page that shows only its "Updated" day and gives an older datePublished in JSON-LD
    alone presents the update as its day; one that announces its publication time in Open
    Graph (or prints it) is dated by that."""
    header = "<p class='updated'>Updated August 14, 2025</p>"
    json_ld = (
        '<script type="application/ld+json">{"@type": "Article",'
        ' "datePublished": "2025-05-19T22:12:02Z"}</script>'
    )
    found = find_published(_guide(json_ld, header))
    assert found is not None and found.date() == date(2025, 8, 14)
    og = '<meta property="article:published_time" content="2025-05-19T22:12:02Z">'
    found = find_published(_guide(json_ld + og, header))
    assert found is not None and found.date() == date(2025, 5, 19)


def test_a_date_that_is_a_whole_link_is_the_posts_own() -> None:
    # Themes print the byline's date as a link to the post; an "Update" note in the story
    # names a later day.
    story = "<p>Long story text about the harbour ferries and their winter crossings.</p>" * 4
    html = (
        "<html><body><h1>Ferry Timetable Changes for the Winter</h1>"
        "<div class='meta'><div class='meta-date'><a href='/2025/12/ferry.html'>December 13, 2025"
        "</a></div></div>"
        f"<p><strong>Update December 14, 2025:</strong> the Sunday crossing is back.</p>{story}"
        "</body></html>"
    )
    found = find_published(html)
    assert found is not None and found.date() == date(2025, 12, 13)


def test_a_dateline_above_the_headline_with_both_days_gives_the_publication() -> None:
    html = (
        "<html><body><article><div class='kicker'><span class='dateline'>DECEMBER 22, 2022"
        "</span><span class='dateline'>Updated: JANUARY 02, 2026</span></div>"
        "<h1>Ten Ways a Walk Improves Your Day</h1>"
        "<p>Walking is good for you, say the doctors we asked.</p></article></body></html>"
    )
    found = find_published(html)
    assert found is not None and found.date() == date(2022, 12, 22)


def test_a_date_in_the_articles_own_footer_or_aside_counts() -> None:
    story = "".join(
        f"<p>Paragraph {n} of the story about remote work habits.</p>" for n in range(5)
    )
    for box in ("footer", "aside"):
        html = (
            f"<html><body><article><h1>Five Habits of Remote Teams</h1><{box}>"
            f"<time datetime='2023-03-30'>March 30, 2023</time></{box}>{story}</article>"
            "<footer><p>Updated daily since 2017-11-07</p></footer></body></html>"
        )
        found = find_published(html)
        assert found is not None and found.date() == date(2023, 3, 30), box


def test_a_numeric_day_read_in_the_order_the_pages_data_confirms() -> None:
    # Day first, as Indonesia writes, unless the page's own data names the other reading.
    head = (
        '<script type="application/ld+json">{"@type": "Article",'
        ' "datePublished": "2024-09-10T16:07:00Z"}</script>'
    )
    info = "<p class='post-date'>09.10.2024</p>"
    found = find_published(PAGE.format(head=head, info=info))
    assert found is not None and found.date() == date(2024, 9, 10)
    found = find_published(PAGE.format(head="", info=info))
    assert found is not None and found.date() == date(2024, 10, 9)


def test_a_bare_date_after_the_post_title_counts_but_not_an_events_range() -> None:
    story = "<p>I solved the puzzles again this year, mostly in Rust.</p>" * 3
    # (the site's template carries a stale meta date for every page)
    html = (
        "<html><head><meta name='date' content='2014-01-01'></head>"
        "<body><h1><a href='/'>Roger's Blog</a></h1><fieldset><legend>Puzzle Week 2"
        f"</legend>20 December 2025<div class='body'>{story}</div></fieldset></body></html>"
    )
    found = find_published(html)
    assert found is not None and found.date() == date(2025, 12, 20)
    # An event's "Date: 16-19 March 2026" after the headline is no timestamp: the dateline
    # above the headline stands.
    html = (
        "<html><body><div class='date-article'>OCTOBER 13, 2025</div><h1>Tech Events of 2026"
        "</h1><h2>Nvidia GTC</h2><b>Date</b>: 16-19 March 2026<br>"
        f"<b>Place</b>: San Jose{story}</body></html>"
    )
    found = find_published(html)
    assert found is not None and found.date() == date(2025, 10, 13)


def test_a_date_in_a_builders_widget_that_holds_the_headline_counts() -> None:
    # A page builder names every box "widget", the post's too; the box with the headline is
    # the post's frame, not a list of other stories.
    about = "".join(
        f"<p>About our practice, part {n}, and the families we help.</p>" for n in range(12)
    )
    html = (
        "<html><head><meta name='date' content='2014-01-01'></head><body>"
        "<div class='widget-span widget-type-blog_content'><h1>One Tip for a College Essay</h1>"
        "<div class='post-meta'><span class='meta-date'><a href='/blog/topic/'>May 18, 2023</a>"
        "</span></div><p>Write about something small.</p></div>"
        f"<div class='about'>{about}</div></body></html>"
    )
    found = find_published(html)
    assert found is not None and found.date() == date(2023, 5, 18)


@pytest.mark.parametrize("text", ["By Ludo, December 15th 2025", "15th of December 2025 · Tips"])
def test_an_english_ordinal_day_is_read_on_the_fast_path(text: str) -> None:
    found = find_printed(text)
    assert found is not None and found[0].date() == date(2025, 12, 15)


def test_originally_published_inside_a_sentence_names_the_publication() -> None:
    story = "<p>Tiny houses cost less to heat and to keep, the owners we met told us.</p>" * 3
    html = (
        "<html><body><article><h1>Living in a Tiny House</h1>"
        "<p class='byline'>By Sam Lee 30 September 2022 11:07</p>"
        f"{story}</article><p class='disclaimer'>This article was originally published on "
        "26 Sep 2019 at 4:12pm but has been regularly updated since.</p></body></html>"
    )
    found = find_published(html)
    assert found is not None and found.date() == date(2019, 9, 26)

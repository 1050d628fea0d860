"""Issue 6, text: what strangers write reaches the screen as text, never as markup or escapes.

Feeds and article pages carry Rich markup ("[/x]" would crash a markup parser), Textual actions
("[@click=app.quit]"), variables ("[$accent]"), ESC/OSC/CSI sequences (an OSC retitles the
terminal), C1 bytes and bidi overrides. The app must stay up, show the text literally minus the
control bytes, and write no ESC that came from a feed to the terminal: checked on the screen of a
pilot run and on the bytes a real `korantui` process writes to a pseudo-terminal.
"""

from __future__ import annotations

import html
import os
import re
import select
import struct
import subprocess
import sys
import time
import webbrowser
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.app import App

from korantui.core.models import Article, Block, Entry, FeedSpec, Link
from korantui.core.sanitize import (
    clean_article,
    clean_block,
    clean_line,
    clean_paragraphs,
    clean_text,
    is_openable,
    safe_url,
)
from korantui.core.store.database import Store
from korantui.ui.app import KoranApp
from korantui.ui.textual_compat import exit_lines, notification_messages
from tests.hostile_servers import Site
from tests.screen import screen_text

ESC = "\x1b"
OSC_TITLE = f"{ESC}]0;pwned\x07"
MARKUP_TITLE = f"Judul [bold red]merah[/] {OSC_TITLE}akhir [/x]"
SHOWN_TITLE = "Judul [bold red]merah[/] akhir [/x]"
SUMMARY = (
    f"Ringkasan [@click=app.quit]keluar[/] dan [$accent]var[/] {ESC}[31;1;4;5mKEDIP{ESC}[0m "
    "\u202eterbalik\u202c selesai."
)
AUTHOR = f"[link=https://evil.example]Penulis[/link] {ESC}P+q544e{ESC}\\"
FEED_TITLE = f"[b]Koran[/b] {OSC_TITLE}Jahat"
BODY_MARK = "PARAGRAF-UJI"
ARTICLE_PARAGRAPHS = [
    f"{BODY_MARK} pertama: [bold]tebal[/bold] dan [@click=app.quit]keluar[/] serta "
    "[link=https://evil.example]tautan[/link] tetap tulisan biasa di halaman ini.",
    "Paragraf kedua memuat &#155;2J lewat entitas dan "
    f"{ESC}]2;pwned{ESC}\\ langsung, lalu {ESC}[31;1;4;5mteks biasa{ESC}[0m yang panjang "
    "\u202euntuk\u202c pembaca berita di kota Batam hari ini.",
    "Paragraf ketiga: <a href='javascript:alert(1)'>jahat</a>, "
    "<a href='data:text/html,x'>data</a>, <a href='file:///etc/passwd'>berkas</a> dan "
    "<a href='https://aman.example/berita'>aman</a>; semuanya tampil sebagai teks.",
]


# -- sanitising ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        (f"a{OSC_TITLE}b", "ab"),
        (f"a{ESC}]8;;https://evil.example{ESC}\\tautan{ESC}]8;;{ESC}\\b", "atautanb"),
        (f"{ESC}[31mmerah{ESC}[0m", "merah"),
        (f"{ESC}[2J{ESC}[H{ESC}[?1049h", ""),
        (f"{ESC}P+q544e{ESC}\\x", "x"),  # DCS
        (f"{ESC}_apc{ESC}\\x{ESC}^pm{ESC}\\y", "xy"),
        (f"a{ESC}cb{ESC}(Bc{ESC}7d", "abcd"),  # RIS, charset, save cursor
        ("\x9b31mC1\x9d0;pwned\x9c.", "C1."),  # 8-bit CSI, OSC, ST
        ("a\x00b\x07c\x08d\x7fe\x85f", "abcde\nf"),
        ("\u202eevil\u202c \u2066iso\u2069 \u200fmark\u061c", "evil iso mark"),
        ("lone \ud800 surrogate \udfff", "lone  surrogate "),
        ("tab\tand\nnewline\r\nkept\rcr", "tab\tand\nnewline\nkept\ncr"),
        ("[bold red]x[/] [@click=app.quit]q[/] [$accent]v[/]", None),  # markup stays as text
        (f"unterminated {ESC}]0;pwned\nnext line", "unterminated \nnext line"),
        ("\ufeffbom \ufffe\uffff", "bom "),
    ],
)
def test_clean_text(raw: str, clean: str | None):
    assert clean_text(raw) == (raw if clean is None else clean)


def test_clean_text_leaves_no_control_character_whatever_comes_in():
    import random

    rng = random.Random(6)
    alphabet = [chr(c) for c in range(0, 0xA0)] + list("[]/@$=;\u202e\u2066\ud800 abc")
    for _ in range(2000):
        raw = "".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 40)))
        out = clean_text(raw)
        assert not re.search(
            "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]", out
        )


def test_clean_line_and_paragraphs():
    assert clean_line(f"  a\n\tb {OSC_TITLE} c ") == "a b c"
    assert clean_paragraphs(f"one\x1b[1m\n two\n\n\n three{ESC}") == "one two\n\nthree"
    assert clean_line(None) == "" and clean_text("") == ""


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " javascript:alert(1)",
        "java\x00script:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "file:///etc/passwd",
        "vbscript:msgbox",
        "about:blank",
        "mailto:a@b.c",
        "ftp://example.com/x",
        "http:///nohost",
        "http://a:notaport/",
        "//",
        "",
        "http://" + "a" * 5000 + ".com/",
    ],
)
def test_only_http_links_are_safe(url: str):
    assert safe_url(url) == ""
    assert not is_openable(url)


def test_safe_links():
    assert safe_url("/berita/x", "https://koran.example/a/b") == "https://koran.example/berita/x"
    assert safe_url("javascript:x", "https://koran.example/") == ""
    assert is_openable("https://koran.example/berita?id=1")
    assert is_openable("HTTP://KORAN.EXAMPLE/")
    # Control characters inside an address are not "the same address": not openable.
    assert not is_openable(f"https://koran.example/{OSC_TITLE}")


def test_clean_block_keeps_links_on_their_words():
    text = f"{ESC}[1mBaca{ESC}[0m {OSC_TITLE}berita ini dan itu"
    start = text.index("berita")
    block = Block(
        "p",
        text,
        [
            Link(start, start + len("berita"), "https://koran.example/b"),
            Link(0, 3, "javascript:alert(1)"),
            Link(5, 999, "https://koran.example/out-of-range"),
        ],
    )
    out = clean_block(block)
    assert out.text == "Baca berita ini dan itu"
    assert [(out.text[lk.start : lk.end], lk.url) for lk in out.links] == [
        ("berita", "https://koran.example/b")
    ]


def test_store_cleans_what_enters_it(tmp_path: Path):
    store = Store(tmp_path / "k.db")
    store.sync_feeds([FeedSpec(url="http://127.0.0.1:1/f.xml", name="Uji")])
    feed = store.feeds()[0]
    store.save_entries(
        feed.id,
        [
            Entry(
                title=MARKUP_TITLE,
                link=f"http://127.0.0.1:1/b{ESC}[1m",
                summary=SUMMARY,
                author=AUTHOR,
                image="javascript:alert(1)",
            ),
            Entry(title="js", link="javascript:alert(1)", guid="g-js"),
        ],
        title=FEED_TITLE,
    )
    rows = {h.title: store.headline(h.id) for h in store.headlines()}
    h = rows[SHOWN_TITLE]
    assert h is not None
    assert h.link == "http://127.0.0.1:1/b"
    assert h.summary == (
        "Ringkasan [@click=app.quit]keluar[/] dan [$accent]var[/] KEDIP terbalik selesai."
    )
    assert h.author == "[link=https://evil.example]Penulis[/link]"
    assert h.image == ""
    assert rows["js"] is not None and rows["js"].link == ""  # shown, never openable
    assert store.feeds()[0].title == "[b]Koran[/b] Jahat"
    store.record_error(feed.id, f"HTTP 500 {OSC_TITLE}[red]x[/red]")
    assert store.feeds()[0].last_error == "HTTP 500 [red]x[/red]"
    # An article enters clean whoever extracted it, its links still on their words.
    article = Article(
        url="http://127.0.0.1:1/b",
        title=MARKUP_TITLE,
        author=AUTHOR,
        image="data:image/png;base64,xx",
        caption=f"Foto{OSC_TITLE}",
        blocks=[Block("p", f"{ESC}[1mtebal{ESC}[0m baca", [Link(14, 18, "https://ok.example/")])],
    )
    store.save_article(h.id, article)
    stored = store.article(h.id)
    assert stored is not None
    assert stored.title == SHOWN_TITLE and stored.caption == "Foto" and stored.image == ""
    assert stored.blocks[0].text == "tebal baca"
    assert [
        (stored.blocks[0].text[lk.start : lk.end], lk.url) for lk in stored.blocks[0].links
    ] == [("baca", "https://ok.example/")]
    assert clean_article(stored) == stored
    store.close()


def test_clean_markup_drops_references_to_control_characters():
    from korantui.core.sanitize import clean_markup

    raw = "a &#27;]0;x&#7; &#x1B;[2J &#150; &#65; &amp; &#9; &#xd800; &#99999999;"
    assert clean_markup(raw) == "a ]0;x [2J – &#65; &amp; &#9;  "
    assert clean_markup("&#" + "9" * 100_000 + ";x") == "x"  # no int() of 100,000 digits


def test_article_page_with_entity_encoded_controls_is_still_read():
    from korantui.core.article.extract import extract_article
    from tests.test_hostile_network import PARAGRAPHS

    body = "".join(f"<p>{p}</p>" for p in [*PARAGRAPHS, "Teks &#27;]0;x&#7; dan &#x1b;[2J ini."])
    page = (
        '<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>Judul</title>'
        f"</head><body><article><h1>Judul</h1><div>{body}</div></article></body></html>"
    )
    article = extract_article(page, "http://127.0.0.1/berita/x")
    assert PARAGRAPHS[0] in article.text
    assert not CONTROL.search(article.text)


def test_huge_character_references_do_not_fail_a_feed():
    # int() refuses strings of over 4,300 digits: one such reference must not cost the feed.
    from korantui.core.sources.feeds import html_to_text, parse_feed

    huge = "&#" + "9" * 50_000 + ";"
    doc = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>K</title>'
        f"<item><title>Satu {huge} dua</title><link>http://127.0.0.1/1</link>"
        f"<description>&lt;p&gt;{huge.replace('&', '&amp;')} tiga&lt;/p&gt;</description></item>"
        "<item><title>Berikutnya</title><link>http://127.0.0.1/2</link></item>"
        "</channel></rss>"
    ).encode()
    parsed = parse_feed(doc, "http://127.0.0.1/f.xml", "application/rss+xml")
    assert [e.title for e in parsed.entries] == ["Satu \ufffd dua", "Berikutnya"]
    assert parsed.entries[0].summary == "\ufffd tiga"
    assert html_to_text(f"<p>a {huge} b &#x{'f' * 20000};</p>") == "a \ufffd b \ufffd"


# -- a hostile site --------------------------------------------------------------------------


def _item(title: str, link: str, summary: str, author: str, date: str, raw: bool = False) -> str:
    def esc(v: str) -> str:
        return v if raw else html.escape(v, quote=False)

    return (
        f"<item><title>{esc(title)}</title><link>{esc(link)}</link>"
        f"<description>{esc(summary)}</description><author>{esc(author)}</author>"
        f"<pubDate>{date}</pubDate></item>"
    )


def hostile_site(site: Site) -> None:
    """/jahat.xml (raw ESC bytes: not well-formed XML, read anyway), /licik.xml (well-formed,
    entity-encoded escapes, C1 and bidi characters), /retry.xml (an error with markup in it),
    and the article page behind the newest headline."""
    base = site.base
    items = _item(
        MARKUP_TITLE,
        f"{base}/berita/jahat",
        SUMMARY,
        AUTHOR,
        "Tue, 20 Sep 2022 09:30:00 +0700",
    ) + _item(
        f"Tautan [@click=app.quit]jahat[/] {ESC}[5m",
        "javascript:alert(1)",
        "Tautan ini tidak boleh dibuka.",
        "Anonim",
        "Mon, 19 Sep 2022 09:30:00 +0700",
    )
    site.page(
        "/jahat.xml",
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>{html.escape(FEED_TITLE)}</title>{items}</channel></rss>",
        "application/rss+xml",
    )
    licik = _item(
        "Licik &#x1b;]0;pwned&#x07;\u0085[$warning]kuning[/] \u202ekiri\u202c \x9b2J",
        f"{base}/berita/licik",
        "Isi &lt;b&gt;tebal&lt;/b&gt; &#27;[2J bersih",
        "[i]Miring[/i]",
        "Sun, 18 Sep 2022 09:30:00 +0700",
        raw=True,
    )
    site.page(
        "/licik.xml",
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>Licik [@click=app.bell]x[/]</title>{licik}</channel></rss>",
        "application/rss+xml",
    )
    site.page(
        "/retry.xml",
        b"busy",
        "text/plain",
        status=429,
        headers={"Retry-After": "[@click=app.quit]nanti[/] [bold]"},
    )
    paragraphs = "".join(f"<p>{p}</p>" for p in ARTICLE_PARAGRAPHS)
    site.page(
        "/berita/jahat",
        '<!DOCTYPE html><html lang="id"><head><meta charset="utf-8">'
        f"<title>{html.escape(SHOWN_TITLE)}</title>"
        f'<meta property="og:title" content="{html.escape(MARKUP_TITLE)}"></head><body>'
        f"<article><h1>{html.escape(MARKUP_TITLE)}</h1><div class='content'>{paragraphs}"
        "</div></article></body></html>",
    )


def _config_text(base: str) -> str:
    # No names: the feeds' own (hostile) titles are what the feed pane shows.
    return "".join(f'[[feeds]]\nurl = "{base}/{p}"\n' for p in ("jahat.xml", "licik.xml")) + (
        f'[[feeds]]\nurl = "{base}/retry.xml"\nname = "Sibuk"\n'
    )


@pytest.fixture
def site() -> Iterator[Site]:
    with Site() as s:
        hostile_site(s)
        yield s


CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


async def _settle(app: KoranApp, pilot, until=lambda: True) -> None:  # type: ignore[no-untyped-def]
    """Let workers finish and their messages land, until the condition holds (bounded)."""
    for _ in range(100):
        await app.workers.wait_for_complete()
        await pilot.pause()
        if until():
            return


async def test_hostile_feeds_show_literally_and_the_app_stays_up(
    site: Site, write_config, monkeypatch
):
    cfg = write_config(_config_text(site.base))
    app = KoranApp(cfg)
    opened: list[str] = []
    async with app.run_test(size=(200, 50)) as pilot:
        await _settle(app, pilot, lambda: "Judul [bold red]merah[/] akhir" in screen_text(app))
        # What passes the app's guard reaches Textual's App.open_url (the browser): record it.
        monkeypatch.setattr(App, "open_url", lambda self, url, new_tab=True: opened.append(url))
        monkeypatch.setattr(webbrowser, "get", lambda *a, **k: object())  # a browser is found
        text = screen_text(app)
        # (The headline column may cut a title short; the reading pane shows it whole below.)
        assert "Judul [bold red]merah[/] akhir" in text
        assert "[b]Koran[/b] Jahat" in text  # the feed's name, from the feed, as written
        # The feed pane may cut a long name: its entries hold all of it, as written.
        assert any("Licik [@click=app.bell]x[/]" in e.name for e in app.main.feed_list.entries)
        assert "Licik [@click=app" in text or "[@click=app.bell]x[/]" in text  # cut or wrapped
        assert "Tautan [@click=app.quit]jahat[/" in text
        assert "pwned" not in text and not CONTROL.search(text)
        assert app.store is not None
        for h in app.store.headlines():
            full = app.store.headline(h.id)
            assert full is not None
            for value in (full.title, full.summary, full.author, full.link, full.feed_name):
                assert not CONTROL.search(value) and "pwned" not in value, value
        licik = next(h for h in app.store.headlines() if h.title.startswith("Licik"))
        # feedparser reads C1 characters as windows-1252 (\x85 "…", \x9b "›"): harmless text.
        assert licik.title == "Licik …[$warning]kuning[/] kiri ›2J"

        # The feed whose error carries markup: its error line is shown as written.
        feeds = {f.display_name: f for f in app.store.feeds()}
        assert feeds["Sibuk"].last_error == (
            "HTTP 429 (too many requests; retry after [@click=app.quit]nanti[/] [bold])"
        )
        for name in ("[b]Koran[/b] Jahat", "Sibuk"):
            assert app.main.feed_list.select(f"feed-{feeds[name].id}")
            await pilot.pause()
            text = screen_text(app)
            assert f"— {name}" in text  # the headline pane's border title
        assert "retry after [@click=app.quit]nanti[/]" in text  # its border subtitle

        # Open the hostile article: its markup shows as text, its unsafe links are not links.
        app.main.feed_list.select("all")
        await pilot.pause()
        app.main.headline_list.focus()
        app.main.headline_list.cursor = 0
        await pilot.press("enter")
        await _settle(app, pilot)
        assert app.main.reader.reading is not None and app.main.reader.reading.status == "full"
        body = app.main.article_view.plain
        assert f"{BODY_MARK} pertama: [bold]tebal[/bold] dan [@click=app.quit]keluar[/]" in body
        assert "pwned" not in body and not CONTROL.search(body)
        assert app.main.article_view.links == ["https://aman.example/berita"]
        text = screen_text(app)
        assert "[link=https://evil.example]tautan[/link]" in text
        assert SHOWN_TITLE in text

        # Opening links: only http(s) ever reaches the browser.
        app.open_url("javascript:alert(1)")
        app.open_url("file:///etc/passwd")
        app.open_url("https://aman.example/berita")
        assert opened == ["https://aman.example/berita"]
        app.main.headline_list.cursor = next(
            i for i, h in enumerate(app.main.headline_list.rows) if h.title.startswith("Tautan")
        )
        app.main.headline_list.action_select()
        await _settle(app, pilot)
        await pilot.press("o")
        await pilot.pause()
        assert opened == ["https://aman.example/berita"]
        assert app.is_running and app.return_code is None
    assert not (cfg.data_dir / "korantui.log").exists()


async def test_an_error_in_a_handler_is_logged_not_shown(site: Site, write_config):
    cfg = write_config(_config_text(site.base))
    app = KoranApp(cfg, refresh_on_start=False)

    def broken(headline_id: int) -> None:
        raise RuntimeError("a bug in opening \x1b]0;pwned\x07 [bold]x[/]")

    async with app.run_test(size=(140, 40)) as pilot:
        app.main.open_headline = broken  # type: ignore[method-assign]
        app.main.action_refresh_all()
        await _settle(app, pilot)
        app.main.headline_list.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert app.is_running  # the app went on
        notes = notification_messages(app)
        assert any(n.startswith("Unexpected error (RuntimeError); details in ") for n in notes)
        await pilot.press("down")
        await pilot.pause()
        assert app.is_running
    log = (cfg.data_dir / "korantui.log").read_text(encoding="utf-8")
    assert "RuntimeError: a bug in opening" in log and "Traceback" in log
    assert "\x1b" not in log and "[bold]x[/]" in log  # safe to `cat`, still says what it was


async def test_an_error_textual_cannot_recover_from_ends_in_one_line(site: Site, write_config):
    cfg = write_config(_config_text(site.base))
    app = KoranApp(cfg, refresh_on_start=False)

    def broken() -> None:
        raise ValueError("a widget's own handler failed")

    async with app.run_test(size=(140, 40)) as pilot:
        # A callback run by a widget's own message loop: Textual hands it to _handle_exception.
        app.main.headline_list.call_later(broken)
        await pilot.pause()
        await pilot.pause()
    assert app.return_code == 1
    assert exit_lines(app) == [] or all("Traceback" not in line for line in exit_lines(app))
    log = (cfg.data_dir / "korantui.log").read_text(encoding="utf-8")
    assert "ValueError: a widget's own handler failed" in log


# -- the real terminal -----------------------------------------------------------------------


def _read_until(fd: int, buf: bytearray, needle: bytes, proc: subprocess.Popen, limit: float):
    """Read the pty into buf until needle shows up, the process ends or limit seconds pass."""
    deadline = time.monotonic() + limit
    while needle not in _plain(buf) and time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:  # the child closed the terminal
                return
            if not chunk:
                return
            buf += chunk
        elif proc.poll() is not None:
            return


def _plain(out: bytes | bytearray) -> bytes:
    """The output without its cursor moves and styles: a line's text comes in pieces wherever
    a widget's edge runs under it (a toast over two panes), and a needle may span them."""
    return re.sub(rb"\x1b\[[0-9;?<>=$]*[A-Za-z~]", b"", bytes(out))


def _visible(out: bytes | bytearray) -> str:
    """The words a failed run showed, for the assertion message."""
    text = re.sub(r"\x1b\[[0-9;?<>=$]*[A-Za-z~]", "|", bytes(out).decode("utf-8", "replace"))
    return "\n".join(dict.fromkeys(re.findall(r"[^\s|│─╭╮╰╯][^|│]{8,}", text)))[-3000:]


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
def test_no_escape_from_a_feed_reaches_the_terminal(site: Site, tmp_path: Path):
    import fcntl
    import termios

    config = tmp_path / "config.toml"
    config.write_text(_config_text(site.base), encoding="utf-8")
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 150, 0, 0))
    env = {
        **os.environ,
        "TERM": "xterm-256color",
        "COLORTERM": "truecolor",
        "LANG": "C.UTF-8",
        "PYTHONIOENCODING": "utf-8",
    }
    env.pop("TEXTUAL", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "korantui", "--config", str(config), "--data-dir", str(tmp_path)],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        start_new_session=True,
        close_fds=True,
    )
    os.close(slave)
    out = bytearray()
    try:
        # The hostile headline on screen, and the whole refresh done (its notice shown).
        _read_until(master, out, b"feeds refreshed", proc, 20)
        assert b"merah[/]" in _plain(out) and b"feeds refreshed" in _plain(out), _visible(out)
        # The cursor stays on the row it was on while feeds come in: go to the top (the newest,
        # the hostile one), then open it.
        os.write(master, b"g\r")
        _read_until(master, out, BODY_MARK.encode(), proc, 20)
        assert BODY_MARK.encode() in _plain(out), _visible(out)
        os.write(master, b"q")
        _read_until(master, out, b"\x00never\x00", proc, 10)
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        os.close(master)
    data = bytes(out)
    text = data.decode("utf-8", "replace")
    assert proc.returncode == 0
    assert "Traceback" not in text
    # The terminal's title was never set by a feed, and no payload of theirs went out at all.
    assert b"pwned" not in data
    # The only title korantui sets is its own: its name and the unread count.
    titles = re.findall(rb"\x1b\](?:0|1|2);([^\x07\x1b]*)", data)
    assert titles and all(re.fullmatch(rb"korantui( \xe2\x80\x94 \d+ unread)?", t) for t in titles)
    # OSC 8 hyperlinks (if any) never point where a feed said.
    assert not re.search(rb"\x1b\]8;[^\x07\x1b]*evil\.example", data)
    # The feed's own CSI (bold, underline, blink, red in that order) never went out.
    assert b"\x1b[31;1;4;5m" not in data and b"\x1b[5m" not in data
    # C1 controls never went out, raw or UTF-8 encoded.
    assert not re.search("[\x80-\x9f]", text)
    # And the text itself did: the markup shows as written.
    assert b"[@click=app.quit]" in data


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Berita biasa, tanpa apa-apa — “kutipan” é", "Berita biasa, tanpa apa-apa — “kutipan” é"),
        ("a\u2028b\u2029c", "a\nb\n\nc"),
        ("a\r\nb\rc\x85d", "a\nb\nc\nd"),
        ("x\x1b[31my\x9b2Jz", "xyz"),
        ("kiri\u202ekanan\ufeff", "kirikanan"),
        ("tab\tdan\nbaris", "tab\tdan\nbaris"),
    ],
)
def test_clean_text_changes_only_what_it_must(raw: str, clean: str) -> None:
    """Text with nothing to remove is returned as it is (the quick path); anything else is
    cleaned as before."""
    from korantui.core.sanitize import clean_text

    assert clean_text(raw) == clean


def test_a_huge_link_is_refused_and_never_kept_in_the_link_cache() -> None:
    from korantui.core import sanitize

    huge = "https://example.org/" + "a" * 1_000_000
    before = sanitize._cached_check_url.cache_info().currsize
    assert sanitize.safe_url(huge) == ""
    assert sanitize.safe_url("https://example.org/" + " " * 20_000) == "https://example.org/"
    assert sanitize._cached_check_url.cache_info().currsize == before
    assert sanitize.safe_url("https://example.org/berita/1") == "https://example.org/berita/1"
    assert sanitize.safe_url(12345) == ""  # an odd type from a broken feed: no TypeError

"""An account's items as the store keeps them: the server's HTML content as the plain-text
summary, and as the article itself when it is long enough to be one (then it reads at once and
offline, and korantui fetches nothing for it).

Outside core/accounts, whose modules talk to servers and never parse pages (tests/test_layers.py):
this is where the server's words meet korantui's HTML readers.
"""

from __future__ import annotations

from collections.abc import Sequence

from korantui.core.accounts.remote import RemoteItem
from korantui.core.models import Article, Block
from korantui.core.store.accounts import ItemRow

MAX_SUMMARY = 100_000


def item_rows(
    items: Sequence[RemoteItem], feed_ids: dict[str, int], full_text_words: int
) -> list[ItemRow]:
    """The items as store rows, on the lxml thread (core/htmlwork.py)."""
    from korantui.core.htmlwork import on_html_thread

    return on_html_thread(_item_rows, items, feed_ids, full_text_words)


def _item_rows(
    items: Sequence[RemoteItem], feed_ids: dict[str, int], full_text_words: int
) -> list[ItemRow]:
    from korantui.core.sources.feeds import html_to_text

    rows = []
    for item in items:
        summary = html_to_text(item.content_html[: MAX_SUMMARY * 4])[:MAX_SUMMARY]
        article = None
        if len(summary.split()) >= full_text_words:
            article = server_article(item, summary)
        rows.append(
            ItemRow(
                remote_id=item.id,
                feed_id=feed_ids[item.feed_id],
                title=item.title,
                link=item.url,
                summary=summary,
                author=item.author,
                published=item.published,
                read=item.read,
                starred=item.starred,
                article=article,
            )
        )
    return rows


def server_article(item: RemoteItem, summary: str) -> Article:
    """The server's content as korantui's article: headings, lists, quotes and links kept where
    it parses as HTML, its plain paragraphs otherwise."""
    blocks: list[Block] = []
    try:
        from lxml import html as lxml_html

        from korantui.core.article.blocks import blocks_from_element

        root = lxml_html.fragment_fromstring(item.content_html, create_parent="div")
        blocks = blocks_from_element(root, item.url)
    except Exception:  # lxml's errors for what is not HTML at all: the plain text will do
        blocks = []
    if not blocks:
        blocks = [Block("p", p) for p in summary.split("\n\n") if p.strip()]
    from korantui.core.reading import capped

    article = Article(
        url=item.url,
        title=item.title,
        author=item.author,
        published=item.published,
        blocks=blocks,
        method="server",
    )
    return capped(article)

"""The sync engine against an in-memory server (tests/accounts_fake.py): pull, push, the queue
and its conflicts, failures half-way. The same stories through the real clients and the
loopback servers are in test_accounts_e2e.py."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from korantui.core.accounts.engine import sync_account
from korantui.core.models import FeedSpec
from korantui.core.reading_service import ReadingService
from korantui.core.store.account_queue import queued
from korantui.core.store.accounts import account_status
from korantui.core.store.database import Store
from tests.accounts_fake import FakeServer

LONG = "<p>" + " ".join(["kata"] * 200) + "</p><h2>Sub</h2><p>Akhir.</p>"


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "k.db")
    yield s
    s.close()


@pytest.fixture
def server():
    s = FakeServer()
    s.add_feed("feed/1", "Kompas", "Nasional")
    s.add_feed("feed/2", "Tempo")
    start = datetime.now(UTC) - timedelta(hours=3)  # a quarter of an hour apart
    for n in range(1, 6):
        s.add_item(str(n), "feed/1", when=start + timedelta(minutes=15 * n))
    s.add_item("6", "feed/2", content=LONG, when=start + timedelta(minutes=90))
    s.set("2", read=True)
    s.set("3", starred=True)
    return s


def by_title(store):
    return {h.title: h for h in store.headlines()}


async def test_first_sync_brings_feeds_under_the_account_headlines_and_state(store, server):
    result = await sync_account(store, server.client(), "Rumah")
    assert result.ok, result.error
    assert (result.feeds, result.new, result.unread) == (2, 6, 5)
    feeds = {f.display_name: f for f in store.feeds()}
    assert feeds["Kompas"].category == "Rumah / Nasional"
    assert feeds["Tempo"].category == "Rumah"
    rows = by_title(store)
    assert rows["Berita 2"].read and not rows["Berita 1"].read
    assert rows["Berita 3"].starred
    # A long content is the article at once; a teaser is only the summary.
    assert rows["Berita 6"].has_article and not rows["Berita 1"].has_article
    article = store.article(rows["Berita 6"].id)
    assert article is not None and article.method == "server"
    assert [b.kind for b in article.blocks][-2:] == ["h", "p"]
    assert store.headline(rows["Berita 1"].id).summary == "Ringkasan 1."
    assert "Rumah: ok, 2 feeds, 6 new, 5 unread" in result.line()


async def test_incremental_sync_pulls_only_what_is_new_and_follows_state(store, server):
    await sync_account(store, server.client(), "Rumah")
    server.add_item("7", "feed/2")
    server.set("1", read=True)  # read on the phone
    server.set("3", starred=False)
    server.calls.clear()
    result = await sync_account(store, server.client(), "Rumah")
    assert result.new == 1
    rows = by_title(store)
    assert len(rows) == 7 and rows["Berita 1"].read and not rows["Berita 3"].starred
    assert "items-page" not in server.calls  # one page: the rest was before the cursor


async def test_local_changes_are_queued_then_pushed_and_leave_the_queue(store, server):
    await sync_account(store, server.client(), "Rumah")
    service = ReadingService(store)
    rows = by_title(store)
    service.set_read([rows["Berita 1"]])
    service.set_starred(rows["Berita 4"], True)
    service.set_read([rows["Berita 2"]], False)
    assert {q.kind for q in queued(store, "Rumah")} == {"read", "star", "unread"}
    result = await sync_account(store, server.client(), "Rumah")
    assert result.pushed == 3
    assert server.items["1"].read and server.items["4"].starred and not server.items["2"].read
    assert queued(store, "Rumah") == []


async def test_the_latest_of_several_changes_to_one_item_is_pushed(store, server):
    await sync_account(store, server.client(), "Rumah")
    service = ReadingService(store)
    h = by_title(store)["Berita 1"]
    h = service.set_read([h])[0]
    h = service.set_read([h], False)[0]
    service.set_read([h])
    assert len(queued(store, "Rumah")) == 1
    await sync_account(store, server.client(), "Rumah")
    assert server.items["1"].read


async def test_pull_while_queued_keeps_the_local_state(store, server):
    await sync_account(store, server.client(), "Rumah")
    ReadingService(store).set_read([by_title(store)["Berita 1"]])
    client = server.client()
    await client.login()
    from korantui.core.accounts.engine import AccountResult, pull

    await pull(store, client, "Rumah", AccountResult("Rumah"))  # the state pulled, no push
    assert by_title(store)["Berita 1"].read and not server.items["1"].read
    await sync_account(store, server.client(), "Rumah")
    assert server.items["1"].read and by_title(store)["Berita 1"].read


async def test_a_server_failing_mid_push_keeps_the_rest_queued_and_the_next_sync_ends_it(
    store, server
):
    await sync_account(store, server.client(), "Rumah")
    service = ReadingService(store)
    rows = by_title(store)
    service.set_read([rows["Berita 1"]])
    service.set_starred(rows["Berita 5"], True)
    server.fail_after = 2  # login, the read batch; then the server is gone
    result = await sync_account(store, server.client(), "Rumah")
    assert not result.ok and "cannot be reached" in result.error
    assert result.left_queued == 1
    assert server.items["1"].read and not server.items["5"].starred
    assert [q.kind for q in queued(store, "Rumah")] == ["star"]
    assert account_status(store)["Rumah"].last_error == result.error
    server.fail_after = None
    result = await sync_account(store, server.client(), "Rumah")
    assert result.ok and server.items["5"].starred and queued(store, "Rumah") == []
    assert account_status(store)["Rumah"].last_error == ""


async def test_a_pull_cut_short_is_pulled_again_and_loses_nothing(store, server):
    server.fail_after = 3  # login, feeds, the first page; the second page fails
    result = await sync_account(store, server.client(), "Rumah")
    assert not result.ok and len(store.headlines()) == 3
    assert account_status(store)["Rumah"].pulled_from is None  # the cursor did not move
    server.fail_after = None
    result = await sync_account(store, server.client(), "Rumah")
    assert result.ok and len(store.headlines()) == 6 and result.new == 3


async def test_mark_all_read_uses_the_server_s_call_for_the_feed(store, server):
    await sync_account(store, server.client(), "Rumah")
    kompas = next(f for f in store.feeds() if f.display_name == "Kompas")
    service = ReadingService(store)
    service.set_read([by_title(store)["Berita 2"]], False)  # superseded by the mark-all
    service.mark_feed_read(kompas.id)
    assert [q.kind for q in queued(store, "Rumah")] == ["mark_all"]
    await sync_account(store, server.client(), "Rumah")
    assert [f for f, _ in server.mark_alls] == ["feed/1"]
    assert all(server.items[str(n)].read for n in range(1, 6))
    assert not server.items["6"].read  # another feed's


async def test_an_item_arriving_after_the_last_sync_is_not_marked_by_mark_all(store, server):
    await sync_account(store, server.client(), "Rumah")
    kompas = next(f for f in store.feeds() if f.display_name == "Kompas")
    ReadingService(store).mark_feed_read(kompas.id)
    server.add_item("8", "feed/1", when=datetime.now(UTC) + timedelta(minutes=5))
    await sync_account(store, server.client(), "Rumah")
    assert not server.items["8"].read and not by_title(store)["Berita 8"].read


async def test_wrong_password_is_one_line_and_the_stored_news_stays(store, server):
    await sync_account(store, server.client(), "Rumah")
    result = await sync_account(store, server.client("salah"), "Rumah", secrets=["salah"])
    assert result.error == "wrong user name or password"
    assert "salah" not in result.line()
    assert len(store.headlines()) == 6
    ReadingService(store).set_read([by_title(store)["Berita 1"]])  # reading goes on offline
    assert len(queued(store, "Rumah")) == 1


async def test_feeds_gone_from_the_server_leave_and_local_feeds_stay(store, server):
    service = ReadingService(store)
    service.sync_feeds([FeedSpec("https://lokal.example/rss", "Lokal")])
    await sync_account(store, server.client(), "Rumah")
    assert [f.display_name for f in store.feeds()] == ["Lokal", "Tempo", "Kompas"]
    # The config's feed list again (a restart): the account's feeds stay.
    service.sync_feeds([FeedSpec("https://lokal.example/rss", "Lokal")])
    assert [f.display_name for f in store.feeds()] == ["Lokal", "Tempo", "Kompas"]
    del server.feeds["feed/2"]
    await sync_account(store, server.client(), "Rumah")
    assert [f.display_name for f in store.feeds()] == ["Lokal", "Kompas"]


async def test_two_accounts_keep_their_items_apart(store, server):
    other = FakeServer()
    other.add_feed("7", "Detik")
    other.add_item("1", "7")  # the same remote id as the first server's item 1
    await sync_account(store, server.client(), "Rumah")
    await sync_account(store, other.client(), "Kantor")
    headings = [f.category for f in store.feeds()]
    assert headings == ["Kantor", "Rumah", "Rumah / Nasional"]
    h = next(h for h in store.headlines() if h.feed_name == "Detik")
    ReadingService(store).set_read([h])
    assert [q.remote_id for q in queued(store, "Kantor")] == ["1"] and not queued(store, "Rumah")
    await sync_account(store, other.client(), "Kantor")
    assert other.items["1"].read and not server.items["1"].read


async def test_a_change_the_server_refuses_leaves_the_queue_and_the_sync_goes_on(store, server):
    await sync_account(store, server.client(), "Rumah")
    ReadingService(store).set_read([by_title(store)["Berita 1"]])
    del server.items["1"]  # gone from the server meanwhile: it refuses the change
    server.add_item("9", "feed/2")
    result = await sync_account(store, server.client(), "Rumah")
    assert result.ok and queued(store, "Rumah") == []
    assert "Berita 9" in by_title(store)


async def test_mark_all_before_any_complete_pull_marks_the_shown_headlines_one_by_one(
    store, server
):
    server.fail_after = 4  # login, feeds, two pages of items: the state list fails
    await sync_account(store, server.client(), "Rumah")
    assert account_status(store)["Rumah"].pulled_at is None and len(store.headlines()) == 6
    ReadingService(store).mark_feed_read(None)
    assert {q.kind for q in queued(store, "Rumah")} == {"read"}
    server.fail_after = None
    await sync_account(store, server.client(), "Rumah")
    assert server.mark_alls == [] and all(i.read for i in server.items.values())

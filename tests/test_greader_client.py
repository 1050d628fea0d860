"""The Google Reader API client against the strict FreshRSS-flavoured loopback server."""

from __future__ import annotations

import logging
import socket
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime

import httpx
import pytest

from korantui.core.accounts.greader import GReaderClient
from korantui.core.accounts.ids import long_id, short_id
from korantui.core.accounts.remote import AccountError, Failure, RemoteItem
from korantui.core.net.api import ApiLimits
from tests.sync_servers import BASE_US, READ, GReaderServer, Item

PASSWORD = "rahasia-sekali"


@pytest.fixture
def server() -> Iterator[GReaderServer]:
    with GReaderServer(password=PASSWORD) as s:
        s.add_feed("Koran Satu", "https://satu.example/rss", "Berita")
        s.add_feed("Koran Dua", "https://dua.example/rss", "Teknologi")
        yield s


@pytest.fixture
async def client(server: GReaderServer) -> AsyncIterator[GReaderClient]:
    c = GReaderClient(server.url, "budi", PASSWORD, page_size=500)
    await c.login()
    yield c
    await c.aclose()


async def _all(client: GReaderClient, **kw: object) -> list[RemoteItem]:
    out: list[RemoteItem] = []
    async for page in client.items(kw.pop("since", None), **kw):
        out += page
    return out


async def _failure(client: GReaderClient) -> AccountError:
    with pytest.raises(AccountError) as caught:
        await client.login()
    return caught.value


# -- the server is as strict as it says -------------------------------------------------------


def test_the_server_refuses_loose_auth_headers_and_edit_tag_by_get(server: GReaderServer):
    server.add_items(3, 1)
    api = server.url + "/reader/api/0/"
    good = {"Authorization": f"GoogleLogin auth={server.auth}"}
    with httpx.Client() as http:
        assert http.get(api + "token", headers=good).status_code == 200
        for bad in (f"GoogleLogin  auth={server.auth}", f"Bearer {server.auth}", server.auth):
            assert http.get(api + "token", headers={"Authorization": bad}).status_code == 401
        first = f"tag:google.com,2005:reader/item/{BASE_US:016x}"
        got = http.get(
            api + "edit-tag", params={"i": first, "a": READ, "T": server.token}, headers=good
        )
        assert got.status_code == 400
        no_token = http.post(api + "edit-tag", data={"i": first, "a": READ}, headers=good)
        assert no_token.status_code == 401
        assert not any(i.read for i in server.items.values())
        both = {"i": [first, str(BASE_US + 1_000_000)], "a": READ, "T": server.token}
        assert http.post(api + "edit-tag", data=both, headers=good).text == "OK"
    assert [i.read for i in server.items.values()] == [True, True, False]


# -- login ------------------------------------------------------------------------------------


async def test_login_fetches_the_token_and_lists_feeds_and_labels(client, server):
    feeds = await client.feeds()
    assert [(f.id, f.title, f.url, f.categories) for f in feeds] == [
        ("feed/1", "Koran Satu", "https://satu.example/rss", ("Berita",)),
        ("feed/2", "Koran Dua", "https://dua.example/rss", ("Teknologi",)),
    ]
    assert set(await client.categories()) >= {"Berita", "Teknologi"}
    login = server.calls("accounts/ClientLogin")[0]
    assert login.method == "POST" and PASSWORD not in login.path + str(login.query)
    assert server.calls("/token", "GET")


async def test_any_call_logs_in_first_when_not_yet_logged_in(server):
    c = GReaderClient(server.url, "budi", PASSWORD)
    assert len(await c.feeds()) == 2
    await c.aclose()
    assert [r.path.rsplit("/", 1)[-1] for r in server.log] == ["ClientLogin", "token", "list"]


async def test_a_wrong_password_is_auth_and_never_shows_the_password(server):
    wrong = "salah-" + PASSWORD
    c = GReaderClient(server.url, "budi", wrong)
    error = await _failure(c)
    await c.aclose()
    assert error.failure == Failure.AUTH
    assert wrong not in str(error) and wrong not in repr(error) and wrong not in repr(c)
    assert PASSWORD not in str(error)


async def test_an_api_switched_off_or_without_its_password_says_so(server):
    server.api_enabled = False
    c = GReaderClient(server.url, "budi", PASSWORD)
    assert (await _failure(c)).failure == Failure.API_OFF
    server.api_enabled = True
    server.api_password_set = False
    assert (await _failure(c)).failure == Failure.AUTH
    await c.aclose()


async def test_the_site_address_instead_of_the_api_is_api_off(server):
    c = GReaderClient(server.origin, "budi", PASSWORD)  # without /api/greader.php
    assert (await _failure(c)).failure == Failure.API_OFF
    await c.aclose()


async def test_a_closed_port_is_unreachable():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    c = GReaderClient(f"http://127.0.0.1:{port}/api/greader.php", "budi", PASSWORD)
    error = await _failure(c)
    await c.aclose()
    assert error.failure == Failure.UNREACHABLE and PASSWORD not in str(error)


# -- reading --------------------------------------------------------------------------------


async def test_paging_2500_items_follows_continuations_to_the_empty_last_page(client, server):
    server.add_items(1500, 1)
    server.add_items(1000, 2, read=True)
    items = await _all(client)
    assert len(items) == 2500 and len({i.id for i in items}) == 2500
    pages = server.calls("stream/contents/user/-/state/com.google/reading-list")
    assert len(pages) == 6  # five full pages, then the empty one the last continuation leads to
    continuations = [dict(p.query).get("c", "") for p in pages]
    assert continuations[0] == "" and len(set(continuations[1:])) == 5
    assert all(dict(p.query)["n"] == "500" for p in pages)
    by_feed = {f: sum(1 for i in items if i.feed_id == f) for f in ("feed/1", "feed/2")}
    assert by_feed == {"feed/1": 1500, "feed/2": 1000}
    assert sum(i.read for i in items) == 1000
    first = items[-1]  # newest first: the last one is the oldest
    assert first.title == f"Berita {BASE_US}" and first.url.startswith("https://berita.example/")
    assert first.published == datetime.fromtimestamp(1_764_000_000, UTC)


async def test_since_is_sent_in_seconds_and_unread_only_excludes_read(client, server):
    ids = server.add_items(10, 1)
    for iid in ids[:3]:
        server.items[iid].read = True
    since = datetime.fromtimestamp(ids[5] // 1_000_000, UTC)
    newer = await _all(client, since=since)
    assert sorted(short_id(i.id) for i in newer) == [str(i) for i in ids[5:]]
    assert dict(server.calls("reading-list")[-1].query)["ot"] == str(ids[5] // 1_000_000)
    unread = await _all(client, unread_only=True)
    assert sorted(int(i.id) for i in unread) == ids[3:]


async def test_state_ids_and_item_ids_are_one_form_even_past_2_63(client, server):
    ids = server.add_items(5, 1)
    big = (1 << 64) - 5  # an unsigned 64-bit id, -5 as Google's signed short form
    server.items[big] = Item(big, 1, "Besar", "https://berita.example/besar", published=1)
    server.items[ids[0]].starred = True
    server.items[ids[1]].read = True  # read elsewhere
    state = await client.state()
    items = {i.id: i for i in await _all(client)}
    assert "-5" in items and "-5" in state.unread
    assert state.unread == {str(i) for i in ids if i != ids[1]} | {"-5"}
    assert state.starred == {str(ids[0])} and items[str(ids[0])].starred
    assert set(items) >= state.unread


def test_the_two_id_forms_convert_as_documented():
    # Inoreader's and FeedHQ's table: long (unsigned hex, 16 digits) vs short (signed decimal).
    assert short_id("tag:google.com,2005:reader/item/00000000148b9369") == "344691561"
    assert long_id("344691561") == "tag:google.com,2005:reader/item/00000000148b9369"
    assert short_id("tag:google.com,2005:reader/item/ffffffffffffffff") == "-1"
    assert short_id("18446744073709551615") == "-1"
    assert long_id("-1") == "tag:google.com,2005:reader/item/ffffffffffffffff"
    old_reader = "tag:google.com,2005:reader/item/5d0cfa30041d4348a7c1b2e0"
    assert short_id(old_reader) == old_reader == long_id(old_reader)


# -- changes --------------------------------------------------------------------------------


async def test_edit_tag_is_batched_by_post_with_one_state_a_call(client, server):
    ids = [str(i) for i in server.add_items(600, 1)]
    client.edit_batch = 250
    await client.mark_read(ids, True)
    posts = server.calls("edit-tag", "POST")
    assert [sum(1 for k, _ in p.form if k == "i") for p in posts] == [250, 250, 100]
    assert all([(k, v) for k, v in p.form if k in "ar"] == [("a", READ)] for p in posts)
    assert all(i.read for i in server.items.values())
    await client.mark_read(ids[:2], False)
    await client.mark_starred(ids[2:3], True)
    assert [server.items[int(i)].read for i in ids[:3]] == [False, False, True]
    assert server.items[int(ids[2])].starred
    assert ("r", READ) in server.calls("edit-tag")[-2].form


async def test_a_stale_token_is_fetched_again_once(client, server):
    ids = [str(i) for i in server.add_items(2, 1)]
    server.rotate_token()
    await client.mark_starred(ids, True)
    assert all(i.starred for i in server.items.values())
    assert len(server.calls("/token")) == 2


async def test_an_expired_session_logs_in_again_once(client, server):
    ids = [str(i) for i in server.add_items(2, 1)]
    server.expire_sessions()
    assert len(await client.feeds()) == 2
    server.expire_sessions()
    await client.mark_read(ids, True)
    assert all(i.read for i in server.items.values())
    assert len(server.calls("accounts/ClientLogin")) == 3
    server.password = "diganti"  # changed on the server: the next login fails, once
    server.expire_sessions()
    with pytest.raises(AccountError) as caught:
        await client.feeds()
    assert caught.value.failure == Failure.AUTH and PASSWORD not in str(caught.value)
    assert len(server.calls("accounts/ClientLogin")) == 4


async def test_mark_all_read_sends_microseconds(client, server):
    ids = server.add_items(6, 1)
    server.add_items(2, 2)
    await client.mark_all_read("feed/1", datetime.fromtimestamp(ids[3] / 1_000_000, UTC))
    assert [server.items[i].read for i in ids] == [True] * 4 + [False] * 2
    ts = dict(server.calls("mark-all-as-read")[-1].form)["ts"]
    assert ts == str(ids[3])
    await client.mark_all_read(None, datetime.now(UTC))
    assert all(i.read for i in server.items.values())


async def test_add_rename_move_and_remove_a_feed(client, server):
    feed = await client.add_feed("https://tiga.example/rss", "Olahraga")
    assert feed.id == "feed/3" and feed.url == "https://tiga.example/rss"
    assert feed.categories == ("Olahraga",)
    await client.rename_feed(feed.id, "Koran Tiga")
    await client.move_feed(feed.id, "Berita")
    assert (server.feeds[3].title, server.feeds[3].category) == ("Koran Tiga", "Berita")
    await client.move_feed(feed.id, "")
    assert server.feeds[3].category == "Uncategorized"
    await client.remove_feed(feed.id)
    assert 3 not in server.feeds
    with pytest.raises(AccountError) as caught:
        await client.add_feed("https://satu.example/rss")
    assert caught.value.failure == Failure.REFUSED
    with pytest.raises(AccountError) as caught:
        await client.remove_feed("feed/99")
    assert caught.value.failure == Failure.REFUSED


# -- failures mid-sync ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "failure"), [("500", Failure.SERVER), ("drop", Failure.UNREACHABLE)]
)
async def test_a_failure_mid_paging_raises(client, server, kind, failure):
    server.add_items(1200, 1)
    server.fail(3, kind)
    got: list[RemoteItem] = []
    with pytest.raises(AccountError) as caught:
        async for page in client.items(None):
            got += page
    assert caught.value.failure == failure and len(got) == 1000


async def test_an_oversize_answer_is_refused(server):
    server.add_items(5, 1)
    server.padding = 300_000
    c = GReaderClient(server.url, "budi", PASSWORD, limits=ApiLimits(max_bytes=200_000))
    await c.login()
    with pytest.raises(AccountError) as caught:
        await c.feeds()
    await c.aclose()
    assert caught.value.failure == Failure.PROTOCOL and "cap" in str(caught.value)


async def test_a_page_over_the_cap_is_asked_for_again_in_halves(server):
    server.add_items(1000, 1)
    c = GReaderClient(server.url, "budi", PASSWORD, limits=ApiLimits(max_bytes=100_000))
    await c.login()
    items = await _all(c)
    await c.aclose()
    assert len({i.id for i in items}) == 1000
    sizes = [dict(r.query)["n"] for r in server.calls("reading-list")]
    assert sizes[:3] == ["500", "250", "125"] and set(sizes[3:]) == {"125"}


async def test_a_change_answered_by_a_login_page_is_not_taken_as_done(client, server):
    ids = [str(i) for i in server.add_items(2, 1)]
    server.login_wall = True
    with pytest.raises(AccountError) as caught:
        await client.mark_read(ids, True)
    assert caught.value.failure == Failure.API_OFF


async def test_no_secret_reaches_the_logs_even_at_debug(server, caplog):
    caplog.set_level(logging.DEBUG)
    c = GReaderClient(server.url, "budi", PASSWORD)
    await c.login()
    await c.mark_read([str(i) for i in server.add_items(1, 1)], True)
    await c.aclose()
    bad = GReaderClient(server.url, "budi", "salah-" + PASSWORD)
    await _failure(bad)
    await bad.aclose()
    assert "ClientLogin" in caplog.text  # httpx did log the requests
    for secret in (PASSWORD, server.auth.split("/")[1], server.token):
        assert secret not in caplog.text

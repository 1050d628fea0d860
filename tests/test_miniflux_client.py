"""The Miniflux client against the strict Miniflux loopback server."""

from __future__ import annotations

import base64
import socket
import subprocess
import sys
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest

from korantui.core.accounts.miniflux import MinifluxClient
from korantui.core.accounts.remote import AccountError, Failure, RemoteItem
from korantui.core.net.api import ApiLimits, ApiSession
from tests.sync_servers import MinifluxServer

PASSWORD = "rahasia-sekali"
KEY = "kunci-api-123"


@pytest.fixture
def server() -> Iterator[MinifluxServer]:
    with MinifluxServer(password=PASSWORD, api_key=KEY) as s:
        s.add_feed("Koran Satu", "https://satu.example/rss")
        s.add_feed("Koran Dua", "https://dua.example/rss", "Teknologi")
        yield s


@pytest.fixture
async def client(server: MinifluxServer) -> AsyncIterator[MinifluxClient]:
    c = MinifluxClient(server.url, api_key=KEY, page_size=250)
    await c.login()
    yield c
    await c.aclose()


async def _all(client: MinifluxClient, **kw: object) -> list[RemoteItem]:
    out: list[RemoteItem] = []
    async for page in client.items(kw.pop("since", None), **kw):
        out += page
    return out


async def _login_failure(c: MinifluxClient) -> AccountError:
    with pytest.raises(AccountError) as caught:
        await c.login()
    await c.aclose()
    return caught.value


def test_the_server_wants_a_key_or_basic_auth_and_toggles_bookmarks(server):
    server.add_items(1, 1)
    with httpx.Client(base_url=server.url) as http:
        assert http.get("/v1/me").status_code == 401
        assert http.get("/v1/me", headers={"X-Auth-Token": "salah"}).status_code == 401
        assert http.get("/v1/me", auth=("budi", "salah")).status_code == 401
        assert http.get("/v1/me", auth=("budi", PASSWORD)).json()["id"] == 7
        key = {"X-Auth-Token": KEY}
        assert http.post("/v1/entries", headers=key).status_code == 405
        for expected in (True, False):
            assert http.put("/v1/entries/1/bookmark", headers=key).status_code == 204
            assert server.items[1].starred is expected


async def test_login_with_a_key_or_a_password_and_the_feeds(server):
    for c in (
        MinifluxClient(server.url, api_key=KEY),
        MinifluxClient(server.url, username="budi", password=PASSWORD),
    ):
        await c.login()
        assert c.user_id == 7
        feeds = await c.feeds()
        assert [(f.id, f.title, f.url, f.categories) for f in feeds] == [
            ("1", "Koran Satu", "https://satu.example/rss", ("All",)),
            ("2", "Koran Dua", "https://dua.example/rss", ("Teknologi",)),
        ]
        assert await c.categories() == ["All", "Teknologi"]
        await c.aclose()
    assert server.calls("/v1/me")[0].headers["x-auth-token"] == KEY
    assert server.calls("/v1/me")[-1].headers["authorization"].startswith("Basic ")


async def test_wrong_credentials_are_auth_and_never_show_the_secret(server):
    wrong = "salah-" + PASSWORD
    pair = base64.b64encode(f"budi:{wrong}".encode()).decode()
    c = MinifluxClient(server.url, username="budi", password=wrong)
    text = repr(c)
    error = await _login_failure(c)
    assert error.failure == Failure.AUTH
    for secret in (wrong, pair):
        assert secret not in str(error) + repr(error) + text
    wrong_key = "kunci-salah-999"
    error = await _login_failure(MinifluxClient(server.url, api_key=wrong_key))
    assert error.failure == Failure.AUTH and wrong_key not in str(error)


async def test_an_api_that_answers_404_or_a_closed_port(server):
    server.api_enabled = False
    assert (await _login_failure(MinifluxClient(server.url, api_key=KEY))).failure == (
        Failure.API_OFF
    )
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    c = MinifluxClient(f"http://127.0.0.1:{port}", api_key=KEY)
    assert (await _login_failure(c)).failure == Failure.UNREACHABLE


async def test_paging_2500_entries_by_id(client, server):
    server.add_items(1500, 1)
    server.add_items(1000, 2, read=True)
    items = await _all(client)
    assert [v for k, v in server.calls("/v1/entries")[0].query if k == "status"] == [
        "unread",
        "read",
    ]
    assert [int(i.id) for i in items] == list(range(1, 2501))
    pages = server.calls("/v1/entries", "GET")
    assert len(pages) == 11  # ten full pages; the eleventh answers none
    afters = [dict(p.query).get("after_entry_id", "") for p in pages]
    assert afters == ["", *(str(250 * k) for k in range(1, 11))]
    assert all(dict(p.query)["order"] == "id" for p in pages)
    assert sum(i.read for i in items) == 1000 and items[0].feed_id == "1"
    assert items[0].published == datetime.fromtimestamp(1_764_000_000, UTC)
    unread = await _all(client, unread_only=True)
    assert len(unread) == 1500 and not any(i.read for i in unread)


async def test_since_asks_for_what_changed_after_it(client, server):
    ids = server.add_items(10, 1)
    since = datetime.fromtimestamp(server.items[ids[5]].published, UTC)
    newer = await _all(client, since=since)
    assert [int(i.id) for i in newer] == ids[6:]
    assert dict(server.calls("/v1/entries")[-1].query)["changed_after"] == str(
        int(since.timestamp())
    )


async def test_state_shows_what_was_read_and_starred_elsewhere(client, server):
    ids = server.add_items(5, 1)
    server.items[ids[0]].read = True
    server.items[ids[1]].starred = True
    state = await client.state()
    assert state.unread == {str(i) for i in ids[1:]} and state.starred == {str(ids[1])}


async def test_status_changes_are_batched(client, server):
    ids = [str(i) for i in server.add_items(1200, 1)]
    await client.mark_read(ids, True)
    puts = server.calls("/v1/entries", "PUT")
    assert len(puts) == 3 and all(i.read for i in server.items.values())
    await client.mark_read(ids[:3], False)
    assert [server.items[int(i)].read for i in ids[:4]] == [False, False, False, True]


@pytest.mark.parametrize("count", [3, 40])
async def test_starring_reads_the_state_before_toggling(client, server, count):
    ids = [str(i) for i in server.add_items(count, 1)]
    server.items[int(ids[1])].starred = True
    await client.mark_starred(ids, True)
    await client.mark_starred(ids, True)  # a replayed push changes nothing
    assert all(i.starred for i in server.items.values())
    assert len(server.calls("/bookmark")) == count - 1
    await client.mark_starred(["99999"], True)  # gone from the server: nothing to toggle
    await client.mark_starred(ids[:2], False)
    assert [server.items[int(i)].starred for i in ids[:3]] == [False, False, True]


async def test_mark_all_read_for_a_feed_and_for_the_user(client, server):
    one = server.add_items(3, 1)
    two = server.add_items(3, 2)
    await client.mark_all_read("1", datetime.now(UTC))
    assert all(server.items[i].read for i in one) and not any(server.items[i].read for i in two)
    await client.mark_all_read(None, datetime.now(UTC))
    assert all(i.read for i in server.items.values())
    assert server.calls("/v1/users/7/mark-all-as-read", "PUT")


async def test_add_rename_move_and_remove_a_feed(client, server):
    feed = await client.add_feed("https://tiga.example/rss", "Olahraga")
    assert (feed.id, feed.url, feed.categories) == ("3", "https://tiga.example/rss", ("Olahraga",))
    await client.rename_feed(feed.id, "Koran Tiga")
    await client.move_feed(feed.id, "Teknologi")
    assert (server.feeds[3].title, server.feeds[3].category) == ("Koran Tiga", "Teknologi")
    await client.move_feed(feed.id, "")
    assert server.feeds[3].category == "All"
    await client.remove_feed(feed.id)
    assert 3 not in server.feeds
    with pytest.raises(AccountError) as caught:
        await client.add_feed("https://satu.example/rss")
    assert caught.value.failure == Failure.REFUSED and "already exists" in str(caught.value)
    with pytest.raises(AccountError) as caught:
        await client.remove_feed("99")
    assert caught.value.failure == Failure.REFUSED and "Not Found" in str(caught.value)


@pytest.mark.parametrize(
    ("kind", "failure"), [("500", Failure.SERVER), ("drop", Failure.UNREACHABLE)]
)
async def test_a_failure_mid_paging_raises(client, server, kind, failure):
    server.add_items(600, 1)
    server.fail(3, kind)
    got: list[RemoteItem] = []
    with pytest.raises(AccountError) as caught:
        async for page in client.items(None):
            got += page
    assert caught.value.failure == failure and len(got) == 500


async def test_an_oversize_answer_is_refused(server):
    server.add_items(5, 1)
    server.padding = 300_000
    c = MinifluxClient(server.url, api_key=KEY, limits=ApiLimits(max_bytes=200_000))
    with pytest.raises(AccountError) as caught:
        await _all(c)
    await c.aclose()
    assert caught.value.failure == Failure.PROTOCOL and "cap" in str(caught.value)


# -- the bounded API layer (core/net/api.py) ---------------------------------------------------


async def test_a_redirect_to_another_host_is_refused_before_the_key_goes_there(server):
    with MinifluxServer(host="127.0.0.2", api_key=KEY) as other:
        server.redirects["/v1/me"] = other.url + "/v1/me"
        error = await _login_failure(MinifluxClient(server.url, api_key=KEY))
        assert error.failure == Failure.API_OFF and "127.0.0.2" in str(error)
        assert other.log == []


async def test_a_redirect_on_the_same_host_is_followed_for_get_only(server):
    server.redirects["/old/v1/me"] = "/v1/me"
    c = MinifluxClient(server.url + "/old", api_key=KEY)
    await c.login()
    assert c.user_id == 7
    server.redirects["/old/v1/entries"] = "/v1/entries"
    with pytest.raises(AccountError) as caught:
        await c.mark_read(["1"], True)
    await c.aclose()
    assert caught.value.failure == Failure.API_OFF
    assert [r.path for r in server.calls("/v1/entries", "PUT")] == ["/old/v1/entries"]


def test_secrets_are_cut_from_every_error_text():
    api = ApiSession(None, secrets=[PASSWORD, "", "token/abc"])
    error = api.error(Failure.AUTH, f"echo {PASSWORD} and token/abc\x1b[31m")
    assert PASSWORD not in str(error) and "token/abc" not in str(error)
    assert "\x1b" not in str(error) and "***" in str(error) and PASSWORD not in repr(api)


async def test_a_page_over_the_cap_is_asked_for_again_in_halves(server):
    server.add_items(600, 1)
    c = MinifluxClient(server.url, api_key=KEY, limits=ApiLimits(max_bytes=100_000))
    items = await _all(c)
    await c.aclose()
    assert [int(i.id) for i in items] == list(range(1, 601))
    sizes = [dict(r.query)["limit"] for r in server.calls("/v1/entries")]
    assert sizes[0] == "250" and set(sizes[1:]) == {"125"}


async def test_a_change_answered_by_a_login_page_is_not_taken_as_done(client, server):
    server.add_items(2, 1)
    server.login_wall = True
    with pytest.raises(AccountError) as caught:
        await client.mark_read(["1", "2"], True)
    assert caught.value.failure == Failure.API_OFF


def test_the_account_benchmark_runs_at_a_tiny_size():
    bench = Path(__file__).resolve().parents[1] / "benchmarks" / "account_sync.py"
    proc = subprocess.run(
        [sys.executable, str(bench), "--items", "100"], capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    rows = [line.split() for line in proc.stdout.splitlines()[2:]]
    assert [(r[0], r[1]) for r in rows] == [("greader", "100"), ("miniflux", "100")]

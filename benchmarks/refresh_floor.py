"""Refresh against the network floor (issue 15): korantui at its defaults, curl, newsboat.

Two loopback sites of the same feeds: one spread over 25 hosts (127.0.0.1 … 127.0.0.25, as a
reader's feeds are spread over sites) and one on a single host (where korantui's per-host cap
of 4 binds). In one invocation, alternating round by round:

- korantui at its defaults (16 connections, 4 per host), cold (empty store) then warm (nothing
  changed: every feed answers 304);
- `curl --parallel --parallel-max 16` fetching the same feeds: the floor at korantui's
  concurrency (no parsing, no store, a C program's start-up);
- newsboat as installed (1 reload thread) and with `reload-threads 32`, cold then warm.

Every loop here is bounded (rounds × commands), every command has a timeout, and the sites stop
with the `with` block. Where each korantui run's time went is read from the site: from process
start to the first request the site saw, from there to the last answer, and after it.
"""

from __future__ import annotations

import shutil
import statistics
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from loopsite import NewsSite

HOSTS = 25
CURL_PARALLEL = 16  # korantui's max_connections default
NEWSBOAT_THREADS = 32
TIMEOUT = 300.0


@dataclass
class Runs:
    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    start: list[float] = field(default_factory=list)  # process start -> first request
    tail: list[float] = field(default_factory=list)  # last answer -> process end
    counts: dict[str, int] = field(default_factory=dict)

    def med(self, what: str = "wall") -> float:
        values: list[float] = getattr(self, what)
        return statistics.median(values) if values else float("nan")


@dataclass
class Floor:
    """Medians per (site, side, temperature); sides missing (no newsboat) are absent."""

    runs: dict[tuple[str, str, str], Runs] = field(default_factory=dict)
    newsboat: bool = False
    rounds: int = 0
    nb1_rounds: int = 0

    def get(self, site: str, side: str, temp: str) -> Runs | None:
        return self.runs.get((site, side, temp))


def korantui_config(path: Path, urls: list[str]) -> Path:
    """korantui at its defaults: no [network] table."""
    lines = ['language = "en"', ""]
    for i, url in enumerate(urls):
        lines += ["[[feeds]]", f'url = "{url}"', f'name = "Koran Uji {i}"', ""]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def measure_floor(
    sizes_feeds: int,
    sizes_items: int,
    latency: float,
    rounds: int,
    korantui: list[str],
    run_measured: Callable[..., object],
    *,
    newsboat_one_thread_rounds: int = 1,
) -> Floor:
    """run_measured(cmd, env=..., timeout=...) -> an object with wall, cpu, started (run.py's)."""
    import os

    floor = Floor(newsboat=shutil.which("newsboat") is not None, rounds=rounds)
    have_curl = shutil.which("curl") is not None
    work = Path(tempfile.mkdtemp(prefix="korantui-floor-"))
    env = dict(os.environ)
    try:
        sites = {
            "hosts": NewsSite(sizes_feeds, sizes_items, latency, hosts=HOSTS),
            "one": NewsSite(sizes_feeds, sizes_items, latency, seed=8),
        }
        with sites["hosts"], sites["one"]:
            for name, site in sites.items():
                urls = site.feed_urls
                (work / name).mkdir()
                korantui_config(work / name / "korantui.toml", urls)
                (work / name / "urls").write_text("\n".join(urls) + "\n")
                curl_cfg = work / name / "curl.cfg"
                curl_cfg.write_text("".join(f'url = "{u}"\noutput = "/dev/null"\n' for u in urls))
                (work / name / "nb-1").write_text("")  # newsboat's defaults: 1 reload thread
                (work / name / "nb-32").write_text(f"reload-threads {NEWSBOAT_THREADS}\n")

            def one_run(site_name: str, side: str, temp: str, cmd: list[str], home: Path) -> None:
                site = sites[site_name]
                run_env = env
                if side.startswith("newsboat"):
                    run_env = {**env, "HOME": str(home), "XDG_CONFIG_HOME": str(home)}
                    run_env["XDG_DATA_HOME"] = str(home)
                site.take_counts()
                st = run_measured(cmd, env=run_env, timeout=TIMEOUT)
                first, last = site.first_request, site.last_answer
                counts = site.take_counts()
                runs = floor.runs.setdefault((site_name, side, temp), Runs())
                runs.wall.append(st.wall)  # type: ignore[attr-defined]
                runs.cpu.append(st.cpu)  # type: ignore[attr-defined]
                end = st.started + st.wall  # type: ignore[attr-defined]
                if first:
                    runs.start.append(first - st.started)  # type: ignore[attr-defined]
                    runs.tail.append(max(0.0, end - last))
                runs.counts = counts

            for n in range(rounds):
                for site_name in ("hosts", "one"):
                    d = work / site_name
                    sides = ["korantui", "curl", "newsboat-32"]
                    if n < newsboat_one_thread_rounds and site_name == "hosts":
                        sides.append("newsboat-1")
                    if n % 2:
                        sides.reverse()
                    for side in sides:
                        home = d / f"{side}-{n}"
                        home.mkdir()
                        if side == "korantui":
                            cmd = [*korantui, "--config", str(d / "korantui.toml")]
                            cmd += ["--data-dir", str(home), "refresh"]
                        elif side == "curl":
                            if not have_curl:
                                continue
                            cmd = ["curl", "--no-progress-meter", "-s", "--parallel"]
                            cmd += ["--parallel-max", str(CURL_PARALLEL), "-K", str(d / "curl.cfg")]
                        else:
                            if not floor.newsboat:
                                continue
                            conf = d / side.replace("newsboat", "nb")  # nb-1, nb-32
                            cmd = ["newsboat", "-u", str(d / "urls"), "-C", str(conf)]
                            cmd += ["-c", str(home / "cache.db"), "-x", "reload"]
                        one_run(site_name, side, "cold", cmd, home)
                        if side != "curl":
                            one_run(site_name, side, "warm", cmd, home)
            floor.nb1_rounds = min(rounds, newsboat_one_thread_rounds) if floor.newsboat else 0
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return floor

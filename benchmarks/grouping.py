"""Story grouping (issue 18): its speed at refresh time and its quality on the labelled set.

Speed: a store of 20,000 headlines of 100 feeds over two weeks (words drawn from the labelled
set's vocabulary and from made-up rare words; a third of the headlines retell another feed's
story), grouped as refreshes would have; then a refresh of 100 feeds × 10 new headlines is
stored feed by feed and `group_new` timed after each, as core/refresh.py calls it: with the
process's index warm (the app), and in a new process whose index is rebuilt from the stored
words (`korantui sync`). Goal: ≤ 50 ms for the whole refresh.

Quality: precision and recall over every two headlines of different outlets in
tests/data/story_pairs.toml, for the tuning half, the held-out half and both.

Run from the repository: `python benchmarks/grouping.py` (`--quality` or `--speed` for one).
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import sys
import tempfile
import time
import tomllib
from datetime import UTC, datetime, timedelta
from pathlib import Path

from korantui.core.models import Entry, FeedSpec
from korantui.core.store.database import Store
from korantui.core.stories import grouping
from korantui.core.stories.evaluate import Labelled, quality

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "story_pairs.toml"
FEEDS = 100
STORED = 20_000
NEW_PER_FEED = 10
RUNS = 5


def labelled(split: str | None = None) -> list[Labelled]:
    data = tomllib.loads(DATA.read_text(encoding="utf-8"))
    return [
        Labelled(e["id"], i["outlet"], datetime.fromisoformat(i["at"]), i["title"], i["summary"])
        for e in data["event"]
        if split is None or e["split"] == split
        for i in e["item"]
    ]


def print_quality() -> None:
    print("quality: pairs of different outlets in tests/data/story_pairs.toml")
    print(f"{'part':<10}{'pairs':>7}{'same':>6}{'precision':>11}{'recall':>8}{'wrong':>7}")
    for name, split in (("tune", "tune"), ("held-out", "held"), ("all", None)):
        q = quality(labelled(split))
        print(
            f"{name:<10}{q.pairs:>7}{q.same:>6}{q.precision:>11.3f}{q.recall:>8.3f}"
            f"{len(q.false_merges):>7}"
        )


class Words:
    """Headline text: the labelled set's words for the common ones, made-up ones for the rare
    names and places that tell one story from another."""

    def __init__(self, rng: random.Random) -> None:
        text = " ".join(f"{i.title} {i.summary}" for i in labelled())
        self.common = [w for w in text.split() if w.isalpha()]
        syllables = ("ba", "ta", "ka", "ri", "mu", "nga", "se", "lo", "pa", "di", "an", "ur")
        self.rare = sorted(
            {"".join(rng.choice(syllables) for _ in range(4)).capitalize() for _ in range(8000)}
        )
        self.rng = rng

    def story(self) -> list[str]:
        """The words that make a story: names, a place, a figure."""
        keys = self.rng.sample(self.rare, 5)
        return [*keys, str(self.rng.randint(11, 9999))]

    def headline(self, keys: list[str]) -> tuple[str, str]:
        """A story told in an outlet's words: its keys and figure, among common words."""
        r = self.rng
        title = r.sample(keys, 5) + r.sample(self.common, 4)
        r.shuffle(title)
        summary = [*keys, *r.sample(self.common, 24)]
        r.shuffle(summary)
        return " ".join(title).capitalize(), " ".join(summary).capitalize() + "."


def _entries(
    words: Words, stories: list[list[str]], count: int, at: datetime, link: str
) -> list[Entry]:
    rng = words.rng
    out = []
    for k in range(count):
        if stories and rng.random() < 0.33:
            keys = rng.choice(stories[-300:])  # another feed's recent story, retold
        else:
            keys = words.story()
            stories.append(keys)
        title, summary = words.headline(keys)
        when = at - timedelta(minutes=rng.randint(0, 600))
        out.append(Entry(title, f"{link}/{k}", summary=summary, published=when))
    return out


def build(db: Path, words: Words) -> tuple[Store, list[list[str]]]:
    store = Store(db)
    store.sync_feeds(FeedSpec(f"http://127.0.0.1:9/{n}.xml", f"Feed {n}") for n in range(FEEDS))
    feeds = store.feeds()
    stories: list[list[str]] = []
    now = datetime.now(UTC)
    rounds = STORED // (FEEDS * 10)
    for r in range(rounds):  # refreshes over two weeks, oldest first
        at = now - timedelta(days=14) + timedelta(days=14 * r / rounds)
        for feed in feeds:
            link = f"http://127.0.0.1:9/{feed.id}/old{r}"
            store.save_entries(feed.id, _entries(words, stories, 10, at, link))
            grouping.group_new(store, now=at)
    return store, stories


def timed_refresh(
    store: Store, words: Words, stories: list[list[str]], tag: str
) -> list[tuple[float, float]]:
    """Each feed's 10 new headlines stored, then grouped: the grouping's (wall, CPU) seconds
    per feed."""
    times = []
    now = datetime.now(UTC)
    for feed in store.feeds():
        link = f"http://127.0.0.1:9/{feed.id}/{tag}"
        store.save_entries(feed.id, _entries(words, stories, NEW_PER_FEED, now, link))
        wall, cpu = time.perf_counter(), time.process_time()
        grouping.group_new(store)
        times.append((time.perf_counter() - wall, time.process_time() - cpu))
    return times


def _python_speed() -> float:
    """Milliseconds of a million-step Python loop: ~40 on an idle laptop; a figure to scale
    the others by on a loaded machine."""
    start = time.perf_counter()
    total = 0
    for i in range(1_000_000):
        total += i
    return (time.perf_counter() - start) * 1000


def _ms(values: list[float]) -> str:
    """The least disturbed of the runs, and their median (a machine shared with other work
    slows some runs, never speeds one up)."""
    return f"{min(values) * 1000:6.1f} ms (median {statistics.median(values) * 1000:.1f})"


def print_speed() -> None:
    machine = f"{platform.machine()}, {os.cpu_count()} cores"
    print(f"machine: {machine}, Python {platform.python_version()}")
    loop = min(_python_speed() for _ in range(5))
    print(f"  a 1,000,000-step Python loop: {loop:.0f} ms (~40 ms on an idle laptop)")
    words = Words(random.Random(18))
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "korantui.db"
        start = time.perf_counter()
        store, stories = build(db, words)
        built = time.perf_counter() - start
        (total,) = store._query("SELECT COUNT(*) FROM headlines")[0]
        (grouped,) = store._query(
            "SELECT COUNT(*) FROM story_members WHERE story_id != headline_id"
        )[0]
        print(f"store: {total} headlines, {FEEDS} feeds, {grouped} in a story of another")
        print(f"  (stored and grouped refresh by refresh in {built:.1f} s)")
        warm = [timed_refresh(store, words, stories, f"warm{k}") for k in range(RUNS)]
        store.close()
        cold = []
        for k in range(RUNS):
            fresh = Store(db)  # a new Store: its index is rebuilt, as in a new process
            cold.append(timed_refresh(fresh, words, stories, f"cold{k}"))
            fresh.close()
        print(f"refresh of {FEEDS} feeds × {NEW_PER_FEED} new headlines, grouping ({RUNS} runs):")
        for name, runs in (("index warm (the app)", warm), ("index rebuilt (sync)", cold)):
            wall = [sum(w for w, _ in run) for run in runs]
            cpu = [sum(c for _, c in run) for run in runs]
            print(f"  {name:<21} wall {_ms(wall)}, CPU {_ms(cpu)}")
        first = [run[0][0] for run in cold]
        print(f"  of which the index's rebuild (first feed of a new process): {_ms(first)}")
        print("  goal: ≤ 50 ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quality", action="store_true", help="only the labelled set")
    parser.add_argument("--speed", action="store_true", help="only the timing")
    args = parser.parse_args()
    if not args.speed:
        print_quality()
    if not args.quality:
        print_speed()


if __name__ == "__main__":
    sys.exit(main())

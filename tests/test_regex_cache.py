"""The project's patterns are compiled once per installation (core/regex_cache.py): a second
process takes them from the cache file, gets the very patterns `re.compile` gives, and a
damaged or unwritable file costs only the compiling."""

from __future__ import annotations

import json
import marshal
import os
import pkgutil
import subprocess
import sys
from pathlib import Path

import korantui.core

# One process of `korantui read`'s imports: how many patterns it compiled itself, how many its
# modules hold, and where the cache file is.
_READ_IMPORTS = (
    "import json, korantui.cli, korantui.read_command\n"
    "from korantui.core.article import extract, markdown, site_rules\n"
    "from korantui.core import regex_cache\n"
    "print(json.dumps({'fresh': regex_cache.compiled_fresh(),"
    " 'file': str(regex_cache.cache_file())}))\n"
)


def _run(code: str, home: Path) -> dict[str, object]:
    env = {**os.environ, "XDG_CACHE_HOME": str(home / "cache")}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    result: dict[str, object] = json.loads(done.stdout)
    return result


def test_a_second_process_compiles_none_of_the_patterns(tmp_path: Path) -> None:
    first = _run(_READ_IMPORTS, tmp_path)
    cache = Path(str(first["file"]))
    assert cache.is_relative_to(tmp_path / "cache" / "korantui")
    assert isinstance(first["fresh"], int) and first["fresh"] > 50
    assert cache.is_file()
    second = _run(_READ_IMPORTS, tmp_path)
    assert second["fresh"] == 0


def test_a_damaged_cache_file_is_compiled_around_and_written_again(tmp_path: Path) -> None:
    first = _run(_READ_IMPORTS, tmp_path)
    cache = Path(str(first["file"]))
    good = cache.read_bytes()
    for damage in (
        b"\x00not marshal at all",
        good[:1000],  # cut short
        marshal.dumps([1, 2, 3]),  # not the table
        marshal.dumps({("x", 0): "no entry", (r"\w+", 0): (0, [1, 2, 3], 0, {}, ())}),
        good + b"\0" * (9 << 20),  # whole, but larger than a cache file is: not read
    ):
        cache.write_bytes(damage)
        again = _run(_READ_IMPORTS, tmp_path)
        assert again["fresh"] == first["fresh"]
        assert _run(_READ_IMPORTS, tmp_path)["fresh"] == 0  # written whole again


def test_an_unwritable_cache_folder_costs_nothing_but_the_compiling(tmp_path: Path) -> None:
    (tmp_path / "cache").write_text("a file where the folder would be")
    counts = [_run(_READ_IMPORTS, tmp_path)["fresh"] for _ in range(2)]
    assert isinstance(counts[0], int) and counts[0] > 50
    assert counts[1] == counts[0]
    assert (tmp_path / "cache").read_text() == "a file where the folder would be"


# Every core module's patterns, taken from the cache file, beside what re.compile makes of the
# same source: flags, groups, group names and matches on text of every kind the core reads.
_COMPARE = """
import importlib, json, pkgutil, re, sys
import korantui.core
from korantui.core import regex_cache
texts = json.loads(sys.stdin.read())
names = [m.name for m in pkgutil.walk_packages(korantui.core.__path__, prefix="korantui.core.")]
out = {"fresh": 0, "patterns": 0, "differ": []}
for name in names:
    module = importlib.import_module(name)
    for attr, held in vars(module).items():
        items = held.values() if isinstance(held, dict) else [held]
        for p in items:
            if not isinstance(p, re.Pattern):
                continue
            out["patterns"] += 1
            fresh = re.compile(p.pattern, p.flags)
            same = (p.flags, p.groups, p.groupindex) == (
                fresh.flags, fresh.groups, fresh.groupindex
            )
            for t in texts:
                t = t if isinstance(p.pattern, str) else t.encode()
                a = [(m.span(), m.groups()) for m in p.finditer(t)]
                b = [(m.span(), m.groups()) for m in fresh.finditer(t)]
                same = same and a == b
            if not same:
                out["differ"].append(f"{name}.{attr}")
out["fresh"] = regex_cache.compiled_fresh()
print(json.dumps(out))
"""


def test_cached_patterns_are_the_patterns_re_compile_makes(tmp_path: Path) -> None:
    modules = [
        m.name for m in pkgutil.walk_packages(korantui.core.__path__, prefix="korantui.core.")
    ]
    load_all = "import importlib, json\n" + "".join(
        f"importlib.import_module({name!r})\n" for name in modules
    )
    _run(load_all + "print('{}')", tmp_path)  # fills the cache file
    pages = Path(__file__).parent / "pages"
    texts = [
        "Sign up for our newsletter",
        "Posted by the editors on Tuesday, August 29, 2023",
        "JAKARTA, KOMPAS.com - Presiden Joko Widodo, Senin (12/6/2023) 14:30 WIB",
        "By: Jane Doe | 3 min read | Share this article",
        "\x1b[31mred\x1b[0m \u0085 \u200b tab\there",
        *(p.read_text(encoding="utf-8", errors="replace")[:20000] for p in pages.rglob("*.html")),
    ]
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    done = subprocess.run(
        [sys.executable, "-c", _COMPARE],
        input=json.dumps(texts[:40]),
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    out = json.loads(done.stdout)
    assert out["patterns"] > 100
    assert out["fresh"] == 0  # every one of them came from the file
    assert out["differ"] == []

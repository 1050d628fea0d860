"""The project's regular expressions, compiled once per installation rather than once a process.

`re` parses and compiles a pattern in pure Python: the ~150 patterns of the extraction and the
cleanup took 17–40 ms of every `korantui read` (a third of what it costs beyond plain
trafilatura) and a share of the app's start-up, each time for the same result. What `re` hands
to its C engine is a list of integers; kept in the user's cache folder, the next process gives
that list straight to the engine (~2 ms for all of them).

The CPython internals this needs are here and nowhere else (tests/test_regex_cache.py checks
each): `re._parser.parse` and `re._compiler._code` (what `re.compile` runs), `_sre.compile`
(which validates the code it is given, so a damaged file cannot crash the engine) and
`_sre.MAGIC`. Where any is missing, or the file cannot be read or written, every pattern is
compiled by `re.compile` as usual. Only constant patterns belong here (module level): the file
keeps every pattern it is given.
"""

from __future__ import annotations

import atexit
import contextlib
import importlib
import marshal
import os
import re
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any, AnyStr

# The engine's own parts, or None where this Python has other internals.
_engine: tuple[Any, Any, Any] | None
try:
    _engine = (
        importlib.import_module("re._parser"),
        importlib.import_module("re._compiler"),
        importlib.import_module("_sre"),
    )
    _MAGIC = int(_engine[2].MAGIC)
except (ImportError, AttributeError):  # pragma: no cover - another implementation
    _engine = None
    _MAGIC = 0

# (pattern, flags) -> (flags, code, groups, groupindex, indexgroup): _sre.compile's arguments.
_Key = tuple[str | bytes, int]
_Entry = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]

# More than this many patterns in the file means old releases' patterns piled up: it is then
# written with this process's patterns alone.
MAX_PATTERNS = 2000
# The file is ~200 KB for the project's patterns; a larger one is not this module's to read.
MAX_FILE_BYTES = 8 << 20

_lock = threading.Lock()
_stored: dict[_Key, _Entry] | None = None  # what the file held, read at the first pattern
_path: Path | None = None  # the file read then, written at exit
_used: dict[_Key, _Entry] = {}
_fresh = 0  # patterns this process compiled itself


def cache_file() -> Path:
    """Where the compiled patterns are kept: one file per Python version and engine."""
    from platformdirs import user_cache_path

    tag = sys.implementation.cache_tag or sys.implementation.name
    return user_cache_path("korantui") / f"patterns-{tag}-{_MAGIC}.marshal"


def compiled(pattern: AnyStr, flags: int = 0) -> re.Pattern[AnyStr]:
    """re.compile(pattern, flags), from the cache file when an earlier process compiled it."""
    global _stored, _path, _fresh
    if _engine is None:
        return re.compile(pattern, flags)
    key: _Key = (pattern, int(flags))
    with _lock:
        if _stored is None:
            _path = cache_file()
            _stored = _read(_path)
        entry = _stored.get(key)
        if entry is not None:
            found = _from_entry(pattern, entry)
            if found is not None:
                _used[key] = entry
                return found
        entry = _compile(pattern, int(flags))
        if not _fresh:
            atexit.register(save)
        _fresh += 1
        _used[key] = entry
    found = _from_entry(pattern, entry)
    return found if found is not None else re.compile(pattern, flags)


def compiled_fresh() -> int:
    """How many patterns this process compiled itself rather than took from the file."""
    return _fresh


def _compile(pattern: str | bytes, flags: int) -> _Entry:
    """What re._compiler.compile hands to the engine (CPython 3.11–3.13 alike)."""
    assert _engine is not None
    parser, compiler, _ = _engine
    tree = parser.parse(pattern, flags)
    code = [int(op) for op in compiler._code(tree, flags)]  # named opcodes are ints
    groupindex = dict(tree.state.groupdict)
    indexgroup: list[str | None] = [None] * tree.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (flags | tree.state.flags, code, tree.state.groups - 1, groupindex, tuple(indexgroup))


def _from_entry(pattern: AnyStr, entry: _Entry) -> re.Pattern[AnyStr] | None:
    assert _engine is not None
    try:
        flags, code, groups, groupindex, indexgroup = entry
        found: re.Pattern[AnyStr] = _engine[2].compile(
            pattern, flags, code, groups, groupindex, indexgroup
        )
    except (TypeError, ValueError, RuntimeError, OverflowError):  # a damaged entry
        return None
    return found


def _read(path: Path) -> dict[_Key, _Entry]:
    try:
        with path.open("rb") as f:
            data = f.read(MAX_FILE_BYTES + 1)
        if len(data) > MAX_FILE_BYTES:
            return {}
        held = marshal.loads(data)
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    if not isinstance(held, dict):
        return {}
    return {k: v for k, v in held.items() if isinstance(v, tuple) and len(v) == 5}


def save() -> None:
    """Writes the patterns this process compiled to the file, beside what it held (at exit)."""
    with _lock:
        if not _fresh:
            return
        kept = dict(_stored or {})
        kept.update(_used)
        if len(kept) > MAX_PATTERNS:
            kept = dict(_used)
        try:
            data = marshal.dumps(kept)
        except ValueError:  # pragma: no cover - nothing but str, bytes, int, list, dict, tuple
            return
        path = _path or cache_file()
    written = ""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Whole or not at all: a second instance may be reading it, or writing its own.
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=".patterns-", delete=False) as f:
            written = f.name
            f.write(data)
        os.replace(written, path)
    except OSError:  # a full disk, a read-only home: the next process compiles them again
        if written:
            with contextlib.suppress(OSError):
                os.unlink(written)

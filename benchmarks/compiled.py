"""korantui byte-compiled before it is timed, as `pip install .` leaves an installed package.

Textual, httpx and the other dependencies come byte-compiled from site-packages. An editable
install of korantui under PYTHONDONTWRITEBYTECODE=1 (set on some machines, the project's own
included) writes no __pycache__, so every korantui process would compile its ~300 KB of source
again (~100 ms or more of a start-up): a cost no installed copy pays. Python's own bytecode
settings are left alone; only the cache an install would write is written, once.
"""

from __future__ import annotations

import compileall
import importlib.util
from pathlib import Path


def korantui_source() -> Path | None:
    """The korantui package the benchmark's processes import (PYTHONPATH may name another)."""
    spec = importlib.util.find_spec("korantui")
    if spec is None or spec.origin is None:
        return None
    return Path(spec.origin).parent


def compile_korantui() -> str:
    """Byte-compile the package into its __pycache__ (a no-op where it is current); one line
    saying what was done, for the benchmark's header."""
    where = korantui_source()
    if where is None:
        return "korantui byte-compiled: NO (not importable)"
    ok = compileall.compile_dir(str(where), quiet=1)
    return f"korantui byte-compiled: {'yes' if ok else 'NO'} ({where})"


def uncompile_korantui() -> str:
    """korantui's __pycache__ removed, to measure what an uncompiled editable checkout pays (the
    comparison for compile_korantui); under PYTHONDONTWRITEBYTECODE=1 nothing writes it back."""
    import os
    import shutil

    where = korantui_source()
    if where is None:
        return "korantui byte-compiled: NO (not importable)"
    for cache in sorted(where.rglob("__pycache__")):
        shutil.rmtree(cache, ignore_errors=True)
    kept = "" if os.environ.get("PYTHONDONTWRITEBYTECODE") else " (its first process writes it)"
    return f"korantui byte-compiled: NO, uncompiled on purpose{kept} ({where})"

"""All lxml work of the process on one thread that lives as long as the process.

lxml's compiled XPath objects (trafilatura's and htmldate's, made when they are imported; the
site rules' CSS selectors) hold strings of the thread that made them. Used from another thread,
or after that thread ended (a test's or a refresh's short-lived worker), they read freed memory:
clean-clone CI runs failed with UnicodeDecodeErrors from inside XPath calls, and once one
appeared every later extraction in the process failed. So page parsing, extraction and HTML
sources always run here, one page at a time (the work is CPU-bound under the GIL anyway), and
the modules that compile XPath at import are first imported here too.
"""

from __future__ import annotations

import contextvars
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from korantui.core.threads import stoppable

T = TypeVar("T")

_executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="korantui-html")
_here = threading.local()


def _run(fn: Callable[..., T], args: tuple[Any, ...], kwargs: dict[str, Any]) -> T:
    _here.inside = True
    with stoppable():  # a page of an app that quits is dropped at once (core/threads.py)
        return fn(*args, **kwargs)


def on_html_thread(fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """fn(*args, **kwargs) on the HTML thread (directly when already there); waits for it.
    The work runs in the caller's context: it belongs to the caller's runner (JobScope)."""
    if getattr(_here, "inside", False):
        return fn(*args, **kwargs)
    context = contextvars.copy_context()
    return _executor.submit(context.run, _run, fn, args, kwargs).result()

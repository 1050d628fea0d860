"""The test suite. Imported before its conftest and every test module (pytest imports a package
before what is in it), which is why this runs here: the suite's own process imports korantui
before any test has a home of its own, and the patterns those imports compile
(core/regex_cache.py) are kept, at exit, in a cache folder of the run's own, never in the cache
of whoever runs the suite. The folder goes after that write (atexit: last registered, first
run). Once a run: the processes the tests start (a forkserver, a child they kill) inherit the
mark, import this package too, and have the test's own home already."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile

if "KORANTUI_TESTS_RUN_CACHE" not in os.environ:
    _RUN_CACHE = tempfile.mkdtemp(prefix="korantui-tests-cache-")
    atexit.register(shutil.rmtree, _RUN_CACHE, ignore_errors=True)
    os.environ["KORANTUI_TESTS_RUN_CACHE"] = _RUN_CACHE
    os.environ["XDG_CACHE_HOME"] = _RUN_CACHE

"""The test suite. Imported before its conftest and every test module (pytest imports a package
before what is in it), which is why this runs here: the suite's own process imports korantui
before any test has a home of its own, and the patterns those imports compile
(core/regex_cache.py) are kept, at exit, in a cache folder of the run's own, never in the cache
of whoever runs the suite. The folder goes after that write (atexit: last registered, first
run)."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile

_RUN_CACHE = tempfile.mkdtemp(prefix="korantui-tests-cache-")
atexit.register(shutil.rmtree, _RUN_CACHE, ignore_errors=True)
os.environ["XDG_CACHE_HOME"] = _RUN_CACHE

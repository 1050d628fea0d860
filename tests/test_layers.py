"""The three layers stay apart: the core never loads Textual, and start-up stays light."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import korantui.core


def _core_modules() -> list[str]:
    return sorted(f"korantui.core.{m.name}" for m in pkgutil.iter_modules(korantui.core.__path__))


def test_core_never_imports_textual():
    modules = _core_modules()
    assert "korantui.core.store" in modules and "korantui.core.render" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"the core loaded Textual: {out.stdout.strip()}"


def test_cli_start_up_does_not_load_heavy_modules():
    code = (
        "import sys\n"
        "from korantui.cli import build_parser\n"
        "build_parser()\n"
        "heavy = ('textual', 'trafilatura', 'feedparser', 'dateparser', 'lxml')\n"
        "print(','.join(sorted(m for m in sys.modules if m.split('.')[0] in heavy)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_app_start_up_loads_no_network_or_extraction_stack():
    # The first frame waits for these imports: httpx and the parsers load with the first refresh.
    code = (
        "import sys\n"
        "import korantui.ui.app\n"
        "heavy = ('httpx', 'trafilatura', 'feedparser', 'feedparser_rs', 'dateparser', 'lxml')\n"
        "print(','.join(sorted(m for m in sys.modules if m.split('.')[0] in heavy)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""

"""The three layers stay apart: the core never loads Textual, and start-up stays light."""

from __future__ import annotations

import ast
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import korantui.core


def _core_modules() -> list[str]:
    return sorted(
        m.name for m in pkgutil.walk_packages(korantui.core.__path__, prefix="korantui.core.")
    )


def test_core_never_imports_textual():
    modules = _core_modules()
    assert "korantui.core.store.database" in modules and "korantui.core.render" in modules
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


def test_app_start_up_leaves_the_filter_passes_for_later():
    # The headline reads need only the flags' SQL (store/flag_sql.py); the passes over the
    # rules (their dataclasses, ~3 ms of a start) come with the first rule to apply.
    code = (
        "import sys\n"
        "import korantui.ui.app\n"
        "print('korantui.core.store.filter_flags' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# What each core sub-package may import from the rest of the core: data flows from the network
# through sources and articles into the store, never back. (package, packages it must not import)
_FORBIDDEN = {
    "net": ("sources", "article", "store"),
    "sources": ("article.extract", "store"),
    "article": ("sources", "store"),
    "store": ("net", "sources", "article"),
    # An account's client talks through core/net and cleans with core/sanitize; what it pulls
    # reaches the store through the sync engine, never from here.
    "accounts": ("sources", "article"),
}


def _imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
    return found


@pytest.mark.parametrize("package", sorted(_FORBIDDEN))
def test_core_sub_packages_keep_their_import_rules(package):
    root = Path(korantui.core.__path__[0]) / package
    files = sorted(root.glob("*.py"))
    assert len(files) > 1, f"core/{package}/ holds no modules"
    bad = [
        f"{f.name} imports {name}"
        for f in files
        for name in sorted(_imports_of(f))
        for other in _FORBIDDEN[package]
        if name == f"korantui.core.{other}" or name.startswith(f"korantui.core.{other}.")
    ]
    assert bad == []


def test_account_clients_never_import_the_ui():
    root = Path(korantui.core.__path__[0]) / "accounts"
    bad = [
        f"{f.name} imports {name}"
        for f in sorted(root.glob("*.py"))
        for name in sorted(_imports_of(f))
        if name.split(".")[0] == "textual" or name.startswith(("korantui.ui", "korantui.cli"))
    ]
    assert bad == []

"""Makes site_rules_built.py from site_rules.toml: the shipped rules as Python data and each of
their CSS selectors as the XPath it stands for.

    python -m korantui.core.article.site_rules_build    # after editing site_rules.toml

`korantui read FILE` starts once a page: parsing the TOML (tomllib's import included, ~4 ms)
and importing cssselect to translate the selectors (~4 ms) were a tenth of what korantui adds
to plain trafilatura's run. tests/test_site_rules_built.py checks that the file is current; a
stale one costs only that time (site_rules.py then reads the TOML, translates what is missing).
"""

from __future__ import annotations

import hashlib
import tomllib
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
TOML = HERE / "site_rules.toml"
BUILT = HERE / "site_rules_built.py"
# The keys whose values are CSS selectors (detect_text holds plain strings, domains hosts).
SELECTOR_KEYS = ("detect", "content", "title", "date", "author", "caption", "remove", "next_page")


def toml_digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def shipped_tables(data: bytes) -> list[dict[str, Any]]:
    rules = tomllib.loads(data.decode("utf-8")).get("rule", [])
    return [dict(r) for r in rules]


def translate(selector: str) -> str | None:
    """The XPath of a CSS selector; None for one that does not compile."""
    from lxml import etree
    from lxml.cssselect import LxmlTranslator

    try:
        path = LxmlTranslator().css_to_xpath(selector)
        etree.XPath(path)
    except Exception:  # cssselect raises several unrelated types for bad user selectors
        return None
    return str(path)


def selectors(tables: list[dict[str, Any]]) -> list[str]:
    seen: dict[str, None] = {}
    for table in tables:
        for key in SELECTOR_KEYS:
            value = table.get(key, [])
            for sel in [value] if isinstance(value, str) else value:
                seen.setdefault(str(sel), None)
    return list(seen)


def xpaths(tables: list[dict[str, Any]]) -> dict[str, str]:
    out: dict[str, str] = {}
    for sel in selectors(tables):
        path = translate(sel)
        if path is not None:
            out[sel] = path
    return out


def render(data: bytes) -> str:
    tables = shipped_tables(data)
    return (
        '"""Made from site_rules.toml by `python -m korantui.core.article.site_rules_build`;'
        " not edited by hand.\n"
        'The shipped site rules as data, and the XPath of each of their CSS selectors."""\n\n'
        "# ruff: noqa: E501\n"
        "from __future__ import annotations\n\n"
        "from typing import Any\n\n"
        f"TOML_SHA256 = {toml_digest(data)!r}\n\n"
        "RULES: tuple[dict[str, Any], ...] = (\n"
        + "".join(f"    {table!r},\n" for table in tables)
        + ")\n\n"
        "XPATH: dict[str, str] = {\n"
        + "".join(f"    {sel!r}: {path!r},\n" for sel, path in xpaths(tables).items())
        + "}\n"
    )


def main() -> None:
    # One rule and one selector a line, left as written (ruff format excludes the file): a
    # formatter spread it over 890 lines of data, and the file is compared with render().
    BUILT.write_text(render(TOML.read_bytes()), encoding="utf-8")
    print(f"wrote {BUILT}")


if __name__ == "__main__":
    main()

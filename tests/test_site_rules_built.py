"""site_rules_built.py is what site_rules.toml says (its rules, their selectors' XPath): run
`python -m korantui.core.article.site_rules_build` after editing the TOML. A stale one still
reads right: the TOML counts, and a selector the table lacks is translated."""

from __future__ import annotations

import pytest
from lxml import html

from korantui.core.article import site_rules, site_rules_build, site_rules_built
from korantui.core.article.site_rules import load_rules, select

STALE = "site_rules_built.py is stale: python -m korantui.core.article.site_rules_build"


def test_the_built_rules_are_those_of_the_toml() -> None:
    data = site_rules_build.TOML.read_bytes()
    assert site_rules_build.toml_digest(data) == site_rules_built.TOML_SHA256, STALE
    assert list(site_rules_built.RULES) == site_rules_build.shipped_tables(data), STALE


def test_the_built_xpaths_are_the_translator_s() -> None:
    """Every shipped selector, as the installed cssselect translates it (a new cssselect
    that translates otherwise shows here)."""
    tables = list(site_rules_built.RULES)
    assert site_rules_build.xpaths(tables) == site_rules_built.XPATH, STALE
    assert set(site_rules_built.XPATH) == set(site_rules_build.selectors(tables))


@pytest.fixture
def stale(monkeypatch: pytest.MonkeyPatch):
    """A built module made before the TOML's last edit, and without any XPath."""
    monkeypatch.setattr(site_rules_built, "TOML_SHA256", "0" * 64)
    monkeypatch.setattr(site_rules_built, "RULES", ({"name": "gone", "domains": ["gone.example"]},))
    monkeypatch.setattr(site_rules_built, "XPATH", {})
    site_rules._shipped.cache_clear()
    yield
    site_rules._shipped.cache_clear()


def test_a_stale_built_module_reads_the_toml(stale: None) -> None:
    rules = load_rules()
    names = [r.name for r in rules.rules]
    assert "gone" not in names and {"detik", "wordpress"} <= set(names)
    assert rules.match("https://news.detik.com/berita/d-1/x").name == "detik"


def test_a_selector_the_table_lacks_is_translated(stale: None) -> None:
    tree = html.document_fromstring('<html><body><div class="a b"><p>x</p></div></body></html>')
    assert [el.tag for el in select(tree, "div.b > p")] == ["p"]
    assert select(tree, "div[") == []  # one that does not compile finds nothing


def test_the_built_file_is_exactly_what_the_build_writes() -> None:
    data = site_rules_build.TOML.read_bytes()
    built = site_rules_build.BUILT.read_text(encoding="utf-8")
    assert built == site_rules_build.render(data), STALE

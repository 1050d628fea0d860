"""OPML import and export: outline folders are categories; every source keeps its kind's options.

OPML files come from other programs and from strangers, so parsing is defensive: a DOCTYPE (the
door to entity expansion and external entities) is refused before the XML parser sees the text.
korantui's own fields (the kind, the kind's options) travel as namespaced attributes that other
readers ignore; which standard attributes an outline has is the kind's to say (sources/kind.py).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from datetime import UTC, datetime
from email.utils import format_datetime

from korantui.core.config import feed_url_key
from korantui.core.models import FeedSpec
from korantui.core.regex_cache import compiled
from korantui.core.sanitize import clean_line, safe_url
from korantui.core.sources import registry

NS = "https://korantui.invalid/opml"  # .invalid: a namespace name, never fetched
_PREFIX = "korantui"
_MAX_CHARS = 20 * 1024 * 1024
_MAX_DEPTH = 32
_DOCTYPE = compiled(r"<!\s*(?:DOCTYPE|ENTITY)", re.I)


class OpmlError(Exception):
    """An OPML document that cannot be read; str() is one line for users."""


def import_opml(text: str | bytes) -> list[FeedSpec]:
    """The feeds an OPML document lists, in document order, without duplicate addresses."""
    if isinstance(text, bytes):
        text = text.decode("utf-8-sig", errors="replace")
    if len(text) > _MAX_CHARS:
        raise OpmlError("OPML file too large")
    if _DOCTYPE.search(text):
        raise OpmlError("OPML with a DOCTYPE or entity declarations is not accepted")
    # ElementTree refuses str input that declares an encoding other than the str's own.
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text.lstrip("\ufeff"))
    parser = ET.XMLParser()
    try:
        parser.feed(text)
        root = parser.close()
    except ET.ParseError as e:
        raise OpmlError(f"not a readable OPML file ({e})") from None
    if _local(root.tag) != "opml":
        raise OpmlError("not an OPML file (no <opml> root)")
    body = next((el for el in root if _local(el.tag) == "body"), None)
    if body is None:
        raise OpmlError("not an OPML file (no <body>)")
    specs: list[FeedSpec] = []
    seen: set[str] = set()
    _walk(body, "", specs, seen, 0)
    return specs


def _walk(
    parent: ET.Element, category: str, out: list[FeedSpec], seen: set[str], depth: int
) -> None:
    if depth > _MAX_DEPTH:
        return
    for el in parent:
        if _local(el.tag) != "outline":
            continue
        spec = _spec(el, category)
        if spec is not None:
            if feed_url_key(spec.url) not in seen:
                seen.add(feed_url_key(spec.url))
                out.append(spec)
            continue
        # An outline without a feed address is a folder: its name is its feeds' category.
        folder = clean_line(el.get("text") or el.get("title")) or category
        _walk(el, folder, out, seen, depth + 1)


def _spec(el: ET.Element, category: str) -> FeedSpec | None:
    ours = {_local(k): v for k, v in el.attrib.items() if k.startswith("{" + NS + "}")}
    try:
        kind = registry.kind_of(ours.get("kind", ""))
    except registry.UnknownKind:  # another build's kind: what other readers would read
        kind = registry.kind_of(registry.DEFAULT_KIND)
    plain = {k: v for k, v in el.attrib.items() if not k.startswith("{")}
    url = safe_url(kind.address_in_opml(plain))
    if not url:
        return None
    name = clean_line(el.get("title") or el.get("text"))
    if name == url:  # what export writes for a source without a name
        name = ""
    # OPML 2.0's own category attribute: comma-separated slash paths; the first path's leaf.
    first_path = (el.get("category") or "").split(",")[0]
    own_category = first_path.strip().strip("/").split("/")[-1]
    options = {k: clean_line(ours[k]) for k in kind.keys if ours.get(k)}
    if kind.check(options)[1]:
        options = {}
    return FeedSpec(
        url=url,
        name=name,
        category=clean_line(category or own_category),
        kind=kind.name,
        rules=options,
    )


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def export_opml(
    specs: list[FeedSpec], title: str = "korantui feeds", titles: Mapping[str, str] | None = None
) -> str:
    """An OPML 2.0 document of specs: one folder per category, in first-seen order. titles
    (address -> the feed's own title, as stored) name the feeds the config gives no name."""
    ET.register_namespace(_PREFIX, NS)
    root = ET.Element("opml", {"version": "2.0"})
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = title
    ET.SubElement(head, "dateCreated").text = format_datetime(datetime.now(UTC))
    body = ET.SubElement(root, "body")
    folders: dict[str, ET.Element] = {}
    for spec in specs:
        parent = body
        if spec.category:
            folder = folders.get(spec.category)
            if folder is None:
                folder = folders[spec.category] = ET.SubElement(
                    body, "outline", {"text": spec.category, "title": spec.category}
                )
            parent = folder
        _outline(parent, spec, clean_line((titles or {}).get(spec.url, "")))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, "unicode") + "\n"


def _outline(parent: ET.Element, spec: FeedSpec, own_title: str = "") -> None:
    name = spec.name or own_title or spec.url
    attrs = {"text": name, "title": name}
    try:
        kind = registry.kind_of(spec.kind)
    except registry.UnknownKind:
        kind = registry.kind_of(registry.DEFAULT_KIND)
    attrs.update(kind.to_opml(spec))
    if kind.name != registry.DEFAULT_KIND:
        attrs[f"{{{NS}}}kind"] = kind.name
    for key in kind.keys:
        if spec.rules.get(key):
            attrs[f"{{{NS}}}{key}"] = spec.rules[key]
    ET.SubElement(parent, "outline", attrs)

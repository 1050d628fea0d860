"""Schema.org JSON-LD in a page: every object of every ld+json script, @graph included."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any


def json_ld_objects(tree: Any) -> Iterator[dict[str, Any]]:
    """The dicts of the page's JSON-LD, breadth first; unreadable scripts are skipped."""
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text, strict=False)
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                yield item
                if isinstance(item.get("@graph"), list):
                    stack.extend(item["@graph"])

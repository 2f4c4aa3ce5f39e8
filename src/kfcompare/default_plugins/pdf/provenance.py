"""Pages on a parsed report's provenance: the readers number lines, a PDF reader knows pages."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from ...model import Provenance, Value


def with_pages(obj: Any, pages: Mapping[int, int], rows: Mapping[int, int | None] | None = None) -> Any:
    """``obj`` with every Provenance and Value inside it given the page of its line(s), and
    each Provenance the printed line on the page where it starts (``rows``)."""
    if isinstance(obj, Provenance):
        row = (rows or {}).get(obj.first_line)
        return attrs.evolve(obj, page=pages.get(obj.first_line), last_page=pages.get(obj.last_line), page_line=row)
    if isinstance(obj, Value):
        return attrs.evolve(obj, page=pages.get(obj.line)) if obj.line is not None else obj
    if isinstance(obj, tuple):
        return tuple(with_pages(item, pages, rows) for item in obj)
    if attrs.has(type(obj)):
        changes = {}
        for a in attrs.fields(type(obj)):
            if not a.init:
                continue
            value = getattr(obj, a.name)
            if isinstance(value, (tuple, Provenance, Value)) or attrs.has(type(value)):
                new = with_pages(value, pages, rows)
                if new is not value:
                    changes[a.name] = new
        return attrs.evolve(obj, **changes) if changes else obj
    return obj

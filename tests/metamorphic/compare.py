"""Comparing a transformed text's model with the original's, row by row.

The model is turned into plain data with every line number mapped back to the original
text; prose fields (analyses, descriptions) are compared without their white space, since
a page break may end a paragraph and a paragraph's lines may be joined with or without one. A row is then *preserved* (equal), *flagged* (different or
missing, but the parser said so: a new flag on the row or a new warning inside its lines),
*changed* (different and nothing said) or *lost* (gone and nothing said).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from decimal import Decimal
from enum import Enum
from typing import Any

import attrs

import kfcompare

from .corpus import Example, Row
from .transforms import Variant, name_pattern

OUTCOMES = ("preserved", "flagged", "changed", "lost")
#: fields holding running prose: white space (and so paragraph breaks) folded
_PROSE = {"analysis", "description", "expected_result", "comment", "text_prose"}
_LINE_KEYS = {"first_line", "last_line", "line"}


class Mapper:
    """Maps a transformed text's line numbers back to the original's."""

    def __init__(self, variant: Variant) -> None:
        self.origin = variant.origin
        self.reordered = variant.reordered
        self.renames = [(name_pattern(old), new) for old, new in variant.renames]

    def line(self, no: Any) -> Any:
        if not isinstance(no, int) or not 1 <= no <= len(self.origin):
            return no
        mapped = self.origin[no - 1]
        return mapped if mapped is not None else f"inserted before {self.anchor(no)}"

    def anchor(self, no: int | None) -> int | None:
        """The original line an inserted line stands before (for attributing warnings)."""
        if no is None or not 1 <= no <= len(self.origin):
            return no
        for o in self.origin[no - 1 :]:
            if o is not None:
                return o
        return None


def _plain(obj: Any, key: str = "") -> Any:
    if attrs.has(type(obj)):
        return {f.name: _plain(getattr(obj, f.name), f.name) for f in attrs.fields(type(obj))}
    if isinstance(obj, (list, tuple)):
        return [_plain(item, key) for item in obj]
    if isinstance(obj, Enum):
        return obj.value
    if isinstance(obj, Decimal):
        return str(obj)
    if isinstance(obj, (str, int, float, bool)) or obj is None:
        return obj
    return str(obj)


def _normal(data: Any, mapper: Mapper | None, renames: Sequence[tuple[re.Pattern[str], str]], key: str = "") -> Any:
    if isinstance(data, dict):
        return {k: _normal(v, mapper, renames, k) for k, v in data.items() if k != "path"}
    if isinstance(data, list):
        return [_normal(v, mapper, renames, key) for v in data]
    if key in _LINE_KEYS and mapper is not None:
        return mapper.line(data)
    if isinstance(data, str):
        for pattern, new in renames:
            data = pattern.sub(new, data)
        if key in _PROSE:
            data = "".join(data.split())
    return data


@attrs.define
class Model:
    """A parsed text as plain data: rows by (kind, original first line), the rest, warnings."""

    rows: dict[tuple[str, Any], dict[str, Any]]
    rest: Any
    warnings: Counter[tuple[Any, ...]]
    #: each warning with the original line it stands at (inserted lines: the next original)
    warning_lines: list[tuple[tuple[Any, ...], int | None]]


def model(
    reports: Sequence[kfcompare.Report],
    mapper: Mapper | None,
    renames: Sequence[tuple[str, str]] = (),
    removed: frozenset[int] = frozenset(),
    cleared: frozenset[int] = frozenset(),
    reordered: bool = False,
) -> Model:
    """``removed`` and ``cleared`` (original lines) make the expected model of a text that
    left parts out: goals there are dropped, goals starting there lose their text fields, and
    a goal's last line is not compared (it moves when what ends it is gone)."""
    subs = [(name_pattern(old), new) for old, new in renames]
    rows: dict[tuple[str, Any], dict[str, Any]] = {}
    rests = []
    warnings: Counter[tuple[Any, ...]] = Counter()
    warning_lines = []
    for report in reports:
        data = _normal(_plain(report), mapper, subs)
        if reordered or (mapper is not None and mapper.reordered):
            _prune(data["goals"], removed, cleared)
        for goal in _walk(data["goals"]):
            for kind, field in (("indicator", "indicators"), ("activity", "activities")):
                for row in goal.pop(field):
                    rows[(kind, row["provenance"]["first_line"])] = row
            goal["goals"].sort(key=lambda g: str(g["provenance"]["first_line"]))
        for table in data["budget"]:
            for row in table.pop("rows"):
                rows[("budget", row["provenance"]["first_line"])] = row
        for w in data.pop("warnings"):
            key = (w["code"], w["line"], " ".join(w["message"].split()))
            warnings[key] += 1
        for w in report.warnings:
            warning_lines.append(((w.code,), mapper.anchor(w.line) if mapper else w.line))
        data["goals"].sort(key=lambda g: str(g["provenance"]["first_line"]))
        rests.append(data)
    return Model(rows, rests, warnings, warning_lines)


def _prune(goals: list[dict[str, Any]], removed: frozenset[int], cleared: frozenset[int]) -> None:
    goals[:] = [g for g in goals if g["provenance"]["first_line"] not in removed]
    for goal in goals:
        goal["provenance"].pop("last_line", None)
        if goal["provenance"]["first_line"] in cleared:
            goal.update(description=None, expected_result=None, analysis=None)
        goal["indicators"] = [r for r in goal["indicators"] if r["provenance"]["first_line"] not in removed]
        goal["activities"] = [r for r in goal["activities"] if r["provenance"]["first_line"] not in removed]
        _prune(goal["goals"], removed, cleared)


def _walk(goals: list[dict[str, Any]]) -> Iterable[dict[str, Any]]:
    for goal in goals:
        yield goal
        yield from _walk(goal["goals"])


@attrs.define
class Outcome:
    """How each original row fared in one transformed text, and what else changed."""

    rows: dict[tuple[str, int], str]
    #: short descriptions of differences, for reading failures
    details: list[str]
    #: the model outside the rows (goals, metadata, budget captions, sections) differs
    other: bool


def classify(example: Example, variant: Variant, reports: Sequence[kfcompare.Report], expected: Model) -> Outcome:
    """Each original row's outcome in the transformed text's reports."""
    mapper = Mapper(variant)
    got = model(reports, mapper)
    new_warnings = got.warnings - expected.warnings
    spans = {(row.kind, row.first): row for row in example.rows}
    new_warning_lines = {w[1] for w in new_warnings if isinstance(w[1], int)}
    new_warning_lines |= {
        int(str(w[1]).rsplit(" ", 1)[-1]) for w in new_warnings if str(w[1]).startswith("inserted before ")
    }
    outcomes: dict[tuple[str, int], str] = {}
    details: list[str] = []
    removed = variant.removed
    for key, want in expected.rows.items():
        row = spans.get(key)  # type: ignore[arg-type]
        if row is None or set(range(row.first, row.last + 1)) & removed:
            continue
        have = got.rows.get(key)
        warned = any(row.first <= n <= row.last for n in new_warning_lines)
        if have == want:
            outcome = "preserved"
        elif have is None:
            outcome = "flagged" if warned else "lost"
        else:
            new_flags = set(have.get("flags", ())) - set(want.get("flags", ()))
            outcome = "flagged" if new_flags or warned else "changed"
        if outcome != "preserved":
            details.append(f"{example.name}:{row.first}-{row.last} {row.kind} {outcome}: {_diff(want, have)}")
        outcomes[key] = outcome  # type: ignore[index]
    for key in got.rows.keys() - expected.rows.keys():
        line = key[1]
        owner = next((r for r in example.rows if isinstance(line, int) and r.first <= line <= r.last), None)
        if owner is not None and outcomes.get((owner.kind, owner.first)) == "preserved":
            outcomes[(owner.kind, owner.first)] = "changed"
        details.append(f"{example.name}: extra {key[0]} row at {line}: {_name(got.rows[key])}")
    other = got.rest != expected.rest
    if other:
        details.append(f"{example.name}: outside the rows: {_diff(expected.rest, got.rest)}")
    return Outcome(outcomes, details, other)


def _name(row: dict[str, Any]) -> str:
    return str(row.get("name") or row.get("text") or row.get("label"))[:80]


def _diff(want: Any, have: Any, path: str = "") -> str:
    """The first place two plain values differ, briefly."""
    if have is None or want is None:
        if isinstance(want, dict) and not path:
            return f"missing {_name(want)}"
        return f"{path}: {str(want)[:70]!r} -> {str(have)[:70]!r}"
    if isinstance(want, dict) and isinstance(have, dict):
        for k in want.keys() | have.keys():
            if want.get(k) != have.get(k):
                return _diff(want.get(k), have.get(k), f"{path}.{k}")
    if isinstance(want, list) and isinstance(have, list):
        if len(want) != len(have):
            return f"{path}: {len(want)} items -> {len(have)}"
        for i, (a, b) in enumerate(zip(want, have)):
            if a != b:
                return _diff(a, b, f"{path}[{i}]")
    if isinstance(want, str) and isinstance(have, str):
        at = next((i for i, (a, b) in enumerate(zip(want, have)) if a != b), min(len(want), len(have)))
        start = max(0, at - 30)
        return f"{path}: …{want[start : at + 40]!r} -> …{have[start : at + 40]!r}"
    return f"{path}: {str(want)[:70]!r} -> {str(have)[:70]!r}"

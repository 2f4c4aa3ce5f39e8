"""The PDF corpus (tests/fixtures/pdf): each PDF was typeset from the report object in the
.json beside it, so that JSON is what reading the PDF must give."""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import kfcompare
from kfcompare._export import report_dict
from kfcompare.model import INDICATOR_COLUMNS

PDF_DIR = Path(__file__).resolve().parent / "fixtures" / "pdf"
PDF_NAMES = sorted(p.stem for p in PDF_DIR.glob("*.pdf"))


@functools.cache
def read_pdf(name: str) -> dict[str, Any]:
    [report] = kfcompare.parse_file(PDF_DIR / f"{name}.pdf")
    return report_dict(report)


@functools.cache
def truth(name: str) -> dict[str, Any]:
    return json.loads((PDF_DIR / f"{name}.json").read_text(encoding="utf-8"))


def walk(goals: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for goal in goals:
        out.append(goal)
        out.extend(walk(goal["goals"]))
    return out


def raw(cell: dict[str, Any] | None) -> str | None:
    return None if cell is None else cell["raw"]


def goal_key(goal: dict[str, Any]) -> tuple[Any, ...]:
    return goal["level"], goal["number"], goal["title"], goal["assessment"], goal["assessment_raw"]


def indicator_cells(indicator: dict[str, Any]) -> dict[str, str | None]:
    cells = {column: raw(indicator[column]) for column in INDICATOR_COLUMNS}
    return {"name": indicator["name"], "period": indicator["period"], **cells}


def activity_cells(activity: dict[str, Any]) -> dict[str, Any]:
    return {key: activity[key] for key in ("text", "start", "end", "deviation")}


def indicators(report: dict[str, Any]) -> list[dict[str, Any]]:
    return [ind for goal in walk(report["goals"]) for ind in goal["indicators"]]


def activities(report: dict[str, Any]) -> list[dict[str, Any]]:
    return [act for goal in walk(report["goals"]) for act in goal["activities"]]


def budget_cells(report: dict[str, Any]) -> list[tuple[Any, ...]]:
    return [
        (table["caption"], tuple(table["columns"]), row["label"], tuple(raw(v) for v in row["values"]))
        for table in report["budget"]
        for row in table["rows"]
    ]

"""The documented JSON export (schema in the README). Other tools read it: keep it stable.

Fields are only ever added; a changed meaning bumps ``SCHEMA_VERSION``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from .model import (
    INDICATOR_COLUMNS,
    Activity,
    BudgetTable,
    Goal,
    Indicator,
    Provenance,
    Report,
    Value,
)

SCHEMA_VERSION = 1


def number(value: Decimal | None) -> int | float | None:
    """A Decimal as a JSON number: integral values as int, others as the nearest float."""
    if value is None:
        return None
    if value == value.to_integral_value() and "." not in str(value):
        return int(value)
    return float(value)


def value_dict(value: Value | None) -> dict[str, Any] | None:
    if value is None:
        return None
    out = {"raw": value.raw, "value": number(value.number), "unit": value.unit, "line": value.line}
    if value.page is not None:
        out["page"] = value.page
    return out


def _where(provenance: Provenance) -> dict[str, Any]:
    """'line' and 'last_line', and for a PDF 'page' and 'last_page' (only then: the text
    formats' export stays as it was)."""
    out: dict[str, Any] = {"line": provenance.first_line, "last_line": provenance.last_line}
    if provenance.page is not None:
        out["page"] = provenance.page
        out["last_page"] = provenance.last_page
        out["page_line"] = provenance.page_line
    return out


def indicator_dict(ind: Indicator) -> dict[str, Any]:
    out: dict[str, Any] = {
        "name": ind.name,
        **_where(ind.provenance),
        "period": ind.period,
        "periodicity": ind.periodicity,
        "table": ind.table,
        "flags": list(ind.flags),
    }
    for column in INDICATOR_COLUMNS:
        out[column] = value_dict(getattr(ind, column))
    out["alternatives"] = [
        {"reason": alt.reason, "columns": {name: value_dict(v) for name, v in alt.cells}} for alt in ind.alternatives
    ]
    out["analysis"] = ind.analysis
    out["comment"] = ind.comment
    return out


def activity_dict(act: Activity) -> dict[str, Any]:
    return {
        "text": act.text,
        "start": act.start.isoformat() if act.start else None,
        "end": act.end.isoformat() if act.end else None,
        "deviation": act.deviation,
        **_where(act.provenance),
        "table": act.table,
        "analysis": act.analysis,
        # only when set: an activity's export has no flags key otherwise (as before flags existed)
        **({"flags": list(act.flags)} if act.flags else {}),
    }


def goal_dict(goal: Goal) -> dict[str, Any]:
    return {
        "level": goal.level.value,
        "number": goal.number,
        "title": goal.title,
        "assessment": goal.assessment.value if goal.assessment else None,
        "assessment_raw": goal.assessment_raw,
        **_where(goal.provenance),
        "description": goal.description,
        "expected_result": goal.expected_result,
        "analysis": goal.analysis,
        "goals": [goal_dict(child) for child in goal.goals],
        "indicators": [indicator_dict(i) for i in goal.indicators],
        "activities": [activity_dict(a) for a in goal.activities],
    }


def budget_dict(table: BudgetTable) -> dict[str, Any]:
    return {
        "caption": table.caption,
        "unit": table.unit,
        "columns": list(table.columns),
        **_where(table.provenance),
        "flags": list(table.flags),
        "rows": [
            {
                "label": row.label,
                "values": [value_dict(v) for v in row.values],
                "line": row.provenance.first_line,
                **({"page": row.provenance.page} if row.provenance.page is not None else {}),
                "sub_row": row.sub_row,
                "flags": list(row.flags),
            }
            for row in table.rows
        ],
    }


def report_dict(report: Report) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "district": report.district,
        "unit": report.unit,
        "kind": report.kind.value if report.kind else None,
        "year": report.year,
        "period": report.period,
        "format": report.format,
        "source": {
            "path": report.source.path,
            "first_line": report.source.first_line,
            "last_line": report.source.last_line,
        },
        "metadata_origin": {name: origin.value for name, origin in report.metadata_origin},
        "warnings": [{"line": w.line, "message": w.message, "code": w.code} for w in report.warnings],
        "goals": [goal_dict(g) for g in report.goals],
        "budget": [budget_dict(t) for t in report.budget],
        "sections": [
            {"title": s.title, "text": s.text, "line": s.provenance.first_line, "last_line": s.provenance.last_line}
            for s in report.sections
        ],
        "decisions": [
            {
                "number": d.number,
                "text": d.text,
                "line": d.provenance.first_line,
                "amounts": [value_dict(v) for v in d.amounts],
            }
            for d in report.decisions
        ],
    }


def to_json(reports: Sequence[Report]) -> str:
    """The export document: a JSON list of reports, UTF-8, stable key order."""
    return json.dumps([report_dict(r) for r in reports], ensure_ascii=False, indent=2) + "\n"

"""Builders for small Reports, so the engine's logic is tested without a parser.

Values are written as printed ('-46,4', '3,1 %') and go through ``parse_value`` like a
parser's cells do.
"""

from __future__ import annotations

from kfcompare.model import (
    Assessment,
    BudgetRow,
    BudgetTable,
    Goal,
    GoalLevel,
    Indicator,
    Kind,
    Provenance,
    Report,
)
from kfcompare.values import parse_value

SODERMALM = "examples/sodermalm_t1_2020.txt"
HASSELBY = "examples/hasselby-vallingby_vb_2020.txt"
#: the columns of Södermalm's per-area Mnkr tables
AREA_COLUMNS = ("Budget 2020", "Begärda budgetjusteringar", "Prognos 2020", "Avvikelse")


def at(path: str, line: int) -> Provenance:
    return Provenance(path, line, line)


def row(path: str, line: int, label: str, *cells: str | None, sub: bool = False) -> BudgetRow:
    values = tuple(None if c is None else parse_value(c, line) for c in cells)
    return BudgetRow(label, values, at(path, line), sub_row=sub)


def table(path: str, line: int, caption: str, columns: tuple[str, ...], rows: list[BudgetRow], unit: str = "mnkr") -> BudgetTable:
    return BudgetTable(caption, unit, columns, tuple(rows), at(path, line))


def indicator(path: str, line: int, name: str, **columns: str) -> Indicator:
    return Indicator(name, at(path, line), **{k: parse_value(v, line) for k, v in columns.items()})


def goal(path: str, line: int, level: GoalLevel, number: str | None, title: str, assessment: Assessment | None = None, **kw) -> Goal:
    return Goal(level, title, at(path, line), number=number, assessment=assessment, **kw)


def report(path: str, district: str, kind: Kind, year: int, goals=(), budget=(), **kw) -> Report:
    return Report(
        district=district,
        kind=kind,
        year=year,
        source=Provenance(path, 1, 5000),
        format="test",
        period=f"{kind.value} {year}",
        goals=tuple(goals),
        budget=tuple(budget),
        **kw,
    )

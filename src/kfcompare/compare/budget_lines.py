"""Budget deviations per report, each in its own table's unit, grouped by level.

A report prints the same money at several levels: the nämnd's driftbudget, a summary table
per verksamhetsområde (with parts such as avskrivningar below an area, and a Totalt), each
area's own table with its Netto, the investments and the result transfers. Each line says
which of those it is (``BudgetLine.group``), so an output never puts two levels, or the
same area from two tables, in one column that someone will sum.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal

from ..budget import (
    ADJUSTMENT,
    BUDGET,
    DEVIATION,
    cell,
    compared_index,
    fold,
    is_after_dispositions,
    is_before_dispositions,
    is_netto,
    is_total,
    is_transfer,
    number,
    only_value,
    roles,
    table_relation,
    value_columns,
)
from ..model import BudgetRow, BudgetTable, Report
from .result import BudgetLine

#: units of amounts; count tables (st, antal) have no budget deviation in money
MONEY_UNITS = ("mnkr", "tkr", "kr")
#: the groups, in the order an output shows them
TOTAL = "total"
SUMMARY = "summary"
PART = "part"
AREA = "area"
INVESTMENT = "investment"
INVESTMENT_TOTAL = "investment_total"
RESULT = "result"
GROUPS = (TOTAL, SUMMARY, PART, AREA, INVESTMENT, INVESTMENT_TOTAL, RESULT)


def budget_lines(reports: Sequence[Report]) -> tuple[BudgetLine, ...]:
    return tuple(line for report in reports for table in report.budget for line in _table_lines(report, table))


def _table_lines(report: Report, table: BudgetTable) -> Iterator[BudgetLine]:
    """An area table (with a Netto row) gives its Netto row, named by its caption, and its
    result transfers; a summary table without one (Mnkr per verksamhetsområde, Investeringar)
    gives every row that is not a 'varav'."""
    if (table.unit or "").casefold() not in MONEY_UNITS:
        return
    found = roles(table)
    compared = compared_index(table)
    if not found.get(BUDGET) or compared is None:
        yield from _result_items(report, table)
        return
    shape = _Shape.of(table)
    netto = [row for row in table.rows if is_netto(row)]
    investments = "investering" in fold(table.caption)
    parent = ""
    for row in table.rows:
        if row.sub_row or _is_result_item(row):
            continue
        if netto and not is_netto(row):
            continue
        area, group = row.label, SUMMARY
        if investments:
            group = INVESTMENT_TOTAL if is_total(row) else INVESTMENT
        elif netto:
            area, group = _netto_area(table, row)
        elif is_total(row):
            group = TOTAL
        elif row.label.strip()[:1].islower() and parent:
            area, group = f"{parent}: {row.label}", PART
        else:
            parent = row.label
        yield _line(report, table, row, area, group, found, compared, shape)
    yield from _result_items(report, table)


def table_name(table: BudgetTable) -> str:
    """The caption, or where the table starts when it has none (Södermalm's summary table)."""
    return table.caption.strip() or f"tabellen på rad {table.provenance.first_line}"


def _netto_area(table: BudgetTable, row: BudgetRow) -> tuple[str, str]:
    """An area table's Netto is the area named by the caption; a Netto row that names
    itself ('Anslag för nämndens verksamhet (netto)') is the nämnd's total."""
    bare = fold(row.label).replace("netto", "").replace("mnkr", "").replace("tkr", "")
    if bare or not table.caption.strip():
        return row.label, TOTAL
    return table.caption.strip(), AREA


def _is_result_item(row: BudgetRow) -> bool:
    return is_transfer(row) or is_before_dispositions(row) or is_after_dispositions(row)


def _result_items(report: Report, table: BudgetTable) -> Iterator[BudgetLine]:
    """Result transfers and the result before/after them: one amount each, no budget."""
    for row in table.rows:
        value = only_value(row) if _is_result_item(row) else None
        if value is None:
            continue
        yield BudgetLine(
            report=report, area=row.label, table=table_name(table), label=row.label, unit=table.unit,
            budget=None, compared=None, compared_column=None, compared_kind=None, deviation=None,
            deviation_percent=None, provenance=row.provenance, group=RESULT, amount=value,
        )  # fmt: skip


class _Shape:
    """How a table prints its deviation: the sign convention and whether costs are negative,
    so a deviation can be turned into '+ = better than budget' (``factor``) and said in words
    (the deviation's rule; 'kostnader negativa' and 'tecknet vänt här' only when so)."""

    def __init__(self, factor: int, convention: str) -> None:
        self.factor = factor
        self.convention = convention

    @classmethod
    def of(cls, table: BudgetTable) -> _Shape:
        relation = table_relation(table)
        budget_at = roles(table)[BUDGET][0]
        sign = relation.signs[0] if relation is not None and len(relation.signs) == 1 else 1
        key_rows = [row for row in table.rows if is_netto(row) or is_total(row)] or [r for r in table.rows if not r.sub_row]
        budgets = [n for n in (number(row, budget_at) for row in key_rows) if n is not None and n != 0]
        costs_negative = bool(budgets) and sum(1 for n in budgets if n < 0) > len(budgets) / 2
        factor = sign * (-1 if costs_negative else 1)
        if relation is None:
            return cls(1 if not costs_negative else -1, "ingen avvikelsekolumn")
        words = relation.with_signs((sign,)).rule(adjustment=relation.adjustment is not None)
        if len(relation.signs) != 1:
            words += " (antaget: raderna avgör inte)"
        if costs_negative:
            words += "; kostnader negativa"
        if factor < 0:
            words += "; tecknet vänt här"
        return cls(factor, words)


def _line(
    report: Report, table: BudgetTable, row: BudgetRow, area: str, group: str,
    found: dict[str, list[int]], compared: tuple[int, str], shape: _Shape,
) -> BudgetLine:  # fmt: skip
    budget = cell(row, found[BUDGET][0])
    deviation = cell(row, found.get(DEVIATION, [None])[-1])
    adjustment = cell(row, found[ADJUSTMENT][0]) if found.get(ADJUSTMENT) else None
    return BudgetLine(
        report=report,
        area=area,
        table=table_name(table),
        label=row.label,
        unit=table.unit,
        budget=budget,
        compared=cell(row, compared[0]),
        compared_column=value_columns(table)[compared[0]],
        compared_kind=compared[1],
        deviation=deviation,
        deviation_percent=_percent(deviation.number if deviation else None, budget.number if budget else None),
        provenance=row.provenance,
        group=group,
        adjustment=adjustment,
        factor=shape.factor,
        convention=shape.convention,
    )


def _percent(deviation: Decimal | None, budget: Decimal | None) -> Decimal | None:
    if deviation is None or not budget:
        return None
    return round(deviation / abs(budget) * 100, 1)

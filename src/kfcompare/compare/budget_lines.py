"""Budget deviations per report and verksamhetsområde, each in its own table's unit."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal

from ..budget import BUDGET, DEVIATION, cell, compared_index, is_netto, roles, value_columns
from ..model import BudgetRow, BudgetTable, Report
from .result import BudgetLine

#: units of amounts; count tables (st, antal) have no budget deviation in money
MONEY_UNITS = ("mnkr", "tkr", "kr")


def budget_lines(reports: Sequence[Report]) -> tuple[BudgetLine, ...]:
    return tuple(line for report in reports for table in report.budget for line in _table_lines(report, table))


def _table_lines(report: Report, table: BudgetTable) -> Iterator[BudgetLine]:
    """A per-area table (with a Netto row) gives its Netto row, named by its caption; a
    summary table without one (Mnkr per verksamhetsområde, Investeringar) gives every
    row that is not a 'varav'."""
    if (table.unit or "").casefold() not in MONEY_UNITS:
        return
    found = roles(table)
    compared = compared_index(table)
    if not found.get(BUDGET) or compared is None:
        return
    netto = [row for row in table.rows if is_netto(row)]
    chosen = netto or [row for row in table.rows if not row.sub_row]
    for row in chosen:
        area = table.caption.strip() if netto and table.caption.strip() else row.label
        yield _line(report, table, row, area, found[BUDGET][0], compared, found.get(DEVIATION, [None])[-1])


def _line(
    report: Report, table: BudgetTable, row: BudgetRow, area: str, budget_at: int, compared: tuple[int, str], deviation_at: int | None
) -> BudgetLine:
    budget = cell(row, budget_at)
    deviation = cell(row, deviation_at)
    return BudgetLine(
        report=report,
        area=area,
        table=table.caption.strip(),
        label=row.label,
        unit=table.unit,
        budget=budget,
        compared=cell(row, compared[0]),
        compared_column=value_columns(table)[compared[0]],
        compared_kind=compared[1],
        deviation=deviation,
        deviation_percent=_percent(deviation.number if deviation else None, budget.number if budget else None),
        provenance=row.provenance,
    )


def _percent(deviation: Decimal | None, budget: Decimal | None) -> Decimal | None:
    if deviation is None or not budget:
        return None
    return round(deviation / abs(budget) * 100, 1)

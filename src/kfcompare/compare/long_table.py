"""The long table: one row per printed value, for pivoting in a spreadsheet."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..model import Report, Value
from .columns import value_columns
from .keys import name_key
from .result import LongRow

if TYPE_CHECKING:  # pragma: no cover
    from .result import Comparison

#: the indicator columns as the tables print them
COLUMN_LABELS = {
    "outcome": "Periodens utfall",
    "outcome_men": "Utfall män",
    "outcome_women": "Utfall kvinnor",
    "previous": "Föregående period",
    "forecast": "Prognos helår",
    "target": "Årsmål",
    "kf_target": "KF:s årsmål",
}


def _row(report: Report, section: str, group: str, item: str, key: str, column: str, value: Value, status: str | None, line: int) -> LongRow:
    return LongRow(
        section=section,
        report=report.label,
        district=report.district,
        unit=report.unit,
        kind=report.kind.value if report.kind else None,
        year=report.year,
        period=report.period,
        group=group,
        item=item,
        key=key,
        column=column,
        raw=value.raw,
        value=value.number,
        value_unit=value.unit,
        status=status,
        path=report.source.path,
        line=value.line if value.line is not None else line,
    )


def long_rows(comparison: Comparison) -> Iterator[LongRow]:
    for row in comparison.indicator_rows:
        group = " ".join(part for part in (row.area_number, row.area_title) if part)
        for report, cell in zip(comparison.reports, row.cells):
            if cell is None:
                continue
            line = cell.indicator.provenance.first_line
            for column, value in cell.indicator.values():
                yield _row(report, "indikator", group, row.name, row.key, COLUMN_LABELS[column], value, cell.status, line)
    for report in comparison.reports:
        for table in report.budget:
            headers = value_columns(table)
            for budget_row in table.rows:
                for index, amount in enumerate(budget_row.values):
                    if amount is None:
                        continue
                    column = headers[index] if index < len(headers) else f"kolumn {index + 1}"
                    label = ("varav " if budget_row.sub_row and not budget_row.label.lower().startswith("varav") else "") + budget_row.label
                    yield _row(
                        report, "budget", table.caption.strip(), label, name_key(budget_row.label), column,
                        amount if amount.unit else Value(amount.raw, amount.number, table.unit, amount.line),
                        None, budget_row.provenance.first_line,
                    )  # fmt: skip

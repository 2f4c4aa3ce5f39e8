"""The long table: one row per printed value, for pivoting in a spreadsheet."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from attrs import frozen

from ..budget import value_columns
from ..model import Report, Value
from .keys import name_key

if TYPE_CHECKING:  # pragma: no cover - annotation only: result imports this module, not back
    from .result import IndicatorRow

@frozen
class LongRow:
    """One printed value: report × indicator (or budget row) × column, with its source line."""

    section: str  # "indikator" or "budget"
    report: str
    district: str | None
    unit: str | None
    kind: str | None
    year: int | None
    period: str | None
    group: str  # "1.1 <area goal title>" for indicators, the table caption for budget rows
    item: str  # indicator name or budget row label
    key: str
    column: str  # Swedish column label
    raw: str
    value: Decimal | None
    value_unit: str | None
    status: str | None
    path: str
    line: int | None


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


def long_rows(reports: Sequence[Report], indicator_rows: Iterable[IndicatorRow]) -> Iterator[LongRow]:
    """The long table of a comparison's reports (in column order) and matched indicators."""
    for row in indicator_rows:
        group = " ".join(part for part in (row.area_number, row.area_title) if part)
        for report, cell in zip(reports, row.cells):
            if cell is None:
                continue
            line = cell.indicator.provenance.first_line
            for column, value in cell.indicator.values():
                yield _row(report, "indikator", group, row.name, row.key, COLUMN_LABELS[column], value, cell.status, line)
    for report in reports:
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

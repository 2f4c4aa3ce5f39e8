"""Budget: per report and verksamhetsområde, budget against forecast or outcome.

Amounts are shown in mnkr only: a table printed in tkr is converted (and says so in
"Enhet i rapporten"), and a row in any other unit (st, personer) gets no amount here, so
a column of mnkr never silently holds tkr or counts. The printed values stay in Data.
"""

from __future__ import annotations

from decimal import Decimal

from xlsxwriter.workbook import Workbook

from ...compare.result import BudgetLine, Comparison
from ...model import Value
from .overview_activities import source_name, titles_by_report
from .style import Grid, Styles

#: divisor that turns an amount in the table's unit into mnkr
TO_MNKR = {"mnkr": Decimal(1), "tkr": Decimal(1000), "kr": Decimal(1_000_000)}
LABELS = (
    "Rapport", "Verksamhetsområde", "Budget (mnkr)", "Prognos/utfall (mnkr)", "Avvikelse (mnkr)",
    "Avvikelse (% av budget)", "Jämförs med", "Enhet i rapporten", "Tabell", "Rad", "Källfil", "Rad i filen",
)  # fmt: skip
#: where the amounts a controller reads first stand, and how wide the text columns may grow
DEVIATION_COLUMNS = (4, 5)
LIMITS = {0: 28, 1: 30, 6: 24, 7: 24, 8: 30, 9: 30}


def unit_key(unit: str | None) -> str | None:
    return unit.strip().casefold().rstrip(".") if unit else None


def mnkr(value: Value | None, unit: str | None) -> Decimal | None:
    divisor = TO_MNKR.get(unit_key(unit) or "")
    if value is None or value.number is None or divisor is None:
        return None
    return value.number / divisor


def unit_label(unit: str | None) -> str:
    key = unit_key(unit)
    if key == "mnkr":
        return "mnkr"
    if key in TO_MNKR:
        return f"{unit} (omräknat till mnkr)"
    return f"{unit or 'okänd enhet'} (inget belopp i kr; se Data)"


def budget(book: Workbook, styles: Styles, comparison: Comparison) -> None:
    grid = Grid(book.add_worksheet("Budget"), styles)
    grid.text(0, 0, "Budget mot prognos (tertialrapporter) eller utfall (verksamhetsberättelser)", styles.title, fit=False)
    grid.text(1, 0, "Belopp i mnkr; tabeller i tkr är omräknade. Negativ avvikelse = underskott, visas med minustecken och röd markering.", styles.note, fit=False)
    head = 3
    grid.limits.update(LIMITS)
    grid.header(head, LABELS)
    titles = titles_by_report(comparison.reports)
    row = head
    for line in comparison.budget_rows:
        row += 1
        write_line(grid, row, line, titles.get(id(line.report), line.report.label))
    if row > head:
        grid.sheet.conditional_format(head + 1, DEVIATION_COLUMNS[0], row, DEVIATION_COLUMNS[-1], {"type": "cell", "criteria": "<", "value": 0, "format": styles.flag["inte"]})
    else:
        grid.text(head + 1, 0, "Inga budgettabeller i rapporterna.", styles.note)
    grid.finish(head, row, len(LABELS) - 1)


def write_line(grid: Grid, row: int, line: BudgetLine, title: str) -> None:
    styles = grid.styles
    grid.text(row, 0, title)
    grid.text(row, 1, line.area)
    grid.number(row, 2, mnkr(line.budget, line.unit), styles.mnkr)
    grid.number(row, 3, mnkr(line.compared, line.unit), styles.mnkr)
    grid.number(row, 4, mnkr(line.deviation, line.unit), styles.mnkr)
    percent = line.deviation_percent
    grid.number(row, 5, None if percent is None else percent / 100, styles.percent[1])
    compared = " ".join(part for part in (line.compared_kind, line.compared_column and f"({line.compared_column})") if part)
    grid.text(row, 6, compared or None)
    grid.text(row, 7, unit_label(line.unit))
    grid.text(row, 8, line.table)
    grid.text(row, 9, line.label)
    grid.text(row, 10, source_name(line.report))
    grid.number(row, 11, line.provenance.first_line, styles.integer)

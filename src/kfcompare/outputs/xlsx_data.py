"""Data (one long Excel table to pivot) and Kontroller (findings and parse warnings).

Data is a real Excel table (ListObject) so a controller can pivot, filter and refer to
it by name (``kfcompare_data``); it keeps each printed value with its unit as printed
(40 with unit %, not 0.4), because a long table mixes units and must not reinterpret.
"""

from __future__ import annotations

from xlsxwriter.workbook import Workbook

from ..compare.result import Comparison
from .xlsx_reports import file_name
from .xlsx_style import Grid, Styles

TABLE_NAME = "kfcompare_data"
DATA_LABELS = (
    "Del", "Rapport", "Stadsdel", "Enhet", "Typ", "År", "Period", "Grupp", "Post", "Nyckel",
    "Kolumn", "Tryckt värde", "Värde", "Värdets enhet", "Status", "Källfil", "Rad",
)  # fmt: skip


def data(book: Workbook, styles: Styles, comparison: Comparison) -> None:
    grid = Grid(book.add_worksheet("Data"), styles)
    row = 0
    for line in comparison.long_table():
        row += 1
        texts = (line.section, line.report, line.district, line.unit, line.kind)
        for col, text in enumerate(texts):
            grid.text(row, col, text)
        grid.number(row, 5, line.year, styles.integer)
        for col, text in enumerate((line.period, line.group, line.item, line.key, line.column, line.raw), 6):
            grid.text(row, col, text)
        grid.number(row, 12, line.value)
        grid.text(row, 13, line.value_unit)
        grid.text(row, 14, line.status)
        grid.text(row, 15, file_name(line.path))
        grid.number(row, 16, line.line, styles.integer)
    for col in (7, 8, 9):
        grid.widths[col] = min(grid.widths.get(col, 10), 45)
    # a table needs at least one data row; an empty comparison gets one empty row
    grid.sheet.add_table(
        0, 0, max(row, 1), len(DATA_LABELS) - 1,
        {"name": TABLE_NAME, "style": "Table Style Light 9", "columns": [{"header": label} for label in DATA_LABELS]},
    )  # fmt: skip
    grid.header(0, DATA_LABELS)
    grid.finish(0, row, len(DATA_LABELS) - 1, freeze_cols=0, filter_=False)


#: checks about reading the text rather than about figures that do not add up
READING_CHECKS = frozenset({"tolkningsvarning", "kolumntolkning"})
CHECK_LABELS = ("Typ", "Rapport", "Kontroll", "Meddelande", "Förväntat", "Tryckt", "Differens", "Källfil", "Rad")


def checks(book: Workbook, styles: Styles, comparison: Comparison) -> None:
    """Every finding of the engine (sums that break, readings that are uncertain, parse
    warnings), each with file and line."""
    grid = Grid(book.add_worksheet("Kontroller"), styles)
    grid.text(0, 0, "Kontroller: summor som inte stämmer och värden som inte kunde läsas säkert", styles.title, fit=False)
    grid.text(1, 0, "Inget repareras: raden pekar ut var i källfilen det står.", styles.note, fit=False)
    head = 3
    grid.header(head, CHECK_LABELS)
    grid.wide(3, 70)
    row = head
    for finding in comparison.findings:
        row += 1
        grid.text(row, 0, "Tolkning" if finding.check in READING_CHECKS else "Avstämning")
        grid.text(row, 1, finding.report)
        grid.text(row, 2, finding.check)
        grid.text(row, 3, finding.message, styles.wrap)
        for col, item in enumerate((finding.expected, finding.printed, finding.difference), 4):
            if isinstance(item, str):
                grid.text(row, col, item)
            else:
                grid.number(row, col, item)
        grid.text(row, 7, file_name(finding.path))
        grid.number(row, 8, finding.line, styles.integer)
    if row == head:
        grid.text(head + 1, 0, "Inga avvikelser hittades.", styles.note)
    grid.finish(head, row, len(CHECK_LABELS) - 1)


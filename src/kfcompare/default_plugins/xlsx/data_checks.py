"""Data (one long Excel table to pivot) and Kontroller (findings and parse warnings).

Data is a real Excel table (ListObject) so a controller can pivot, filter and refer to
it by name (``kfcompare_data``); it keeps each printed value with its unit as printed
(40 with unit %, not 0.4), because a long table mixes units and must not reinterpret.
"""

from __future__ import annotations

from decimal import Decimal

from xlsxwriter.workbook import Workbook

from ...compare.result import Comparison, LongRow
from .overview_activities import file_name
from .style import MAX_WIDTH, MIN_WIDTH, Grid, Styles, places

TABLE_NAME = "kfcompare_data"
DATA_LABELS = (
    "Del", "Rapport", "Stadsdel", "Enhet", "Typ", "År", "Period", "Grupp", "Post", "Kolumn", "Tryckt värde", "Värde", "Värdets enhet", "Status", "Källfil", "Rad",
)  # fmt: skip


def data(book: Workbook, styles: Styles, comparison: Comparison) -> None:
    lines = list(comparison.long_table())
    sheet = book.add_worksheet("Data")
    grid = Grid(sheet, styles)
    last_col = len(DATA_LABELS) - 1
    # a table needs at least one data row; an empty comparison gets one empty row
    sheet.add_table(
        0, 0, max(len(lines), 1), last_col,
        {"name": TABLE_NAME, "style": "Table Style Light 9", "columns": [{"header": label} for label in DATA_LABELS]},
    )  # fmt: skip
    grid.header(0, DATA_LABELS)
    write_rows(grid, lines)
    for col in (7, 8):
        grid.widths[col] = min(grid.widths.get(col, 10), 45)
    grid.finish(0, len(lines), last_col, freeze_cols=0, filter_=False)
    # thousands of rows are for filters and pivot tables, not paper: the printout is the
    # header and where the printed values are (Indikatorer, Kön, Budget)
    sheet.print_area(0, 0, 0, last_col)
    sheet.set_header(f"&L&\"Calibri,Bold\"&A&C{DATA_PRINT_NOTE}&R&F")


DATA_PRINT_NOTE = "Data är till för filter och pivottabeller; samma värden skrivs ut på bladen Indikatorer, Kön och Budget"


def write_rows(grid: Grid, lines: list[LongRow]) -> None:
    """The table's rows: the sheet's hottest loop (millions of cells for hundreds of
    reports), so it writes through the worksheet directly and measures widths once per
    column instead of once per cell."""
    sheet, styles = grid.sheet, grid.styles
    write_string, write_number, write_blank = sheet.write_string, sheet.write_number, sheet.write_blank
    plain, integer, decimals = styles.text, styles.integer, styles.decimals
    longest = [0] * len(DATA_LABELS)
    for row, line in enumerate(lines, 1):
        cells = (
            line.section, line.report, line.district, line.unit, line.kind, line.year, line.period, line.group,
            line.item, line.column, line.raw, line.value, line.value_unit, line.status,
            file_name(line.path), line.line,
        )  # fmt: skip
        for col, cell in enumerate(cells):
            if cell is None or cell == "":
                write_blank(row, col, None, plain)
            elif isinstance(cell, str):
                write_string(row, col, cell, plain)
                if len(cell) > longest[col]:
                    longest[col] = len(cell)
            elif isinstance(cell, Decimal):
                write_number(row, col, float(cell), decimals[min(places(cell), 4)])
                longest[col] = max(longest[col], len(str(cell)) + 2)
            else:
                write_number(row, col, cell, integer)
                longest[col] = max(longest[col], len(str(cell)) + 1)
    for col, width in enumerate(longest):
        if width:
            grid.widths[col] = max(grid.widths.get(col, MIN_WIDTH), min(width + 2, MAX_WIDTH))


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


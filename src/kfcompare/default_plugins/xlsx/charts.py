"""Diagram: bar charts of the indicators most reports share, with each report's target.

Each chart reads a small block of cells written beside it, so the numbers behind every
bar are visible (and a chart still says something when printed in black and white).
Only values in the indicator's most common unit are drawn: 40 % and 448 st never share
an axis.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from xlsxwriter.utility import quote_sheetname
from xlsxwriter.workbook import Workbook

from ...compare.result import Comparison, IndicatorCell, IndicatorRow
from ...model import Report
from .overview_activities import report_titles, where
from .style import Grid, Styles, print_setup

MAX_CHARTS = 8
SHEET = "Diagram"
#: rows one chart (270 px) needs at the default row height, plus a gap; two such blocks
#: fit one printed page, and a page break keeps every chart whole
CHART_ROWS = 15
CHARTS_PER_PAGE = 2


def unit_of(cell: IndicatorCell | None) -> str | None:
    outcome = cell.indicator.outcome if cell else None
    if outcome is None or outcome.number is None:
        return None
    return (outcome.unit or "").strip().casefold()


def shared(rows: Sequence[IndicatorRow], limit: int = MAX_CHARTS) -> list[tuple[IndicatorRow, str]]:
    """The indicators with a numeric outcome in the most reports (at least two), and their unit."""
    ranked = []
    for order, row in enumerate(rows):
        units = Counter(unit for unit in map(unit_of, row.cells) if unit is not None)
        if units:
            unit, count = units.most_common(1)[0]
            if count >= 2:
                ranked.append((-count, order, row, unit))
    ranked.sort(key=lambda item: item[:2])
    return [(row, unit) for _, _, row, unit in ranked[:limit]]


def charts(book: Workbook, styles: Styles, comparison: Comparison) -> None:
    grid = Grid(book.add_worksheet(SHEET), styles)
    grid.text(0, 0, "Diagram: indikatorer som flest rapporter har, utfall (staplar) mot årsmål (punkter)", styles.title, fit=False)
    picked = shared(comparison.indicator_rows)
    if not picked:
        grid.text(2, 0, "Inga indikatorer med numeriskt utfall i minst två rapporter.", styles.note, fit=False)
    titles = report_titles(comparison.reports)
    top = 2
    breaks = []
    for number, (row, unit) in enumerate(picked):
        if number and number % CHARTS_PER_PAGE == 0:
            breaks.append(top)
        chart_block(book, grid, top, row, unit, titles, comparison.reports)
        top += max(CHART_ROWS, len(titles) + 4)
    grid.sheet.set_h_pagebreaks(breaks)
    grid.widths[0] = min(max(grid.widths.get(0, 10), 24), 40)
    grid.sheet.freeze_panes(1, 0)
    print_setup(grid.sheet, 0)
    grid.apply_sizes()


def chart_block(
    book: Workbook, grid: Grid, top: int, row: IndicatorRow, unit: str, titles: Sequence[str], reports: Sequence[Report]
) -> None:
    """The numbers (report, outcome, target, where they are printed) at ``top`` and a chart of them beside."""
    styles = grid.styles
    name = " ".join(part for part in (row.area_number, row.name) if part)
    grid.text(top, 0, name, styles.bold, fit=False)
    grid.header(top + 1, ["Rapport", "Utfall", "Årsmål", "Källa (fil:rad)"])
    line = top + 1
    for title, report, cell in zip(titles, reports, row.cells):
        if unit_of(cell) != unit or cell is None:
            continue
        line += 1
        grid.text(line, 0, title)
        grid.value(line, 1, cell.indicator.outcome)
        target = cell.target if cell.target is not None and (cell.target.unit or "").strip().casefold() == unit else None
        grid.value(line, 2, target if target is not None and target.number is not None else None)
        provenance = cell.indicator.provenance
        grid.text(line, 3, where(report, provenance))
    sheet = quote_sheetname(SHEET)

    def ref(col: int) -> list[object]:
        return [sheet, top + 2, col, line, col]

    bars = book.add_chart({"type": "column"})
    bars.add_series({"name": "Utfall", "categories": ref(0), "values": ref(1), "fill": {"color": "#2E75B6"}, "gap": 80})
    marks = book.add_chart({"type": "line"})
    marks.add_series(
        {
            "name": "Årsmål",
            "categories": ref(0),
            "values": ref(2),
            "line": {"none": True},
            "marker": {"type": "diamond", "size": 9, "fill": {"color": "#C00000"}, "border": {"color": "#C00000"}},
        }
    )
    bars.combine(marks)
    # the title refers to the cell holding the name, which is written as a string: given as
    # text, a name like "x!A1" would be read by xlsxwriter as a reference (a formula) instead
    bars.set_title({"name": [SHEET, top, 0], "name_font": {"size": 10, "bold": True}})
    bars.set_legend({"position": "bottom"})
    bars.set_y_axis({"num_format": "0%" if unit.startswith("%") else "#,##0", "major_gridlines": {"visible": True, "line": {"color": "#D9D9D9"}}})
    bars.set_size({"width": 620, "height": 270})
    grid.sheet.insert_chart(top, 5, bars, {"x_offset": 10, "y_offset": 5})

"""Utveckling: one district (and unit) along its periods — T1, T2, VB, or several years.

Per series: each indicator's outcome and target per period side by side and the change
of the outcome (first to last period); a line chart for the indicators printed with a
numeric outcome in at least three periods; then the goals' assessments per period. Every
outcome cell's comment names its file and line.
"""

from __future__ import annotations

from xlsxwriter.utility import quote_sheetname
from xlsxwriter.workbook import Workbook

from ...compare.development import Series, Trend, development
from ...compare.result import Comparison
from ...labels import ASSESSMENT_LABEL, LEVEL_LABEL
from .goals_indicators import HEAT_KEY, MISSING, NOT_ASSESSED
from .overview_activities import where
from .style import Grid, Styles, print_setup

SHEET = "Utveckling"
#: line charts drawn at most (the indicators with the most periods first)
MAX_CHARTS = 8
CHART_ROWS = 15
PERIOD_GROUP = ("Utfall", "Årsmål")


def development_sheet(book: Workbook, styles: Styles, comparison: Comparison) -> None:
    grid = Grid(book.add_worksheet(SHEET), styles)
    grid.text(0, 0, "Utveckling: samma stadsdel (och enhet) vid flera perioder", styles.title, fit=False)
    grid.text(
        1, 0,
        "Utfall och årsmål per period, förändringen av utfallet från första till sista perioden (i indikatorns enhet; "
        "procentenheter för andelar), och bedömningen av målen per period. Kommentaren på ett utfall visar källfil och rad.",
        styles.note, fit=False,
    )  # fmt: skip
    grid.wide(1, 50)
    grid.limits[0] = 10
    series = development(comparison)
    row = 3
    if not series:
        grid.text(row, 0, "Inga rapporter för samma stadsdel och enhet vid flera perioder.", styles.note, fit=False)
    charted: list[tuple[Series, Trend]] = []
    for one in series:
        row = _series_tables(grid, row, one) + 2
        charted += [(one, trend) for trend in one.indicators if trend.outcomes >= 3]
    charted.sort(key=lambda pair: -pair[1].outcomes)
    breaks = []
    for number, (one, trend) in enumerate(charted[:MAX_CHARTS]):
        if number % 2 == 0:
            breaks.append(row)
        _chart(book, grid, row, one, trend)
        row += max(CHART_ROWS, len(one.reports) + 4)
    grid.sheet.set_h_pagebreaks(breaks)
    grid.sheet.freeze_panes(3, 0)
    print_setup(grid.sheet, 0)
    grid.apply_sizes()


def _series_tables(grid: Grid, row: int, one: Series) -> int:
    """The indicator table and the goal table of one series from ``row``; the last row used."""
    styles = grid.styles
    grid.text(row, 0, f"{one.label}: {' → '.join(one.periods)}", styles.bold, fit=False)
    row += 1
    labels = ["Mål", "Indikator"] + [f"{label} {period}" for period in one.periods for label in PERIOD_GROUP] + ["Förändring utfall"]
    grid.header(row, labels)
    change_col = len(labels) - 1
    for trend in one.indicators:
        row += 1
        grid.text(row, 0, trend.row.area_number)
        grid.text(row, 1, trend.row.name, styles.wrap)
        for index, (report, cell) in enumerate(zip(one.reports, trend.cells)):
            col = 2 + index * len(PERIOD_GROUP)
            if cell is None:
                grid.text(row, col, MISSING, styles.missing)
                continue
            grid.value(row, col, cell.indicator.outcome)
            grid.value(row, col + 1, cell.indicator.target)
            provenance = cell.indicator.provenance
            grid.note(row, col, where(report, provenance))
        percent = trend.unit is not None and trend.unit.strip().startswith("%")
        grid.number(row, change_col, trend.change, styles.points if percent else None)
    if not one.indicators:
        row += 1
        grid.text(row, 0, "Inga indikatorer som finns i minst två av perioderna.", styles.note, fit=False)
    row += 2
    if not one.goals:
        grid.text(row, 0, "Inga mål som finns i minst två av perioderna.", styles.note, fit=False)
        return row
    grid.header(row, ["Nivå", "Mål", *one.periods])
    for goal_trend in one.goals:
        row += 1
        grid.text(row, 0, LEVEL_LABEL.get(goal_trend.row.level, goal_trend.row.level.value))
        title = " ".join(part for part in (goal_trend.row.number, goal_trend.row.title) if part)
        grid.text(row, 1, title, styles.wrap)
        for col, (report, goal) in enumerate(zip(one.reports, goal_trend.cells), 2):
            if goal is None:
                grid.text(row, col, MISSING, styles.heat["saknas"])
            elif goal.assessment is None:
                grid.text(row, col, NOT_ASSESSED, styles.heat["ingen"])
                grid.note(row, col, f"{where(report, goal.provenance.first_line) + goal.provenance.page_note()}: ingen bedömning tryckt.")
            else:
                grid.text(row, col, ASSESSMENT_LABEL[goal.assessment], styles.heat[HEAT_KEY[goal.assessment]])
                grid.note(row, col, f"{where(report, goal.provenance.first_line) + goal.provenance.page_note()}: {goal.assessment_raw or 'bedömningen'}.")
    return row


def _chart(book: Workbook, grid: Grid, top: int, one: Series, trend: Trend) -> None:
    """The periods' outcome and target at ``top`` and a line chart of them beside."""
    styles = grid.styles
    name = " ".join(part for part in (trend.row.area_number, trend.row.name) if part)
    grid.text(top, 0, f"{one.label}: {name}", styles.bold, fit=False)
    grid.header(top + 1, ["Period", "Utfall", "Årsmål"], first_col=0)
    line = top + 1
    for period, cell in zip(one.periods, trend.cells):
        line += 1
        grid.text(line, 0, period)
        grid.value(line, 1, cell.indicator.outcome if cell is not None else None)
        target = cell.indicator.target if cell is not None else None
        grid.value(line, 2, target if target is not None and target.number is not None else None)
    sheet = quote_sheetname(SHEET)

    def ref(col: int) -> list[object]:
        return [sheet, top + 2, col, line, col]

    chart = book.add_chart({"type": "line"})
    chart.add_series({"name": "Utfall", "categories": ref(0), "values": ref(1), "marker": {"type": "circle"}, "line": {"color": "#2E75B6"}})
    chart.add_series({"name": "Årsmål", "categories": ref(0), "values": ref(2), "line": {"color": "#C00000", "dash_type": "dash"}})
    chart.set_title({"name": [SHEET, top, 0], "name_font": {"size": 10, "bold": True}})
    chart.set_legend({"position": "bottom"})
    unit = (trend.unit or "").strip()
    chart.set_y_axis({"num_format": "0.0%" if unit.startswith("%") else "#,##0.0", "major_gridlines": {"visible": True, "line": {"color": "#D9D9D9"}}})
    chart.set_size({"width": 620, "height": 270})
    grid.sheet.insert_chart(top, 4, chart, {"x_offset": 10, "y_offset": 5})

"""Måluppfyllelse (goals × reports), Indikatorer and Kön (a row per indicator and report).

Colour is never the only signal: every coloured cell also carries the words (the
assessment, the status, 'osäker'), and an empty cell says why it is empty. Every value
and assessment leads back to its file and line (a Källa column, or a cell comment).
"""

from __future__ import annotations

from collections.abc import Sequence

from xlsxwriter.workbook import Workbook

from ...compare.indicator_checks import readings
from ...compare.result import EJ_UPPNATT, OSAKER_TOLKNING, UPPNATT, Comparison, IndicatorCell, IndicatorRow
from ...compare.status import AMBIGUOUS
from ...labels import ASSESSMENT_LABEL, LEVEL_LABEL
from ...model import Assessment, GoalLevel, Indicator, Report
from .overview_activities import report_titles, titles_by_report, where
from .style import TABLE_HEAD, Grid, Styles, table_sheet

MISSING = "–"
NOT_ASSESSED = "ej bedömd"
DIRECTION_LABEL = {"higher": "högre är bättre", "lower": "lägre är bättre"}
MATCHED_LABEL = {"name": "namn", "alias": "alias"}
HEAT_KEY = {Assessment.HELT: "helt", Assessment.DELVIS: "delvis", Assessment.INTE: "inte", Assessment.INGEN: "ingen"}
LEGEND = (
    ("helt", ASSESSMENT_LABEL[Assessment.HELT], "grönt"),
    ("delvis", ASSESSMENT_LABEL[Assessment.DELVIS], "gult"),
    ("inte", ASSESSMENT_LABEL[Assessment.INTE], "rött"),
    ("ingen", ASSESSMENT_LABEL[Assessment.INGEN], "grått: rapporten skriver att målet inte bedöms"),
    ("ingen", NOT_ASSESSED, "grått: målet finns i rapporten men ingen bedömning är tryckt"),
    ("saknas", MISSING, "ej i rapporten: rapporten har inte målet"),
)
REPORT_WIDTH = 17


def goals(book: Workbook, styles: Styles, comparison: Comparison) -> None:
    grid = Grid(book.add_worksheet("Måluppfyllelse"), styles)
    grid.text(0, 0, "Måluppfyllelse: KF:s mål för verksamhetsområdet, nämndmål och enhetsmål", styles.title, fit=False)
    grid.text(1, 0, "Enhetsmålen står under sitt nämndmål. Varje bedömning har en kommentar med källfil och rad.", styles.note, fit=False)
    for offset, (key, word, meaning) in enumerate(LEGEND):
        grid.text(2 + offset, 2, f"{word}: {meaning}", styles.legend[key], fit=False)
    head = len(LEGEND) + 3
    titles = report_titles(comparison.reports)
    grid.header(head, ["Nivå", "Nr", "Mål", *titles])
    grid.wide(2, 60)
    for col in range(3, 3 + len(titles)):
        grid.wide(col, REPORT_WIDTH)
    row = head
    for goal_row in comparison.goal_rows:
        row += 1
        grid.text(row, 0, LEVEL_LABEL.get(goal_row.level, goal_row.level.value))
        grid.text(row, 1, goal_row.number)
        grid.text(row, 2, goal_row.title, styles.wrap)
        for col, (report, goal) in enumerate(zip(comparison.reports, goal_row.cells), 3):
            if goal is None:
                grid.text(row, col, MISSING, styles.heat["saknas"])
                continue
            line = where(report, goal.provenance.first_line) + goal.provenance.page_note()
            if goal.assessment is None:
                grid.text(row, col, NOT_ASSESSED, styles.heat["ingen"])
                grid.note(row, col, f"{line}: målet står här; ingen bedömning är tryckt.")
            else:
                grid.text(row, col, ASSESSMENT_LABEL[goal.assessment], styles.heat[HEAT_KEY[goal.assessment]])
                printed = f"tryckt: {goal.assessment_raw}" if goal.assessment_raw else "bedömningen"
                grid.note(row, col, f"{line}: målet, {printed}.")
    if row == head:
        grid.text(row + 1, 0, "Inga mål att jämföra.", styles.note)
    grid.finish(head, row, 2 + len(titles), freeze_cols=3)


def areas(rows: Sequence[IndicatorRow]) -> list[tuple[str, list[IndicatorRow]]]:
    """Indicator rows grouped under their KF area goal, in the comparison's order."""
    groups: dict[str, list[IndicatorRow]] = {}
    for row in rows:
        head = " ".join(part for part in (row.area_number, row.area_title) if part) or "Utan KF-mål"
        groups.setdefault(head, []).append(row)
    return list(groups.items())


#: the Indikatorer sheet: a row per indicator and report, so it prints one page wide
#: however many reports are compared, and filters by report
INDICATOR_LABELS = (
    "Mål", "Indikator", "Rapport", "Utfall", "Årsmål", "KF:s årsmål", "Status", "Tolkning",
    "Riktning", "Matchad via", "Källa (fil:rad)",
)  # fmt: skip
INDICATOR_WIDTHS = {0: 6, 1: 50, 2: 28, 3: 10, 4: 10, 5: 11, 6: 21, 7: 9, 8: 17, 9: 8, 10: 38}
STATUS_HEAT = {UPPNATT: "helt", EJ_UPPNATT: "inte", OSAKER_TOLKNING: "delvis"}
DOUBTFUL = "osäker"


def doubt_note(report: Report, indicator: Indicator) -> str:
    """The comment on a doubtful row's values: where it is, how it was read, what else it could be."""
    line = where(report, indicator.provenance)
    return f"Osäker kolumntolkning, {line}: {readings(indicator)}."


def indicators(book: Workbook, styles: Styles, comparison: Comparison) -> None:
    note = (
        f"Status: {UPPNATT} (grön), {EJ_UPPNATT} (röd); övriga statusar säger varför ingen jämförelse görs. "
        f"Tolkning '{DOUBTFUL}' (gulrandig): raden hade färre värden än kolumner; kommentaren visar de andra läsningarna."
    )
    title = "Indikatorer per KF-mål: utfall mot årsmål och KF:s årsmål, en rad per rapport"
    grid = table_sheet(book, styles, "Indikatorer", title, note, INDICATOR_LABELS, INDICATOR_WIDTHS)
    grid.wide(1, INDICATOR_WIDTHS[1])
    head = TABLE_HEAD
    titles = titles_by_report(comparison.reports)
    row = head
    for area, rows in areas(comparison.indicator_rows):
        row += 1
        grid.sheet.merge_range(row, 0, row, len(INDICATOR_LABELS) - 1, "", styles.bold)
        grid.text(row, 0, area, styles.bold, fit=False)
        for ind_row in rows:
            for report, cell in zip(comparison.reports, ind_row.cells):
                if cell is None:
                    continue
                row += 1
                write_indicator(grid, row, ind_row, cell, report, titles[id(report)])
    if row == head:
        grid.text(row + 1, 0, "Inga indikatorer i rapporterna.", styles.note)
    grid.finish(head, row, len(INDICATOR_LABELS) - 1, freeze_cols=2)


def write_indicator(grid: Grid, row: int, ind_row: IndicatorRow, cell: IndicatorCell, report: Report, title: str) -> None:
    styles = grid.styles
    indicator = cell.indicator
    doubt = AMBIGUOUS in indicator.flags
    grid.text(row, 0, ind_row.area_number)
    grid.text(row, 1, indicator.name, styles.wrap)
    grid.text(row, 2, title)
    for col, value in enumerate((indicator.outcome, indicator.target, indicator.kf_target), 3):
        grid.value(row, col, value, doubt=doubt)
        if doubt:
            grid.note(row, col, doubt_note(report, indicator))
    heat = STATUS_HEAT.get(cell.status)
    grid.text(row, 6, cell.status, styles.legend[heat] if heat else None)
    grid.text(row, 7, DOUBTFUL if doubt else None, styles.doubt_text if doubt else None)
    grid.text(row, 8, DIRECTION_LABEL.get(ind_row.direction or "", "okänd"))
    grid.text(row, 9, MATCHED_LABEL.get(cell.matched_by, cell.matched_by))
    grid.text(row, 10, where(report, indicator.provenance))


GENDER_LABELS = ("Mål", "Indikator", "Rapport", "Kvinnor", "Män", "Skillnad k − m", "Källa (fil:rad)")
GENDER_WIDTHS = {0: 6, 1: 60, 2: 28, 3: 10, 4: 10, 5: 12, 6: 38}


def gender(book: Workbook, styles: Styles, comparison: Comparison) -> None:
    title = "Utfall för kvinnor och män, en rad per indikator och rapport"
    note = "Skillnad = kvinnor − män, i indikatorns enhet (procentenheter, p.e., för andelar); tom när enheterna skiljer sig."
    grid = table_sheet(book, styles, "Kön", title, note, GENDER_LABELS, GENDER_WIDTHS)
    grid.wide(1, GENDER_WIDTHS[1])
    head = TABLE_HEAD
    titles = titles_by_report(comparison.reports)
    row = head
    for gender_row in comparison.gender_rows:
        for report, cell in zip(comparison.reports, gender_row.cells):
            if cell is None or (cell.women is None and cell.men is None):
                continue
            row += 1
            grid.text(row, 0, gender_row.area_number)
            grid.text(row, 1, gender_row.name, styles.wrap)
            grid.text(row, 2, titles[id(report)])
            grid.value(row, 3, cell.women)
            grid.value(row, 4, cell.men)
            points = cell.unit is not None and cell.unit.strip().startswith("%")
            grid.number(row, 5, cell.gap, styles.points if points else None)
            value = next((v for v in (cell.women, cell.men) if v is not None and v.line is not None), None)
            page = f" (s. {value.page})" if value is not None and value.page is not None else ""
            grid.text(row, 6, where(report, value.line if value else None) + page)
    if row == head:
        grid.text(row + 1, 0, "Inga indikatorer med utfall för kvinnor och män.", styles.note)
    grid.finish(head, row, len(GENDER_LABELS) - 1, freeze_cols=2)

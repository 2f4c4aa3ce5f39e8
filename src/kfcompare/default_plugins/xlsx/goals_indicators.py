"""Måluppfyllelse, Indikatorer and Kön: matched rows × reports.

Colour is never the only signal: every coloured cell also carries the words (the
assessment, the status), and an empty cell says why it is empty.
"""

from __future__ import annotations

from collections.abc import Sequence

from xlsxwriter.utility import xl_rowcol_to_cell
from xlsxwriter.workbook import Workbook

from ...compare.result import EJ_UPPNATT, UPPNATT, Comparison, IndicatorRow
from ...model import Assessment, GoalLevel
from ...labels import ASSESSMENT_LABEL, LEVEL_LABEL
from .overview_activities import report_titles
from .style import Grid, Styles

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
#: widest a value column of a report group grows; longer printed text wraps
VALUE_WIDTH = 14


def goals(book: Workbook, styles: Styles, comparison: Comparison) -> None:
    grid = Grid(book.add_worksheet("Måluppfyllelse"), styles)
    grid.text(0, 0, "Måluppfyllelse: KF:s mål för verksamhetsområdet och nämndmål", styles.title, fit=False)
    for offset, (key, word, meaning) in enumerate(LEGEND):
        grid.text(1 + offset, 2, f"{word}: {meaning}", styles.legend[key], fit=False)
    head = len(LEGEND) + 2
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
        for col, goal in enumerate(goal_row.cells, 3):
            if goal is None:
                grid.text(row, col, MISSING, styles.heat["saknas"])
            elif goal.assessment is None:
                grid.text(row, col, NOT_ASSESSED, styles.heat["ingen"])
            else:
                grid.text(row, col, ASSESSMENT_LABEL[goal.assessment], styles.heat[HEAT_KEY[goal.assessment]])
    if row == head:
        grid.text(row + 1, 0, "Inga mål att jämföra.", styles.note)
    grid.finish(head, row, 2 + len(titles), freeze_cols=3)


#: per report: the columns of its group on the Indikatorer sheet
INDICATOR_GROUP = ("Utfall", "Årsmål", "KF:s årsmål", "Status")
INDICATOR_FIXED = ("Mål", "Indikator", "Riktning", "Matchad via")


def areas(rows: Sequence[IndicatorRow]) -> list[tuple[str, list[IndicatorRow]]]:
    """Indicator rows grouped under their KF area goal, in the comparison's order."""
    groups: dict[str, list[IndicatorRow]] = {}
    for row in rows:
        head = " ".join(part for part in (row.area_number, row.area_title) if part) or "Utan KF-mål"
        groups.setdefault(head, []).append(row)
    return list(groups.items())


def report_groups(grid: Grid, head: int, first_col: int, titles: Sequence[str], labels: Sequence[str]) -> None:
    """Two header rows: the report's name over its group of columns, then the columns."""
    width = len(labels)
    for index, title in enumerate(titles):
        col = first_col + index * width
        for offset in range(width):
            grid.limits[col + offset] = VALUE_WIDTH
        if width > 1:
            grid.sheet.merge_range(head - 1, col, head - 1, col + width - 1, "", grid.styles.header)
        grid.sheet.write_string(head - 1, col, title, grid.styles.header)
        grid.header(head, list(labels), col)


def indicators(book: Workbook, styles: Styles, comparison: Comparison) -> None:
    grid = Grid(book.add_worksheet("Indikatorer"), styles)
    grid.text(0, 0, "Indikatorer per KF-mål: utfall mot årsmål och KF:s årsmål", styles.title, fit=False)
    grid.text(1, 0, f"Status: {UPPNATT} (grön), {EJ_UPPNATT} (röd); övriga statusar säger varför ingen jämförelse görs.", styles.note, fit=False)
    head = 4
    titles = report_titles(comparison.reports)
    grid.header(head, INDICATOR_FIXED)
    grid.header(head - 1, [""] * len(INDICATOR_FIXED))
    report_groups(grid, head, len(INDICATOR_FIXED), titles, INDICATOR_GROUP)
    grid.wide(1, 50)
    row = head
    for area, rows in areas(comparison.indicator_rows):
        row += 1
        grid.text(row, 0, area, styles.bold, fit=False)
        for ind_row in rows:
            row += 1
            grid.text(row, 0, ind_row.area_number)
            grid.text(row, 1, ind_row.name, styles.wrap)
            grid.text(row, 2, DIRECTION_LABEL.get(ind_row.direction or "", "okänd"))
            grid.text(row, 3, MATCHED_LABEL.get(ind_row.matched_by, ind_row.matched_by))
            for index, cell in enumerate(ind_row.cells):
                col = len(INDICATOR_FIXED) + index * len(INDICATOR_GROUP)
                if cell is None:
                    grid.text(row, col, MISSING, styles.missing)
                    continue
                grid.value(row, col, cell.indicator.outcome)
                grid.value(row, col + 1, cell.indicator.target)
                grid.value(row, col + 2, cell.indicator.kf_target)
                grid.text(row, col + 3, cell.status)
    last_col = len(INDICATOR_FIXED) + len(titles) * len(INDICATOR_GROUP) - 1
    if row > head:
        for index in range(len(titles)):
            col = len(INDICATOR_FIXED) + index * len(INDICATOR_GROUP)
            status = xl_rowcol_to_cell(head + 1, col + 3, col_abs=True)
            for word, key in ((UPPNATT, "helt"), (EJ_UPPNATT, "inte")):
                grid.sheet.conditional_format(
                    head + 1, col, row, col + 3,
                    {"type": "formula", "criteria": f'={status}="{word}"', "format": styles.flag[key]},
                )  # fmt: skip
    grid.finish(head, row, last_col, freeze_cols=2)


GENDER_GROUP = ("Kvinnor", "Män", "Skillnad k − m")


def gender(book: Workbook, styles: Styles, comparison: Comparison) -> None:
    grid = Grid(book.add_worksheet("Kön"), styles)
    grid.text(0, 0, "Utfall för kvinnor och män", styles.title, fit=False)
    grid.text(1, 0, "Skillnad = kvinnor − män, i indikatorns enhet (procentenheter, p.e., för andelar); tom när enheterna skiljer sig.", styles.note, fit=False)
    head = 4
    titles = report_titles(comparison.reports)
    grid.header(head, ["Mål", "Indikator"])
    grid.header(head - 1, ["", ""])
    report_groups(grid, head, 2, titles, GENDER_GROUP)
    grid.wide(1, 50)
    row = head
    for gender_row in comparison.gender_rows:
        row += 1
        grid.text(row, 0, gender_row.area_number)
        grid.text(row, 1, gender_row.name, styles.wrap)
        for index, cell in enumerate(gender_row.cells):
            col = 2 + index * len(GENDER_GROUP)
            if cell is None:
                grid.text(row, col, MISSING, styles.missing)
                continue
            grid.value(row, col, cell.women)
            grid.value(row, col + 1, cell.men)
            points = cell.unit is not None and cell.unit.strip().startswith("%")
            grid.number(row, col + 2, cell.gap, styles.points if points else None)
    if row == head:
        grid.text(row + 1, 0, "Inga indikatorer med utfall för kvinnor och män.", styles.note)
    grid.finish(head, row, 1 + len(titles) * len(GENDER_GROUP), freeze_cols=2)

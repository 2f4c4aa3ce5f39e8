"""Sheets read straight from the reports: Översikt and Aktiviteter.

They need no matching between reports, so they show every report even when the
comparison engine could not pair anything.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from xlsxwriter.workbook import Workbook

from ...compare.result import Comparison
from ...labels import ASSESSMENT_LABEL, KIND_LABEL, NOT_ASSESSED
from ...model import Assessment, GoalLevel, Report
from ...values import count_of
from .style import Grid, Styles

YES_NO = {True: "Ja", False: "Nej"}


def file_name(path: str) -> str:
    """The file's name without its folder: the folder differs between machines."""
    return path.replace("\\", "/").rsplit("/", 1)[-1]


def source_name(report: Report) -> str:
    return file_name(report.source.path)


def report_titles(reports: Sequence[Report]) -> list[str]:
    """One column title per report; the same label twice gets its file name added."""
    counts = Counter(r.label for r in reports)
    return [r.label if counts[r.label] == 1 else f"{r.label} ({source_name(r)})" for r in reports]


def titles_by_report(reports: Sequence[Report]) -> dict[int, str]:
    """Column title by ``id(report)``: rows of a comparison hold the report objects themselves."""
    return dict(zip(map(id, reports), report_titles(reports)))


def overview(book: Workbook, styles: Styles, reports: Sequence[Report]) -> None:
    grid = Grid(book.add_worksheet("Översikt"), styles)
    grid.text(0, 0, f"Jämförelse av {count_of(len(reports), 'rapport', 'rapporter')}", styles.title, fit=False)
    grid.text(1, 0, "En rad per rapport. Bedömningarna räknas över KF:s mål för verksamhetsområdet och nämndmålen.", styles.note, fit=False)
    labels = [
        "Rapport", "Stadsdel", "Enhet", "Typ", "År", "Period", "Format", "Källfil",
        "KF-mål", "Nämndmål", "Indikatorer", "Aktiviteter", "Budgettabeller", "Varningar",
        *ASSESSMENT_LABEL.values(), NOT_ASSESSED,
    ]  # fmt: skip
    head = 3
    grid.header(head, labels)
    for row, (title, report) in enumerate(zip(report_titles(reports), reports), head + 1):
        goals = [g for g in report.walk_goals() if g.level in (GoalLevel.AREA, GoalLevel.BOARD)]
        verdicts = Counter(g.assessment for g in goals)
        texts = [title, report.district, report.unit, KIND_LABEL[report.kind] if report.kind else None, None, report.period, report.format, source_name(report)]
        for col, text in enumerate(texts):
            grid.text(row, col, text)
        grid.number(row, 4, report.year, styles.integer)
        counts = [
            sum(g.level is GoalLevel.AREA for g in goals),
            sum(g.level is GoalLevel.BOARD for g in goals),
            sum(1 for _ in report.indicators()),
            sum(1 for _ in report.activities()),
            len(report.budget),
            len(report.warnings),
            *(verdicts[a] for a in ASSESSMENT_LABEL),
            verdicts[None],
        ]
        for col, count in enumerate(counts, len(texts)):
            grid.number(row, col, count, styles.integer)
    grid.finish(head, head + len(reports), len(labels) - 1)


def activities(book: Workbook, styles: Styles, comparison: Comparison) -> None:
    grid = Grid(book.add_worksheet("Aktiviteter"), styles)
    labels = ["Rapport", "Mål", "Målets titel", "Aktivitet", "Start", "Slut", "Avvikelse", "Tabell", "Analys", "Källfil", "Rad"]
    grid.header(0, labels)
    grid.wide(2, 40)
    grid.wide(3, 50)
    grid.wide(8, 60)
    titles = titles_by_report(comparison.reports)
    row = 0
    for row, line in enumerate(comparison.activities, 1):
        activity = line.activity
        grid.text(row, 0, titles.get(id(line.report), line.report.label))
        grid.text(row, 1, line.goal.number)
        grid.text(row, 2, line.goal.title, styles.wrap)
        grid.text(row, 3, activity.text, styles.wrap)
        grid.date(row, 4, activity.start)
        grid.date(row, 5, activity.end)
        grid.text(row, 6, YES_NO[activity.deviation], styles.heat["inte"] if activity.deviation else styles.text)
        grid.text(row, 7, activity.table)
        grid.text(row, 8, activity.analysis, styles.wrap)
        grid.text(row, 9, source_name(line.report))
        grid.number(row, 10, activity.provenance.first_line, styles.integer)
    if row == 0:
        grid.text(1, 0, "Inga aktiviteter i rapporterna.", styles.note)
    grid.finish(0, row, len(labels) - 1, freeze_cols=1)

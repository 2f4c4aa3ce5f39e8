"""Sheets read straight from the reports: Översikt and Aktiviteter.

They need no matching between reports, so they show every report even when the
comparison engine could not pair anything.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from xlsxwriter.workbook import Workbook

from ...compare.goal_rows import assessment_counts
from ...compare.result import Comparison
from ...labels import ASSESSMENT_LABEL, KIND_LABEL, NOT_ASSESSED
from ...model import Assessment, GoalLevel, Provenance, Report
from ...values import count_of
from .style import TABLE_HEAD, Grid, Styles, table_sheet

YES_NO = {True: "Ja", False: "Nej"}


def file_name(path: str) -> str:
    """The file's name without its folder: the folder differs between machines."""
    return path.replace("\\", "/").rsplit("/", 1)[-1]


def source_name(report: Report) -> str:
    return file_name(report.source.path)


def where(report: Report, at: Provenance | int | None, last: int | None = None) -> str:
    """'sodermalm_t1_2020.txt:608' (or ':608-611', and ' (s. 53, rad 43)' for a PDF): the file
    and line a cell was read from, given as a provenance or a bare line number."""
    if isinstance(at, Provenance):
        return where(report, at.first_line, at.last_line) + at.page_note()
    if at is None:
        return source_name(report)
    lines = f"{at}-{last}" if last is not None and last != at else str(at)
    return f"{source_name(report)}:{lines}"


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
    grid.text(1, 0, "En rad per rapport. Bedömningarna räknas över KF:s mål för verksamhetsområdet, nämndmålen och enhetsmålen, som i terminalens sammanfattning.", styles.note, fit=False)
    labels = [
        "Rapport", "Stadsdel", "Enhet", "Typ", "År", "Period", "Format", "Källfil",
        "KF-mål", "Nämndmål", "Enhetsmål", "Indikatorer", "Aktiviteter", "Budgettabeller", "Varningar",
        *ASSESSMENT_LABEL.values(), NOT_ASSESSED,
    ]  # fmt: skip
    head = 3
    grid.limits.update({0: 30, 1: 18, 2: 22, 7: 24})
    grid.header(head, labels)
    for row, (title, report) in enumerate(zip(report_titles(reports), reports), head + 1):
        levels = Counter(g.level for g in report.walk_goals())
        verdicts = assessment_counts(report)
        texts = [title, report.district, report.unit, KIND_LABEL[report.kind] if report.kind else None, None, report.period, report.format, source_name(report)]
        for col, text in enumerate(texts):
            grid.text(row, col, text)
        grid.number(row, 4, report.year, styles.integer)
        counts = [
            levels[GoalLevel.AREA],
            levels[GoalLevel.BOARD],
            levels[GoalLevel.UNIT],
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


#: an analysis longer than this is cut in its cell (it would fill pages); the whole text
#: is the cell's comment
ANALYSIS_SHOWN = 160
ACTIVITY_LABELS = ("Rapport", "Mål", "Aktivitet", "Start", "Slut", "Avvikelse", "Tabell", "Analys", "Källa (fil:rad)")
ACTIVITY_WIDTHS = {0: 28, 1: 14, 2: 50, 6: 14, 7: 45, 8: 38}


def activities(book: Workbook, styles: Styles, comparison: Comparison) -> None:
    note = f"Analyser längre än {ANALYSIS_SHOWN} tecken är avkortade (…); hela texten står i cellens kommentar."
    grid = table_sheet(book, styles, "Aktiviteter", "Aktiviteter med mål, datum och avvikelse", note, ACTIVITY_LABELS, ACTIVITY_WIDTHS)
    head = TABLE_HEAD
    for col in (1, 2, 7):
        grid.wide(col, ACTIVITY_WIDTHS[col])
    titles = titles_by_report(comparison.reports)
    row = head
    for line in comparison.activities:
        row += 1
        activity = line.activity
        grid.text(row, 0, titles.get(id(line.report), line.report.label))
        grid.text(row, 1, line.goal.number or shorten(line.goal.title, 40), styles.wrap)
        grid.text(row, 2, activity.text, styles.wrap)
        grid.date(row, 3, activity.start)
        grid.date(row, 4, activity.end)
        grid.text(row, 5, YES_NO[activity.deviation], styles.heat["inte"] if activity.deviation else styles.text)
        grid.text(row, 6, activity.table)
        analysis = activity.analysis
        if analysis and len(analysis) > ANALYSIS_SHOWN:
            grid.text(row, 7, shorten(analysis, ANALYSIS_SHOWN), styles.wrap)
            grid.note(row, 7, analysis, width=480)
        else:
            grid.text(row, 7, analysis, styles.wrap)
        grid.text(row, 8, where(line.report, activity.provenance))
    if row == head:
        grid.text(head + 1, 0, "Inga aktiviteter i rapporterna.", styles.note)
    grid.finish(head, row, len(ACTIVITY_LABELS) - 1, freeze_cols=1)


def shorten(text: str, width: int) -> str:
    """The start of ``text`` up to a word boundary, with '…' where it was cut."""
    if len(text) <= width:
        return text
    cut = text[: width - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut) + " …"

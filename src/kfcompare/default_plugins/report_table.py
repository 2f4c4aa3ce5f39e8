"""Console tables of parsed reports (``kfcompare parse --format table``).

Swedish column labels, like the workbook, because the readers are controllers.
"""

from __future__ import annotations

from tabulate import tabulate

from .._escaping import printable
from ..hookspecs import Output, RenderContext, hookimpl
from ..labels import ASSESSMENT_LABEL, level_label
from ..model import Report, Value


def shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def cell(value: Value | None) -> str:
    return value.raw if value is not None else ""


def render_report(report: Report, width: int = 100) -> str:
    parts = [
        f"{report.label}  [{report.format}]",
        f"källa: {printable(report.source)}",
    ]
    goal_rows = []
    for goal in report.walk_goals():
        indent = {"kf": 0, "area": 1, "board": 2, "unit": 3}[goal.level.value]
        title = "  " * indent + (f"{goal.number} " if goal.number else "") + goal.title
        assessment = ASSESSMENT_LABEL.get(goal.assessment, "") if goal.assessment else "–"
        goal_rows.append(
            [level_label(goal.level), shorten(title, width - 50), assessment, len(goal.indicators), len(goal.activities), goal.provenance.first_line]
        )
    if goal_rows:
        parts.append(tabulate(goal_rows, headers=["Nivå", "Mål", "Bedömning", "Ind.", "Akt.", "Rad"], tablefmt="simple"))
    ind_rows = []
    for goal, ind in report.indicators():
        ind_rows.append(
            [
                goal.number or "",
                shorten(ind.name, 34),
                cell(ind.outcome),
                cell(ind.outcome_men),
                cell(ind.outcome_women),
                cell(ind.previous),
                cell(ind.forecast),
                cell(ind.target),
                shorten(cell(ind.kf_target), 12),
                ind.period or ind.periodicity or "",
                "?" if ind.flags else "",
            ]
        )
    if ind_rows:
        parts.append(
            tabulate(
                ind_rows,
                headers=["Mål", "Indikator", "Utfall", "Män", "Kvinnor", "Föreg.", "Prognos", "Årsmål", "KF-mål", "Period", "!"],
                tablefmt="simple",
                disable_numparse=True,
            )
        )
    for table in report.budget:
        rows = [[("  " if r.sub_row else "") + shorten(r.label, 40), *(cell(v) for v in r.values)] for r in table.rows]
        headers = [f"{table.caption} ({table.unit or '?'})", *(shorten(c, 14) for c in table.columns)]
        parts.append(tabulate(rows, headers=headers, tablefmt="simple", disable_numparse=True))
    counts = (
        f"{sum(1 for _ in report.walk_goals())} mål, {sum(1 for _ in report.indicators())} indikatorer, "
        f"{sum(1 for _ in report.activities())} aktiviteter, {len(report.budget)} budgettabeller, "
        f"{len(report.warnings)} varningar"
    )
    parts.append(counts)
    for warning in report.warnings:
        parts.append(f"  varning rad {warning.line if warning.line is not None else '?'}: {warning.message}")
    return "\n\n".join(parts)


def render(context: RenderContext) -> str:
    return "\n\n".join(render_report(r) for r in context.reports) + "\n"


@hookimpl
def kfcompare_outputs() -> list[Output]:
    return [
        Output(
            name="table",
            description="goal tree, indicator rows and budget tables for the terminal",
            render=render,
            commands=("parse",),
            suffix=".txt",
        )
    ]

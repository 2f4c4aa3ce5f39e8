"""Console tables of parsed reports (``kfcompare parse --format table``).

Swedish column labels, like the workbook, because the readers are controllers.
"""

from __future__ import annotations

from .._escaping import printable
from ..hookspecs import Output, RenderContext, hookimpl
from ..labels import ASSESSMENT_LABEL, level_label
from ..model import Report, Value
from .console_text import DEFAULT_WIDTH, fit_table, shorten, wrap


def cell(value: Value | None, width: int = 14) -> str:
    return shorten(value.raw, width) if value is not None else ""


def render_report(report: Report, width: int = DEFAULT_WIDTH) -> str:
    parts = [
        f"{report.label}  [{report.format}]",
        f"källa: {printable(report.source)}",
    ]
    goal_rows = []
    for goal in report.walk_goals():
        indent = {"kf": 0, "area": 1, "board": 2, "unit": 3}.get(goal.level.value, 0)
        title = "  " * indent + (f"{goal.number} " if goal.number else "") + goal.title
        assessment = ASSESSMENT_LABEL.get(goal.assessment, "") if goal.assessment else "–"
        goal_rows.append([level_label(goal.level), title, assessment, len(goal.indicators), len(goal.activities), goal.provenance.first_line])
    if goal_rows:
        parts.append(fit_table(goal_rows, ["Nivå", "Mål", "Bedömning", "Ind.", "Akt.", "Rad"], width, flexible=1))
    ind_rows = []
    for goal, ind in report.indicators():
        values = (ind.outcome, ind.outcome_women, ind.outcome_men, ind.previous, ind.forecast, ind.target, ind.kf_target)
        ind_rows.append([goal.number or "", ind.name, *(cell(value, 8) for value in values), "?" if ind.flags else ""])
    if ind_rows:
        # the report's period is in its heading; a row read with doubt is marked '?'
        headers = ["Mål", "Indikator", "Utfall", "Kv.", "Män", "Föreg.", "Progn.", "Årsmål", "KF-mål", "!"]
        parts.append(fit_table(ind_rows, headers, width, flexible=1))
    for table in report.budget:
        rows = [[("  " if r.sub_row else "") + r.label, *(cell(v, 10) for v in r.values)] for r in table.rows]
        narrow = [max([len(row[i + 1]) for row in rows if i + 1 < len(row)] + [6]) for i in range(len(table.columns))]
        headers = [shorten(f"{table.caption} ({table.unit or '?'})", 30), *(shorten(c, w) for c, w in zip(table.columns, narrow))]
        parts.append(fit_table(rows, headers, width, flexible=0))
    counts = (
        f"{sum(1 for _ in report.walk_goals())} mål, {sum(1 for _ in report.indicators())} indikatorer, "
        f"{sum(1 for _ in report.activities())} aktiviteter, {len(report.budget)} budgettabeller, "
        f"{len(report.warnings)} varningar"
    )
    parts.append(counts)
    for warning in report.warnings:
        parts.append(wrap(f"  varning rad {warning.line if warning.line is not None else '?'}: {warning.message}", width, "      "))
    return "\n\n".join(parts)


def render(context: RenderContext) -> str:
    width = int(context.options.get("width") or DEFAULT_WIDTH)
    return "\n\n".join(render_report(r, width) for r in context.reports) + "\n"


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

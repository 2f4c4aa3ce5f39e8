"""The comparison in the terminal (``kfcompare compare --format table``).

Reports are columns A, B, C … with a legend, so the tables stay within 100 columns
however many reports are compared; indicators are one line per report for the same
reason. Swedish labels: the readers are controllers.
"""

from __future__ import annotations

from decimal import Decimal
from string import ascii_uppercase


from ..compare import Comparison, comparison_of
from ..compare.budget_lines import GROUPS
from ..compare.development import development
from ..compare.result import BudgetLine, IndicatorRow
from .._escaping import printable
from ..hookspecs import Output, RenderContext, hookimpl
from ..labels import BUDGET_GROUP_LABEL, level_label
from ..model import Value
from ..values import count_of, format_decimal
from .console_text import DEFAULT_WIDTH, fit_table, shorten, wrap

MISSING = "–"


def letters(count: int) -> list[str]:
    """A … Z, then AA, AB …: short column names for the reports."""
    return [ascii_uppercase[i] if i < 26 else ascii_uppercase[i // 26 - 1] + ascii_uppercase[i % 26] for i in range(count)]


def raw(value: Value | None) -> str:
    return value.raw if value is not None else ""


def _legend(comparison: Comparison, width: int) -> str:
    lines = [
        wrap(f"{letter} = {report.label}  ({printable(report.source.path)})", width)
        for letter, report in zip(letters(len(comparison.reports)), comparison.reports)
    ]
    if comparison.mixed_periods:
        lines.append(wrap(f"Obs: olika perioder jämförs ({', '.join(comparison.periods)}).", width))
    return "\n".join(lines)


#: a goal's cell in the console matrix: one short word
GOAL_WORD = {None: "ej", "helt": "helt", "delvis": "delvis", "inte": "inte", "ingen": "ingen"}
GOAL_TITLE = (
    "Målmatris: helt / delvis / inte uppfyllt; ingen = rapporten bedömer inte målet, "
    "ej = ingen bedömning tryckt, – = målet finns inte i rapporten"
)


def _goal_table(comparison: Comparison, width: int) -> str:
    rows = [
        [level_label(row.level), row.number or "", row.title, *(MISSING if goal is None else GOAL_WORD[goal.assessment.value if goal.assessment else None] for goal in row.cells)]
        for row in comparison.goal_rows
    ]
    headers = ["Nivå", "Nr", "Mål", *letters(len(comparison.reports))]
    return wrap(GOAL_TITLE, width) + "\n" + fit_table(rows, headers, width, flexible=2)


def _indicator_table(comparison: Comparison, width: int) -> str:
    shared = [row for row in comparison.indicator_rows if sum(c is not None for c in row.cells) > 1]
    shown = shared if len(comparison.reports) > 1 else list(comparison.indicator_rows)
    names = letters(len(comparison.reports))
    rows: list[list[str]] = []
    for row in shown:
        rows.extend(_indicator_lines(row, names))
    title = wrap("Indikatorer (utfall mot årsmål, KF:s årsmål där årsmål saknas; * = matchad via aliasfil)", width)
    parts = [title + "\n" + fit_table(rows, ["Mål", "Indikator", "R", "Utfall", "Årsmål", "KF-mål", "Status"], width, flexible=1)]
    left_out = len(comparison.indicator_rows) - len(shown)
    if left_out:
        parts.append(wrap(f"{count_of(left_out, 'indikator', 'indikatorer')} finns bara i en av rapporterna (alla finns i --format csv).", width))
    return "\n".join(parts)


def _indicator_lines(row: IndicatorRow, names: list[str]) -> list[list[str]]:
    lines: list[list[str]] = []
    name = row.name + ("*" if row.matched_by == "alias" else "")
    for letter, cell in zip(names, row.cells):
        if cell is None:
            continue
        ind = cell.indicator
        first = not lines
        lines.append(
            [(row.area_number or "") if first else "", name if first else "", letter, shorten(raw(ind.outcome), 9),
             shorten(raw(ind.target), 9), shorten(raw(ind.kf_target), 9), cell.status]
        )  # fmt: skip
    return lines


def _budget_table(comparison: Comparison, width: int) -> str:
    """One block per level (``BudgetLine.group``), so no column adds a total to its parts."""
    names = dict(zip(map(id, comparison.reports), letters(len(comparison.reports))))
    headers = ["R", "Verksamhetsområde", "Budget", "Jämförs med", "Avvik.", "%", "Enhet", "Rad"]
    blocks = [wrap("Budgetavvikelser (i tabellens egen enhet; budget + begärd justering), en tabell per nivå", width)]
    for group in GROUPS:
        lines = [line for line in comparison.budget_rows if line.group == group and line.amount is None]
        if lines:
            rows = [_budget_line(line, names[id(line.report)]) for line in lines]
            blocks.append(f"{BUDGET_GROUP_LABEL[group]}\n" + fit_table(rows, headers, width, flexible=1))
    return "\n\n".join(blocks)


def _budget_line(line: BudgetLine, letter: str) -> list[str]:
    compared = f"{raw(line.compared)} {line.compared_kind or ''}".strip()
    percent = format_decimal(line.deviation_percent) if line.deviation_percent is not None else ""
    budget = raw(line.budget)
    adjustment = line.adjustment
    if adjustment is not None and adjustment.number:
        budget += f" − {adjustment.raw.lstrip('-−–')}" if adjustment.number < 0 else f" + {adjustment.raw}"
    return [letter, line.area, budget, compared, raw(line.deviation), percent, line.unit or "?", str(line.provenance.first_line)]


def _development(comparison: Comparison, width: int) -> list[str]:
    """Per district (and unit) at several periods: the outcomes that changed, and the goals
    whose assessment changed; everything is on the workbook's Utveckling sheet."""
    parts = []
    for one in development(comparison):
        changed = [t for t in one.indicators if t.change]
        rows = [
            [t.row.area_number or "", t.row.name, *(raw(c.indicator.outcome) if c else MISSING for c in t.cells), _signed(t.change)]
            for t in changed
        ]
        text = [wrap(f"Utveckling {one.label}: {' → '.join(one.periods)} (utfall som ändrats, förändring första → sista)", width)]
        if rows:
            text.append(fit_table(rows, ["Mål", "Indikator", *one.periods, "Förändr."], width, flexible=1))
        rest = len(one.indicators) - len(changed)
        if rest:
            text.append(wrap(f"{count_of(rest, 'indikator', 'indikatorer')} i flera perioder utan ändrat eller jämförbart utfall.", width))
        moved = [g for g in one.goals if len({goal.assessment for goal in g.cells if goal is not None}) > 1]
        if moved:
            goal_rows = [
                [level_label(g.row.level), g.row.title, *(MISSING if goal is None else GOAL_WORD[goal.assessment.value if goal.assessment else None] for goal in g.cells)]
                for g in moved
            ]
            text.append(fit_table(goal_rows, ["Nivå", "Mål med ändrad bedömning", *one.periods], width, flexible=1))
        parts.append("\n".join(text))
    return parts


def _signed(number: Decimal | None) -> str:
    if number is None:
        return ""
    return ("+" if number > 0 else "") + format_decimal(number)


def _findings_summary(comparison: Comparison) -> str:
    if not comparison.findings:
        return "Kontroller: inga fynd."
    names = letters(len(comparison.reports))
    counts = [(letter, len(found)) for letter, found in zip(names, comparison.findings_by_report())]
    listed = ", ".join(f"{letter}: {count}" for letter, count in counts)
    return f"Kontroller: {len(comparison.findings)} fynd ({listed}); 'kfcompare check' listar dem."


def render(context: RenderContext) -> str:
    comparison = comparison_of(context)
    if not comparison.reports:
        return "Inga rapporter kvar efter filtreringen.\n"
    width = int(context.options.get("width") or DEFAULT_WIDTH)
    parts = [_legend(comparison, width)]
    if comparison.goal_rows:
        parts.append(_goal_table(comparison, width))
    if comparison.indicator_rows:
        parts.append(_indicator_table(comparison, width))
    parts.extend(_development(comparison, width))
    if comparison.budget_rows:
        parts.append(_budget_table(comparison, width))
    parts.append(wrap(_findings_summary(comparison), width))
    return "\n\n".join(parts) + "\n"


@hookimpl
def kfcompare_outputs() -> list[Output]:
    return [
        Output(
            name="compare-table",
            description="goal matrix, indicators against targets and budget deviations for the terminal (--format table)",
            render=render,
            commands=("compare",),
            suffix=".txt",
        )
    ]

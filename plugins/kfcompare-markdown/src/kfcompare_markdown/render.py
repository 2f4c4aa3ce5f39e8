"""Markdown tables from Reports and from a Comparison; Swedish labels, as the readers are controllers."""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

from kfcompare import Goal, Indicator, Report, RenderContext, Value
from kfcompare.compare import IndicatorCell, comparison_of

LEVEL = {"kf": "Inriktningsmål", "area": "KF-mål", "board": "Nämndmål", "unit": "Enhetsmål"}
ASSESSMENT = {"helt": "Uppfylls helt", "delvis": "Uppfylls delvis", "inte": "Uppfylls inte", "ingen": "Ingen bedömning"}
MISSING = "–"


def cell(text: object) -> str:
    """Table-safe and inert: one line, pipes escaped, HTML shown as text, empty shown as a dash.

    Report text and file names come from outside; a ``<script>`` or ``<img onerror=…>`` in
    them must reach a Markdown viewer as the characters, never as HTML."""
    if text is None or text == "":
        return MISSING
    return html.escape(" ".join(str(text).split()), quote=False).replace("|", "\\|").replace("`", "\\`")


def raw(value: Value | None) -> str:
    return cell(value.raw if value is not None else None)


def table(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def goal_name(number: str | None, title: str) -> str:
    return f"{number} {title}" if number else title


def assessment(goal: Goal | None) -> str:
    if goal is None:
        return MISSING
    return ASSESSMENT[goal.assessment.value] if goal.assessment else (goal.assessment_raw or "ej bedömt")


def render_reports(reports: Sequence[Report]) -> str:
    return "\n\n".join(render_report(r) for r in reports) + "\n"


def render_report(report: Report) -> str:
    parts = [
        f"# {cell(report.label)}",
        f"Källa: {cell(report.source)}, format {cell(report.format)}; "
        f"{sum(1 for _ in report.walk_goals())} mål, {sum(1 for _ in report.indicators())} indikatorer, "
        f"{len(report.warnings)} varningar.",
    ]
    goals = [
        (LEVEL[g.level.value], goal_name(g.number, g.title), assessment(g), len(g.indicators), str(g.provenance))
        for g in report.walk_goals()
    ]
    if goals:
        parts += ["## Mål", table(["Nivå", "Mål", "Bedömning", "Indikatorer", "Källa"], goals)]
    indicators = [_indicator_row(goal, ind) for goal, ind in report.indicators()]
    if indicators:
        headers = ["Mål", "Indikator", "Utfall", "Kvinnor", "Män", "Årsmål", "KF:s årsmål", "Period", "Källa"]
        parts += ["## Indikatorer", table(headers, indicators)]
    if report.warnings:
        parts += ["## Varningar", "\n".join(f"- {cell(str(w))}" for w in report.warnings)]
    return "\n\n".join(parts)


def _indicator_row(goal: Goal, ind: Indicator) -> list[object]:
    return [
        goal.number,
        ind.name,
        raw(ind.outcome),
        raw(ind.outcome_women),
        raw(ind.outcome_men),
        raw(ind.target),
        raw(ind.kf_target),
        ind.period or ind.periodicity,
        str(ind.provenance),
    ]


def render_comparison(context: RenderContext) -> str:
    """The comparison engine's goal matrix and indicator rows, one column per report."""
    comparison = comparison_of(context)
    labels = [cell(r.label) for r in comparison.reports]
    parts = [f"# Jämförelse: {', '.join(labels)}"]
    if comparison.mixed_periods:
        parts.append(f"**Obs:** olika perioder jämförs ({', '.join(comparison.periods)}).")
    goals = [(goal_name(row.number, row.title), *(assessment(g) for g in row.cells)) for row in comparison.goal_rows]
    if goals:
        parts += ["## Målbedömningar", table(["Mål", *labels], goals)]
    indicators = [
        (row.area_number, row.name, *(_indicator_cell(c) for c in row.cells)) for row in comparison.indicator_rows
    ]
    if indicators:
        parts += ["## Indikatorer", "Utfall (mål; status) per rapport.", table(["Mål", "Indikator", *labels], indicators)]
    if comparison.findings:
        found = [f"- {cell(f.report)}: {cell(f.path)}:{f.line or '?'} {cell(f.message)}" for f in comparison.findings]
        parts += [f"## Kontroller ({len(found)})", "\n".join(found)]
    return "\n\n".join(parts) + "\n"


def _indicator_cell(found: IndicatorCell | None) -> str:
    if found is None:
        return MISSING
    return f"{raw(found.indicator.outcome)} (mål {raw(found.target)}; {found.status})"

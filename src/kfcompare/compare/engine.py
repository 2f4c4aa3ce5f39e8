"""``compare()``: from parsed reports to a Comparison."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping

from ..model import Kind, Report
from .aliases import Aliases, as_aliases
from .budget_checks import budget_findings
from .budget_lines import budget_lines
from .catalogue import Catalogue, as_catalogue
from .goal_rows import goal_rows
from .indicator_checks import ambiguity_findings, kf_target_findings, warning_findings
from .indicator_rows import indicator_rows
from .keys import name_key
from .result import ActivityLine, Comparison, Finding

_KIND_ORDER = {kind: index for index, kind in enumerate(Kind)}


def report_order(report: Report) -> tuple[str, str, int, int, str]:
    """District, unit, year, kind (VP, T1, T2, VB), then path: the columns' stable order."""
    return (
        (report.district or "").casefold(),
        (report.unit or "").casefold(),
        report.year or 0,
        _KIND_ORDER.get(report.kind, len(_KIND_ORDER)) if report.kind else len(_KIND_ORDER),
        report.source.path,
    )


def filter_reports(reports: Iterable[Report], *, period: str | None = None, district: str | None = None) -> list[Report]:
    """Reports of this period ('T1 2020', or just 'T1' or '2020') and district (case and
    hyphens folded); None keeps all."""
    kept = list(reports)
    if period:
        wanted = period.split()
        kept = [r for r in kept if all(_period_has(r, part) for part in wanted)]
    if district:
        kept = [r for r in kept if r.district and name_key(r.district) == name_key(district)]
    return kept


def _period_has(report: Report, part: str) -> bool:
    words = {w.casefold() for w in (report.period or "").split()}
    words |= {report.kind.value.casefold()} if report.kind else set()
    words |= {str(report.year)} if report.year else set()
    return part.casefold() in words


def compare(
    reports: Iterable[Report],
    *,
    aliases: Aliases | Mapping[str, str] | str | os.PathLike[str] | None = None,
    catalogue: Catalogue | Mapping[str, str] | str | os.PathLike[str] | None = None,
) -> Comparison:
    """Match goals and indicators across ``reports`` and run the Kontroller.

    ``aliases``: an Aliases, a {variant: canonical} mapping or an alias file's path.
    ``catalogue``: a Catalogue, a {name: "higher"|"lower"} mapping or a catalogue file's
    path (the latter two are added to the bundled catalogue); None uses the bundled one.
    """
    ordered = tuple(sorted(reports, key=report_order))
    alias_map = as_aliases(aliases)
    indicators, genders = indicator_rows(ordered, alias_map, as_catalogue(catalogue))
    findings: list[Finding] = []
    for report in ordered:
        findings.extend(warning_findings(report))
        findings.extend(budget_findings(report))
        findings.extend(ambiguity_findings(report))
    findings.extend(kf_target_findings(ordered, indicators))
    position = {id(r): i for i, r in enumerate(ordered)}
    findings.sort(key=lambda f: (position.get(id(f.owner), len(ordered)), f.line or 0))
    return Comparison(
        reports=ordered,
        goal_rows=goal_rows(ordered, alias_map),
        indicator_rows=indicators,
        gender_rows=genders,
        budget_rows=budget_lines(ordered),
        activities=tuple(ActivityLine(r, g, a) for r in ordered for g, a in r.activities()),
        findings=tuple(findings),
    )


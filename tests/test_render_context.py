"""The command compares once and hands the comparison to outputs; nothing is cached behind
the frozen context, and findings are placed by their report's identity."""

from __future__ import annotations

from pathlib import Path

import kfcompare
from kfcompare.compare import compare, comparison_of
from kfcompare.hookspecs import RenderContext

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
SODERMALM = EXAMPLES / "sodermalm_t1_2020.txt"


def test_outputs_render_the_comparison_they_are_given() -> None:
    comparison = compare(kfcompare.parse_file(SODERMALM))
    context = RenderContext((), "compare", comparison=comparison)  # no reports: nothing to recompute from
    assert comparison_of(context) is comparison
    from kfcompare.default_plugins.comparison_table import render

    text = render(context)
    assert "G = Södermalm T1 2020" not in text and "A = Södermalm T1 2020" in text
    assert context.options == {}  # nothing written into the frozen context


def test_a_context_without_a_comparison_is_compared_each_time_without_a_cache() -> None:
    context = RenderContext(tuple(kfcompare.parse_file(SODERMALM)), "compare", {"period": "T1 2020"})
    first, second = comparison_of(context), comparison_of(context)
    assert first == second and first is not second
    assert set(context.options) == {"period"}


def test_findings_are_grouped_by_report_identity() -> None:
    reports = kfcompare.parse_paths(sorted(EXAMPLES.glob("*.txt")))
    comparison = compare(reports)
    counts = {r.label: len(found) for r, found in zip(comparison.reports, comparison.findings_by_report())}
    assert counts["Södermalm T1 2020"] == 45 and counts["Hässelby-Vällingby VB 2020"] == 7
    assert counts["Kungsholmen / Familjeenheten VB 2021"] == 0
    assert all(f.owner is r for r, found in zip(comparison.reports, comparison.findings_by_report()) for f in found)
    assert sum(counts.values()) == len(comparison.findings) == 56

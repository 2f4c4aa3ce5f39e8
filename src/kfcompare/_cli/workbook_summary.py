"""The few lines a controller sees in the terminal when the comparison went to a file."""

from __future__ import annotations

from collections import Counter

from ..compare.goal_rows import assessment_counts
from ..compare.result import EJ_UPPNATT, UPPNATT, Comparison
from ..model import Assessment
from ..default_plugins.console_text import DEFAULT_WIDTH, fit_table
from ..values import count_of


def summary(comparison: Comparison, destination: str, width: int = DEFAULT_WIDTH) -> str:
    """One row per report: goals assessed helt / delvis / inte, matched indicators met and not
    met, and Kontroller findings, so the run's result shows without opening the workbook."""
    findings = comparison.findings_by_report()
    rows = []
    for index, report in enumerate(comparison.reports):
        assessed = assessment_counts(report)
        statuses = Counter(cell.status for cell in (row.cells[index] for row in comparison.indicator_rows) if cell)
        rows.append(
            [
                report.label,
                assessed[Assessment.HELT],
                assessed[Assessment.DELVIS],
                assessed[Assessment.INTE],
                statuses[UPPNATT],
                statuses[EJ_UPPNATT],
                len(findings[index]),
            ]
        )
    table = fit_table(
        rows,
        ["Rapport", "Helt", "Delvis", "Inte", "Uppnått", "Ej uppn.", "Kontroller"],
        width,
        flexible=0,
        colalign=("left", "right", "right", "right", "right", "right", "right"),
    )
    note = "\nObs: olika perioder jämförs." if comparison.mixed_periods else ""
    return f"Skrev {destination}: {count_of(len(comparison.reports), 'rapport jämförd', 'rapporter jämförda')}.{note}\n\n{table}\n"

"""The few lines a controller sees in the terminal when the comparison went to a file."""

from __future__ import annotations

from collections import Counter

from tabulate import tabulate

from ..compare.goal_rows import assessment_counts
from ..compare.result import EJ_UPPNATT, UPPNATT, Comparison
from ..model import Assessment
from ..default_plugins.report_table import shorten
from ..values import count_of


def summary(comparison: Comparison, destination: str) -> str:
    """One row per report: goals assessed helt / delvis / inte, matched indicators met and not
    met, and Kontroller findings, so the run's result shows without opening the workbook."""
    findings = comparison.findings_by_report()
    rows = []
    for index, report in enumerate(comparison.reports):
        assessed = assessment_counts(report)
        statuses = Counter(cell.status for cell in (row.cells[index] for row in comparison.indicator_rows) if cell)
        rows.append(
            [
                shorten(report.label, 34),
                assessed[Assessment.HELT],
                assessed[Assessment.DELVIS],
                assessed[Assessment.INTE],
                statuses[UPPNATT],
                statuses[EJ_UPPNATT],
                len(findings[index]),
            ]
        )
    table = tabulate(  # the headers are the widest cells: the table fits 100 columns
        rows,
        headers=["Rapport", "Helt", "Delvis", "Inte", "Uppnått", "Ej uppn.", "Kontroller"],
        colalign=("left", "right", "right", "right", "right", "right", "right"),
        tablefmt="simple",
    )
    note = "\nObs: olika perioder jämförs." if comparison.mixed_periods else ""
    return f"Skrev {destination}: {count_of(len(comparison.reports), 'rapport jämförd', 'rapporter jämförda')}.{note}\n\n{table}\n"

"""Using kfcompare as a library: parse two reports, walk the model, compare them.

Run from the repository root: ``python examples/library_example.py``. A test runs it and
checks its output, so this stays a working example of the public API (``kfcompare.__all__``).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import kfcompare
from kfcompare.compare import compare

EXAMPLES = Path(__file__).resolve().parent


def main() -> None:
    reports: list[kfcompare.Report] = []
    for name in ("sodermalm_t1_2020.txt", "hasselby-vallingby_vb_2020.txt"):
        reports += kfcompare.parse_file(EXAMPLES / name)  # the format is chosen by score

    for report in reports:
        print(f"{report.label}: format {report.format}, {len(report.warnings)} warnings")
        for goal, indicator in list(report.indicators())[:2]:
            outcome = indicator.outcome  # a Value: raw text as printed, Decimal number, unit
            shown = f"{outcome.raw!r} = {outcome.number} {outcome.unit or ''}".strip() if outcome else "no outcome"
            print(f"  {goal.number} {indicator.name}: {shown} ({indicator.provenance})")

    comparison = compare(reports)
    both = [row for row in comparison.goal_rows if all(cell is not None for cell in row.cells)]
    print(f"{len(comparison.goal_rows)} goals, {len(both)} in both reports; e.g.")
    print("  columns:", ", ".join(r.label for r in comparison.reports))  # the comparison sorts reports
    for row in both[:3]:
        verdicts = ", ".join(cell.assessment.value if cell.assessment else "-" for cell in row.cells)
        print(f"  {row.number} {row.title}: {verdicts}")
    statuses = Counter(cell.status for row in comparison.indicator_rows for cell in row.cells if cell is not None)
    print("indicator statuses:", ", ".join(f"{status} {n}" for status, n in statuses.most_common()))


if __name__ == "__main__":
    main()

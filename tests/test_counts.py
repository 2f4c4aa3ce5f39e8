"""The counts the README states for the example reports, per goal level, indicator and activity."""

from __future__ import annotations

from pathlib import Path

import pytest

import kfcompare
from kfcompare.model import GoalLevel, Report

# (KF, area, board, unit goals, indicators, activities, of which Avvikelse, budget tables)
EXPECTED = {
    "hasselby-vallingby_vb_2020.txt": [(1, 5, 17, 0, 76, 104, 6, 0)],
    "sodermalm_t1_2020.txt": [(3, 12, 27, 0, 102, 122, 0, 19)],
    "kungsholmen_units_vb_2021.txt": [
        (3, 6, 8, 10, 10, 5, 0, 2),
        (3, 6, 8, 7, 11, 7, 0, 1),
        (3, 5, 7, 9, 13, 15, 0, 0),
    ],
    "hagersten-alvsjo_ung-fritid_vb_2020.txt": [(3, 7, 7, 5, 9, 19, 2, 0)],
    "hasselby-vallingby_vp_2012.txt": [(3, 12, 29, 0, 101, 63, 0, 0)],
}


def counts(report: Report) -> tuple[int, ...]:
    levels = [g.level for g in report.walk_goals()]
    activities = [a for _, a in report.activities()]
    return (
        *(levels.count(level) for level in (GoalLevel.KF, GoalLevel.AREA, GoalLevel.BOARD, GoalLevel.UNIT)),
        sum(1 for _ in report.indicators()),
        len(activities),
        sum(a.deviation for a in activities),
        len(report.budget),
    )


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_counts_match_the_documents(name: str, examples: Path) -> None:
    assert [counts(r) for r in kfcompare.parse_file(examples / name)] == EXPECTED[name]

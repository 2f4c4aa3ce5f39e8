"""The goal matrix: KF area goals and nämndmål matched across reports."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Goal, GoalLevel, Report
from .aliases import Aliases
from .keys import number_key
from .result import GoalRow

#: levels the matrix shows: KF:s mål för verksamhetsområdet and nämndmål
MATRIX_LEVELS = (GoalLevel.AREA, GoalLevel.BOARD)


def goal_rows(reports: Sequence[Report], aliases: Aliases) -> tuple[GoalRow, ...]:
    """One row per (level, title key); a goal's number is shown but does not match.

    Titles match, not numbers, because nämndmål 1.1.1 of two districts are different
    goals, and KF renumbers between years.
    """
    found: dict[tuple[GoalLevel, str], dict[int, Goal]] = {}
    first: dict[tuple[GoalLevel, str], Goal] = {}
    for index, report in enumerate(reports):
        for goal in report.walk_goals():
            if goal.level not in MATRIX_LEVELS:
                continue
            key, _, _ = aliases.resolve(goal.title)
            slot = found.setdefault((goal.level, key), {})
            first.setdefault((goal.level, key), goal)
            slot.setdefault(index, goal)  # a title printed twice in one report: the first
    order = sorted(found, key=lambda k: (number_key(first[k].number), MATRIX_LEVELS.index(k[0])))
    return tuple(
        GoalRow(
            key=key,
            level=level,
            number=first[(level, key)].number,
            title=first[(level, key)].title,
            cells=tuple(found[(level, key)].get(i) for i in range(len(reports))),
        )
        for level, key in order
    )

"""The goal matrix: KF area goals, nämndmål and enhetsmål matched across reports."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence

from ..model import Assessment, Goal, GoalLevel, Report
from .aliases import Aliases
from .keys import number_key
from .result import GoalRow

#: levels the matrix shows: KF:s mål för verksamhetsområdet, nämndmål and enhetsmål
MATRIX_LEVELS = (GoalLevel.AREA, GoalLevel.BOARD, GoalLevel.UNIT)
_LEVEL_ORDER = {level: index for index, level in enumerate(GoalLevel)}


Position = tuple[int, ...]
RowKey = tuple[GoalLevel, str]


def goal_positions(report: Report) -> Iterator[tuple[Goal, Position, Goal | None]]:
    """Each goal with where it sorts and its nearest ancestor in the matrix.

    The position is the goal's number ('1.2.1' -> (1, 2, 1)), or, when none is printed
    (enhetsmål, the nämndmål of some reports), its parent's position and its place among
    the parent's children."""

    def walk(goal: Goal, parent: Position, index: int, above: Goal | None) -> Iterator[tuple[Goal, Position, Goal | None]]:
        numbered = number_key(goal.number)
        position = numbered if numbered != number_key(None) else (*parent, index + 1)
        yield goal, position, above
        below = goal if goal.level in MATRIX_LEVELS else above
        for child_index, child in enumerate(goal.goals):
            yield from walk(child, position, child_index, below)

    for index, goal in enumerate(report.goals):
        yield from walk(goal, (), index, None)


def goal_rows(reports: Sequence[Report], aliases: Aliases) -> tuple[GoalRow, ...]:
    """One row per (level, title key); a goal's number is shown but does not match.

    Titles match, not numbers, because nämndmål 1.1.1 of two districts are different
    goals, and KF renumbers between years. Rows are in tree order of their first printing:
    a KF-mål, then its nämndmål, each followed by its own enhetsmål.
    """
    found: dict[RowKey, dict[int, Goal]] = {}
    first: dict[RowKey, tuple[Goal, Position, int, RowKey | None]] = {}
    for index, report in enumerate(reports):
        for goal, position, above in goal_positions(report):
            if goal.level not in MATRIX_LEVELS:
                continue
            row_key = (goal.level, aliases.resolve(goal.title)[0])
            parent = (above.level, aliases.resolve(above.title)[0]) if above is not None else None
            first.setdefault(row_key, (goal, position, len(first), parent))
            found.setdefault(row_key, {}).setdefault(index, goal)  # a title printed twice in one report: the first
    order = sorted(found, key=lambda k: _tree_key(k, first, 0))
    return tuple(
        GoalRow(
            key=key,
            level=level,
            number=first[(level, key)][0].number,
            title=first[(level, key)][0].title,
            cells=tuple(found[(level, key)].get(i) for i in range(len(reports))),
        )
        for level, key in order
    )


def _tree_key(row: RowKey, first: dict[RowKey, tuple[Goal, Position, int, RowKey | None]], depth: int) -> tuple[tuple[Position, int, int], ...]:
    """The row's ancestors' sort keys, then its own: a parent sorts just before its children."""
    _, position, seen, parent = first[row]
    own = ((position, _LEVEL_ORDER[row[0]], seen),)
    if parent is None or parent not in first or depth > len(MATRIX_LEVELS):
        return own
    return _tree_key(parent, first, depth + 1) + own


def assessment_counts(report: Report) -> Counter[Assessment | None]:
    """How the report's goals in the matrix (KF-mål, nämndmål, enhetsmål) are assessed;
    None counts goals with no verdict printed. Översikt and the console count the same."""
    return Counter(goal.assessment for goal in report.walk_goals() if goal.level in MATRIX_LEVELS)

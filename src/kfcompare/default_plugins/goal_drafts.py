"""A goal while a format reads it, frozen into the model's Goal when its part is read.

Both text formats build the goal tree the same way: a goal opens at its marker, collects its
texts (as source lines, joined by the layout's rule when frozen), tables and sub-goals, and
its last line grows with everything it takes; so they share this draft.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from attrs import define, field

from ..model import Activity, Assessment, Goal, GoalLevel, Indicator, Provenance
from ..text.lines import Line

_RANK = {GoalLevel.KF: 0, GoalLevel.AREA: 1, GoalLevel.BOARD: 2, GoalLevel.UNIT: 3}


@define
class GoalDraft:
    level: GoalLevel
    title: str
    number: str | None
    first_line: int
    last_line: int
    assessment: Assessment | None = None
    assessment_raw: str | None = None
    #: the goal's texts by model field ('description', 'expected_result', 'analysis'), as lines
    texts: dict[str, list[Line]] = field(factory=dict)
    indicators: list[Indicator] = field(factory=list)
    activities: list[Activity] = field(factory=list)
    children: list[GoalDraft] = field(factory=list)

    @property
    def rank(self) -> int:
        """0 for an inriktningsmål, one more for each level below it."""
        return _RANK[self.level]

    def freeze(self, path: str, join: Callable[[Sequence[Line]], str]) -> Goal:
        """The Goal, its texts joined by ``join``; it ends at the last line it or anything
        below it took."""
        children = tuple(child.freeze(path, join) for child in self.children)
        texts = {name: join(lines) or None for name, lines in self.texts.items()}
        last = max(
            [self.last_line]
            + [child.provenance.last_line for child in children]
            + [item.provenance.last_line for item in self.indicators]
            + [item.provenance.last_line for item in self.activities]
        )
        return Goal(
            level=self.level,
            title=self.title,
            provenance=Provenance(path, self.first_line, last),
            number=self.number,
            assessment=self.assessment,
            assessment_raw=self.assessment_raw,
            description=texts.get("description"),
            expected_result=texts.get("expected_result"),
            analysis=texts.get("analysis"),
            indicators=tuple(self.indicators),
            activities=tuple(self.activities),
            goals=children,
        )

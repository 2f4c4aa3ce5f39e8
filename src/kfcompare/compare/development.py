"""Development over time: the same district (and unit) reported at several periods.

A T1, T2 and VB of one year, or the reports of several years, are columns of one
comparison already; here they are picked out per district and unit, in period order, so an
indicator's outcome and target can be read along the periods and the change seen. Nothing
new is matched: the rows are the comparison's own (same names, same aliases).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from attrs import frozen

from ..model import Goal, Report
from .keys import name_key
from .result import Comparison, GoalRow, IndicatorCell, IndicatorRow


@frozen
class Trend:
    """One indicator along a series' periods; ``change`` is the last numeric outcome minus
    the first, when both are printed in the same unit (None otherwise)."""

    row: IndicatorRow
    cells: tuple[IndicatorCell | None, ...]
    change: Decimal | None
    unit: str | None

    def __repr__(self) -> str:
        return f"Trend({self.row.name!r}, change={self.change!r})"

    @property
    def outcomes(self) -> int:
        """How many periods print a numeric outcome (a chart needs three)."""
        return sum(1 for cell in self.cells if cell is not None and cell.indicator.outcome is not None and cell.indicator.outcome.number is not None)


@frozen
class GoalTrend:
    """One goal's assessments along a series' periods."""

    row: GoalRow
    cells: tuple[Goal | None, ...]

    def __repr__(self) -> str:
        return f"GoalTrend({self.row.title!r})"


@frozen
class Series:
    """One district (and unit) at several periods: its reports in period order, and the
    indicators and goals that at least two of them print."""

    district: str
    unit: str | None
    reports: tuple[Report, ...]
    indicators: tuple[Trend, ...]
    goals: tuple[GoalTrend, ...]

    def __repr__(self) -> str:
        return f"Series({self.label!r}, periods={list(self.periods)!r}, {len(self.indicators)} indikatorer)"

    @property
    def label(self) -> str:
        return f"{self.district} / {self.unit}" if self.unit else self.district

    @property
    def periods(self) -> tuple[str, ...]:
        return tuple(report.period or "okänd period" for report in self.reports)


def development(comparison: Comparison) -> tuple[Series, ...]:
    """Every district (and unit) that the comparison holds at two periods or more.

    ``comparison.reports`` are ordered by district, unit, year and kind, so a series'
    reports are already in period order."""
    groups: dict[tuple[str, str], list[int]] = {}
    for index, report in enumerate(comparison.reports):
        if report.district:
            groups.setdefault((name_key(report.district), name_key(report.unit or "")), []).append(index)
    found = []
    for indexes in groups.values():
        periods = {(comparison.reports[i].year, comparison.reports[i].kind) for i in indexes}
        if len(periods) < 2:
            continue
        first = comparison.reports[indexes[0]]
        found.append(
            Series(
                district=first.district or "",
                unit=first.unit,
                reports=tuple(comparison.reports[i] for i in indexes),
                indicators=tuple(_trends(comparison.indicator_rows, indexes)),
                goals=tuple(_goal_trends(comparison.goal_rows, indexes)),
            )
        )
    return tuple(found)


def _trends(rows: Sequence[IndicatorRow], indexes: Sequence[int]) -> list[Trend]:
    trends = []
    for row in rows:
        cells = tuple(row.cells[i] for i in indexes)
        if sum(cell is not None for cell in cells) < 2:
            continue
        outcomes = [c.indicator.outcome for c in cells if c is not None and c.indicator.outcome is not None and c.indicator.outcome.number is not None]
        units = {(value.unit or "").strip().casefold() for value in outcomes}
        change = None
        if len(outcomes) >= 2 and len(units - {""}) <= 1:
            change = outcomes[-1].number - outcomes[0].number  # type: ignore[operator]
        unit = next((value.unit for value in outcomes if value.unit), None)
        trends.append(Trend(row, cells, change, unit))
    return trends


def _goal_trends(rows: Sequence[GoalRow], indexes: Sequence[int]) -> list[GoalTrend]:
    trends = []
    for row in rows:
        cells = tuple(row.cells[i] for i in indexes)
        if sum(cell is not None for cell in cells) >= 2:
            trends.append(GoalTrend(row, cells))
    return trends

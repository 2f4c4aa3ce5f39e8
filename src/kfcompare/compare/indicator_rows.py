"""Indicators matched across reports, with status and the gender split."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from attrs import frozen

from ..model import Goal, GoalLevel, Indicator, Report
from .aliases import Aliases
from .catalogue import Catalogue
from .keys import number_key
from .result import GenderCell, GenderRow, IndicatorCell, IndicatorRow
from .status import status_of, target_of


@frozen
class Placed:
    """An indicator with the goal that printed it and that goal's KF area goal."""

    indicator: Indicator
    goal: Goal
    area: Goal | None


def placed_indicators(report: Report) -> Iterator[Placed]:
    def walk(goal: Goal, area: Goal | None) -> Iterator[Placed]:
        area = goal if goal.level is GoalLevel.AREA else area
        for indicator in goal.indicators:
            yield Placed(indicator, goal, area)
        for child in goal.goals:
            yield from walk(child, area)

    for goal in report.goals:
        yield from walk(goal, None)


@frozen
class _Match:
    placed: Placed
    name: str
    alias: bool


def _matches(reports: Sequence[Report], aliases: Aliases) -> dict[str, dict[int, _Match]]:
    """row key -> report index -> match. A name printed twice in one report gets a second
    row ('key#2'), paired with the second printing in the other reports."""
    rows: dict[str, dict[int, _Match]] = {}
    for index, report in enumerate(reports):
        seen: dict[str, int] = {}
        for placed in placed_indicators(report):
            key, name, alias = aliases.resolve(placed.indicator.name)
            seen[key] = seen.get(key, 0) + 1
            row_key = key if seen[key] == 1 else f"{key}#{seen[key]}"
            rows.setdefault(row_key, {})[index] = _Match(placed, name, alias)
    return rows


def _first(cells: dict[int, _Match]) -> _Match:
    return cells[min(cells)]


def _area_sort(first: _Match) -> tuple[tuple[int, ...]]:
    area = first.placed.area
    return (number_key(area.number if area else None),)


def indicator_rows(
    reports: Sequence[Report], aliases: Aliases, catalogue: Catalogue
) -> tuple[tuple[IndicatorRow, ...], tuple[GenderRow, ...]]:
    """Indicator rows grouped by KF area goal (in number order, then as first printed)."""
    matches = _matches(reports, aliases)
    order = sorted(matches, key=lambda k: _area_sort(_first(matches[k])))
    rows: list[IndicatorRow] = []
    genders: list[GenderRow] = []
    for row_key in order:
        cells = matches[row_key]
        first = _first(cells)
        direction = catalogue.direction(row_key.split("#")[0])
        alias_used = any(m.alias for m in cells.values())
        name = next((m.name for m in cells.values() if m.alias), first.name)
        area = first.placed.area
        rows.append(
            IndicatorRow(
                key=row_key,
                name=name,
                area_number=area.number if area else None,
                area_title=area.title if area else None,
                matched_by="alias" if alias_used else "name",
                direction=direction,
                cells=tuple(_cell(cells.get(i), direction) for i in range(len(reports))),
            )
        )
        if any(m.placed.indicator.outcome_women or m.placed.indicator.outcome_men for m in cells.values()):
            genders.append(
                GenderRow(
                    key=row_key,
                    name=name,
                    area_number=area.number if area else None,
                    cells=tuple(_gender(cells[i].placed.indicator) if i in cells else None for i in range(len(reports))),
                )
            )
    return tuple(rows), tuple(genders)


def _cell(match: _Match | None, direction: str | None) -> IndicatorCell | None:
    if match is None:
        return None
    indicator = match.placed.indicator
    target, column = target_of(indicator)
    return IndicatorCell(
        indicator=indicator,
        goal=match.placed.goal,
        matched_by="alias" if match.alias else "name",
        status=status_of(indicator, direction),
        target=target,
        target_column=column,
    )


def _gender(indicator: Indicator) -> GenderCell:
    women, men = indicator.outcome_women, indicator.outcome_men
    gap = None
    unit = (women.unit if women else None) or (men.unit if men else None)
    if women is not None and men is not None and women.number is not None and men.number is not None:
        if women.unit is None or men.unit is None or women.unit == men.unit:
            gap = women.number - men.number
    return GenderCell(women=women, men=men, gap=gap, unit=unit)

"""Which printed cell belongs to which indicator column.

Empty cells print nothing in most extracts, so a row with fewer cells than columns can be
read several ways. Each reading (cells kept in order, spread over the columns) is scored
with the layout rules the 2020 tables follow; the best is kept, and when another comes
close the row is flagged "ambiguous-columns" with the other readings as alternatives.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from decimal import Decimal
from operator import getitem

from attrs import frozen

from ...model import ColumnAssignment, GoalLevel
from .row_cells import Cell

#: columns too narrow for a six-character value such as '87,8 %' (it wraps there)
NARROW = frozenset({"outcome_women", "previous"})
TARGETS = frozenset({"target", "kf_target"})
#: a reading this close to the best one is a real alternative
MARGIN = 1.0
#: the most _Rules.together adds to a reading: a gender pair that sums up (2) and a
#: forecast that copies the outcome (2)
MOST_TOGETHER = 4.0
MAX_ALTERNATIVES = 3
#: the most readings of one row that are scored; a 2020 table has at most seven value
#: columns (35 readings at the most), so only a wider table or a reader that hands over more
#: columns meets it, and its row is then read by its cells alone and flagged
MAX_READINGS = 64


@frozen
class RowFacts:
    """What is known about a row besides its cells."""

    level: GoalLevel | None
    tertial_report: bool
    #: the row's Period is a tertial ('Tertial 1 2020')
    tertial_period: bool
    #: the row's Period names the report period ('VB 2020'), not only the year
    period_row: bool
    #: the name says it counts ('Antal …'): a gender split then sums to the total
    count: bool = False
    #: the row's analysis says no outcome could be reported ('något utfall …', 'undantas')
    no_outcome: bool = False


@frozen
class Choice:
    cells: tuple[tuple[str, Cell], ...]
    score: float
    ambiguous: bool
    alternatives: tuple[ColumnAssignment, ...]
    reason: str
    #: how many readings were scored: the work done, bounded by MAX_READINGS
    scored: int = 0
    #: the readings were more than MAX_READINGS: the best by the cells alone was kept
    bounded: bool = False


def assign(columns: Sequence[str], cells: Sequence[Cell], facts: RowFacts) -> Choice:
    """The best reading of ``cells`` over ``columns`` and how sure it is."""
    n = len(cells)
    if n == 0:
        return Choice((), 0.0, False, (), "no values")
    if n > len(columns):
        kept = tuple(zip(columns, cells))
        return Choice(kept, 0.0, True, (), f"{n} cells for {len(columns)} columns")
    if n == len(columns):
        return Choice(tuple(zip(columns, cells)), 0.0, False, (), "every column printed")
    rules = _Rules.of(facts)
    # what a cell is worth in a column on its own does not depend on the rest of the
    # reading: computed once per (cell, column); fit[i][k] is cell i in column k
    alone = [rules.alone.get(name, 0.0) for name in columns]
    fit = []
    for cell in cells:
        elsewhere, by_column = _cell_fit(cell)
        fit.append([weight + by_column.get(name, elsewhere) for weight, name in zip(alone, columns)])
    if math.comb(len(columns), n) > MAX_READINGS:
        return _by_cells_alone(columns, cells, fit)
    combos = list(itertools.combinations(range(len(columns)), n))
    own = [sum(map(getitem, fit, combo)) for combo in combos]  # fit[i][combo[i]] summed
    # together() adds at most MOST_TOGETHER, so a reading whose own part is that far below
    # a full score already found cannot be the best nor within MARGIN of it: it is not scored
    scored: list[tuple[float, int]] = []
    floor = float("-inf")
    for index in sorted(range(len(combos)), key=own.__getitem__, reverse=True):
        if own[index] + MOST_TOGETHER <= floor - MARGIN:
            break
        names = [columns[k] for k in combos[index]]
        total = own[index] + rules.together(dict(zip(names, cells)), facts)
        scored.append((total, index))
        floor = max(floor, total)
    scored.sort(key=lambda item: (-item[0], item[1]))  # ties in enumeration order, as before
    best_score, best_index = scored[0]
    best = [columns[k] for k in combos[best_index]]
    close = [[columns[k] for k in combos[index]] for value, index in scored[1:] if value > best_score - MARGIN]
    alternatives = tuple(
        ColumnAssignment(tuple((name, cell.value) for name, cell in zip(names, cells)), reason="scores close")
        for names in close[:MAX_ALTERNATIVES]
    )
    reason = f"{n} cells for {len(columns)} columns"
    return Choice(tuple(zip(best, cells)), best_score, bool(close), alternatives, reason, len(scored))


def _by_cells_alone(columns: Sequence[str], cells: Sequence[Cell], fit: list[list[float]]) -> Choice:
    """The reading whose cells fit their columns best, found in n × m steps without listing
    the readings (the rules that weigh columns together are left out); always flagged."""
    n, m = len(cells), len(columns)
    # best[i][k]: the best sum for cells i.. placed in columns k.., order kept
    best = [[float("-inf")] * (m + 1) for _ in range(n + 1)]
    take = [[False] * (m + 1) for _ in range(n + 1)]
    for k in range(m + 1):
        best[n][k] = 0.0
    for i in range(n - 1, -1, -1):
        for k in range(m - (n - i), -1, -1):
            here = fit[i][k] + best[i + 1][k + 1]
            skip = best[i][k + 1]
            take[i][k] = here >= skip
            best[i][k] = max(here, skip)
    placed: list[tuple[str, Cell]] = []
    i = k = 0
    while i < n:
        if take[i][k]:
            placed.append((columns[k], cells[i]))
            i += 1
        k += 1
    reason = f"{n} cells for {m} columns: more than {MAX_READINGS} readings"
    return Choice(tuple(placed), best[0][0], True, (), reason, 0, True)


@frozen
class _Rules:
    """The layout rules under one row's facts: ``alone`` is what filling a column is worth
    whatever else the reading fills; ``together`` weighs the columns that depend on others."""

    alone: dict[str, float]
    #: the forecast is judged by whether it copies the outcome (a report-period row of an annual report)
    forecast_copies: bool

    @classmethod
    def of(cls, facts: RowFacts) -> _Rules:
        annual = not facts.tertial_period and not facts.period_row
        alone = {"target": 1.5, "previous": 0.5}
        if facts.tertial_report and annual:
            # annual rows of a tertial report have no outcome and no forecast yet
            alone["outcome"], alone["forecast"] = -5.0, -5.0
        else:
            alone["outcome"], alone["forecast"] = (-3.0 if facts.no_outcome else 2.0), 0.0
        if facts.tertial_period:
            alone["forecast"] += 1.0
        elif annual:
            alone["forecast"] -= 3.0  # a year's row in an annual report: nothing left to forecast
        if facts.level in (GoalLevel.BOARD, GoalLevel.UNIT):
            alone["kf_target"] = -3.0
        elif facts.level == GoalLevel.AREA:
            alone["kf_target"] = 1.5
        return cls(alone, not facts.tertial_period and not annual)

    def together(self, by_name: dict[str, Cell], facts: RowFacts) -> float:
        """The weights of columns that depend on each other: never more than MOST_TOGETHER."""
        total = 0.0
        if "outcome_men" in by_name or "outcome_women" in by_name:
            total += _gender_score(by_name, facts)
        forecast = by_name.get("forecast")
        if forecast is not None and self.forecast_copies:
            outcome = by_name.get("outcome")
            # annual reports often fill the forecast with a copy of the outcome
            total += 2.0 if outcome is not None and outcome.raw == forecast.raw else -0.5
        kf_target = by_name.get("kf_target")
        if kf_target is not None and "target" not in by_name and kf_target.raw.startswith("Tas fram"):
            total -= 2.0  # the board sets the target, so it prints one
        return total


def _gender_score(by_name: dict[str, Cell], facts: RowFacts) -> float:
    men, women = by_name.get("outcome_men"), by_name.get("outcome_women")
    if (men is None) != (women is None):
        return -10.0  # the gender split is printed as a pair
    if men is None or women is None:
        return 0.0
    whole = by_name.get("outcome")
    if whole is None:
        return -8.0  # a split of nothing
    if men.value.unit != women.value.unit:
        return -3.0
    a, b, t = men.value.number, women.value.number, whole.value.number
    if a is None or b is None or t is None:
        return 0.0
    if abs(a + b - t) <= Decimal("0.11"):
        return 2.0  # a count or a staff share: the pair sums to the total
    whole_numbers = all(x == x.to_integral_value() for x in (a, b, t))
    if facts.count and whole_numbers:
        return -4.0  # counted people add up
    # gender values are often rounded where the total is not ('88,1 %' against '88', '88')
    slack = Decimal("0.5") if a == a.to_integral_value() and t != t.to_integral_value() else 0
    if min(a, b) - slack < t < max(a, b) + slack or a == b == t:
        return 2.0  # a share: the total lies between the two
    return -4.0


_NEUTRAL: tuple[float, dict[str, float]] = (0.0, {})


def _cell_fit(cell: Cell) -> tuple[float, dict[str, float]]:
    """How a cell fits the columns: the score in the columns named, and elsewhere.

    Found once per cell, so that scoring a row's readings is look-ups, not rules.
    """
    raw = cell.raw
    if cell.kind == "text":
        if raw.startswith(("Ny indikator", "Inget utfall")):
            return -8.0, {"previous": 5.0}
        if raw.startswith("Tas fram"):
            return -6.0, {"kf_target": 4.0, "target": 1.0}
        return -6.0, dict.fromkeys(TARGETS, 2.0)
    if cell.kind != "number":
        return _NEUTRAL
    if cell.broken_word and len(raw) <= 16:
        # '12,7 barn/a' + 'vd.': a short value broken inside a word sat in a narrow column
        return -4.0, dict.fromkeys(NARROW, 3.0)
    if len(raw) >= 6 and cell.value.unit == "%":
        if cell.wrapped:
            return -4.0, dict.fromkeys(NARROW, 3.0)
        return 0.0, dict.fromkeys(NARROW, -3.0)
    return _NEUTRAL

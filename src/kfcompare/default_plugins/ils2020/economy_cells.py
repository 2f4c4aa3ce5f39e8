"""Cells of a budget row: which printed tokens make one number, and which column each fills.

A space is both the thousands separator and the cell separator ('0 1 400 1 400'), and an
empty cell prints nothing, so the tokens of a row can be read several ways. Every reading the
number format allows is enumerated; the table's column count and its own arithmetic
(Avvikelse = Budget − Prognos, Avvikelse = Utfall − Budget) pick one. Nothing is repaired:
a reading only chooses where printed cells go.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Sequence
from decimal import Decimal

from attrs import field, frozen

from ...model import Value
from ...values import parse_value

#: one printed token that can be (part of) a number: sign, digits, decimal comma
NUMBER_TOKEN = re.compile(r"^[-\u2212\u2013+]?\d+(?:,\d+)?$")
_SIGNED = re.compile(r"^[-\u2212\u2013+]")
_GROUP = re.compile(r"^\d{3}(?:,\d+)?$")

#: enumeration bounds: a row is a handful of cells, never an essay of digits
MAX_COLUMNS = 12
MAX_TOKENS = 48
MAX_READINGS = 256


def new_part() -> None:
    """Forget the cached readings of the last economy part: a report's parse never depends on
    what was parsed before it, and a benchmark that repeats one file measures a cold cache."""
    _partitions.cache_clear()
    _number.cache_clear()


def is_number_token(token: str) -> bool:
    return bool(NUMBER_TOKEN.match(token))


def _digits(token: str) -> str:
    return token.lstrip("-\u2212\u2013+").split(",")[0]


def _can_start(token: str) -> bool:
    # '000' and '012' are thousands groups, never the start of a number; '0' and '0,5' are
    digits = _digits(token)
    return digits == "0" or not digits.startswith("0")


def _takes_groups(token: str) -> bool:
    # a number with thousands groups starts with 1-3 digits, not with a zero
    digits = _digits(token)
    return "," not in token and 1 <= len(digits) <= 3 and not digits.startswith("0")


def partitions(tokens: Sequence[str], decimal: bool, most: int) -> list[tuple[str, ...]]:
    """Every way to read the tokens as at most ``most`` numbers, each as its printed text.

    A number is a lead token (1-3 digits when thousands groups follow) plus groups of exactly
    three digits; a signed token always starts a number, a decimal comma ends one. In a
    ``decimal`` table every number carries a decimal comma.
    """
    return list(_partitions(tuple(tokens), decimal, most))


@functools.lru_cache(maxsize=4096)
def _partitions(tokens: tuple[str, ...], decimal: bool, most: int) -> tuple[tuple[str, ...], ...]:
    # cached: a row line is read as a row, as a wrapped label and again for its readings,
    # and the headerless-table probe reads the same lines from every caption candidate
    if not tokens or len(tokens) > MAX_TOKENS or not all(is_number_token(t) for t in tokens):
        return ()
    ends = [_number_ends(tokens, start, decimal) for start in range(len(tokens))]
    memo: dict[tuple[int, int], tuple[tuple[str, ...], ...]] = {}

    def suffixes(start: int, left: int) -> tuple[tuple[str, ...], ...]:
        # memoised on (position, numbers still allowed): the readings never blow up
        if start == len(tokens):
            return ((),)
        if left == 0:
            return ()
        if (start, left) in memo:
            return memo[start, left]
        out: list[tuple[str, ...]] = []
        for end in ends[start]:
            number = " ".join(tokens[start:end])
            for rest in suffixes(end, left - 1):
                out.append((number, *rest))
                if len(out) >= MAX_READINGS:
                    break
            if len(out) >= MAX_READINGS:
                break
        memo[start, left] = tuple(out)
        return memo[start, left]

    return suffixes(0, most)


def _number_ends(tokens: Sequence[str], start: int, decimal: bool) -> list[int]:
    """Where a number that starts at ``start`` can end (exclusive), shortest first."""
    out: list[int] = []
    if not _can_start(tokens[start]):
        return out
    for end in range(start + 1, len(tokens) + 1):
        if end > start + 1:
            group = tokens[end - 1]
            if _SIGNED.match(group) or not _GROUP.match(group) or "," in tokens[end - 2]:
                break
            if not _takes_groups(tokens[start]):
                break
        if not decimal or "," in tokens[end - 1]:
            out.append(end)
    return out


@frozen
class Relation:
    """A table's own arithmetic: deviation = sign × (budget + adjustment − reference).

    ``reference`` lists the forecast (or outcome) columns; the last one printed counts, so a
    table with 'Prognos före' and 'Prognos efter' checks against the later one.
    """

    budget: int
    deviation: int
    reference: tuple[int, ...]
    adjustment: int | None = None
    signs: tuple[int, ...] = (1, -1)

    def holds(self, cells: Sequence[Decimal | None]) -> bool | None:
        """True or False when every needed cell is there, None when it cannot be evaluated."""
        budget, deviation = cells[self.budget], cells[self.deviation]
        present = [cell for cell in (cells[i] for i in self.reference) if cell is not None]
        if budget is None or deviation is None or not present:
            return None
        adjustment = cells[self.adjustment] if self.adjustment is not None else None
        printed = [d for d in (budget, deviation, present[-1], adjustment) if d is not None]
        # one unit in the finest printed place: each printed cell was rounded on its own
        tolerance = Decimal(1).scaleb(min(int(d.as_tuple().exponent) for d in printed))
        expected = budget + (adjustment or 0) - present[-1]
        return any(abs(deviation - sign * expected) <= tolerance for sign in self.signs)

    def with_signs(self, signs: tuple[int, ...]) -> Relation:
        return Relation(self.budget, self.deviation, self.reference, self.adjustment, signs)


_BUDGET = re.compile(r"(?i)(?:^|\s)budget\b(?!just)")
_ADJUSTMENT = re.compile(r"(?i)budgetjustering")
_FORECAST = re.compile(r"(?i)^prognos")
_OUTCOME = re.compile(r"(?i)^utfall")
_DEVIATION = re.compile(r"(?i)^avvikelse")


def relation_for(columns: Sequence[str]) -> Relation | None:
    """The relation the column names promise, or None when they promise none."""

    def first(pattern: re.Pattern[str]) -> int | None:
        return next((i for i, name in enumerate(columns) if pattern.search(name)), None)

    budget, deviation = first(_BUDGET), first(_DEVIATION)
    forecasts = tuple(i for i, name in enumerate(columns) if _FORECAST.search(name))
    reference = forecasts or tuple(i for i, name in enumerate(columns) if _OUTCOME.search(name))
    if budget is None or deviation is None or not reference:
        return None
    return Relation(budget, deviation, reference, first(_ADJUSTMENT))


@frozen
class Reading:
    """One way to place a row's printed numbers into the table's columns."""

    cells: tuple[str | None, ...]
    numbers: tuple[Decimal | None, ...]
    holds: bool | None = None
    #: how many cells are printed, which columns are empty, and the sum of the printed
    #: columns' indexes: computed once, since every reading is ranked twice
    filled: int = field(init=False, eq=False, repr=False)
    empty: frozenset[int] = field(init=False, eq=False, repr=False)
    rightmost: int = field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        printed = [i for i, cell in enumerate(self.cells) if cell is not None]
        object.__setattr__(self, "filled", len(printed))
        object.__setattr__(self, "empty", frozenset(range(len(self.cells))).difference(printed))
        object.__setattr__(self, "rightmost", sum(printed))


def readings(tokens: Sequence[str], width: int, decimal: bool, relation: Relation | None) -> list[Reading]:
    """Every placement of every partition of the tokens into ``width`` columns, order kept.

    When some partition fills every column, only those count: a full row always outranks a
    row with gaps (see ``rank``), so the placements with gaps are not built at all.
    """
    if width < 1 or width > MAX_COLUMNS:
        return []
    found = partitions(tokens, decimal, width)
    full = [p for p in found if len(p) == width]
    out = []
    for raws in full or found:
        numbers = [_number(raw) for raw in raws]
        for slots in itertools.combinations(range(width), len(raws)):
            cells: list[str | None] = [None] * width
            values: list[Decimal | None] = [None] * width
            for slot, raw, number in zip(slots, raws, numbers):
                cells[slot], values[slot] = raw, number
            holds = relation.holds(values) if relation is not None else None
            out.append(Reading(tuple(cells), tuple(values), holds))
            if len(out) >= MAX_READINGS * 8:
                return out
    return out


@functools.lru_cache(maxsize=4096)
def _number(raw: str) -> Decimal | None:
    # the same printed numbers recur in every reading of a row and in the row's rereadings
    return parse_value(raw).number


def judged(options: Sequence[Reading], relation: Relation | None) -> list[Reading]:
    """``options`` (readings made without a relation) with ``holds`` under ``relation``: the
    same list ``readings(..., relation)`` builds, without enumerating the partitions again."""
    if relation is None:
        return list(options)
    return [Reading(r.cells, r.numbers, relation.holds(r.numbers)) for r in options]


def rank(reading: Reading, width: int, consensus: frozenset[int]) -> tuple[tuple[bool, bool, int, int], int]:
    """Sort key, best first when reversed: a full row, then arithmetic, then agreement.

    The last element prefers filling the right-hand columns, where a lone result-transfer
    amount sits in these tables; it only breaks ties and never makes a row certain.
    """
    complete = reading.filled == width
    agreed = len(reading.empty & consensus) - len(reading.empty - consensus)
    return (complete, reading.holds is True, reading.filled, agreed), reading.rightmost


def choose(options: Sequence[Reading], width: int, consensus: frozenset[int]) -> tuple[Reading, list[Reading]]:
    """The best reading and the equally good others (empty when the choice is certain)."""
    # each reading ranked once; the sort is stable, as sorting the readings by rank would be
    ranked = sorted(((rank(r, width, consensus), r) for r in options), key=lambda kr: kr[0], reverse=True)
    (key, _), best = ranked[0]
    rivals = [r for (k, _), r in ranked[1:] if k == key]
    return best, rivals


def as_values(cells: Sequence[str | None], line: int) -> tuple[Value | None, ...]:
    return tuple(None if cell is None else parse_value(cell, line=line) for cell in cells)

"""Cells of a budget row: which printed tokens make one number, and which column each fills.

A space is both the thousands separator and the cell separator ('0 1 400 1 400'), and an
empty cell prints nothing, so the tokens of a row can be read several ways. Every reading the
number format allows is enumerated; the table's column count and its own arithmetic
(``kfcompare.budget.Relation``) pick one. Nothing is repaired:
a reading only chooses where printed cells go.
"""

from __future__ import annotations

import itertools
import math
import operator
from collections.abc import Sequence
from decimal import Decimal

from attrs import field, frozen

from ...budget import Relation
from ...model import Value
from ...text import numbers
from ...text.numbers import is_number_token, parse_value, token_digits

#: a row is a handful of cells, never an essay of digits
MAX_COLUMNS = 12
MAX_TOKENS = 48
#: readings of one row that are built and scored; the rows of the real reports allow at most
#: 5. The readings are counted before any is built, so a row that allows more costs no more
#: than this: it is flagged and only its fullest readings, in order, are kept
MAX_READINGS = 128


def _can_start(token: str) -> bool:
    # '000' and '012' are thousands groups, never the start of a number; '0' and '0,5' are
    digits = token_digits(token)
    return digits == "0" or not digits.startswith("0")


def _takes_groups(token: str) -> bool:
    # a number with thousands groups starts with 1-3 digits, not with a zero
    digits = token_digits(token)
    return "," not in token and 1 <= len(digits) <= 3 and not digits.startswith("0")


class Spans:
    """Where numbers can stand in a run of tokens, and how many ways each suffix reads.

    ``count(s)[j]`` is the number of ways ``tokens[s:]`` reads as exactly ``j`` numbers,
    counted by dynamic programming over token positions (O(tokens² × most)), so a row is
    judged by how many readings it allows before a single one is built.
    """

    def __init__(self, tokens: Sequence[str], decimal: bool, most: int) -> None:
        self.tokens = tuple(tokens)
        self.most = most
        valid = 0 < len(self.tokens) <= MAX_TOKENS and all(is_number_token(t) for t in self.tokens)
        self.valid = valid
        n = len(self.tokens) if valid else 0
        self.ends = _number_ends(self.tokens[:n], decimal)
        empty = [0] * (most + 1)
        self._counts = [list(empty) for _ in range(n)] + [[1, *empty[1:]]]
        for start in range(n - 1, -1, -1):
            row = self._counts[start]
            for end in self.ends[start]:
                # j numbers from here = one number, then j - 1 from its end
                row[1:] = map(operator.add, row[1:], self._counts[end][:-1])
        if not valid:
            self._counts = [list(empty)]

    def count(self, start: int = 0) -> list[int]:
        return self._counts[start]

    def partitions(self, parts: int | None = None, limit: int = MAX_READINGS) -> list[tuple[str, ...]]:
        """The readings of all tokens as numbers (exactly ``parts`` of them, or at most
        ``most``), at most ``limit``, in order: shorter first numbers first."""
        out: list[tuple[str, ...]] = []
        tokens, counts = self.tokens, self._counts

        def allowed(start: int, left: int) -> bool:
            row = counts[start]
            return row[left] > 0 if parts is not None else any(row[: left + 1])

        def walk(start: int, left: int, prefix: tuple[str, ...]) -> None:
            if start == len(tokens):
                out.append(prefix)
                return
            for end in self.ends[start]:
                if len(out) >= limit:
                    return
                if left > 0 and allowed(end, left - 1):
                    walk(end, left - 1, (*prefix, " ".join(tokens[start:end])))

        total = parts if parts is not None else self.most
        if self.valid and allowed(0, total):
            walk(0, total, ())
        return out


def partitions(tokens: Sequence[str], decimal: bool, most: int) -> list[tuple[str, ...]]:
    """Every way to read the tokens as at most ``most`` numbers, each as its printed text
    (the first MAX_READINGS).

    A number is a lead token (1-3 digits when thousands groups follow) plus groups of exactly
    three digits; a signed token always starts a number, a decimal comma ends one. In a
    ``decimal`` table every number carries a decimal comma.
    """
    return Spans(tokens, decimal, most).partitions()


def _number_ends(tokens: Sequence[str], decimal: bool) -> list[list[int]]:
    """For each start, where a number that starts there can end (exclusive), shortest first."""
    comma = [("," in token) for token in tokens]
    group = [not numbers.SIGNED_TOKEN_RE.match(token) and bool(numbers.GROUP_TOKEN_RE.match(token)) for token in tokens]
    out: list[list[int]] = []
    for start, token in enumerate(tokens):
        ends: list[int] = []
        if _can_start(token):
            last = len(tokens) if _takes_groups(token) else start + 1
            for end in range(start + 1, last + 1):
                if end > start + 1 and (not group[end - 1] or comma[end - 2]):
                    break
                if not decimal or comma[end - 1]:
                    ends.append(end)
        out.append(ends)
    return out


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


@frozen
class Choices:
    """A row's readings, and how many its tokens allow: more than were built means the
    bound was hit and the row cannot be settled."""

    readings: tuple[Reading, ...]
    allowed: int

    @property
    def cut(self) -> bool:
        return self.allowed > len(self.readings)


def readings(tokens: Sequence[str], width: int, decimal: bool, relation: Relation | None) -> list[Reading]:
    """The readings ``choices`` builds."""
    return list(choices(tokens, width, decimal, relation).readings)


def choices(tokens: Sequence[str], width: int, decimal: bool, relation: Relation | None) -> Choices:
    """Every placement of every partition of the tokens into ``width`` columns, order kept.

    When some partition fills every column, only those count: a full row always outranks a
    row with gaps (see ``rank``), so the placements with gaps are not built at all. When the
    tokens allow more than MAX_READINGS readings, only the first MAX_READINGS placements of
    the partitions with the most numbers are built (the ones ``rank`` prefers after the
    arithmetic), and ``Choices.cut`` says the search stopped.
    """
    if width < 1 or width > MAX_COLUMNS:
        return Choices((), 0)
    spans = Spans(tokens, decimal, width)
    counts = spans.count()
    if counts[width]:
        sizes = [width]
    else:
        sizes = [j for j in range(1, width + 1) if counts[j]]
    allowed = sum(counts[j] * math.comb(width, j) for j in sizes)
    if allowed > MAX_READINGS:
        sizes = sizes[-1:]
    found = spans.partitions(sizes[0]) if len(sizes) == 1 else spans.partitions()
    out: list[Reading] = []
    for raws in found:
        numbers = [parse_value(raw).number for raw in raws]
        for slots in itertools.combinations(range(width), len(raws)):
            if len(out) >= MAX_READINGS:
                return Choices(tuple(out), allowed)
            cells: list[str | None] = [None] * width
            values: list[Decimal | None] = [None] * width
            for slot, raw, number in zip(slots, raws, numbers):
                cells[slot], values[slot] = raw, number
            holds = relation.holds(values) if relation is not None else None
            out.append(Reading(tuple(cells), tuple(values), holds))
    return Choices(tuple(out), allowed)


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

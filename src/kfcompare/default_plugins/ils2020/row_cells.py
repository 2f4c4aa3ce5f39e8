"""Cells of an indicator row: wrapped lines joined into one stream, then split into values.

The extract prints a row's cells left to right and wraps a cell that does not fit its
column inside the same text block, so joining a row's value blocks in order gives the cells
in column order. The joined text (``kfcompare.text.join_cells``) remembers the source line
of every character and where a line wrap was joined: a cell that spans a join was too wide
for its column, which tells narrow columns from wide ones. Spaces inside a line are kept, because in some extracts an empty
cell survives as one extra space between its neighbours.
"""

from __future__ import annotations

import re

from attrs import frozen

from ...model import Value
from ...text.dates import PERIOD_WORD
from ...text.joined import Joined
from ...text.numbers import ROW_CELL_RE, parse_value

#: Period cell at the end of a row: 'VB 2020', 'Tertial 1 2020', '2020'
_PERIOD_RE = re.compile(rf"(?:{PERIOD_WORD}\s+)?20\d\d\s*$")
#: a year that ends a text cell, not the row ('Ny indikator 2020', '… relativt 2018')
_NOT_PERIOD_BEFORE = re.compile(r"(?:indikator|utfall|Fastställs|relativt)\s*$", re.I)


@frozen
class Cell:
    value: Value
    #: the cell spans a line wrap: it was too wide for its column
    wrapped: bool
    #: empty cells printed as extra spaces just before this cell (exact-spacing extracts)
    gap_before: int
    #: "number", "text" (a known text cell) or "other" (words that are no known cell)
    kind: str
    #: the wrap fell inside a word ('barn/a' + 'vd.'): the column is narrow
    broken_word: bool = False

    @property
    def raw(self) -> str:
        return self.value.raw


def period_span(text: str) -> tuple[int, int] | None:
    """Where the Period cell sits at the end of ``text``, or None if the text ends otherwise."""
    match = _PERIOD_RE.search(text)
    if match is None or (match.start() > 0 and not text[match.start() - 1].isspace()):
        return None
    if _NOT_PERIOD_BEFORE.search(text[: match.start()]):
        return None
    return match.start(), match.end()


def ends_with_period(text: str) -> bool:
    return period_span(" ".join(text.split())) is not None


@frozen
class SplitRow:
    cells: tuple[Cell, ...]
    period: Value | None
    #: empty cells between the last value and the Period (exact-spacing extracts)
    gap_after: int


def split_cells(stream: Joined) -> SplitRow:
    """The cells and the Period of a row's value stream, in printed order."""
    text = stream.text
    span = period_span(text)
    end = len(text)
    period = None
    if span is not None:
        end = span[0]
        raw = text[span[0] : span[1]].strip()
        period = Value(raw=" ".join(raw.split()), line=stream.line_at(span[0]))
    cells: list[Cell] = []
    pos = 0
    last_end = 0
    while True:
        while pos < end and text[pos].isspace():
            pos += 1
        if pos >= end:
            break
        match = ROW_CELL_RE.match(text, pos, end)
        if match is None or match.end() == pos:  # pragma: no cover - 'other' matches any \S
            break
        kind = "text" if match.group("text") else "number" if match.group("num") else "other"
        gap = _gap(text[last_end:pos], stream.spans_join(last_end, pos + 1)) if cells else 0
        value = parse_value(match.group(0), line=stream.line_at(pos))
        if kind == "number" and value.number is None:
            kind = "other"
        span = (pos, match.end())
        cells.append(Cell(value, stream.spans_join(*span), gap, kind, stream.spans_join(*span, tight=True)))
        last_end = pos = match.end()
    gap_after = _gap(text[last_end:end], False) if cells and period is not None else 0
    return SplitRow(tuple(cells), period, gap_after)


def _gap(between: str, across_lines: bool) -> int:
    if across_lines:
        return 0
    return max(0, len(between) - 1)

"""Cells of an indicator row: wrapped lines joined into one stream, then split into values.

The extract prints a row's cells left to right and wraps a cell that does not fit its
column inside the same text block, so joining a row's value blocks in order gives the cells
in column order. The stream remembers, per character, the source line and where a line
wrap was joined: a cell that spans a join was too wide for its column, which tells narrow
columns from wide ones. Spaces inside a line are kept, because in some extracts an empty
cell survives as one extra space between its neighbours.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from attrs import frozen

from ...model import Value
from ...values import parse_value

#: a cell's number: thousands groups only after a 1-2 digit lead and before a unit
#: ('9 000 st'), since '743 952' or '73 110 60' in a row are cells far more often than numbers
_NUMBER = r"[-\u2212\u2013+]?(?:\d{1,2}(?: \d{3})+(?=(?:[,.]\d+)?\s*[^\d\s,.])|\d+)(?:[,.]\d+)?"
KNOWN_UNIT = (
    r"%(?:\s+energieffektivisering\s+relativt\s+\d{4})?|kg\s+CO2\s+per\s+kg\s+livsmedel|barn/avd\.?"
    r"|st|kr|tkr|mnkr|kronor|dagar|dag|timmar|tim|minuter|min|personer|pers\.?|barn|GWh|MWh|kWh"
    r"|kg|ton|år|besök|ärenden|hushåll|procent|poäng|platser|elever|ggr|gånger"
)
#: words that are cells of their own (text targets), never a unit
_TEXT_WORDS = r"öka|minska|bibehålla|Öka|Minska|Bibehålla"
_GENERIC_UNIT = rf"(?!(?:{_TEXT_WORDS})\b)[a-zåäö][\w/.\-]*(?:\s+(?!(?:{_TEXT_WORDS})\b)[a-zåäö][\w/.\-]*){{0,3}}"
#: text cells the 2020 tables print: target phrases and prior-period placeholders
TEXT_CELL = (
    r"Tas\s+fram\s+av\s+nämnd(?:\s*/\s*styrelse)?|Tas\s+fram\s+av\s+styrelse"
    r"|Fastställs\s+\d{4}|Ny\s+indikator\s+\d{4}|Inget\s+utfall\s+\d{4}"
    rf"|Max\s+{_NUMBER}\s+[a-zåäö]+|Min\s+{_NUMBER}\s+[a-zåäö]+|\+/-\s?{_NUMBER}\s?%?"
    rf"|Ej\s+aktuell|Saknas|{_TEXT_WORDS}"
)
_CELL_RE = re.compile(
    rf"(?P<text>(?:{TEXT_CELL})(?=\s|$))"
    rf"|(?P<num>{_NUMBER})(?:\s*(?P<unit>(?:{KNOWN_UNIT})(?=\s|$))|\s+(?P<generic>{_GENERIC_UNIT})(?=\s|$))?(?=\s|$)"
    r"|(?P<other>\S+(?:\s(?![-\u2212\u2013+]?\d)\S+)*)"
)
#: Period cell at the end of a row: 'VB 2020', 'Tertial 1 2020', '2020'
_PERIOD_RE = re.compile(r"(?:(?:VB|Tertial\s+\d|T\d|Helår|Halvår(?:\s+\d)?)\s+)?(?:19|20)\d\d\s*$")
#: a year that ends a text cell, not the row ('Ny indikator 2020', '… relativt 2018')
_NOT_PERIOD_BEFORE = re.compile(r"(?:indikator|utfall|Fastställs|relativt)\s*$", re.I)


_VALUE_START = re.compile(rf"^(?:{_NUMBER}(?=\s|$)|(?:{TEXT_CELL})(?=\s|$)|(?:VB|Tertial)\s+(?:\d\s+)?(?:19|20)\d\d\b)")


def starts_with_value(text: str) -> bool:
    """Whether ``text`` opens with a cell (a number, a text target, a Period), not a name."""
    return _VALUE_START.match(text) is not None


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


@frozen
class Stream:
    """A row's value blocks joined: text, source line per character, positions of wraps."""

    text: str
    line_at: tuple[int, ...]
    joins: frozenset[int]
    #: joins inside a word (no space on either side of the break)
    tight: frozenset[int] = frozenset()

    @classmethod
    def build(cls, blocks: Sequence[Sequence[tuple[str, int]]]) -> Stream:
        text: list[str] = []
        lines: list[int] = []
        joins: set[int] = set()
        tight: set[int] = set()

        def add(part: str, line: int) -> None:
            text.append(part)
            lines.extend([line] * len(part))

        for block in blocks:
            prev = None
            for raw, line in block:
                piece = raw.strip()
                if not piece:
                    continue
                if text and prev is None:
                    add(" ", line)  # between blocks
                elif prev is not None:
                    if prev[-1:].isspace() or raw[:1].isspace():
                        add(" ", line)
                    else:
                        tight.add(len(lines))
                    joins.add(len(lines))
                add(piece, line)
                prev = raw
        return cls("".join(text), tuple(lines), frozenset(joins), frozenset(tight))

    def line(self, pos: int) -> int | None:
        if not self.line_at:
            return None
        return self.line_at[min(pos, len(self.line_at) - 1)]

    def spans_join(self, start: int, end: int, tight: bool = False) -> bool:
        return any(start < j < end for j in (self.tight if tight else self.joins))


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


def split_cells(stream: Stream) -> SplitRow:
    """The cells and the Period of a row's value stream, in printed order."""
    text = stream.text
    span = period_span(text)
    end = len(text)
    period = None
    if span is not None:
        end = span[0]
        raw = text[span[0] : span[1]].strip()
        period = Value(raw=" ".join(raw.split()), line=stream.line(span[0]))
    cells: list[Cell] = []
    pos = 0
    last_end = 0
    while True:
        while pos < end and text[pos].isspace():
            pos += 1
        if pos >= end:
            break
        match = _CELL_RE.match(text, pos, end)
        if match is None or match.end() == pos:  # pragma: no cover - 'other' matches any \S
            break
        kind = "text" if match.group("text") else "number" if match.group("num") else "other"
        gap = _gap(text[last_end:pos], stream.spans_join(last_end, pos + 1)) if cells else 0
        value = parse_value(match.group(0), line=stream.line(pos))
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

"""Budget table headers: the stub ('Mnkr', 'Mnkr, netto'), the column names, the caption.

Header cells wrap over several lines and, in the wider tables, each cell is its own
blank-separated block ('Begärda ⏎budgetjusteringar' ⏎⏎ 'Prognos 2020 ⏎(föreresultat-⏎överföringar)').
Column names start with a small vocabulary (Budget, Prognos, Avvikelse, …), which is what
tells a header from a row label or a prose heading that uses the same words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from attrs import frozen

from ...budget import HEADER_WORDS
from ...text.lines import Line, join_wrapped
from ...text.numbers import has_decimal_token
from .economy_cells import MAX_COLUMNS

_COLUMN_START = re.compile(r"^(?:T[1-3]|Resultat-\S*)$")
#: stubs that say the unit and may be followed by the first column on the same line
_UNIT_STUB = re.compile(r"^(?P<stub>(?:Mnkr|Tkr|Tusental kronor)(?:,\s*netto)?)(?:\s+(?P<rest>.*))?$")
#: 'Antal personer Budget 2020 …': a count stub, only when a column word follows
_COUNT_STUB = re.compile(r"^(?P<stub>Antal \w+)\s+(?P<rest>\S.*)$")
#: 'Resultatenhetens namn': the stub of a table whose rows are named units
_NAME_STUB = re.compile(r"^\S+ namn$")
_SENTENCE = re.compile(r"\.(?:\s|$)")
_INNER_SENTENCE = re.compile(r"\.\s")
_MAX_CELL_WORDS = 12
#: lines in one blank-separated block of a header (2 in the reports, wrapped cells up to 5):
#: the probe runs on every line, so a longer block must not be read to its end each time
MAX_BLOCK_LINES = 8


@frozen
class Header:
    stub: str | None
    columns: tuple[str, ...]
    caption: str | None  # only when printed on the header line itself
    start: int  # index of the first header line
    end: int  # index after the last header line


def _starts_column(tokens: Sequence[str], i: int) -> bool:
    token = tokens[i]
    if token in HEADER_WORDS or _COLUMN_START.match(token):
        return True
    return token == "Varav" and i + 1 < len(tokens) and tokens[i + 1][:1].isdigit()


def split_columns(text: str, implicit_first: bool) -> tuple[str, list[str]]:
    """(text before the first column word, column names); with ``implicit_first`` that text
    is the first column itself ('Södermalms budget 2020' after a 'Mnkr, netto' stub)."""
    tokens = text.split()
    starts = [i for i in range(len(tokens)) if _starts_column(tokens, i)]
    if implicit_first and tokens and (not starts or starts[0] != 0):
        starts = [0, *starts]
    if not starts:
        return text.strip(), []
    prefix = " ".join(tokens[: starts[0]])
    bounds = [*starts, len(tokens)]
    return prefix, [" ".join(tokens[a:b]) for a, b in zip(bounds, bounds[1:])]


def _paragraph(lines: Sequence[Line], i: int) -> int | None:
    """Index after the block of non-blank lines starting at ``i``; a line that ends in a
    decimal number is a row, never part of a header. None when the block is longer than
    a header block can be."""
    j = i
    while j < len(lines) and not lines[j].blank and not _has_decimal(lines[j]):
        j += 1
        if j - i > MAX_BLOCK_LINES:
            return None
    return j


def _has_decimal(line: Line) -> bool:
    return has_decimal_token(line.text)


def _holds_sentence(block: Sequence[Line]) -> bool:
    """A sentence end the joined block is sure to keep: '. ' inside a line, or '.' at its end.

    A shortcut for the prose that makes up most of an economy part: header_at runs on every
    line, and joining each line's rest of paragraph only to find a sentence in it is costly.
    """
    return block[-1].text.endswith(".") or any(_INNER_SENTENCE.search(line.text) for line in block)


def next_text(lines: Sequence[Line], i: int) -> int:
    """Index of the first non-blank line from ``i`` (len(lines) when there is none)."""
    while i < len(lines) and lines[i].blank:
        i += 1
    return i


def _plausible(cells: Sequence[str]) -> bool:
    return all(len(cell.split()) <= _MAX_CELL_WORDS and not _SENTENCE.search(cell) for cell in cells)


def header_at(lines: Sequence[Line], i: int) -> Header | None:
    """The header starting at line ``i``, or None when that line does not start one."""
    if i >= len(lines) or lines[i].blank:
        return None
    cells = lines[i].cells
    if cells is not None and any(cell.column == "stub" for cell in cells):
        # a header the source read from the page (PDF): the stub and each column's title
        stub = "".join(cell.text for cell in cells if cell.column == "stub") or None
        return Header(stub, tuple(cell.text for cell in cells if cell.column != "stub"), None, i, i + 1)
    if _has_decimal(lines[i]):
        return None
    end = _paragraph(lines, i)
    if end is None or _holds_sentence(lines[i:end]):
        return None
    text = join_wrapped([line.raw for line in lines[i:end]])
    if _SENTENCE.search(text):
        return None
    stub, caption, columns = None, None, []
    unit = _UNIT_STUB.match(text)
    count = _COUNT_STUB.match(text)
    if unit:
        stub = unit.group("stub")
        columns = split_columns(unit.group("rest") or "", implicit_first=True)[1]
    elif count and split_columns(count.group("rest"), implicit_first=False)[0] == "":
        stub = count.group("stub")
        columns = split_columns(count.group("rest"), implicit_first=False)[1]
    elif _NAME_STUB.match(text):
        stub = text
    else:
        prefix, columns = split_columns(text, implicit_first=False)
        if len(columns) < 2 or (prefix and end - i > 1):
            return None
        caption = prefix or None
    columns, end = _more_cells(lines, columns, end)
    if stub is not None and _NAME_STUB.match(stub) and not columns:
        return None
    if len(columns) > MAX_COLUMNS or not _plausible(columns):
        return None
    return Header(stub, tuple(columns), caption, i, end)


def _more_cells(lines: Sequence[Line], columns: list[str], end: int) -> tuple[list[str], int]:
    """Following blank-separated blocks that start with a column word are header cells too;
    a block that starts the header over (a page break printed it again) is not."""
    while True:
        start = next_text(lines, end)
        if start >= len(lines):
            return columns, end
        block_end = _paragraph(lines, start)
        if block_end is None or block_end == start or len(columns) > MAX_COLUMNS:
            return columns, end
        text = join_wrapped([line.raw for line in lines[start:block_end]])
        prefix, more = split_columns(text, implicit_first=False)
        if prefix or not more or _SENTENCE.search(text) or more == columns[: len(more)]:
            return columns, end
        columns = [*columns, *more]
        end = block_end

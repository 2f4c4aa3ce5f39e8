"""Lines as every format reads them: numbered, stripped once, page noise removed.

Lines keep their raw text (leading and trailing spaces carry meaning in tables: an empty
cell can survive as one extra space), so nothing here collapses white space. A line read
from a PDF also carries its cells (words grouped by the column they stand in); a text
extract has none, and readers that do not need cells never look at them.

``Line`` is a slotted class, not an attrs class: a report has tens of thousands of lines and
each is created once per parse, on the hot path (see benchmarks/run.py).
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import NamedTuple

from .spaces import collapse


class Cell(NamedTuple):
    """One cell of a line read from a page: its text and where it stands.

    ``x0``/``x1`` are the cell's left and right edges in the page's units; ``column`` names
    the table column the cell falls in, when a table header gave the columns (else None).
    """

    text: str
    x0: float
    x1: float
    column: str | None = None


class Line:
    """One source line: its 1-based number, its text exactly as extracted, and stripped.

    ``cells`` is None for text sources; a PDF source gives the cells of the line, left to
    right. Equality is by number, raw text and cells, as two reads of one file compare.
    """

    __slots__ = ("no", "raw", "text", "cells")

    no: int
    raw: str
    #: the raw text stripped; computed once because readers ask for it on every pass
    text: str
    cells: tuple[Cell, ...] | None

    def __init__(self, no: int, raw: str, cells: tuple[Cell, ...] | None = None) -> None:
        self.no = no
        self.raw = raw
        self.text = raw.strip()
        self.cells = cells

    @property
    def blank(self) -> bool:
        return not self.text

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Line):
            return NotImplemented
        return (self.no, self.raw, self.cells) == (other.no, other.raw, other.cells)

    def __hash__(self) -> int:
        return hash((self.no, self.raw, self.cells))

    def __repr__(self) -> str:
        cells = "" if self.cells is None else f", cells={self.cells!r}"
        return f"Line({self.no!r}, {self.raw!r}{cells})"


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while one file is parsed.

    A parse allocates tens of thousands of objects and frees none in cycles; the collector
    would walk them, and every report parsed before, again and again (3–17 % of a parse,
    growing with the run). Collection resumes, as it was, when the parse ends.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def numbered(lines: Sequence[str], first: int = 1) -> list[Line]:
    return [Line(no, raw) for no, raw in enumerate(lines, first)]


#: page headers and footers PDF extraction drops into the text, wherever the page broke,
#: in the templates of the city's districts
#: a page number in any district's template: 'Sid 9 (128)', 'SID 24 (36)', 'Sida 3 av 40', 'Page 2/7'
PAGE_NUMBER_RE = re.compile(r"^(?i:Sid|Sida|Page)\s*\d+\s*(?:\(\d+\)|(?i:av)\s+\d+|/\s*\d+)?$")
PAGE_NOISE = (
    re.compile(r"^Tjänsteutlåtande$"),
    PAGE_NUMBER_RE,
    re.compile(r"^start\.stockholm$"),
    re.compile(r"^(?:Telefon:?\s*)?08[- ]\s?\d{3} ?\d{2,3} ?\d{2,3}(?: ?\d{2})?$"),
    # a diarienummer alone or after the board's name: 'Dnr SDN 2020/123', 'Dnr: 1.2.3-45/2020'
    re.compile(r"^(?:[A-ZÅÄÖ][\w\-]*(?: [\w\-]+){0,3} )?Dnr[:.]? ?(?:[A-ZÅÄÖ]{2,6} )?[\d.:\-]+/\d{2,4}$"),
)
#: PAGE_NOISE as one pattern: one match per line instead of one per pattern
PAGE_NOISE_RE = re.compile("|".join(f"(?:{p.pattern})" for p in PAGE_NOISE))


def is_page_noise(text: str) -> bool:
    """Whether a stripped line is a page header or footer line."""
    return bool(text) and PAGE_NOISE_RE.match(text) is not None


#: a page header's line naming the board or its administration ('Södermalms
#: stadsdelsförvaltning'): page noise only beside another page-noise line, since the same
#: words alone are a heading or the start of a sentence
PAGE_ORGANISATION_RE = re.compile(r"^[A-ZÅÄÖ][\w\-]*(?: [\w\-]+){0,2} (?:stadsdelsförvaltning|stadsdelsnämnd)$")


def strip_page_noise(lines: Iterable[Line]) -> list[Line]:
    """Drop page header/footer lines, and a line naming the organisation beside one; the
    numbering of the rest is kept. The rule is ``read_lines``'s, applied to these lines."""
    lines = list(lines)
    kept, _ = read_lines([line.raw for line in lines], first=0)
    return [lines[line.no] for line in kept]


#: share of the lines in between that must be empty for an extract to count as double spaced
_DOUBLED = 0.98


def undoubled(lines: Sequence[Line]) -> list[Line]:
    """The lines of an extract that puts an empty line after every line, without those.

    Some extractors print every line, blank ones too, followed by an empty line; the blank
    lines that carry the layout (between a name and its values, between rows) are then the
    ones left after dropping every second line, and they are doubled too. Other texts are
    returned as they are.
    """
    parity = doubled_parity([line.raw for line in lines])
    if parity is None:
        return list(lines)
    return [line for i, line in enumerate(lines) if i % 2 != parity or line.raw]


def doubled_parity(raws: Sequence[str]) -> int | None:
    """The parity (0 or 1) of the positions that hold the extra empty lines of a double-spaced
    extract (see ``undoubled``), or None when the extract is not double spaced."""
    for parity in (1, 0):
        between = raws[parity::2]
        if len(between) >= 20 and sum(1 for raw in between if not raw) >= _DOUBLED * len(between):
            kept = raws[1 - parity :: 2]
            blank = sum(1 for raw in kept if not raw.strip())
            # the doubled blank lines are there too: a text whose lines each stand alone
            # between empty lines (every line its own paragraph) is left as it is
            if 0.05 * len(kept) <= blank <= 0.5 * len(kept):
                return parity
    return None


def read_lines(
    raws: Sequence[str],
    kinds: re.Pattern[str] | None = None,
    *,
    keep_empty: bool = True,
    undouble: bool = False,
    first: int = 1,
) -> tuple[list[Line], list[str]]:
    """The one pass of a text source: number, strip, drop page noise and classify each line.

    ``kinds`` is a format's line classifier: one compiled pattern whose named groups are the
    line kinds, matched once on each stripped line (the group that matched names its kind;
    'text' when nothing matches, 'blank' for an empty line). Page noise is decided in the
    same match when ``kinds`` has a group named ``noise``; else by ``PAGE_NOISE_RE``.
    Returns the kept lines and each kept line's kind. ``keep_empty=False`` drops lines that
    are exactly empty (lines of spaces are kept: tables use them as row separators);
    ``undouble=True`` drops the extra empty lines of a double-spaced extract (``undoubled``).
    """
    lines: list[Line] = []
    found: list[str] = []
    add_line = lines.append
    add_kind = found.append
    noise = PAGE_NOISE_RE.match if kinds is None or "noise" not in kinds.groupindex else None
    classify = kinds.match if kinds is not None else None
    organisation = PAGE_ORGANISATION_RE.match
    # the line before was page noise / was kept and names the organisation: an organisation
    # line beside page noise is page noise too ('Södermalms stadsdelsförvaltning' over 'Sid 5 (72)')
    after_noise = kept_organisation = False
    parity = doubled_parity(raws) if undouble else None
    for no, raw in enumerate(raws, first):
        if not raw:
            if parity is not None and (no - first) % 2 == parity:
                continue  # the extra empty line of a double-spaced extract
            if keep_empty:
                add_line(Line(no, raw))
                add_kind("blank")
            after_noise = kept_organisation = False
            continue
        line = Line(no, raw)
        text = line.text
        if not text:
            add_line(line)
            add_kind("blank")
            after_noise = kept_organisation = False
            continue
        kind = "text"
        if noise is not None and noise(text) is not None:
            kind = "noise"
        elif classify is not None:
            match = classify(text)
            if match is not None:
                kind = match.lastgroup or "text"
        if kind == "noise":
            if kept_organisation:
                lines.pop()
                found.pop()
            after_noise, kept_organisation = True, False
            continue
        names_organisation = "stadsdels" in text and organisation(text) is not None
        if after_noise and names_organisation:
            after_noise = kept_organisation = False
            continue
        add_line(line)
        add_kind(kind)
        after_noise, kept_organisation = False, names_organisation
    return lines, found


def join_wrapped(parts: Iterable[str]) -> str:
    """Join the raw lines of one wrapped cell or title.

    A break at a space shows as a trailing space on the earlier line or a leading space on
    the next ('Andel barn som lever i ' + 'familjer'): join with one space. A break inside a
    word shows no space on either side ('Faststäl' + 'ls 2020'): join with none.
    """
    pieces: list[str] = []
    after_space = False  # the last part taken ended in white space
    for part in parts:
        piece = part.strip()
        if piece:
            if pieces and (after_space or part[0].isspace()):
                pieces.append(" ")
            pieces.append(piece)
            after_space = part[-1].isspace()
    return collapse("".join(pieces))

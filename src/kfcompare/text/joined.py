"""Wrapped lines joined into one string that still knows which line each character came from.

Names, titles and cells wrap over lines; a reader wants to match the whole ('Hägersten-' /
'Liljeholmen', '2,23' / '%') and still give the source line of what it found. Every format
joins with one of the rules below and gets the same ``Joined`` back:

- ``join_wrapped`` / ``join_cells``: a break at a space shows as a trailing space on the
  earlier line or a leading space on the next (join with a space), a break inside a word as
  none (join with nothing): the 2020 extracts' cells, names and titles;
- ``join_flat``: every non-blank line's text with single spaces, a name wrapped at its hyphen
  rejoined: whole-report phrase searches (district and unit names);
- ``join_hyphenated``: words hyphenated at line ends are rejoined, compound hyphens kept,
  and an empty table cell can be marked: the 2012 plans.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence

from .lines import Line, join_wrapped
from .spaces import collapse

#: stands for an empty cell in a joined row (a leading space or a double space before the
#: values): how an empty table cell survives the extraction in the 2012 plans
EMPTY = "\ue000"

__all__ = ["EMPTY", "Joined", "join_cells", "join_flat", "join_hyphenated", "join_wrapped"]


class Joined:
    """Joined text, the offset where each source line's part starts, and where lines met.

    ``offsets[k]`` is where the k-th joined line's part starts (for ``join_cells`` the
    separator before it belongs to it), ``numbers[k]`` that line's number. ``joins`` are the
    offsets where a line wrap was joined, ``tight`` those joined inside a word.
    """

    __slots__ = ("text", "offsets", "numbers", "joins", "tight")

    def __init__(
        self,
        text: str,
        offsets: Sequence[int],
        numbers: Sequence[int],
        joins: Sequence[int] = (),
        tight: Sequence[int] = (),
    ) -> None:
        self.text = text
        self.offsets = tuple(offsets)
        self.numbers = tuple(numbers)
        self.joins = tuple(joins)
        self.tight = tuple(tight)

    def __repr__(self) -> str:
        return f"Joined({self.text!r}, lines {self.numbers!r})"

    def line_at(self, offset: int) -> int | None:
        """The source line number of a character offset (the last line past the end)."""
        k = bisect_right(self.offsets, offset) - 1
        return self.numbers[k] if k >= 0 else None

    def lines_between(self, begin: int, end: int) -> tuple[int, ...]:
        """Numbers of the source lines that text[begin:end] draws on, in order."""
        first = self.line_at(begin)
        inside = [no for start, no in zip(self.offsets, self.numbers) if begin < start < end]
        return tuple(dict.fromkeys([first, *inside])) if first is not None else tuple(inside)

    def offset_of_index(self, index: int) -> int:
        """Offset of the index-th joined line; past the end for a larger index."""
        return self.offsets[index] if index < len(self.offsets) else len(self.text)

    def spans_join(self, start: int, end: int, tight: bool = False) -> bool:
        """Whether text[start:end] holds a line wrap (inside a word only, with ``tight``)."""
        joins = self.tight if tight else self.joins
        k = bisect_right(joins, start)
        return k < len(joins) and joins[k] < end


def join_cells(blocks: Iterable[Iterable[tuple[str, int]]]) -> Joined:
    """A row's value blocks (each a run of (raw, line number)) joined as ``join_wrapped``
    joins, blocks apart by one space; spaces inside a line are kept (an empty cell can
    survive as an extra space). The separator before a line counts as that line's."""
    pieces: list[str] = []
    offsets: list[int] = []
    numbers: list[int] = []
    joins: list[int] = []
    tight: list[int] = []
    at = 0
    for block in blocks:
        prev: str | None = None
        for raw, no in block:
            piece = raw.strip()
            if not piece:
                continue
            offsets.append(at)
            numbers.append(no)
            if prev is None:
                if at:
                    pieces.append(" ")  # between blocks
                    at += 1
            else:
                if prev[-1:].isspace() or raw[:1].isspace():
                    pieces.append(" ")
                    at += 1
                else:
                    tight.append(at)
                joins.append(at)
            pieces.append(piece)
            at += len(piece)
            prev = raw
    return Joined("".join(pieces), offsets, numbers, joins, tight)


def join_flat(lines: Iterable[Line]) -> Joined:
    """The non-blank lines' text, each with its runs of white space made one space, joined
    by single spaces; a name wrapped at its hyphen joins without the space ('Hägersten-' +
    'Liljeholmen'), as part of the line it started on."""
    parts: list[str] = []
    offsets: list[int] = []
    numbers: list[int] = []
    at = 0
    for line in lines:
        text = line.text
        if not text:
            continue
        if "  " in text or not text.isprintable():  # a stripped line needs collapsing only then
            text = collapse(text)
        if parts and parts[-1].endswith("-") and text[:1].isupper():
            parts[-1] = parts[-1] + text
            at += len(text)
            continue
        if parts:
            at += 1
        offsets.append(at)
        numbers.append(line.no)
        parts.append(text)
        at += len(text)
    return Joined(" ".join(parts), offsets, numbers)


_BLANKS = re.compile(r"[ \t]+")
_GAP = re.compile(r" {2,}")
#: a wrapped line whose first word is itself a compound part ('idrotts-och …'): the hyphen
#: before it belongs to an enumeration such as 'lek-idrotts-och', not to a split word
_ENUMERATION_NEXT = re.compile(r"^[a-zåäö]+-(?:\s|och\b|eller\b)")
#: the word after a suspended compound part ('risk- och skyddsfaktorer'), also where the
#: extract lost the space after the hyphen
_SUSPENDED_NEXT = re.compile(r"^(?:och|eller|samt)\b")


def join_hyphenated(lines: Iterable[Line], starts_value: Callable[[str], bool] | None = None) -> Joined:
    """Join wrapped lines: split words are rejoined, compound hyphens kept.

    A line ending in '-' with lower case on both sides is a split word ('till-'+'gänglig');
    with a capital or digit on either side the hyphen is real ('Hässelby-'+'Vällingby',
    '18-'+'24'); '-' followed by a space in the source is a real hyphen before a space.
    Given ``starts_value`` (table rows), a leading space or a double space before a value is
    kept as ``EMPTY``: that is how an empty table cell survives the extraction.
    """
    out = ""
    offsets: list[int] = []
    numbers: list[int] = []
    prev_raw = ""
    for line in lines:
        text = line.text
        if not text:
            continue
        if starts_value is not None:
            text = _mark_inner_gap(text, starts_value)
        if "\t" in text or "  " in text:
            text = _BLANKS.sub(" ", text)  # runs of blanks; a text with none stays as it is
        leading_gap = starts_value is not None and line.raw[:1].isspace() and starts_value(text)
        if not out:
            sep = f"{EMPTY} " if leading_gap else ""
        elif leading_gap:
            sep = f" {EMPTY} "
        else:
            found = _separator(out, prev_raw, text)
            if found is None:  # a split word: drop the hyphen
                out = out[:-1]
                sep = ""
            else:
                sep = found
        out += sep
        offsets.append(len(out))
        numbers.append(line.no)
        out += text
        prev_raw = line.raw
    return Joined(out, offsets, numbers)


def _separator(before: str, before_raw: str, text: str) -> str | None:
    if not before.endswith("-") or before_raw.rstrip("\n")[-1:].isspace():
        return " "
    prev = before[-2:-1]
    first = text[:1]
    if _SUSPENDED_NEXT.match(text):
        return " "  # 'risk-' + 'och skyddsfaktorer': the hyphen ends a suspended part
    if prev.islower() and first.islower() and not _ENUMERATION_NEXT.match(text):
        return None
    if first.isupper() or first.isdigit() or prev.isupper() or prev.isdigit() or (prev.islower() and first.islower()):
        return ""
    return " "


def _mark_inner_gap(text: str, starts_value: Callable[[str], bool]) -> str:
    for match in _GAP.finditer(text):
        if starts_value(text[match.end() :]):
            return f"{text[: match.start()]} {EMPTY} {text[match.end() :]}"
    return text

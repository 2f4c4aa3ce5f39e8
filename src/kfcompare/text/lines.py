"""What every text-extract format needs: numbered lines, page noise, wrapped tokens.

Lines keep their raw text (leading and trailing spaces carry meaning in tables: an empty
cell can survive as one extra space), so nothing here collapses white space.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from attrs import field, frozen

from ..values import collapse


@frozen
class Line:
    """One source line: its 1-based number and its text exactly as extracted."""

    no: int
    raw: str
    #: the raw text stripped; computed once because parsers ask for it on every pass
    text: str = field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "text", self.raw.strip())

    @property
    def blank(self) -> bool:
        return not self.text


def numbered(lines: Sequence[str], first: int = 1) -> list[Line]:
    return [Line(first + i, raw) for i, raw in enumerate(lines)]


#: page headers and footers PDF extraction drops into the text, wherever the page broke
PAGE_NOISE = (
    re.compile(r"^Tjänsteutlåtande$"),
    re.compile(r"^Sid \d+ \(\d+\)$"),
    re.compile(r"^start\.stockholm$"),
    re.compile(r"^(?:Telefon:?\s*)?08[- ]\s?\d{3} ?\d{2,3} ?\d{2}(?: ?\d{2})?$"),
)


#: PAGE_NOISE as one pattern: one match per line instead of four
_ANY_PAGE_NOISE = re.compile("|".join(f"(?:{p.pattern})" for p in PAGE_NOISE))


def _is_noise_text(text: str) -> bool:
    return bool(text) and _ANY_PAGE_NOISE.match(text) is not None


def strip_page_noise(lines: Iterable[Line]) -> list[Line]:
    """Drop page header/footer lines; numbering of the rest is kept."""
    return [line for line in lines if not _is_noise_text(line.text)]


def join_wrapped(parts: Sequence[str]) -> str:
    """Join the raw lines of one wrapped cell or title.

    A break at a space shows as a trailing space on the earlier line or a leading space on
    the next ('Andel barn som lever i ' + 'familjer'): join with one space. A break inside a
    word shows no space on either side ('Faststäl' + 'ls 2020'): join with none.
    """
    pieces: list[str] = []
    prev_raw = ""
    for part in parts:
        piece = part.strip()
        if not piece:
            continue
        if pieces and (prev_raw[-1:].isspace() or part[:1].isspace()):
            pieces.append(" ")
        pieces.append(piece)
        prev_raw = part
    return collapse("".join(pieces))

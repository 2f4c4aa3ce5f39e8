"""A page's words as printed lines, without the page header and footer.

Headers and footers are found by position and repetition, not by a word list: the block
of lines at the top (or bottom) of a page, set apart from the body by a gap, whose text
(digits aside: 'Sid 5 (72)') comes back in that block on many pages. A one-page file has
nothing to repeat; there a page number line ('Sid 1 (1)', 'Sida 3 av 40') and the templates'
header lines (kfcompare.text.lines.PAGE_NOISE) in the top or bottom block count.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from attrs import frozen

from ...text.lines import PAGE_NUMBER_RE, is_page_noise
from .words import Page, Word

#: a gap wider than this many font sizes sets a header or footer block apart from the body
_MARGIN_GAP = 1.5
#: at most this many lines make a page's header or footer block
_MARGIN_LINES = 5
#: share of the pages a header/footer line must come back on
_REPEATED_SHARE = 0.4
_DIGITS = re.compile(r"\d+")


@frozen
class PrintedLine:
    """One printed line of a page: its words left to right."""

    page: int
    words: tuple[Word, ...]
    #: the line's place on its page, counted from the top (page header lines included)
    row: int = 0

    @property
    def y(self) -> float:
        return self.words[0].y

    @property
    def size(self) -> float:
        return max(word.size for word in self.words)

    @property
    def text(self) -> str:
        return " ".join(word.text for word in self.words)

    @property
    def x0(self) -> float:
        return self.words[0].x0


def page_lines(page: Page) -> list[PrintedLine]:
    """The page's words grouped by baseline into lines, top to bottom, left to right."""
    words = sorted(page.words, key=lambda w: (w.y, w.x0))
    lines: list[list[Word]] = []
    for word in words:
        if lines and abs(word.y - lines[-1][0].y) <= 0.3 * max(word.size, lines[-1][0].size):
            lines[-1].append(word)
        else:
            lines.append([word])
    return [PrintedLine(page.number, tuple(sorted(line, key=lambda w: w.x0)), k) for k, line in enumerate(lines, 1)]


def _margin_blocks(lines: Sequence[PrintedLine]) -> tuple[int, int]:
    """How many lines at the top are set apart from the body by a gap, and how many lines
    at the bottom may be a footer (a footer's gap can be as small as a paragraph's: there
    repetition alone decides)."""
    top = 0
    for k in range(1, min(_MARGIN_LINES, len(lines) - 1) + 1):
        gap = lines[k].y - lines[k - 1].y
        if gap > _MARGIN_GAP * max(lines[k].size, lines[k - 1].size) + lines[k].size:
            top = k
            break
    return top, min(_MARGIN_LINES, len(lines) - top)


def _key(line: PrintedLine) -> tuple[str, int]:
    """The line's text with digits masked and its height on the page to a few points."""
    return _DIGITS.sub("#", line.text), round(line.y / 3)


class PageNoise:
    """What the pages' header and footer blocks hold, learnt page by page (a first pass over
    the file), then each page's lines without them (the second pass)."""

    def __init__(self) -> None:
        self.seen: dict[tuple[str, str, int], set[int]] = defaultdict(set)
        self.with_text = 0

    def learn(self, lines: Sequence[PrintedLine]) -> None:
        top, bottom = _margin_blocks(lines)
        for line in lines[:top]:
            self.seen[("top", *_key(line))].add(line.page)
        for line in lines[len(lines) - bottom :]:
            self.seen[("bottom", *_key(line))].add(line.page)
        self.with_text += bool(lines)

    def _noise(self, line: PrintedLine, where: str) -> bool:
        needed = max(2, round(_REPEATED_SHARE * self.with_text))
        if len(self.seen[(where, *_key(line))]) >= needed or PAGE_NUMBER_RE.match(line.text):
            return True
        # a file of one page shows nothing repeated: there the city's header words count
        return self.with_text < 2 and is_page_noise(line.text)

    def drop(self, lines: Sequence[PrintedLine]) -> list[PrintedLine]:
        top, bottom = _margin_blocks(lines)
        first = 0
        while first < top and self._noise(lines[first], "top"):
            first += 1
        last = len(lines)
        while last > len(lines) - bottom and self._noise(lines[last - 1], "bottom"):
            last -= 1
        return list(lines[first:last])


def drop_page_noise(pages: Sequence[Sequence[PrintedLine]]) -> list[list[PrintedLine]]:
    """Each page's lines without its running header and footer."""
    noise = PageNoise()
    for lines in pages:
        noise.learn(lines)
    return [noise.drop(lines) for lines in pages]

"""Wrapped prose as paragraphs, one per output line.

Extracts wrap prose at the column edge, and some put an empty line after every line, so a
paragraph cannot be found by blank lines alone. One builder groups the lines; the rule that
says where a paragraph starts is the layout's:

- ``paragraphs_by_blanks``: an empty line breaks a paragraph only after a line that ends
  without a space (a line wrapped at a space keeps its trailing space, also across a page
  break or the empty line after every line of unit reports) — the 2020 goal texts;
- ``paragraphs_by_sentences``: blank lines are ignored; a paragraph ends after a sentence, a
  short heading-like line or a line that does not wrap, when a capital follows — the 2020
  closing sections;
- ``paragraphs_by_items``: a bullet lost its glyph and kept a leading space, so a capitalised
  line with a leading space after a finished (or short) line starts an item — the 2012 plans.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from .joined import join_hyphenated, join_wrapped
from .lines import Line
from .wraps import GOES_ON

#: (the previous non-blank line or None, this line, whether an empty line came between)
StartsParagraph = Callable[[Line | None, Line, bool], bool]


def paragraphs(
    lines: Sequence[Line],
    starts: StartsParagraph,
    join: Callable[[Sequence[Line]], str],
    titles: frozenset[str] = frozenset(),
) -> str:
    """The non-blank lines grouped where ``starts`` says, each group joined by ``join``;
    groups that join to nothing are left out. A group whose words end with one of
    ``titles`` (white space collapsed) ends there when a capital follows."""
    groups: list[list[Line]] = []
    prev: Line | None = None
    gap = False
    tail = _TitleTail(titles)
    for line in lines:
        if line.blank:
            gap = True
            continue
        if prev is None or starts(prev, line, gap) or (tail.complete and line.text[:1].isupper()):
            groups.append([])
            tail.clear()
        groups[-1].append(line)
        tail.add(line.text)
        prev = line
        gap = False
    return "\n".join(text for text in map(join, groups) if text)


#: the most words of a title looked for at a paragraph's end
_TITLE_WORDS = 40


class _TitleTail:
    """The last words of a paragraph being built, and whether they end with a title: at most
    ``_TITLE_WORDS`` suffixes are tried per line, so the work stays linear in the text."""

    def __init__(self, titles: frozenset[str]) -> None:
        self.titles = titles
        self.longest = min(_TITLE_WORDS, max((len(t.split()) for t in titles), default=0))
        self.words: list[str] = []
        self.complete = False

    def clear(self) -> None:
        self.words = []
        self.complete = False

    def add(self, text: str) -> None:
        if not self.longest:
            return
        self.words = (self.words + text.split())[-self.longest :]
        self.complete = any(
            " ".join(self.words[-n:]) in self.titles for n in range(1, len(self.words) + 1)
        )


def _wrapped(group: Sequence[Line]) -> str:
    return join_wrapped([line.raw for line in group])


def _hyphenated(group: Sequence[Line]) -> str:
    return join_hyphenated(group).text


def _after_full_line(prev: Line | None, line: Line, gap: bool) -> bool:
    return gap and prev is not None and not prev.raw[-1:].isspace()


def paragraphs_by_blanks(lines: Sequence[Line]) -> str:
    """Paragraphs broken by an empty line after a line that does not wrap on."""
    return paragraphs(lines, _after_full_line, _wrapped)


_PARAGRAPH_END = re.compile(r"[.!?:]$")
#: a line ending in a comma, a dash or a word no sentence ends with wraps on
_WRAPS_ON = re.compile(r"[,\-–]$")


def _wraps_on(text: str) -> bool:
    return bool(_WRAPS_ON.search(text)) or text.rsplit(None, 1)[-1].lower() in GOES_ON


def _after_sentence(prev: Line | None, line: Line, gap: bool) -> bool:
    if prev is None or line.text[:1].islower():
        return False
    text = prev.text
    if _PARAGRAPH_END.search(text) or not prev.raw[-1:].isspace():
        return True
    return len(text) <= 50 and not _wraps_on(text)


def paragraphs_by_sentences(lines: Sequence[Line], titles: frozenset[str] = frozenset()) -> str:
    """Paragraphs ended by a sentence end, a short line or a line that does not wrap on, or
    by one of ``titles`` (a summary names each goal by its title, then says how it went)."""
    return paragraphs(lines, _after_sentence, _wrapped, titles)


#: a line shorter than this ends before the right margin, so what follows may be a new item
_SHORT = 60


def _new_item(prev: Line | None, line: Line, gap: bool) -> bool:
    before = prev.text if prev is not None else ""
    return (
        line.raw[:1].isspace()
        and line.text[:1].isupper()
        and not before.endswith("-")
        and (len(before) < _SHORT or before.endswith((".", ":", "!", "?")))
    )


def paragraphs_by_items(lines: Sequence[Line]) -> str:
    """Section text with list items on lines of their own, hyphenated words rejoined."""
    return paragraphs(lines, _new_item, _hyphenated)

"""The text layer of a 2012 plan: page-header noise, structural markers, line joining.

Every text line is followed by an empty line and words are hyphenated at line ends, so
nothing structural may hang on blank lines, and wrapped text is rejoined by one rule
(``Joined``) shared by titles, paragraphs, table names and cells.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from attrs import frozen

from ...text.lines import PAGE_NOISE, Line

#: stands for an empty first cell (a leading space or a double space before the values)
EMPTY = "\ue000"

KF_MARK = re.compile(r"^KF:s INRIKTNINGSMÅL (\d+):$")
AREA_MARK = re.compile(r"^KF:s MÅL FÖR VERKSAMHETSOMRÅDET:$")
BOARD_MARK = re.compile(r"^NÄMNDMÅL:$")
RESULT_MARK = re.compile(r"^Förväntat resultat$")
#: unmarked headings that end the goal text before them (budget commentary, appendix list)
SECTION_MARK = re.compile(r"^(?:Nämndens ekonomiska förutsättningar \d{4}|Bilagor)$")
COMMENT_MARK = re.compile(r"^Kommentar:$")

_SID = re.compile(r"^SID \d+ \(\d+\)$")
_DOC_FOOTER = re.compile(r"^\d+\. .*\.doc$")
#: page noise of every extract and the 2012 document footer, as one pattern
_NOISE = re.compile("|".join(f"(?:{p.pattern})" for p in (*PAGE_NOISE, _DOC_FOOTER)))
_CAPS = re.compile(r"^[A-ZÅÄÖ][A-ZÅÄÖ \-]+$")
_BLANKS = re.compile(r"[ \t]+")
_GAP = re.compile(r" {2,}")
#: how far above a 'SID n (m)' line the upper-case letterhead may stand
_HEADER_REACH = 20


def clean_lines(lines: Sequence[str]) -> list[Line]:
    """Numbered lines without empty lines and page-header blocks.

    Lines that hold only spaces are kept: tables use them as row separators. Decided on the
    stripped texts, so that only the lines kept (about half: every text line is followed by
    an empty one) become Line objects.
    """
    texts = [raw.strip() for raw in lines]
    noise = {i for i, text in enumerate(texts) if _NOISE.match(text)}
    for i, text in enumerate(texts):
        if text.startswith("SID ") and _SID.match(text):
            noise.add(i)
            for j in range(max(0, i - _HEADER_REACH), i):
                if _CAPS.match(texts[j]):
                    noise.add(j)
    return [Line(i + 1, raw) for i, raw in enumerate(lines) if raw != "" and i not in noise]


@frozen
class Joined:
    """Wrapped lines as one string, remembering which line each character came from."""

    text: str
    #: (offset where a source line's text starts, that line's number), ascending
    starts: tuple[tuple[int, int], ...]

    def line_at(self, offset: int) -> int | None:
        found = None
        for start, no in self.starts:
            if start > offset:
                break
            found = no
        return found

    def lines_between(self, begin: int, end: int) -> tuple[int, ...]:
        """Numbers of the source lines that text[begin:end] draws on."""
        first = self.line_at(begin)
        inside = [no for start, no in self.starts if begin < start < end]
        return tuple(dict.fromkeys([first, *inside])) if first is not None else tuple(inside)


#: a wrapped line whose first word is itself a compound part ('idrotts-och …'): the hyphen
#: before it belongs to an enumeration such as 'lek-idrotts-och', not to a split word
_ENUMERATION_NEXT = re.compile(r"^[a-zåäö]+-(?:\s|och\b|eller\b)")


def join(lines: Sequence[Line], starts_value: Callable[[str], bool] | None = None) -> Joined:
    """Join wrapped lines: split words are rejoined, compound hyphens kept.

    A line ending in '-' with lower case on both sides is a split word ('till-'+'gänglig');
    with a capital or digit on either side the hyphen is real ('Hässelby-'+'Vällingby',
    '18-'+'24'); '-' followed by a space in the source is a real hyphen before a space.
    Given ``starts_value`` (table rows), a leading space or a double space before a value is
    kept as ``EMPTY``: that is how an empty table cell survives the extraction.
    """
    out = ""
    starts: list[tuple[int, int]] = []
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
        starts.append((len(out), line.no))
        out += text
        prev_raw = line.raw
    return Joined(out, tuple(starts))


def _separator(before: str, before_raw: str, text: str) -> str | None:
    if not before.endswith("-") or before_raw.rstrip("\n")[-1:].isspace():
        return " "
    prev = before[-2:-1]
    first = text[:1]
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


def join_text(lines: Sequence[Line]) -> str:
    """Wrapped lines as one line of prose."""
    return join(lines).text


#: a line shorter than this ends before the right margin, so what follows may be a new item
_SHORT = 60


def paragraphs(lines: Sequence[Line]) -> str:
    """Section text with list items on lines of their own.

    A bullet lost its glyph and kept a leading space; a page start also leaves one, but
    mid-sentence, so only a capitalised line after a finished (or short) line starts an item.
    """
    groups: list[list[Line]] = []
    for line in lines:
        if line.blank:
            continue
        prev = groups[-1][-1].text if groups else ""
        new_item = (
            line.raw[:1].isspace()
            and line.text[:1].isupper()
            and not prev.endswith("-")
            and (len(prev) < _SHORT or prev.endswith((".", ":", "!", "?")))
        )
        if not groups or new_item:
            groups.append([line])
        else:
            groups[-1].append(line)
    return "\n".join(join_text(group) for group in groups)

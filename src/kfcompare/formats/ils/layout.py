"""Where reports start and end in a file, and which part of a report is which.

A file may hold several reports (units bundled by a district); each report has a summary,
the goal part, an economy part and closing text sections.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from attrs import frozen

from ...model import ParseWarning, Provenance, Section
from ..textlines import Line, join_wrapped

_SUMMARY = re.compile(r"^Sammanfattande analys$")
_GOALS = re.compile(r"^(?:Uppföljning av Kommunfullmäktiges inriktningsmål|KF:s inriktningsmål:.*)$")
_ECONOMY = re.compile(r"^Uppföljning av ekonomi$")
#: closing headings that end the economy part and start a text section
_CLOSING = re.compile(r"^(?:Övrigt|Investeringar|Medel för lokaländamål|Systematiskt kvalitetsarbete)$")


@frozen
class Part:
    kind: str  # "summary", "goals", "economy", "section"
    title: str
    start: int  # index into the report's lines
    end: int  # exclusive


def split_reports(lines: Sequence[Line]) -> list[tuple[int, int]]:
    """Index ranges [start, end) of the reports in a file, in order."""
    starts = [i for i, line in enumerate(lines) if _SUMMARY.match(line.text)]
    if len(starts) <= 1:
        return [(0, len(lines))]
    starts[0] = 0
    return [(s, e) for s, e in zip(starts, [*starts[1:], len(lines)])]


def report_parts(lines: Sequence[Line], path: str) -> list[Part]:
    """The parts of one report, in order; every line belongs to at most one part."""
    marks: list[tuple[int, str, str]] = []
    in_goals = False
    for i, line in enumerate(lines):
        text = line.text
        if _SUMMARY.match(text) and not marks:
            marks.append((i, "summary", "Sammanfattande analys"))
        elif _GOALS.match(text) and not in_goals:
            marks.append((i, "goals", "Uppföljning av Kommunfullmäktiges inriktningsmål"))
            in_goals = True
        elif _ECONOMY.match(text):
            marks.append((i, "economy", text))
        elif _CLOSING.match(text) and any(kind in ("economy", "section") for _, kind, _ in marks):
            marks.append((i, "section", text))
    parts = []
    for (start, kind, title), nxt in zip(marks, [*marks[1:], (len(lines), "", "")]):
        parts.append(Part(kind, title, start, nxt[0]))
    return parts


def section_of(part: Part, lines: Sequence[Line], path: str) -> Section:
    body = [line.raw for line in lines[1:]] if lines and lines[0].text == part.title else [l.raw for l in lines]
    first = lines[0].no if lines else 0
    last = lines[-1].no if lines else 0
    paragraphs = join_wrapped(body)
    return Section(part.title, paragraphs, Provenance(path, first, last))


def truncation_warnings(lines: Sequence[Line], path: str) -> list[ParseWarning]:
    """A report whose last text line stops mid-sentence was cut off; say so."""
    text_lines = [line for line in lines if not line.blank]
    if not text_lines:
        return []
    last = text_lines[-1]
    if re.search(r"[.!?:)”\"]\s*$|\d\s*$", last.raw):
        return []
    return [
        ParseWarning(
            "the document ends mid-sentence: it looks truncated; what is there is kept",
            line=last.no,
            path=path,
            code="truncated",
        )
    ]

"""Where reports start and end in a file, and which part of a report is which.

A file may hold several reports (a district bundles its units' reports one after another,
each opening with 'Sammanfattande analys'). A report has a summary, the goal part, an
economy part and closing text sections (Investeringar, Medel för lokaländamål, Övrigt, …).
The same words occur as table captions and prose, so a heading counts only where the
report's order allows it: closing headings after the last goal, 'Investeringar' not when a
table header follows it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from attrs import frozen

from ...model import ParseWarning, Provenance, Section
from ...text.lines import Line
from ...text.paragraphs import paragraphs_by_sentences
from .line_kinds import classify

SUMMARY_TITLE = "Sammanfattande analys"
GOALS_TITLE = "Uppföljning av Kommunfullmäktiges inriktningsmål"

#: the header line that makes 'Investeringar' a table caption of the economy part
_TABLE_HEADER = re.compile(r"^(?:Mnkr|Tkr|Kr)\b|\bBudget\b.*\b(?:Prognos|Utfall|Avvikelse)\b")
_SENTENCE_END = re.compile(r"[.!?:;)\]”\"%]$|\d$")
#: how the last line of a complete report ends: a sentence, not a colon, a comma or a table row
_DOCUMENT_END = re.compile(r"[.!?)\]”\"]$")


@frozen
class Part:
    kind: str  # "summary", "goals", "economy", "section"
    title: str
    start: int  # index into the report's lines
    end: int  # exclusive


def split_reports(lines: Sequence[Line], kinds: Sequence[str] | None = None) -> list[tuple[int, int]]:
    """Index ranges [start, end) of the reports in a file, in order, without gaps or overlap.

    Every 'Sammanfattande analys' that follows a complete goal part starts a new report;
    one that does not (a quoted heading, a report without goals) stays where it is. Text
    before the first report's summary belongs to it unless it holds goals of its own.
    ``kinds`` is ``classify(lines)`` when the caller has it.
    """
    if not lines:
        return []
    kinds = classify(lines) if kinds is None else kinds
    starts = [0]
    last_goal = -1  # the last goals heading or goal marker so far
    for i, kind in enumerate(kinds):
        if i and kind == "summary" and last_goal >= starts[-1]:
            starts.append(i)
        elif kind in ("goals", "marker"):
            last_goal = i
    return list(zip(starts, [*starts[1:], len(lines)]))


def report_parts(lines: Sequence[Line], path: str, kinds: Sequence[str] | None = None) -> list[Part]:
    """The parts of one report, in order; every line belongs to at most one part.

    ``kinds`` is ``classify(lines)`` when the caller has it.
    """
    kinds = classify(lines) if kinds is None else kinds
    goals_at = _first(kinds, "goals")
    if goals_at is None:
        goals_at = _first(kinds, "marker")
    last_goal = _last(kinds, "marker")
    if last_goal is None:
        last_goal = goals_at
    marks: list[tuple[int, str, str]] = []
    summary_at = _first(kinds[: goals_at if goals_at is not None else len(kinds)], "summary")
    if summary_at is not None:
        marks.append((summary_at, "summary", SUMMARY_TITLE))
    if goals_at is not None:
        marks.append((goals_at, "goals", lines[goals_at].text if kinds[goals_at] == "goals" else GOALS_TITLE))
    tail_from = max(i for i in (summary_at, goals_at, last_goal, -1) if i is not None) + 1
    marks.extend(_closing_marks([line.text for line in lines], kinds, tail_from))
    ends = [start for start, _, _ in marks[1:]] + [len(lines)]
    return [Part(kind, title, start, end) for (start, kind, title), end in zip(marks, ends)]


def _closing_marks(texts: Sequence[str], kinds: Sequence[str], start: int) -> list[tuple[int, str, str]]:
    """The economy part and the closing sections, from ``start`` (after the last goal marker)."""
    marks: list[tuple[int, str, str]] = []
    state = ""
    for i in range(start, len(texts)):
        kind = kinds[i]
        text = texts[i]
        if kind == "economy" and state != "economy":
            marks.append((i, "economy", text))
            state = "economy"
        elif kind == "closing":
            if state == "economy" and text == "Investeringar" and _TABLE_HEADER.search(_next_text(texts, i)):
                continue  # the investment table's caption, inside the economy part
            marks.append((i, "section", text))
            state = "section"
        elif kind == "pandemic" and state == "economy":
            marks.append((i, "section", text.rstrip(":").strip()))
            state = "section"
    return marks


def _first(kinds: Sequence[str], kind: str) -> int | None:
    return next((i for i, k in enumerate(kinds) if k == kind), None)


def _last(kinds: Sequence[str], kind: str) -> int | None:
    return next((i for i in range(len(kinds) - 1, -1, -1) if kinds[i] == kind), None)


def _next_text(texts: Sequence[str], i: int) -> str:
    return next((t for t in texts[i + 1 :] if t), "")


def section_of(part: Part, lines: Sequence[Line], path: str, titles: frozenset[str] = frozenset()) -> Section:
    """A text part as a Section: the heading is its title, the rest its text in paragraphs;
    ``titles`` (the report's goal titles) end a paragraph where the text names one."""
    body = list(lines[1:]) if lines and lines[0].text == part.title else list(lines)
    filled = [line for line in lines if not line.blank]
    first = filled[0].no if filled else (lines[0].no if lines else 0)
    last = filled[-1].no if filled else first
    return Section(part.title, paragraphs_by_sentences(body, titles), Provenance(path, first, last))


def truncation_warnings(
    lines: Sequence[Line], path: str, parts: Sequence[Part] | None = None, kinds: Sequence[str] | None = None
) -> list[ParseWarning]:
    """A report that stops inside its goal part or mid-sentence was cut off; say where.

    ``parts`` and ``kinds`` are ``report_parts(lines)`` and ``classify(lines)`` when the
    caller has them.
    """
    last = next((line for line in reversed(lines) if line.text), None)
    if last is None:
        return []
    kinds = classify(lines) if kinds is None else kinds
    parts = report_parts(lines, path, kinds) if parts is None else parts
    last_part = parts[-1] if parts else None
    heading = last_part is not None and lines[last_part.start].no == last.no
    mid_sentence = not heading and _looks_cut(last)
    in_goals = last_part is not None and last_part.kind == "goals"
    if not (mid_sentence or in_goals):
        return []
    where = f"i '{last_part.title}'" if last_part else "i texten"
    if in_goals:
        goal = _last_goal_heading(lines, kinds)
        where = f"i måldelen, efter {goal}" if goal else where
    how = "mitt i en mening" if mid_sentence else "före ekonomidelen och de avslutande avsnitten"
    return [
        ParseWarning(
            f"dokumentet slutar mitt i ett avsnitt {where}, {how}: det ser avkortat ut; det som finns är läst",
            line=last.no,
            path=path,
            code="truncated",
        )
    ]


def _last_goal_heading(lines: Sequence[Line], kinds: Sequence[str]) -> str | None:
    """'Nämndmål: 1.5.4 …' (line n): the last goal marker with the title line after it."""
    at = _last(kinds, "marker")
    if at is None:
        return None
    heading = lines[at].text
    if heading.endswith(":"):
        heading = f"{heading} {_next_text([line.text for line in lines], at)}"
    return f"'{heading.strip()}' (rad {lines[at].no})"


def _looks_cut(line: Line) -> bool:
    """A complete report ends with a sentence (or a part's heading, checked by the caller);
    a last line that does not, however short ('rekryterin') or table-like, was cut off."""
    return not _DOCUMENT_END.search(line.text.rstrip())

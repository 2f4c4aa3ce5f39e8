"""The goal tree of an ILS report: markers, assessments, texts, indicator and activity tables.

Read by position, one line at a time: a goal marker opens a goal at its level (closing any
goal at the same or a deeper level), a heading opens one of its texts, a table header hands
over to the table readers, and any other line is text of whatever is open. Nothing relies
on numbers being printed: unit reports print titles without them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ...labels import level_label
from ...model import Goal, GoalLevel, ParseWarning
from ...text.lines import Line, join_wrapped
from ...text.paragraphs import paragraphs_by_blanks
from ...text.wraps import Guesses
from ..goal_drafts import GoalDraft
from . import activities, indicators
from .goal_part import (
    MARKER_LEVELS,
    Context,
    assessment,
    looks_double_spaced,
    marker,
)
from .line_kinds import HEADINGS, STRUCTURAL

#: a goal number: '1.', '1.1', '1.2.', '1.1.1.'; a bare '2020' is no goal number
#: '1.2.', '1.1.1', and a bare '1' before an inriktningsmål's title (as some PDFs print it)
_NUMBER_RE = re.compile(r"^(?=\d+\.|\d\s)(\d+(?:\.\d+)*\.?)(?=\s|$)")
_PART_TITLE = "Uppföljning av Kommunfullmäktiges inriktningsmål"
_TITLE_MAX_LINES = 6
#: a wrapped title line ending in one of these continues even before a capital letter
_CONTINUES = re.compile(r"(?:\b(?:i|och|för|med|av|på|till|att|som|där|en|ett|är)|[,\-–])$")
_TERTIAL_PERIOD = re.compile(r"Tertial\s+\d\s+20\d\d")


def parse_goals(
    lines: Sequence[Line], path: str, kinds: Sequence[str] | None = None, *, guesses: Guesses | None = None
) -> tuple[list[Goal], list[ParseWarning]]:
    """The inriktningsmål found in ``lines`` with everything below them; ``kinds`` is
    ``line_kinds.classify(lines)`` when the caller has it."""
    lines = list(lines)
    ctx = Context(
        path,
        lines,
        double_spaced=looks_double_spaced(lines),
        tertial=bool(_TERTIAL_PERIOD.search(" ".join(line.text for line in lines))),
        kinds=kinds or [],
        guesses=guesses or Guesses(),
    )
    roots: list[GoalDraft] = []
    stack: list[GoalDraft] = []
    text_field: str | None = None
    warned_stray = False
    i = 0
    kinds = ctx.kinds
    while i < len(lines):
        line = lines[i]
        kind = kinds[i]
        goal = stack[-1] if stack else None
        if goal is not None and text_field is not None and kind not in STRUCTURAL:
            i = _extend_text(ctx, i, goal, text_field)
            continue
        if kind == "blank":
            i += 1
            continue
        if kind == "marker":
            draft, i = _read_goal(ctx, i)
            _attach(ctx, draft, roots, stack)
            text_field = "analysis" if draft.level == GoalLevel.KF else None
            continue
        if kind == "heading" and goal is not None:
            name = HEADINGS[line.text]
            if goal.texts.get(name):
                goal.texts[name].append(Line(line.no, ""))
            text_field = name
            goal.last_line = line.no
            i += 1
            continue
        if kind in ("indicators", "activities"):
            level = goal.level if goal else None
            if kind == "indicators":
                indicator_items, i = indicators.read_table(ctx, i, level)
                if goal is not None:
                    goal.indicators.extend(indicator_items)
            else:
                activity_items, i = activities.read_table(ctx, i)
                if goal is not None:
                    goal.activities.extend(activity_items)
            if goal is None:
                ctx.warn("tabell före den första målrubriken; inte läst", line.no)
            text_field = None
            continue
        if goal is None:
            if line.text != _PART_TITLE and not warned_stray:
                ctx.warn("text före den första målrubriken; inte läst", line.no)
                warned_stray = True
            i += 1
            continue
        if text_field is None:
            text_field = "analysis"
            ctx.warn(f"text utan rubrik under ett {level_label(goal.level).lower()}; läst som målets analys", line.no)
        goal.texts.setdefault(text_field, []).append(line)
        goal.last_line = line.no
        i += 1
    return [root.freeze(path, paragraphs_by_blanks) for root in roots], ctx.warnings


def _extend_text(ctx: Context, i: int, goal: GoalDraft, text_field: str) -> int:
    """The run of text and blank lines from ``i`` to the next structural line, all of it
    the open text of ``goal``; returns the index after the run."""
    kinds = ctx.kinds
    end = i
    while end < len(kinds) and kinds[end] not in STRUCTURAL:
        end += 1
    goal.texts.setdefault(text_field, []).extend(ctx.lines[i:end])
    last = end - 1
    while last >= i and kinds[last] == "blank":
        last -= 1
    if last >= i:
        goal.last_line = ctx.lines[last].no
    return end


def _read_goal(ctx: Context, i: int) -> tuple[GoalDraft, int]:
    """A goal's marker, number, wrapped title and assessment line; returns the index after."""
    lines = ctx.lines
    line = lines[i]
    found = marker(line)
    assert found is not None, "called on a line of kind 'marker'"
    level = MARKER_LEVELS[found.group("marker")]
    start = line.raw.find(found.group("marker")) + len(found.group("marker")) + 1
    parts = [Line(line.no, line.raw[start:])] if found.group("rest").strip() else []
    j = i + 1
    while len(parts) < _TITLE_MAX_LINES:
        k = _title_line_at(ctx, j)
        if k is None or ctx.structural(k) or assessment(lines[k]):
            break
        if parts and _title_ended(parts[-1], lines[k], ctx.double_spaced):
            break
        parts.append(lines[k])
        j = k + 1
    number = None
    if parts:
        match = _NUMBER_RE.match(parts[0].text)
        if match:
            number = match.group(1).rstrip(".")
            rest = parts[0].raw.lstrip()[match.end() :]
            parts[0] = Line(parts[0].no, rest)
    title = join_wrapped([part.raw for part in parts])
    if not title:
        ctx.warn(f"{level_label(level)} utan titel", line.no)
    last = max([line.no] + [part.no for part in parts])
    draft = GoalDraft(level, title, number, line.no, last)
    k = ctx.next_nonblank(j)
    if k < len(lines):
        verdict = assessment(lines[k])
        if verdict is not None:
            draft.assessment, draft.assessment_raw = verdict, lines[k].text
            draft.last_line = lines[k].no
            j = k + 1
    return draft, j


def _title_line_at(ctx: Context, j: int) -> int | None:
    """The next title line candidate: the next line, or the one after a single empty line
    when it goes on in lower case (unit extracts put an empty line after every line)."""
    lines = ctx.lines
    if j < len(lines) and not lines[j].blank:
        return j
    if j + 1 < len(lines) and lines[j].raw == "" and lines[j + 1].text[:1].islower():
        return j + 1
    return None


def _title_ended(prev: Line, nxt: Line, double_spaced: bool) -> bool:
    """A capital letter after a line that does not wrap on (no trailing space) starts prose."""
    if not nxt.text[:1].isupper() or _NUMBER_RE.fullmatch(prev.text):
        return False
    if _CONTINUES.search(prev.text):
        return False
    return double_spaced or not prev.raw[-1:].isspace()


def _attach(ctx: Context, draft: GoalDraft, roots: list[GoalDraft], stack: list[GoalDraft]) -> None:
    while stack and stack[-1].rank >= draft.rank:
        stack.pop()
    parent = stack[-1] if stack else None
    if parent is None:
        if draft.level != GoalLevel.KF:
            ctx.warn(f"{level_label(draft.level)} utan mål ovanför; läst som ett mål på översta nivån", draft.first_line)
        roots.append(draft)
    else:
        if parent.rank < draft.rank - 1:
            ctx.warn(f"{level_label(draft.level)} direkt under ett {level_label(parent.level).lower()}", draft.first_line)
        parent.children.append(draft)
    _check_number(ctx, draft, parent)
    stack.append(draft)


def _check_number(ctx: Context, draft: GoalDraft, parent: GoalDraft | None) -> None:
    if draft.number is None:
        return
    depth = draft.number.count(".") + 1
    if depth != draft.rank + 1:
        ctx.warn(f"målnummer {draft.number} passar inte ett {level_label(draft.level).lower()}", draft.first_line)
    elif parent is not None and parent.number and not draft.number.startswith(parent.number + "."):
        ctx.warn(f"målnummer {draft.number} ligger inte under {parent.number}", draft.first_line)

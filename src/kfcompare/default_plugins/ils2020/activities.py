"""Activity tables ('Aktivitet Startdatum Slutdatum Avvikelse').

A row is its text followed by a start/end date pair, on the text's last line or alone on a
line after it, optionally flagged 'Avvikelse'. A repeated header after a page break can cut
the text; the tail then follows the header, after the row's dates, and is not followed by
dates of its own.
"""

from __future__ import annotations

import datetime as dt
import re

from attrs import define, field

from ...model import Activity, Provenance
from ...text.dates import DATE_PAIR_RE, parse_date
from ...text.lines import Line, join_wrapped
from ...text.wraps import UNCERTAIN_JOIN
from ...text.paragraphs import paragraphs_by_blanks
from .goal_part import Context, read_prose



@define
class _Draft:
    text_lines: list[Line]
    dates_line: Line | None
    start: dt.date | None = None
    end: dt.date | None = None
    deviation: bool = False
    analysis_lines: list[Line] = field(factory=list)

    @property
    def first_line(self) -> int:
        return min(line.no for line in [*self.text_lines, *self.analysis_lines, *self._dates()])

    @property
    def last_line(self) -> int:
        return max(line.no for line in [*self.text_lines, *self.analysis_lines, *self._dates()])

    def _dates(self) -> list[Line]:
        return [self.dates_line] if self.dates_line else []


def read_table(ctx: Context, i: int) -> tuple[list[Activity], int]:
    """Every row of the activity table whose header is at ``i``; returns the index after it."""
    lines = ctx.lines
    drafts: list[_Draft] = []
    pending: list[Line] = []
    after_header = False
    in_analysis = False  # what a repeated header cut: the last row's analysis, else its text
    j = i + 1
    while True:
        j = ctx.next_nonblank(j)
        if j >= len(lines):
            break
        line = lines[j]
        if ctx.kinds[j] == "activities":
            after_header = True
            j += 1
            continue
        if line.text == "Analys" and drafts and not pending:
            taken, j = read_prose(ctx, j + 1, lambda k: _starts_row(ctx, k))
            drafts[-1].analysis_lines.extend(taken)
            in_analysis, after_header = True, False
            continue
        if ctx.structural(j):
            break
        match = DATE_PAIR_RE.search(line.raw)
        if match:
            before = line.raw[: match.start()]
            text_lines = pending + ([Line(line.no, before)] if before.strip() else [])
            drafts.append(_dated(ctx, text_lines, line, match))
            pending = []
            after_header = in_analysis = False
            j += 1
            continue
        if after_header and in_analysis and drafts and not pending and not _starts_row(ctx, j):
            taken, j = read_prose(ctx, j, lambda k: _starts_row(ctx, k))  # the analysis goes on
            drafts[-1].analysis_lines.extend([Line(taken[0].no, ""), *taken])
            after_header = False
            continue
        end = _text_end(ctx, j)
        if after_header and drafts and not pending and not _starts_row(ctx, j):
            drafts[-1].text_lines.extend(lines[j:end])  # the tail of a row cut by the header
            j = end
            nxt = ctx.next_nonblank(end)
            # the tail goes on after a page break when it stops mid-sentence
            after_header = (
                nxt < len(lines)
                and lines[nxt].no - lines[end - 1].no > 2
                and lines[end - 1].raw[-1:].isspace()
                and not ctx.structural(nxt)
            )
            continue
        pending.extend(lines[j:end])
        after_header = False
        j = end
    if pending:
        ctx.warn("aktivitet utan start- och slutdatum; sparad utan datum", pending[0].no, "activity")
        drafts.append(_Draft(pending, None))
    return [_activity(ctx, draft) for draft in drafts], j


def _text_end(ctx: Context, j: int) -> int:
    """End of a text block, stopping before a line that carries dates."""
    end, block_end = j + 1, ctx.block_end(j)
    while end < block_end and not DATE_PAIR_RE.search(ctx.lines[end].raw):
        end += 1
    return end


def _bare_dates_at(ctx: Context, k: int) -> bool:
    return k < len(ctx.lines) and DATE_PAIR_RE.fullmatch(ctx.lines[k].text) is not None


#: how many page breaks one activity text may span
_MAX_CUTS = 2


def _starts_row(ctx: Context, k: int) -> bool:
    """A block at ``k`` is a row: it carries dates or is followed by a line of dates.

    A text cut by a page break goes on after the break: a block whose last line ends in a
    space (wrapped mid-sentence) followed by a page gap or a repeated header continues in
    the next block, and that block's dates count; dates right after a repeated header are
    the dates of the text before it.
    """
    lines = ctx.lines
    for _ in range(_MAX_CUTS + 1):
        end = ctx.block_end(k)
        if any(DATE_PAIR_RE.search(line.raw) for line in lines[k:end]):
            return True
        nxt = ctx.next_nonblank(end)
        if _bare_dates_at(ctx, nxt):
            return True
        cut = nxt < len(lines) and lines[nxt].no - lines[end - 1].no > 2  # page block or blank run
        if nxt < len(lines) and ctx.kinds[nxt] == "activities":
            nxt, cut = ctx.next_nonblank(nxt + 1), True
            if _bare_dates_at(ctx, nxt):
                return True  # the header fell between the text and its dates
        if not cut or nxt >= len(lines) or ctx.structural(nxt) or not lines[end - 1].raw[-1:].isspace():
            return False
        k = nxt
    return False


def _dated(ctx: Context, text_lines: list[Line], line: Line, match: re.Match[str]) -> _Draft:
    start, end = (_date(ctx, match.group(n), line.no) for n in (1, 2))
    if not text_lines:
        ctx.warn("aktivitetsdatum utan text", line.no, "activity")
    return _Draft(text_lines, line, start, end, bool(match.group(3)))


def _date(ctx: Context, text: str, line: int) -> dt.date | None:
    date = parse_date(text)
    if date is None:
        ctx.warn(f"inte ett datum i kalendern: {text}", line, "activity")
    return date


def _activity(ctx: Context, draft: _Draft) -> Activity:
    analysis = paragraphs_by_blanks(draft.analysis_lines) if draft.analysis_lines else None
    unsure = any(ctx.guesses.joined_over(line.no) for line in draft.text_lines[:-1])
    return Activity(
        text=join_wrapped([line.raw for line in draft.text_lines]),
        provenance=Provenance(ctx.path, draft.first_line, draft.last_line),
        start=draft.start,
        end=draft.end,
        deviation=draft.deviation,
        analysis=analysis or None,
        flags=(UNCERTAIN_JOIN,) if unsure else (),
    )

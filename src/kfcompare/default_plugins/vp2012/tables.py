"""Indicator and activity tables of a 2012 plan.

Rows end at their last line (a periodicity, or a pair of ISO dates), never at blank lines,
which the extract scatters everywhere. A page break repeats the header mid-table; the goal
walker merges those repeats before the rows get here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from attrs import frozen

from ...labels import INDICATOR_FIELD_LABEL
from ...model import Activity, Indicator, ParseWarning, Provenance
from ...text.dates import DATE_PAIR_AT_END_RE, parse_date
from ...text.joined import join_hyphenated
from ...text.lines import Line
from ...text.numbers import parse_value
from .row_cells import ends_row, split_row, starts_value
from .markers import COMMENT_MARK


@frozen
class TableSpec:
    """One kind of table: its header as printed and the value columns it holds."""

    header: str
    title: str
    columns: tuple[str, ...]  # Indicator fields, left to right; empty for activity tables

    @property
    def is_activities(self) -> bool:
        return not self.columns


SPECS = (
    TableSpec("KF:s indikatorer Årsmål KF:s årsmål Periodicitet", "KF:s indikatorer", ("target", "kf_target")),
    TableSpec("Nämndens indikatorer Årsmål Periodicitet", "Nämndens indikatorer", ("target",)),
    TableSpec("KF:s aktiviteter Startdatum Slutdatum", "KF:s aktiviteter", ()),
    TableSpec("Nämndens aktiviteter Startdatum Slutdatum", "Nämndens aktiviteter", ()),
)
_BY_HEADER = {spec.header: spec for spec in SPECS}


def table_spec(text: str) -> TableSpec | None:
    return _BY_HEADER.get(" ".join(text.split()))


@frozen
class TableResult:
    indicators: tuple[Indicator, ...] = ()
    activities: tuple[Activity, ...] = ()
    warnings: tuple[ParseWarning, ...] = ()


def parse_table(spec: TableSpec, lines: Sequence[Line], path: str) -> TableResult:
    """The rows of one table (header lines already removed)."""
    if spec.is_activities:
        return _activities(spec, lines, path)
    return _indicators(spec, lines, path)


def _leftover(spec: TableSpec, pending: Sequence[Line], path: str) -> list[ParseWarning]:
    if not pending:
        return []
    where = f"raderna {pending[0].no}–{pending[-1].no}" if len(pending) > 1 else f"raden {pending[0].no}"
    return [
        ParseWarning(
            f"{where} i en tabell '{spec.title}' slutar utan radens sista rad; inte läst som en rad",
            line=pending[0].no,
            path=path,
            code="table-row",
        )
    ]


def _indicators(spec: TableSpec, lines: Sequence[Line], path: str) -> TableResult:
    rows: list[tuple[list[Line], list[Line]]] = []
    pending: list[Line] = []
    comment: list[Line] | None = None
    warnings: list[ParseWarning] = []
    for k, line in enumerate(lines):
        if comment is not None:
            finished = len(comment) > 1 and comment[-1].text.endswith(_SENTENCE_END)
            if not line.blank and not (finished and _row_starts(lines, k)):
                comment.append(line)
                continue
            if finished:
                # a comment ends at a separator after a full sentence, or where a row starts
                # after one (an extract that lost its separator lines); cut before its text
                # or mid-sentence by a page break, it goes on after the break
                comment = None
            if line.blank:
                continue
        if line.blank:
            continue
        if COMMENT_MARK.match(line.text):
            comment = []
            if rows and not pending and not rows[-1][1]:
                rows[-1] = (rows[-1][0], comment)
            else:
                warnings.append(ParseWarning("'Kommentar:' utan en rad före; inte läst", line.no, path, "comment"))
            comment.append(line)
            continue
        pending.append(line)
        if ends_row(line.raw):
            rows.append((pending, []))
            pending = []
    warnings.extend(_leftover(spec, pending, path))
    indicators = []
    for row_lines, comment_lines in rows:
        indicator, problems = _indicator(spec, row_lines, comment_lines, path)
        indicators.append(indicator)
        warnings.extend(problems)
    return TableResult(indicators=tuple(indicators), warnings=tuple(warnings))


_SENTENCE_END = (".", "!", "?", ")")
#: the most lines an indicator's name wraps over before its last line (the periodicity's)
_NAME_LINES = 4


def _row_starts(lines: Sequence[Line], k: int) -> bool:
    """Whether an indicator row starts at line ``k``: a capital, and a row's last line within
    a few lines that end no sentence (a name wraps, a comment's prose does not end there)."""
    if not lines[k].text[:1].isupper():
        return False
    for line in lines[k : k + _NAME_LINES]:
        if line.blank:
            continue
        if ends_row(line.raw):
            return True
        if line.text.endswith(_SENTENCE_END):
            return False
    return False


def _indicator(
    spec: TableSpec, row: Sequence[Line], comment: Sequence[Line], path: str
) -> tuple[Indicator, list[ParseWarning]]:
    joined = join_hyphenated(row, starts_value)
    split = split_row(joined.text, len(spec.columns))
    flags: list[str] = []
    warnings: list[ParseWarning] = []
    values = {}
    cells = split.cells[-len(spec.columns) :] if split.cells else ()
    offset = len(spec.columns) - len(cells)
    for i, cell in enumerate(cells):
        column = spec.columns[offset + i]
        if cell.text:
            values[column] = parse_value(cell.text, line=joined.line_at(cell.start))
        spanned = joined.lines_between(cell.start, cell.end)
        if cell.text and i < len(cells) - 1 and len(spanned) > 1:
            flags.append("wrapped-cell")
            warnings.append(
                ParseWarning(
                    f"'{split.name}': en cell bryts över raderna {spanned[0]}–{spanned[-1]} före nästa "
                    f"cell; {INDICATOR_FIELD_LABEL.get(column, column)} läst som '{cell.text}' (osäkert)",
                    spanned[0],
                    path,
                    "wrapped-cell",
                )
            )
    if not split.complete:
        flags.append("unread-values")
        warnings.append(
            ParseWarning(
                f"raden '{joined.text}' slutar inte med {len(spec.columns)} värde(n) och en periodicitet",
                row[0].no,
                path,
                "table-row",
            )
        )
    last = comment[-1].no if comment else row[-1].no
    indicator = Indicator(
        name=split.name or joined.text,
        provenance=Provenance(path, row[0].no, last),
        periodicity=split.periodicity,
        table=spec.title,
        flags=tuple(flags),
        comment=join_hyphenated(comment[1:]).text or None if comment else None,
        **values,  # type: ignore[arg-type]  # keys are spec.columns, Indicator's Value columns only
    )
    return indicator, warnings


def _activities(spec: TableSpec, lines: Sequence[Line], path: str) -> TableResult:
    activities: list[Activity] = []
    warnings: list[ParseWarning] = []
    pending: list[Line] = []
    for line in lines:
        if line.blank:
            continue
        pending.append(line)
        if not DATE_PAIR_AT_END_RE.search(line.text):
            continue
        joined = join_hyphenated(pending).text
        dates = DATE_PAIR_AT_END_RE.search(joined)
        text = joined[: dates.start()].strip() if dates else joined
        start, end = (_date(d, line, path, warnings) for d in dates.groups()) if dates else (None, None)
        if text:
            activities.append(Activity(text, Provenance(path, pending[0].no, line.no), start, end, table=spec.title))
        else:
            warnings.append(ParseWarning("datum utan aktivitetstext; inte läst", line.no, path, "table-row"))
        pending = []
    warnings.extend(_leftover(spec, pending, path))
    return TableResult(activities=tuple(activities), warnings=tuple(warnings))


def _date(text: str, line: Line, path: str, warnings: list[ParseWarning]) -> dt.date | None:
    date = parse_date(text)
    if date is None:
        warnings.append(ParseWarning(f"'{text}' är inte ett datum", line.no, path, "date"))
    return date

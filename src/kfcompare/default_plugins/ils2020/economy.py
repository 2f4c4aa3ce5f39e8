"""The budget tables of an ILS report's economy part ('Uppföljning av ekonomi').

District reports print mnkr tables with a 'Mnkr' header (E1–E19 in the Södermalm T1); unit
reports print small tkr income statements under 'Analys av resultaträkning', with the caption
on the header line or no header at all. Values are kept exactly as printed, misprints
included: deciding which column a cell belongs to is the only inference made here, and a
choice the table's arithmetic cannot settle is flagged, never hidden.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from attrs import frozen

from ...budget import Relation, relation_for, vote_sign
from ...model import BudgetRow, BudgetTable, ParseWarning, Provenance, Value
from ...text import collapse, parse_value
from ...text.lines import Line, join_wrapped
from ...text.numbers import is_number_token
from .economy_cells import (
    MAX_READINGS,
    MAX_TOKENS,
    Choices,
    Reading,
    Spans,
    as_values,
    choices,
    choose,
    judged,
)
from .economy_header import Header, header_at, next_text

#: the unit reports' heading; the tables under it are in tkr
_RESULT_STATEMENT = re.compile(r"^Analys av resultaträkning\b")
_SUB_ROW = re.compile(r"^varav\b", re.I)
_TEXT_CELL = re.compile(r"^[a-zåäö]+$")
#: labels an income statement without a header still prints
_STATEMENT_LABEL = re.compile(r"^(?:Intäkter|Kostnader|Netto|Totalt|Summa|Resultat)\b", re.I)
_TKR = re.compile(r"\btkr\b|tusental", re.I)
_COUNT = re.compile(r"^Antal\b")
_CAPTION_END = re.compile(r"[.,;:]\s*$")
_SENTENCE_END = re.compile(r"[.!?:]\s*$")
_MAX_LABEL_LINES = 4
#: page breaks one row label is read across (a label is at most _MAX_LABEL_LINES lines)
_MAX_LABEL_CUTS = 1
#: how a wrapped line ends: at a space, or after a hyphen ('Individ-', 'SoL-')
_WRAPPED_END = re.compile(r"(?:\s|-)$")
_MAX_LABEL_CHARS = 60
_MAX_CAPTION_CHARS = 80
#: the one value column of a table whose header names none ('Mnkr' alone, or no header)
AMOUNT = "Belopp"
#: the text cell of a one-amount income statement ('-1 870 överskott')
REMARK = "Kommentar"


@frozen
class _RawRow:
    """A row before its cells are placed: label lines, the line with the values, tokens."""

    label_lines: tuple[Line, ...]
    values_line: Line
    label: str
    tokens: tuple[str, ...]
    text: str | None = None
    #: the label goes on after a page break and nothing shows it was cut there
    split: bool = False


@frozen
class _Body:
    """What a table's rows must look like: how many cells, decimal commas, a text cell."""

    width: int
    decimal: bool
    with_text: bool = False
    #: the header as read (stub, column names, a caption on its line), which a page break
    #: may print again inside the table
    header: Header | None = None
    #: the first word of the header's first line: only a line that starts with it is probed
    #: for the header printed again
    opening: str = ""


class Tally:
    """The work of one economy part that the bounds limit: rows placed, readings scored."""

    __slots__ = ("rows", "readings")

    def __init__(self) -> None:
        self.rows = 0
        self.readings = 0


def parse_economy(
    lines: Sequence[Line], path: str, tally: Tally | None = None
) -> tuple[list[BudgetTable], list[ParseWarning]]:
    """Every budget table in the economy part, values as printed.

    Any slice of lines is accepted; lines that make no table are prose and are skipped.
    ``tally``, when given, counts the readings scored (each row's are at most
    3 × MAX_READINGS: one build per pass).
    """
    tables: list[BudgetTable] = []
    warnings: list[ParseWarning] = []
    i, consumed, tkr = 0, 0, False
    while i < len(lines):
        if lines[i].blank:
            i += 1
            continue
        tkr = tkr or bool(_RESULT_STATEMENT.match(lines[i].text))
        found = _headed(lines, i, consumed, tkr, path, tally) or _headerless(lines, i, consumed, tkr, path)
        if found is None:
            i += 1
            continue
        table, problems, i = found
        tables.append(table)
        warnings.extend(problems)
        consumed = i
    return tables, warnings


Found = tuple[BudgetTable, list[ParseWarning], int]


def _headed(lines: Sequence[Line], i: int, consumed: int, tkr: bool, path: str, tally: Tally | None) -> Found | None:
    header = header_at(lines, i)
    if header is None:
        return None
    opening = next(iter(lines[header.start].text.split()), "")
    decimal = _decimal_mode(lines, header.end, header, opening)
    body = _Body(max(1, len(header.columns)), decimal, header=header, opening=opening)
    from_page = placed_header(lines[header.start])
    raw: list[_RawRow] = []
    placed: tuple[BudgetRow, ...] = ()
    if from_page:
        placed, end = _placed_table(lines, header, path)
    else:
        raw, end = _collect_rows(lines, header.end, body)
    if not raw and not placed:
        return None
    caption_at = None if header.caption else _caption_before(lines, header.start, consumed)
    caption = header.caption or (lines[caption_at].text if caption_at is not None else "")
    columns = header.columns or (AMOUNT,)
    labels = " ".join(row.label for row in (raw or placed))
    unit, flags, problems = _unit(header, caption, labels, body.decimal, tkr, path, lines[header.start].no)
    if not caption:
        flags = (*flags, "no-caption")
    first = lines[caption_at if caption_at is not None else header.start].no
    rows, ambiguous = (placed, []) if from_page else _resolve(raw, body, relation_for(columns), path, tally)
    table = BudgetTable(caption, unit, columns, rows, Provenance(path, first, lines[end - 1].no), flags)
    return table, [*problems, *ambiguous], end


def _headerless(lines: Sequence[Line], i: int, consumed: int, tkr: bool, path: str) -> Found | None:
    """A caption followed straight by one-amount rows ('Intäkter -21 008', 'TOTALT -1 870 överskott')."""
    if not _caption_like(lines[i]) or _caption_before(lines, i + 1, consumed) != i:
        return None
    body = _Body(1, _decimal_mode(lines, i + 1), with_text=True)
    raw, end = _collect_rows(lines, i + 1, body)
    if len(raw) < 2 or not any(_STATEMENT_LABEL.match(row.label) for row in raw):
        return None
    with_text = any(row.text for row in raw)
    columns = (AMOUNT, REMARK) if with_text else (AMOUNT,)
    rows = []
    warnings = [_split_warning(row, path) for row in raw if row.split]
    for row in raw:
        amount = parse_value(" ".join(row.tokens), line=row.values_line.no)
        text = Value(raw=row.text, line=row.values_line.no) if row.text else None
        values = (amount, text) if with_text else (amount,)
        flags = ("split-row",) if row.split else ()
        rows.append(BudgetRow(row.label, values, _row_provenance(row, path), bool(_SUB_ROW.match(row.label)), flags))
    unit = "tkr" if tkr or _TKR.search(lines[i].text) or not body.decimal else "mnkr"
    provenance = Provenance(path, lines[i].no, lines[end - 1].no)
    return BudgetTable(lines[i].text, unit, columns, tuple(rows), provenance, ("no-header",)), warnings, end


def _decimal_mode(lines: Sequence[Line], start: int, header: Header | None = None, opening: str = "") -> bool:
    """Whether the table prints decimal commas, judged by the first line that ends in a number.

    The table's own header printed again by a page break is passed over: its years
    ('Budget 2020') are no cells.
    """
    k, end = start, min(len(lines), start + 24)
    while k < end:
        if header is not None:
            k = _skip_header(lines, k, header, opening)
            if k >= end:
                break
        tokens = lines[k].text.split()
        if tokens and is_number_token(tokens[-1]):
            return any("," in token for token in _number_suffix(tokens))
        k += 1
    return True


def _number_suffix(tokens: Sequence[str]) -> list[str]:
    k = len(tokens)
    while k > 0 and is_number_token(tokens[k - 1]):
        k -= 1
    return list(tokens[k:])


def _split_row(text: str, body: _Body) -> tuple[str, tuple[str, ...], str | None] | None:
    """(label, value tokens, text cell) of a row line, or None when it ends in no valid cells.

    Trailing numbers can belong to the label ('Resultatöverföring från 2019 23,7', 'Område 1'):
    the longest run of tokens that reads as exactly the table's cells wins, else the longest
    that reads as fewer.
    """
    tokens = text.split()
    remark = None
    if body.with_text and len(tokens) > 1 and _TEXT_CELL.match(tokens[-1]) and is_number_token(tokens[-2]):
        remark, tokens = tokens[-1], tokens[:-1]
    numbers = _number_suffix(tokens)[-MAX_TOKENS:]
    # one count over the number run answers for every suffix of it
    spans = Spans(numbers, body.decimal, body.width)
    fallback = None
    for start in range(len(numbers)):
        counts = spans.count(start)
        if not any(counts):
            continue
        k = len(numbers) - start
        split = (collapse(" ".join(tokens[:-k])), tuple(tokens[-k:]), remark)
        if counts[body.width]:
            return split
        fallback = fallback or split
    return fallback


def _label_like(line: Line, body: _Body) -> bool:
    """A line of a wrapped row label: short, no sentence end, no cells of its own."""
    text = line.text
    return (
        bool(text)
        and len(text) <= _MAX_LABEL_CHARS
        and not _SENTENCE_END.search(text)
        and _split_row(text, body) is None
    )


#: the column names a PDF source gives a budget table's stub cell and a row's label cell
STUB = "stub"
LABEL = "label"


def placed_header(line: Line) -> bool:
    """A header the source read from the page (PDF): its cells are the stub and the titles."""
    return line.cells is not None and any(cell.column == STUB for cell in line.cells)


def _placed_table(lines: Sequence[Line], header: Header, path: str) -> tuple[tuple[BudgetRow, ...], int]:
    """The rows under a header read from the page: each row line's cells name their column."""
    rows: list[BudgetRow] = []
    end = header.end
    j = next_text(lines, end)
    while j < len(lines) and lines[j].cells is not None and any(c.column == LABEL for c in lines[j].cells or ()):
        line = lines[j]
        by_column = {cell.column: cell.text for cell in line.cells or ()}
        label = by_column.get(LABEL, "")
        values = tuple(parse_value(by_column[c], line=line.no) if c in by_column else None for c in header.columns)
        rows.append(BudgetRow(label, values, Provenance(path, line.no, line.no), bool(_SUB_ROW.match(label))))
        end = j + 1
        j = next_text(lines, end)
    return tuple(rows), end


def _collect_rows(lines: Sequence[Line], start: int, body: _Body) -> tuple[list[_RawRow], int]:
    """Rows from ``start`` until the first line that is neither a row nor a wrapped label
    whose values follow after a blank line; returns the rows and the index after them."""
    rows: list[_RawRow] = []
    end = start
    j = next_text(lines, start)
    while j < len(lines):
        j = _past_repeated_header(lines, j, body)
        if j >= len(lines):
            break
        split = _split_row(lines[j].text, body)
        if split is not None and split[0]:
            rows.append(_RawRow((lines[j],), lines[j], *split))
            end = j + 1
            j = next_text(lines, end)
            continue
        if split is not None:
            break  # values with no label: not a row of this table
        wrapped = _wrapped_label(lines, j, body)
        if wrapped is None:
            break
        label_lines, v, values, unsure = wrapped
        label = join_wrapped([line.raw for line in label_lines])
        rows.append(_RawRow(label_lines, lines[v], label, values[1], values[2], unsure))
        end = v + 1
        j = next_text(lines, end)
    return rows, end


def _wrapped_label(
    lines: Sequence[Line], j: int, body: _Body
) -> tuple[tuple[Line, ...], int, tuple[str, tuple[str, ...], str | None], bool] | None:
    """A label wrapped over lines from ``j`` and the values line after it: (label lines, index
    of the values line, its cells, whether the label's cut is unsure), or None when no values follow.

    A page break can fall inside the label ('Anslag för' / page / 'nämndens verksamhet'): a
    label whose next text lies across a page gap (lines dropped or a blank run) or the table's
    own header printed again goes on there. The earlier part ends at a space or a hyphen when
    the line was wrapped; without that sign it could be a heading of its own (the caption of
    a next table with the same header), so the joined row is flagged ``split-row``.
    """
    taken: list[Line] = []
    split = False
    k = j
    for _ in range(_MAX_LABEL_CUTS + 1):
        start = k
        while len(taken) < _MAX_LABEL_LINES and k < len(lines) and _label_like(lines[k], body):
            if taken and _past_repeated_header(lines, k, body) != k:
                break  # the header's own lines look like a label's: the label is cut here
            taken.append(lines[k])
            k += 1
        v = next_text(lines, k)
        if k == start or v >= len(lines):
            return None
        past = _past_repeated_header(lines, v, body)
        if past == v and k == v:
            return None  # neither a blank line nor a header after the label: no row
        v, repeated = past, past != v
        if v >= len(lines):
            return None
        values = _split_row(lines[v].text, body)
        if values is not None:
            return (tuple(taken), v, values, split) if not values[0] else None
        if not repeated and lines[v].no - taken[-1].no <= 2:
            return None  # no page gap: the label ends without values
        split = split or not _WRAPPED_END.search(taken[-1].raw)
        k = v
    return None


def _past_repeated_header(lines: Sequence[Line], k: int, body: _Body) -> int:
    """Where the table goes on when a page break printed its own header again at ``k``; else
    ``k``. With or without the page block (an extractor may drop it), before the first row,
    between rows or inside one."""
    if body.header is None or not (body.header.columns or body.header.stub):
        return k
    return _skip_header(lines, k, body.header, body.opening)


def _skip_header(lines: Sequence[Line], k: int, header: Header, opening: str) -> int:
    """The first text line after ``header`` printed again at ``k``, or ``k``: the same stub
    and column names, and no caption but its own (a unit report prints each table's caption
    on its header line, so another caption there starts another table)."""
    if k >= len(lines) or lines[k].text.split()[:1] != [opening]:
        return k
    again = header_at(lines, k)
    if again is None or (again.stub, again.columns, again.caption) != (header.stub, header.columns, header.caption):
        return k
    return next_text(lines, again.end)


def _caption_like(line: Line) -> bool:
    tokens = line.text.split()
    return (
        bool(tokens)
        and len(line.text) <= _MAX_CAPTION_CHARS
        and not is_number_token(tokens[-1])
        and not _CAPTION_END.search(line.text)
    )


def _caption_before(lines: Sequence[Line], start: int, consumed: int) -> int | None:
    """Index of the caption above a header: the nearest text line, when it stands on its own
    (after a blank line or a finished sentence) and is no part of an earlier table."""
    p = start - 1
    while p >= consumed and lines[p].blank:
        p -= 1
    if p < consumed or not _caption_like(lines[p]):
        return None
    before = p - 1
    if before < consumed or lines[before].blank or _SENTENCE_END.search(lines[before].text):
        return p
    return None


def _unit(
    header: Header, caption: str, labels: str, decimal: bool, tkr: bool, path: str, line: int
) -> tuple[str, tuple[str, ...], list[ParseWarning]]:
    """The unit the values are in; a stub that says money over counts is reported, not obeyed."""
    stub = header.stub or ""
    if _TKR.search(f"{stub} {caption} {labels}"):
        unit = "tkr"
    elif _COUNT.match(stub) or _COUNT.match(caption):
        unit = "antal"
    elif not decimal:
        unit = "tkr" if tkr else "antal"
    else:
        unit = "tkr" if tkr else "mnkr"
    said = "mnkr" if stub.lower().startswith("mnkr") else "tkr" if stub.lower().startswith("tkr") else None
    if said is None or said == unit:
        return unit, (), []
    message = f"tabellhuvudet säger {stub!r} men värdena är {unit}; läst som {unit}"
    return unit, ("unit-mismatch",), [ParseWarning(message, line=line, path=path, code="unit-mismatch")]


#: a row's readings are kept between the passes below when they are this few (as in every
#: real report); a row with more builds them again in each pass, so what a table holds in
#: memory grows with its rows, not with their readings
KEEP_READINGS = 8


def _resolve(
    raw: Sequence[_RawRow], body: _Body, relation: Relation | None, path: str, tally: Tally | None
) -> tuple[tuple[BudgetRow, ...], list[ParseWarning]]:
    """Place every row's cells; rows the arithmetic settles teach the others which column
    this table leaves empty. Three passes: the complete rows vote the sign convention, the
    settled rows agree which columns stay empty, then every row is placed."""
    kept: list[Sequence[Reading] | None] = []
    counts: list[Choices] = []
    complete: list[tuple[Decimal | None, ...]] = []
    for row in raw:
        found = choices(row.tokens, body.width, body.decimal, None)
        full = [r for r in found.readings if r.filled == body.width]
        if len(full) == 1:
            complete.append(full[0].numbers)
        small = len(found.readings) <= KEEP_READINGS
        kept.append(found.readings if small else None)
        counts.append(found if small else Choices((), found.allowed))
        _count(tally, 1, len(found.readings))
    relation = vote_sign(relation, complete) if relation is not None else None
    kept = [None if readings is None else judged(readings, relation) for readings in kept]
    _count(tally, 0, sum(len(readings) for readings in kept if readings is not None))

    def options(index: int) -> Sequence[Reading]:
        readings = kept[index]
        if readings is None:
            readings = choices(raw[index].tokens, body.width, body.decimal, relation).readings
            _count(tally, 0, len(readings))
        return readings

    consensus: frozenset[int] = frozenset()
    for index in range(len(raw)):
        best, rivals = choose(options(index), body.width, frozenset())
        if not rivals and best.holds:
            consensus |= best.empty
    rows, warnings = [], []
    for index, row in enumerate(raw):
        best, rivals = choose(options(index), body.width, consensus)
        flags: tuple[str, ...] = ()
        counted = counts[index]
        if counted.allowed > MAX_READINGS:
            flags = ("ambiguous-columns",)
            warnings.append(_too_many(row, counted, path))
        elif rivals:
            flags = ("ambiguous-columns",)
            warnings.append(_ambiguity(row, best, rivals, path))
        if body.decimal and any("," in token for token in _number_suffix(row.label.split())):
            # more cells than the header has columns: they stay in the label, visibly
            flags = (*flags, "extra-cells")
            message = f"raden {row.label!r} har fler celler än tabellhuvudets {body.width} kolumner; de extra står kvar i radens namn"
            warnings.append(ParseWarning(message, line=row.values_line.no, path=path, code="extra-cells"))
        if row.split:
            flags = (*flags, "split-row")
            warnings.append(_split_warning(row, path))
        values = as_values(best.cells, row.values_line.no)
        rows.append(BudgetRow(row.label, values, _row_provenance(row, path), bool(_SUB_ROW.match(row.label)), flags))
    return tuple(rows), warnings


def _count(tally: Tally | None, rows: int, readings: int) -> None:
    if tally is not None:
        tally.rows += rows
        tally.readings += readings


def _ambiguity(row: _RawRow, best: Reading, rivals: Sequence[Reading], path: str) -> ParseWarning:
    def show(reading: Reading) -> str:
        return "[" + " | ".join(cell if cell is not None else "–" for cell in reading.cells) + "]"

    others = ", ".join(show(r) for r in rivals[:4])
    message = f"raden {row.label!r}: det går inte att avgöra vilka kolumner cellerna står i; läst som {show(best)}, också möjligt {others}"
    return ParseWarning(message, line=row.values_line.no, path=path, code="ambiguous-columns")


def _too_many(row: _RawRow, counted: Choices, path: str) -> ParseWarning:
    message = (
        f"raden {row.label!r}: cellerna kan placeras i kolumnerna på {counted.allowed} sätt, fler än de "
        f"{MAX_READINGS} som prövas; raden kan inte avgöras och behöver kontrolleras mot rapporten"
    )
    return ParseWarning(message, line=row.values_line.no, path=path, code="ambiguous-columns")


def _split_warning(row: _RawRow, path: str) -> ParseWarning:
    message = (
        f"raden {row.label!r}: namnet fortsätter efter ett sidbyte utan tecken på radbrytning; "
        "läst som en rad, kontrollera mot rapporten"
    )
    return ParseWarning(message, line=row.label_lines[0].no, path=path, code="split-row")


def _row_provenance(row: _RawRow, path: str) -> Provenance:
    return Provenance(path, row.label_lines[0].no, row.values_line.no)

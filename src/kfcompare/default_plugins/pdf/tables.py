"""Tables read from the page geometry: header cells, their x-ranges, rows by y-band.

A table starts at a header line the reader knows ('Indikator …', 'Aktivitet Startdatum …',
a budget stub or column words). Its header cells may wrap over several lines
('Perio/dens/utfall'): every header word is put in a column by x-overlap, and a column
starts where its leftmost header word starts (the city's template sets cells flush left).
A body word belongs to the column whose start is the last one at or left of the word.

A row starts at the line where its key column begins a new cell (the Period of an
indicator, the start date of an activity, any amount of a budget row); the lines until
the next row start are its wrapped cells, joined per column. Across a page break the
repeated header is skipped and the lines before the next row start (the tail of a row cut
by the break) belong to the row above.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from attrs import define, field, frozen

from ...budget import HEADER_WORDS
from ...text.dates import DATE
from ...text.numbers import NUMBER_START_RE
from .pages import PrintedLine
from .words import Word

#: words closer than this share of the font size are in one header cell
_CELL_GAP = 0.5
#: a word may start this share of the font size left of its column's start
_SLACK = 0.35
#: a body line this many font sizes below the previous one is no part of the table
_END_GAP = 2.1
_BUDGET_STUB = re.compile(r"^(?:Mnkr|Tkr|Tusental|Antal)\b")
_MONEY_STUB = re.compile(r"^(?:Mnkr|Tkr|Tusental)\b")
_PERIOD_END = re.compile(r"(?:19|20)\d\d$")
_PERIOD_START = re.compile(r"^(?:VB|Tertial|T[1-3]|Helår|Halvår|(?:19|20)\d\d)$")
_DATE = re.compile(rf"^{DATE}$")


@frozen
class Column:
    title: str
    start: float


@define
class Row:
    #: words of each column, in reading order
    cells: list[list[Word]]
    lines: list[PrintedLine]
    analysis: list[PrintedLine] = field(factory=list)
    #: why the row's columns cannot be told apart on this page (Swedish), if so
    doubt: str | None = None

    @property
    def pages(self) -> list[int]:
        return [line.page for line in self.lines + self.analysis]


@define
class Table:
    kind: str  # "indicators", "activities" or "budget"
    header: list[PrintedLine]
    columns: tuple[Column, ...]  # titles filled in once the body has shown the column widths
    size: float
    rows: list[Row] = field(factory=list)
    #: lines after the header and before the first row (no row to give them to)
    loose: list[PrintedLine] = field(factory=list)
    #: each column's right edge: where its widest printed line ends
    rights: list[float] = field(factory=list)

    def text(self, column: int, words: Sequence[Word], title: bool = False) -> str:
        """A cell's text; a header cell's lines always join with a space (a title is matched
        without its spaces, and 'Periodens'+'utfall' must not become one word)."""
        ordered = sorted(words, key=lambda w: (w.page, round(w.y / (0.3 * w.size)), w.x0))
        if title and self.kind == "indicators":
            return " ".join(cell_text(ordered).split())
        right = self.rights[column] if self.rights else None
        return " ".join(cell_text(ordered, right, self.columns[column].start).split())


def header_kind(line: PrintedLine) -> str | None:
    """The kind of table whose header starts with this line, if it starts one."""
    words = [w.text for w in line.words]
    if len(words) < 3:
        return None
    if words[0] == "Indikator" and any(w.startswith(("Periode", "Utfall", "Årsmål", "Period")) for w in words[1:]):
        return "indicators"
    if words[0] == "Aktivitet" and "Startdatum" in words:
        return "activities"
    columns = sum(1 for w in words if w in HEADER_WORDS)
    if columns >= 2 and (_BUDGET_STUB.match(words[0]) or words[0] in HEADER_WORDS):
        return "budget"
    if _MONEY_STUB.match(words[0]) and len(_clusters(line.words)) >= 2:
        return "budget"
    return None


def cell_text(words: Sequence[Word], right: float | None = None, left: float | None = None) -> str:
    """A cell's words as text, lines joined with a space unless the wrap fell inside a word.

    The text layer does not always keep the space a line wrapped at, so a wrap is taken to be
    inside a word ('kvinn'+'or/', 'Resultat-'+'enheternas') when the line ends in a hyphen, or
    when one word alone fills its line up to ``right`` (the column's right edge) and the two
    pieces together would not fit between ``left`` and ``right``: Word and LibreOffice break a
    word only when it is longer than the line.
    """
    out: list[str] = []
    prev: Word | None = None
    alone = True
    for word in words:
        if prev is not None:
            same_line = abs(word.y - prev.y) < 0.3 * word.size
            if same_line:
                alone = False
            if same_line or not (prev.broken or (alone and _broken(prev, word, left, right))):
                out.append(" ")
            if not same_line:
                alone = True
        out.append(word.text)
        prev = word
    return "".join(out)


def _broken(prev: Word, nxt: Word, left: float | None, right: float | None) -> bool:
    if prev.space_after or right is None or left is None:
        return False
    if prev.x1 < right - 0.6 * prev.size:
        return False
    return (prev.x1 - prev.x0) + (nxt.x1 - nxt.x0) > right - left


def _clusters(words: Sequence[Word]) -> list[tuple[float, float, list[Word]]]:
    """Header words grouped into columns by x-overlap (wrapped cells stack vertically)."""
    spans: list[tuple[float, float, list[Word]]] = []
    for word in sorted(words, key=lambda w: w.x0):
        if spans and word.x0 - spans[-1][1] < _CELL_GAP * word.size:
            x0, x1, members = spans[-1]
            spans[-1] = (x0, max(x1, word.x1), [*members, word])
        else:
            spans.append((word.x0, word.x1, [word]))
    return spans


def read_table(lines: Sequence[PrintedLine], i: int, kind: str) -> tuple[Table, int]:
    """The table whose header starts at ``lines[i]``; returns it and the index after it."""
    header, j = _header_block(lines, i)
    words = [w for line in header for w in line.words]
    size = header[0].size
    spans = _clusters(words)
    columns = [Column(cell_text(sorted(ws, key=lambda w: (w.y, w.x0))), x0) for x0, _, ws in spans]
    if kind == "budget" and not _BUDGET_STUB.match(header[0].words[0].text):
        # no stub printed ('Budget 2020 T1 Snitt …'): the row labels stand left of the first column
        columns.insert(0, Column("", 0.0))
    table = Table(kind, list(header), tuple(columns), size)
    j = _read_body(lines, j, table)
    rights = [column.start for column in table.columns]
    every = [*words, *(w for row in table.rows for cell in row.cells for w in cell)]
    for word in every:
        k = column_of(table, word)
        rights[k] = max(rights[k], word.x1)
    table.rights = rights
    titles = [[] for _ in table.columns]  # type: list[list[Word]]
    for word in words:
        titles[column_of(table, word)].append(word)
    table.columns = tuple(Column(table.text(k, ws, title=True), c.start) for k, (c, ws) in enumerate(zip(table.columns, titles)))
    return table, j


def _header_block(lines: Sequence[PrintedLine], i: int) -> tuple[list[PrintedLine], int]:
    first = lines[i]
    spans = _clusters(first.words)
    stub_end = spans[1][0] if len(spans) > 1 else first.words[-1].x1
    block = [first]
    j = i + 1
    while j < len(lines):
        line = lines[j]
        if line.page != first.page or line.y - block[-1].y > 1.6 * line.size:
            break
        if any(w.x0 < stub_end - _SLACK * w.size for w in line.words):
            break
        block.append(line)
        j += 1
    return block, j


def column_of(table: Table, word: Word) -> int:
    k = 0
    for n, column in enumerate(table.columns):
        if word.x0 >= column.start - _SLACK * word.size:
            k = n
    return k


def _crossing(table: Table, line: PrintedLine) -> str | None:
    """Why the line does not fit the columns (a word over a column start, words of two
    columns set as close as words of one sentence), or None when it fits."""
    prev: Word | None = None
    prev_col = -1
    for word in line.words:
        col = column_of(table, word)
        nxt = table.columns[col + 1].start if col + 1 < len(table.columns) else None
        if nxt is not None and word.x1 > nxt + _SLACK * word.size:
            return f"ordet {word.text!r} går över gränsen till kolumnen {table.columns[col + 1].title!r}"
        if prev is not None and col != prev_col and word.x0 - prev.x1 < _CELL_GAP * word.size:
            return (
                f"orden {prev.text!r} och {word.text!r} står så nära varandra att de ser ut att höra till "
                "samma cell, men i olika kolumner"
            )
        prev, prev_col = word, col
    return None


def _is_repeated_header(table: Table, line: PrintedLine) -> bool:
    return line.text == table.header[0].text


def _starts_row(table: Table, line: PrintedLine, row: Row | None) -> bool:
    cells: dict[int, list[Word]] = {}
    for word in line.words:
        cells.setdefault(column_of(table, word), []).append(word)
    last = len(table.columns) - 1
    if table.kind == "indicators":
        key = cells.get(last)
        if not key or not _PERIOD_START.match(key[0].text):
            return False
        # a wrapped Period ('Tertial 1' / '2020') goes on until it ends in a year
        return row is None or bool(_PERIOD_END.search(cell_text(row.cells[last])))
    if table.kind == "activities":
        dates = cells.get(1)
        return dates is not None and bool(_DATE.match(dates[0].text))
    return any(k > 0 and NUMBER_START_RE.match(ws[0].text) for k, ws in cells.items())


def _read_body(lines: Sequence[PrintedLine], j: int, table: Table) -> int:
    row: Row | None = None
    in_analysis = False
    prev = table.header[-1]
    width = len(table.columns)
    while j < len(lines):
        line = lines[j]
        if line.page != prev.page:
            if _is_repeated_header(table, line):
                _, j = _header_block(lines, j)
                prev = lines[j - 1]
                continue
            if header_kind(line) is not None or abs(line.size - table.size) > 0.5 or _crossing(table, line):
                break
        elif abs(line.size - table.size) > 0.5:
            break
        elif line.y - prev.y > _END_GAP * line.size and not (_crossing(table, line) is None and _starts_row(table, line, None)):
            break  # a gap ends the table, unless a row of it starts there (cells padded apart)
        elif header_kind(line) is not None:
            break
        doubt = _crossing(table, line)
        if _starts_row(table, line, row):
            row = Row([[] for _ in range(width)], [line], doubt=doubt)
            table.rows.append(row)
            in_analysis = False
            for word in line.words:
                row.cells[column_of(table, word)].append(word)
        elif table.kind != "budget" and line.text == "Analys" and row is not None:
            in_analysis = True
            row.analysis.append(line)
        elif row is None:
            table.loose.append(line)
        elif in_analysis:
            row.analysis.append(line)
        elif doubt is not None:
            break  # prose set across the columns: the table has ended
        else:
            row.lines.append(line)
            for word in line.words:
                row.cells[column_of(table, word)].append(word)
        prev = line
        j += 1
    return j

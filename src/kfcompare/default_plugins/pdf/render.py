"""A PDF's printed lines as the line stream the ILS readers read, table rows with their cells.

Prose lines become one line each (a trailing space where the text layer wrapped at a
space, so wrapped text joins as in a text extract); a gap wider than a line's pitch is a
blank line. A table becomes its header once (repeated headers after page breaks are
dropped) and one line per row that carries the row's label and its cells, placed by
x-position: the readers take those cells as they are instead of guessing columns.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from ...text.lines import Cell, Line
from ..ils2020.economy import LABEL, STUB
from ..ils2020.indicators import header_column
from .pages import PrintedLine
from .tables import Column, Row, Table, header_kind, read_table

#: a gap between baselines wider than this many font sizes is a paragraph break
_PARAGRAPH_GAP = 1.5


class PdfLine(Line):
    """A line of the stream with the page it is printed on; a table row's line carries its
    cells, each naming its column (see ils2020's readers)."""

    __slots__ = ("page", "page_line", "doubt")

    def __init__(
        self,
        no: int,
        raw: str,
        cells: tuple[Cell, ...] | None = None,
        *,
        page: int = 0,
        doubt: str | None = None,
        page_line: int | None = None,
    ) -> None:
        super().__init__(no, raw, cells)
        self.page = page
        #: the printed line on the page this line starts at (None for an inserted blank line)
        self.page_line = page_line
        #: why the row's columns are uncertain on this page (Swedish), when they are
        self.doubt = doubt


class _Out:
    def __init__(self, margins: dict[int, float]) -> None:
        self.lines: list[PdfLine] = []
        #: each page's right margin: where its longest line ends
        self.margins = margins

    @property
    def next_no(self) -> int:
        return len(self.lines) + 1

    def blank(self, page: int) -> None:
        if self.lines and self.lines[-1].raw != "":
            self.lines.append(PdfLine(self.next_no, "", page=page))

    def text(self, line: PrintedLine) -> None:
        """The line, with a trailing space where it wrapped at a space (see tables.cell_text)."""
        last = line.words[-1]
        filled = last.x1 >= self.margins.get(line.page, last.x1) - 0.6 * last.size
        wrapped_at_space = not last.broken and (last.space_after or len(line.words) > 1 or not filled)
        raw = line.text + (" " if wrapped_at_space else "")
        self.lines.append(PdfLine(self.next_no, raw, page=line.page, page_line=line.row))

    def prose(self, lines: Iterable[PrintedLine]) -> None:
        prev: PrintedLine | None = None
        for line in lines:
            if _paragraph_break(prev, line):
                self.blank(line.page)
            self.text(line)
            prev = line


def _paragraph_break(prev: PrintedLine | None, line: PrintedLine) -> bool:
    """A gap wider than a line's pitch on one page; never after a goal marker ('Nämndmål:'),
    whose title the readers expect on the next line."""
    if prev is None or prev.page != line.page or prev.text.endswith(":"):
        return False
    return line.y - prev.y > _PARAGRAPH_GAP * line.size


class _Flow(Sequence[PrintedLine]):
    """The pages' lines as one sequence, read a page at a time as the renderer gets to them
    and let go of once it is past them: memory holds the pages a table spans, not the file."""

    #: lines read ahead of the furthest one asked for: more than a table header's lookahead
    _AHEAD = 400

    def __init__(self, pages: Iterable[Sequence[PrintedLine]], margins: dict[int, float]) -> None:
        self._pages = iter(pages)
        self._lines: list[PrintedLine] = []
        self._base = 0  # index of self._lines[0]
        self._furthest = -1
        self._done = False
        self._margins = margins

    def _pull(self) -> None:
        page = next(self._pages, None)
        if page is None:
            self._done = True
            return
        for line in page:
            self._margins[line.page] = max(self._margins.get(line.page, 0.0), line.words[-1].x1)
        self._lines.extend(page)

    def __len__(self) -> int:
        while not self._done and self._base + len(self._lines) <= self._furthest + self._AHEAD:
            self._pull()
        return self._base + len(self._lines)

    def __getitem__(self, i):  # type: ignore[no-untyped-def]
        if isinstance(i, slice):  # pragma: no cover - the readers index line by line
            raise TypeError("lines are read one at a time")
        self._furthest = max(self._furthest, i)
        while i >= self._base + len(self._lines) and not self._done:
            self._pull()
        return self._lines[i - self._base]

    def release(self, i: int) -> None:
        """Lines before ``i`` are done with."""
        if i > self._base:
            del self._lines[: i - self._base]
            self._base = i


def render(pages: Iterable[Sequence[PrintedLine]]) -> list[PdfLine]:
    margins: dict[int, float] = {}
    flat = _Flow(pages, margins)
    out = _Out(margins)
    i = 0
    prev: PrintedLine | None = None
    while i < len(flat):
        flat.release(i - 1)  # the line before stays: a paragraph break is judged against it
        line = flat[i]
        kind = header_kind(line)
        if kind is not None:
            table, i = read_table(flat, i, kind)
            _table(out, table)
            prev = None
            continue
        if _paragraph_break(prev, line):
            out.blank(line.page)
        out.text(line)
        prev = line
        i += 1
    return out.lines


def _header_text(columns: Sequence[Column]) -> str:
    return " ".join(title for title in (" ".join(column.title.split()) for column in columns) if title)


_CANONICAL = {
    "outcome": "Periodens utfall",
    "outcome_men": "Utfall män/ pojkar",
    "outcome_women": "Utfall kvinnor/ flickor",
    "forecast": "Prognos helår",
    "target": "Årsmål",
    "kf_target": "KF:s årsmål",
}
_PREVIOUS = re.compile(r"(VB|T\d|Tertial\d)(\d{4})$")


def _canonical(title: str, name: str | None) -> str:
    """An indicator header cell's title in the words the readers match."""
    if name == "previous":
        found = _PREVIOUS.search("".join(title.split()))
        return f"Periodens utfall {found.group(1)} {found.group(2)}" if found else "Periodens utfall"
    return _CANONICAL.get(name or "", title)


def _column_names(table: Table) -> list[str | None]:
    """The name each column's cells carry: the model's for an indicator table, the title
    for a budget table; the first column holds the row's name or label."""
    if table.kind == "indicators":
        return ["name", *(header_column(c.title) for c in table.columns[1:-1]), "period"]
    if table.kind == "budget":
        return [LABEL, *(" ".join(c.title.split()) for c in table.columns[1:])]
    return [c.title for c in table.columns]


def _table(out: _Out, table: Table) -> None:
    page = table.header[0].page
    out.blank(page)
    if table.kind == "indicators" and len(table.columns) > 2:
        # the titles as the readers know them (a narrow cell may break 'Periodens' anywhere);
        # the last on a line of its own: the reader finds a header's end by its 'Period'
        *first, last = table.columns
        known = [_canonical(c.title, name) for c, name in zip(first, _column_names(table))]
        at = table.header[0].row
        out.lines.append(PdfLine(out.next_no, "Indikator " + " ".join(known[1:]) + " ", page=page, page_line=at))
        out.lines.append(PdfLine(out.next_no, _header_text([last]), page=page, page_line=at))
    elif table.kind == "budget":
        names = _column_names(table)
        stub, *titles = table.columns
        cells: tuple[Cell, ...] = (Cell(stub.title, stub.start, stub.start, STUB),)
        cells += tuple(Cell(name or "", c.start, c.start, name) for c, name in zip(titles, names[1:]))
        out.lines.append(PdfLine(out.next_no, _header_text(table.columns), cells, page=page, page_line=table.header[0].row))
    else:
        out.lines.append(PdfLine(out.next_no, _header_text(table.columns), page=page, page_line=table.header[0].row))
    out.blank(page)
    out.prose(table.loose)
    for row in table.rows:
        _row(out, table, row)
        out.blank(row.lines[0].page)


def _row(out: _Out, table: Table, row: Row) -> None:
    page = row.lines[0].page
    no = out.next_no
    texts = [table.text(k, words) for k, words in enumerate(row.cells)]
    if table.kind == "activities":
        # an activity row reads as its text line does: text, the two dates, 'Avvikelse'
        raw = " ".join(text for text in texts if text)
        out.lines.append(PdfLine(no, raw, page=page, doubt=row.doubt, page_line=row.lines[0].row))
    else:
        names = _column_names(table)
        cells = tuple(
            Cell(text, min(w.x0 for w in words), max(w.x1 for w in words), name)
            for text, words, name in zip(texts, row.cells, names)
            if text
        )
        raw = " ".join(text for text in texts if text)
        out.lines.append(PdfLine(no, raw, cells, page=page, doubt=row.doubt, page_line=row.lines[0].row))
    if row.analysis:
        out.prose(row.analysis)

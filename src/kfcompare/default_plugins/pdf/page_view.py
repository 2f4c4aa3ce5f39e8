"""``kfcompare parse REPORT.pdf --format text``: the PDF as kfcompare reads it.

Each line with its number (the number provenance gives) and page; page headers and footers
are gone, and a table's rows stand in a grid under their columns' names, so a controller
sees which column each printed value was placed in and why a value landed where it did.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..._source import read_source
from ...hookspecs import Output, RenderContext
from ...labels import INDICATOR_FIELD_LABEL
from ...text.lines import Line
from ..console_text import shorten
from ..ils2020.economy import LABEL, STUB

#: the words a grid's header shows for the columns a row line's cells name
_TITLES = {"name": "Indikator", "period": "Period", LABEL: "Rad", **INDICATOR_FIELD_LABEL}
_NAME_WIDTH = 44
_CELL_WIDTH = 22


def _grid(rows: Sequence[Line]) -> list[str]:
    """Row lines as a grid: a header of column names, then each row's cells under them."""
    header = rows[0] if any(cell.column == STUB for cell in rows[0].cells or ()) else None
    if header is not None:
        rows = rows[1:]
    order: dict[str, float] = {}
    for line in [*([header] if header else []), *rows]:
        for cell in line.cells or ():
            if cell.column is not None and cell.column != STUB:
                order.setdefault(cell.column, cell.x0)
    columns = sorted(order, key=lambda c: order[c])
    titles = [_TITLES.get(c, c) for c in columns]
    widths = []
    for k, column in enumerate(columns):
        longest = max([len(titles[k])] + [len(c.text) for line in rows for c in line.cells or () if c.column == column])
        widths.append(min(longest, _NAME_WIDTH if k == 0 else _CELL_WIDTH))
    where = f"{header.no:>5} s.{getattr(header, 'page', 0):<3} " if header else f"{'':>5} {'':>4}  "
    out = [where + " │ ".join(shorten(t, w).ljust(w) for t, w in zip(titles, widths)).rstrip()]
    for line in rows:
        by_column = {cell.column: cell.text for cell in line.cells or ()}
        texts = [shorten(by_column.get(c, ""), w).ljust(w) for c, w in zip(columns, widths)]
        out.append(f"{line.no:>5} s.{getattr(line, 'page', 0):<3} " + " │ ".join(texts).rstrip())
        unplaced = [cell.text for cell in line.cells or () if cell.column is None]
        if unplaced:
            out.append(f"{'':>5} {'':>4}  utan kolumn: {unplaced}")
    return out


def view(lines: Sequence[Line]) -> str:
    out: list[str] = []
    run: list[Line] = []
    for line in [*lines, Line(0, "")]:
        starts_table = any(cell.column == STUB for cell in line.cells or ())
        if line.cells is not None and line.no and not (starts_table and run):
            run.append(line)
            continue
        if run and line.blank and line.no:
            continue  # rows of one table are set apart by blank lines
        if run:
            out.extend(_grid(run))
            run = []
        if starts_table:
            run.append(line)
        elif line.no:
            out.append(f"{line.no:>5} s.{getattr(line, 'page', 0):<3} {line.raw.rstrip()}")
    return "\n".join(out) + "\n"


def render(context: RenderContext) -> str:
    from . import read_lines  # noqa: PLC0415 - the package imports this module

    parts = []
    for path in dict.fromkeys(report.source.path for report in context.reports):
        source = read_source(path)
        if source.suffix == ".pdf" or source.data[:5] == b"%PDF-":
            lines: Sequence[Line] = read_lines(source)
            head = f"{path}: som kfcompare läser PDF-filen (sidhuvud och sidfot borttagna, tabellrader i sina kolumner)"
        else:
            lines = [Line(no, raw) for no, raw in enumerate(source.lines, 1)]
            head = f"{path}: textfilens rader som kfcompare läser dem"
        parts.append(head + "\n" + view(lines))
    return "\n".join(parts)


OUTPUT = Output(
    name="text",
    description="the report's lines as kfcompare reads them: a PDF's pages with every table row in its columns",
    render=render,
    commands=("parse",),
)

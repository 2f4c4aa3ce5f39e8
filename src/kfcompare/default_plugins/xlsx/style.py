"""The workbook's formats and a small cell writer every sheet shares.

Everything goes through ``Grid`` so that no sheet can write text as a formula (text only
ever reaches ``write_string``), numbers are real numbers in the format their unit asks
for, and column widths follow what was written.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

import xlsxwriter
from attrs import define, field, frozen
from xlsxwriter.format import Format
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from ...model import Value

#: Workbook options. Text is never turned into a formula, a link or a number behind the
#: writer's back. ``constant_memory`` stays off: it forbids tables (the Data sheet is one)
#: and writing rows out of order, and a comparison of a few hundred reports fits in memory.
WORKBOOK_OPTIONS: dict[str, Any] = {
    "in_memory": False,
    "strings_to_formulas": False,
    "strings_to_urls": False,
    "strings_to_numbers": False,
    "constant_memory": False,
}

#: Fixed document date: xlsxwriter stamps the zip members with 1980-01-01 already, so with
#: this the same comparison gives the same bytes and two workbooks can be diffed.
FIXED_CREATED = dt.datetime(2020, 1, 1, tzinfo=dt.timezone.utc)

#: Heat-map colours (fill, font) by assessment; the cell always carries the words too.
HEAT = {
    "helt": ("#C6EFCE", "#006100"),
    "delvis": ("#FFEB9C", "#7F6000"),
    "inte": ("#FFC7CE", "#9C0006"),
    "ingen": ("#D9D9D9", "#3F3F3F"),
    "saknas": ("#FFFFFF", "#7F7F7F"),
}

HEADER_BG = "#1F4E78"
#: a doubtful reading: light-grey pattern on yellow, so it shows in black-and-white print too
DOUBT = {"pattern": 17, "fg_color": "#BFBFBF", "bg_color": "#FFEB9C", "border": 1, "border_color": "#7F6000"}
MAX_WIDTH = 60
MIN_WIDTH = 6
HEADER_MIN = 8


@frozen
class Styles:
    """The formats one workbook uses (xlsxwriter formats belong to one workbook)."""

    header: Format
    title: Format
    note: Format
    text: Format
    wrap: Format
    integer: Format
    decimal: Format
    mnkr: Format
    tkr: Format
    date: Format
    heat: dict[str, Format]
    #: the heat colours on one line, for legends
    legend: dict[str, Format]
    #: '–' where a report has no such row
    missing: Format
    bold: Format
    percent: dict[int, Format]
    decimals: dict[int, Format]
    points: dict[int, Format]
    #: conditional-format colours (only font and fill apply there)
    flag: dict[str, Format]
    #: a value read with doubt: the same number formats on a hatched yellow fill
    doubt_text: Format
    doubt_percent: dict[int, Format]
    doubt_decimals: dict[int, Format]

    @classmethod
    def of(cls, book: Workbook) -> Styles:
        def fmt(**props: Any) -> Format:
            return book.add_format({"font_name": "Calibri", "font_size": 10, "valign": "top", **props})

        border = {"border": 1, "border_color": "#BFBFBF"}
        return cls(
            header=fmt(bold=True, font_color="#FFFFFF", bg_color=HEADER_BG, text_wrap=True, valign="vcenter", **border),
            title=fmt(bold=True, font_size=13),
            note=fmt(italic=True, font_color="#595959"),
            text=fmt(),
            wrap=fmt(text_wrap=True),
            integer=fmt(num_format="0"),
            decimal=fmt(num_format="0.0"),
            mnkr=fmt(num_format='#,##0.0;[Red]-#,##0.0'),
            tkr=fmt(num_format='#,##0;[Red]-#,##0'),
            date=fmt(num_format="yyyy-mm-dd", align="left"),
            heat={k: fmt(bg_color=bg, font_color=fg, text_wrap=True, **border) for k, (bg, fg) in HEAT.items()},
            legend={k: fmt(bg_color=bg, font_color=fg, **border) for k, (bg, fg) in HEAT.items()},
            missing=fmt(font_color="#7F7F7F", align="center"),
            bold=fmt(bold=True),
            percent={p: fmt(num_format="0%" if p == 0 else "0." + "0" * p + "%") for p in range(4)},
            decimals={p: fmt(num_format=_digits(p)) for p in range(5)},
            points={p: fmt(num_format=f'+{_digits(p)}" p.e.";-{_digits(p)}" p.e.";0" p.e."') for p in range(5)},
            flag={k: book.add_format({"bg_color": bg, "font_color": fg}) for k, (bg, fg) in HEAT.items()},
            doubt_text=fmt(**DOUBT),
            doubt_percent={p: fmt(num_format="0%" if p == 0 else "0." + "0" * p + "%", **DOUBT) for p in range(4)},
            doubt_decimals={p: fmt(num_format=_digits(p), **DOUBT) for p in range(5)},
        )


def _digits(decimals: int) -> str:
    return "#,##0" if decimals == 0 else "#,##0." + "0" * decimals


def new_workbook(buffer: io.BytesIO, title: str, tmpdir: str | None = None) -> tuple[Workbook, Styles]:
    """A workbook writing into ``buffer``; its temporary files go to ``tmpdir`` (see ``private_tempdir``)."""
    book = xlsxwriter.Workbook(buffer, {**WORKBOOK_OPTIONS, "tmpdir": tmpdir} if tmpdir else WORKBOOK_OPTIONS)
    book.set_properties({"title": title, "author": "kfcompare", "created": FIXED_CREATED, "comments": "Skapad av kfcompare"})
    return book, Styles.of(book)


def places(number: Decimal) -> int:
    """How many decimals the document printed, so 2,20 shows as 2,20 and 448 as 448."""
    exponent = number.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def is_percent(value: Value) -> bool:
    return bool(value.unit) and value.unit.strip().startswith("%")  # type: ignore[union-attr]


#: page header and footer: the sheet's name and the page number on every printed page
PAGE_HEADER = "&L&\"Calibri,Bold\"&A&R&F"
PAGE_FOOTER = "&CSida &P av &N"


def print_setup(sheet: Worksheet, header_row: int | None, first_header_row: int | None = None) -> None:
    """A4 landscape, one page wide whatever the sheet's width (the sheets are laid out to
    stay readable at that scale), the header rows on every page, and the sheet's name on
    every page so a printed pile can be sorted again."""
    sheet.set_landscape()
    sheet.set_paper(9)  # A4
    sheet.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
    sheet.set_header(PAGE_HEADER)
    sheet.set_footer(PAGE_FOOTER)
    sheet.fit_to_pages(1, 0)
    if header_row is not None:
        first = header_row if first_header_row is None else first_header_row
        sheet.repeat_rows(first, header_row)


@define
class Grid:
    """One worksheet plus the widths its content needs."""

    sheet: Worksheet
    styles: Styles
    widths: dict[int, int] = field(factory=dict)
    wrapped: set[int] = field(factory=set)
    #: widest a column may grow; longer text in it wraps
    limits: dict[int, int] = field(factory=dict)
    #: (row, col, text) of cells that wrap: rows get the height their lines need, since
    #: LibreOffice and Excel do not grow rows of a written file by themselves
    wrapping: list[tuple[int, int, str]] = field(factory=list)
    #: (row, col, label) of header cells: bold, so fewer characters fit a line
    header_cells: list[tuple[int, int, str]] = field(factory=list)
    #: the first of the header rows repeated on every printed page (a group row above the
    #: column labels); None: only the header row
    header_from: int | None = None

    def _fit(self, col: int, text: str) -> None:
        if col in self.wrapped:
            return
        longest = max((len(part) for part in text.split("\n")), default=0)
        self.widths[col] = max(self.widths.get(col, MIN_WIDTH), min(longest + 2, self.limits.get(col, MAX_WIDTH)))

    def text(self, row: int, col: int, text: str | None, fmt: Format | None = None, fit: bool = True) -> None:
        """Text as text, whatever it starts with ('=', '+', '-', '@'); ``fit=False`` for titles."""
        if text is None or text == "":
            self.sheet.write_blank(row, col, None, fmt or self.styles.text)
            return
        if fmt is None and len(text) + 2 > self.limits.get(col, MAX_WIDTH):
            fmt = self.styles.wrap
        self.sheet.write_string(row, col, text, fmt or self.styles.text)
        if fmt is not None and getattr(fmt, "text_wrap", False):
            self.wrapping.append((row, col, text))
        elif fit:
            self._fit(col, text)

    def number(
        self, row: int, col: int, number: Decimal | int | float | None, fmt: Format | dict[int, Format] | None = None
    ) -> None:
        """A number; ``fmt`` may be a family of formats by decimals (default: as printed)."""
        if number is None:
            self.sheet.write_blank(row, col, None, self.styles.text)
            return
        digits = min(places(Decimal(str(number))), 4)
        family = self.styles.decimals if fmt is None else fmt
        chosen = family[digits] if isinstance(family, dict) else family
        self.sheet.write_number(row, col, float(number), chosen)
        self._fit(col, f"{float(number):,.{digits}f}  ")

    def value(self, row: int, col: int, value: Value | None, fmt: Format | None = None, doubt: bool = False) -> None:
        """A printed cell: a number in its printed precision, percent as percent, else the raw
        text; ``doubt`` marks a reading that could not be settled (hatched yellow)."""
        styles = self.styles
        if value is None:
            self.text(row, col, None, styles.doubt_text if doubt else fmt)
        elif value.number is None:
            self.text(row, col, value.raw, styles.doubt_text if doubt else fmt)
        elif is_percent(value):
            digits = min(places(value.number), 3)
            chosen = styles.doubt_percent[digits] if doubt else fmt or styles.percent[digits]
            self.sheet.write_number(row, col, float(value.number / 100), chosen)
            self._fit(col, value.raw)
        else:
            self.number(row, col, value.number, styles.doubt_decimals if doubt else fmt)

    def note(self, row: int, col: int, text: str, width: int = 320) -> None:
        """A cell comment (not printed): where the value stands in the report, the other readings."""
        self.sheet.write_comment(row, col, text, {"x_scale": width / 128, "y_scale": max(1.0, len(text) / 160)})

    def date(self, row: int, col: int, day: dt.date | None) -> None:
        if day is None:
            self.text(row, col, None)
            return
        self.sheet.write_datetime(row, col, dt.datetime(day.year, day.month, day.day), self.styles.date)
        self._fit(col, "2020-01-01")

    def header(self, row: int, labels: Sequence[str], first_col: int = 0) -> None:
        for offset, label in enumerate(labels):
            self.sheet.write_string(row, first_col + offset, label, self.styles.header)
            # headers wrap: the column needs its longest word, not the whole label
            self._fit(first_col + offset, max(label.split(), key=len, default="").ljust(HEADER_MIN))
            self.header_cells.append((row, first_col + offset, label))

    def wide(self, col: int, width: int) -> None:
        """A column of long text: fixed width, wrapped."""
        self.widths[col] = width
        self.wrapped.add(col)

    def finish(self, header_row: int, last_row: int, last_col: int, freeze_cols: int = 1, filter_: bool = True) -> None:
        """Frozen header, autofilter over the table, widths that fit what was written, and a
        printout that is one page wide with the header on every page."""
        self.sheet.freeze_panes(header_row + 1, freeze_cols)
        print_setup(self.sheet, header_row, self.header_from)
        if filter_ and last_row > header_row:
            self.sheet.autofilter(header_row, 0, last_row, last_col)
        self.apply_sizes()

    def apply_sizes(self) -> None:
        for col, width in sorted(self.widths.items()):
            self.sheet.set_column(col, col, width)
        lines: dict[int, int] = {}
        for row, col, text in self.wrapping:
            lines[row] = max(lines.get(row, 1), wrapped_lines(text, self.widths.get(col, 8.43)))
        for row, col, text in self.header_cells:
            count = wrapped_lines(text, self.widths.get(col, 8.43) * BOLD_WIDTH)
            lines[row] = max(lines.get(row, 1), count + 1 if count > 1 else count)
        for row, count in sorted(lines.items()):
            if count > 1:
                self.sheet.set_row(row, LINE_HEIGHT * count + 2)


#: points per line of 10 pt text
LINE_HEIGHT = 13
#: bold header text takes this much more room than regular text (and gets a line of margin)
BOLD_WIDTH = 0.85


def wrapped_lines(text: str, width: float) -> int:
    """Lines ``text`` takes in a column ``width`` characters wide, wrapping at spaces."""
    capacity = max(int(width * 1.3) - 1, 4)  # 10 pt Calibri: about 1.3 characters per width unit
    count = 0
    for paragraph in text.split("\n"):
        count += 1
        used = 0
        for word in paragraph.split():
            if used and used + 1 + len(word) > capacity:
                count += 1
                used = 0
            used += (1 if used else 0) + len(word)
            while used > capacity:  # a word longer than the column
                count += 1
                used -= capacity
    return count

#: the header row of a table sheet: under its title and note
TABLE_HEAD = 3


def table_sheet(
    book: Workbook, styles: Styles, name: str, title: str, note: str, labels: Sequence[str], widths: Mapping[int, int]
) -> Grid:
    """A sheet with a title, a note and a header row at ``TABLE_HEAD``; ``widths`` are the
    widest the columns may grow (longer text wraps)."""
    grid = Grid(book.add_worksheet(name), styles)
    grid.text(0, 0, title, styles.title, fit=False)
    grid.text(1, 0, note, styles.note, fit=False)
    grid.limits.update(widths)
    grid.header(TABLE_HEAD, labels)
    return grid

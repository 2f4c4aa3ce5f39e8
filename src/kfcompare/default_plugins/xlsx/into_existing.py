"""Writing the comparison sheets into a controller's existing workbook (``--into``).

The sheets kfcompare wrote are listed in the custom document property ``kfcompare_sheets``
(set in every workbook kfcompare makes), so a later run replaces exactly those and never
a controller's own sheet that happens to share a name; such a clash gets our sheet a
" (kfcompare)" suffix instead. Everything else is loaded and saved by openpyxl, which
keeps formulas, formats, tables, charts and defined names; it does not keep cached
formula results (Excel recalculates on opening), macros outside .xlsm, or shapes.
"""

from __future__ import annotations

import io
import re
from copy import copy
from pathlib import Path

import openpyxl
from openpyxl.packaging.custom import StringProperty
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from ...errors import OutputError

MARK_PROPERTY = "kfcompare_sheets"
SEPARATOR = "|"
CLASH_SUFFIX = " (kfcompare)"
MAX_SHEET_NAME = 31
#: an encrypted (password-protected) .xlsx is an OLE2 compound file around the zip, as a .xls is
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def marked_sheets(book: Workbook) -> list[str]:
    """The sheet names an earlier kfcompare run recorded in this workbook."""
    if MARK_PROPERTY not in book.custom_doc_props.names:
        return []
    value = book.custom_doc_props[MARK_PROPERTY].value or ""
    return [name for name in value.split(SEPARATOR) if name]


def write_into(existing_path: str | Path, comparison_bytes: bytes) -> bytes:
    """The existing workbook with kfcompare's sheets (re)placed; every other sheet as it was."""
    path = Path(existing_path)
    if _starts_with(path, OLE2_MAGIC):
        raise OutputError(
            f"{path}: ser ut att vara krypterad (lösenordsskyddad) eller en gammal .xls-fil;"
            " spara den utan lösenord som .xlsx (eller .xlsm) och försök igen"
        )
    try:
        target = openpyxl.load_workbook(path, keep_vba=path.suffix.lower() == ".xlsm", keep_links=True, rich_text=True)
    except FileNotFoundError:
        raise OutputError(f"{path}: --into behöver en befintlig arbetsbok; filen finns inte") from None
    except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
        raise OutputError(f"{path}: kan inte öppnas som en Excel-arbetsbok ({type(exc).__name__}: {exc})") from None
    source = openpyxl.load_workbook(io.BytesIO(comparison_bytes), rich_text=True)

    position = _remove_marked(target)
    names: dict[str, str] = {}
    for offset, sheet in enumerate(source.worksheets):
        name = sheet.title
        if name in target.sheetnames:
            name = sheet.title[: MAX_SHEET_NAME - len(CLASH_SUFFIX)] + CLASH_SUFFIX
        names[sheet.title] = name
        copy_sheet(sheet, target.create_sheet(name, position + offset))
    for old, new in names.items():
        if old != new:
            _rename_chart_references(target[new], old, new)

    if MARK_PROPERTY in target.custom_doc_props.names:
        del target.custom_doc_props[MARK_PROPERTY]
    target.custom_doc_props.append(StringProperty(name=MARK_PROPERTY, value=SEPARATOR.join(names.values())))
    out = io.BytesIO()
    target.save(out)
    return out.getvalue()


def _starts_with(path: Path, magic: bytes) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(len(magic)) == magic
    except OSError:
        return False  # openpyxl reports it


def _remove_marked(book: Workbook) -> int:
    """Drop the sheets an earlier run wrote; return where the new ones go."""
    marked = [name for name in marked_sheets(book) if name in book.sheetnames]
    if not marked:
        return len(book.sheetnames)
    position: int = min(book.sheetnames.index(name) for name in marked)
    for name in marked:
        book.remove(book[name])
    for name in list(book.defined_names):
        if any(f"'{sheet}'!" in str(book.defined_names[name].attr_text) for sheet in marked):
            del book.defined_names[name]
    return position


def copy_sheet(source: Worksheet, target: Worksheet) -> None:
    """Values, types, formats, layout, filters, conditional formats, tables and charts."""
    styles: dict[object, object] = {}
    for row in source.iter_rows():
        for cell in row:
            if cell.value is None and not cell.has_style:
                continue
            out = target.cell(row=cell.row, column=cell.column)
            # set the value and its type directly: text starting with '=' must stay text
            out._value = cell._value
            out.data_type = cell.data_type
            if cell.has_style:
                key = tuple(cell._style)
                if key not in styles:
                    for attribute in ("font", "fill", "border", "alignment", "protection"):
                        setattr(out, attribute, copy(getattr(cell, attribute)))
                    out.number_format = cell.number_format
                    styles[key] = copy(out._style)
                else:
                    out._style = copy(styles[key])
    for key, dim in source.column_dimensions.items():
        new = target.column_dimensions[key]
        new.min, new.max, new.width, new.hidden = dim.min, dim.max, dim.width, dim.hidden
    for key, dim in source.row_dimensions.items():
        if dim.height is not None:
            target.row_dimensions[key].height = dim.height
    for merged in source.merged_cells.ranges:
        target.merge_cells(str(merged))
    target.freeze_panes = source.freeze_panes
    target.auto_filter.ref = source.auto_filter.ref
    target.sheet_properties.tabColor = copy(source.sheet_properties.tabColor)
    target.sheet_view.showGridLines = source.sheet_view.showGridLines
    for formatting in source.conditional_formatting:
        for rule in formatting.rules:
            target.conditional_formatting.add(str(formatting.sqref), copy(rule))
    for table in source.tables.values():
        target.add_table(table)  # the source workbook is thrown away: move, not copy
    for chart in source._charts:
        target.add_chart(chart, chart.anchor)


def _rename_chart_references(sheet: Worksheet, old: str, new: str) -> None:
    pattern = re.compile(rf"(?:'{re.escape(old)}'|{re.escape(old)})!")
    quoted = "'" + new.replace("'", "''") + "'!"
    for chart in sheet._charts:
        for series in chart.series:
            for ref in (series.val and series.val.numRef, series.cat and (series.cat.strRef or series.cat.numRef)):
                if ref is not None and ref.f:
                    ref.f = pattern.sub(quoted, ref.f)
            if series.tx is not None and series.tx.strRef is not None and series.tx.strRef.f:
                series.tx.strRef.f = pattern.sub(quoted, series.tx.strRef.f)
        title = chart.title.tx if chart.title is not None else None
        if title is not None and title.strRef is not None and title.strRef.f:
            title.strRef.f = pattern.sub(quoted, title.strRef.f)

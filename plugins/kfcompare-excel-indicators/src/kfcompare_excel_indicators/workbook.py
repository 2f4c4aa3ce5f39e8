"""An indicator workbook to a Report: one goal (level ``area``) per sheet, one Indicator per row.

Where things come from, so a reader can find every value again in Excel:

- an Indicator's ``provenance`` is ``Provenance(f"{file}#{sheet}", row, row)`` and its
  ``table`` is the sheet name; every Value's ``line`` is the row;
- a Goal's ``provenance`` spans the sheet's first to last used row, same path;
- the Report's ``source`` is ``Provenance(file, 1, rows)`` with the largest sheet's row count.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path
from typing import Any

import attrs

from kfcompare import Assessment, Goal, GoalLevel, Indicator, Kind, ParseWarning, Provenance, Report
from kfcompare.values import collapse

from .cells import VALUE_FIELDS, header_key, is_header_row, text, to_value

#: sheets holding metadata rather than indicators
INFO_SHEETS = ("om", "info")
#: metadata labels in the info sheet -> Report field
INFO_KEYS = {
    "stadsdel": "district",
    "stadsdelsnämnd": "district",
    "nämnd": "district",
    "enhet": "unit",
    "rapport": "kind",
    "rapporttyp": "kind",
    "år": "year",
}
#: the label rows above a sheet's header: the goal's full title and its assessment
GOAL_KEYS = {"mål": "title", "bedömning": "assessment", "analys": "analysis"}
_ASSESSMENT = re.compile(r"uppfylls\s+(helt|delvis|inte)|(ingen)\s+bedömning", re.I)
_FILE_NAME = re.compile(r"(?:^|[_\s-])(vp|t1|t2|vb)[_\s-]?(20\d\d)(?:\D|$)", re.I)
_GOAL_NUMBER = re.compile(r"^(\d+(?:\.\d+)*)\.?\s+(.*)$")
#: rows searched for the header; the label rows above it are few
HEADER_SEARCH_ROWS = 15


def load(data: bytes) -> Any:
    """The workbook with cached formula results; raises on anything that is not xlsx."""
    from openpyxl import load_workbook

    return load_workbook(BytesIO(data), data_only=True)


def header_row(sheet: Any) -> int | None:
    """Row number of the sheet's indicator header, if it has one near the top."""
    for row in sheet.iter_rows(min_row=1, max_row=HEADER_SEARCH_ROWS):
        values = tuple(cell.value for cell in row)
        if is_header_row(values):
            return row[0].row
    return None


def read_report(workbook: Any, path: str, format_name: str) -> Report:
    warnings: list[ParseWarning] = []
    meta = _metadata(workbook, path, warnings)
    goals = []
    rows = 1
    for sheet in workbook.worksheets:
        if sheet.title.strip().lower() in INFO_SHEETS:
            continue
        rows = max(rows, sheet.max_row)
        goal = _read_sheet(sheet, path, warnings)
        if goal is not None:
            goals.append(goal)
    return Report(
        source=Provenance(path, 1, rows),
        format=format_name,
        goals=tuple(goals),
        warnings=tuple(warnings),
        **meta,
    )


def _metadata(workbook: Any, path: str, warnings: list[ParseWarning]) -> dict[str, Any]:
    """District, unit, kind and year from the 'Om'/'Info' sheet, else kind and year from the file name."""
    found: dict[str, Any] = {"district": None, "unit": None, "kind": None, "year": None}
    for sheet in workbook.worksheets:
        if sheet.title.strip().lower() not in INFO_SHEETS:
            continue
        for label, value in _label_rows(sheet):
            key = INFO_KEYS.get(label)
            if key and value is not None:
                found[key] = value
    match = _FILE_NAME.search(Path(path).stem)
    if match:
        found["kind"] = found["kind"] or match.group(1)
        found["year"] = found["year"] or match.group(2)
    kind = found["kind"]
    if kind is not None:
        try:
            found["kind"] = Kind(str(kind).strip().upper())
        except ValueError:
            warnings.append(ParseWarning(f"unknown report kind {kind!r}; give --kind", path=path, code="metadata"))
            found["kind"] = None
    if found["year"] is not None:
        found["year"] = int(str(found["year"]).strip()[:4])
    if found["district"] is None:
        warnings.append(
            ParseWarning("no district in an 'Om' sheet; give --district", path=path, code="metadata")
        )
    found["period"] = f"{found['kind'].value} {found['year']}" if found["kind"] and found["year"] else None
    return found


def _label_rows(sheet: Any, max_row: int | None = None) -> Iterator[tuple[str, str | None]]:
    """(label, value) pairs from the first two columns, label in lower case."""
    for row in sheet.iter_rows(min_row=1, max_row=max_row, max_col=2, values_only=True):
        label = text(row[0]) if row else None
        if label:
            yield label.rstrip(":").lower(), text(row[1]) if len(row) > 1 else None


def _read_sheet(sheet: Any, path: str, warnings: list[ParseWarning]) -> Goal | None:
    where = f"{path}#{sheet.title}"
    header = header_row(sheet)
    if header is None:
        warnings.append(ParseWarning("no 'Indikator' header row; sheet skipped", path=where, line=1, code="sheet"))
        return None
    fields = [header_key(cell.value) for cell in sheet[header]]
    unknown = [str(cell.value) for cell, key in zip(sheet[header], fields) if key is None and cell.value is not None]
    if unknown:
        warnings.append(
            ParseWarning(f"columns not read: {', '.join(unknown)}", path=where, line=header, code="columns")
        )
    about = {GOAL_KEYS[label]: value for label, value in _label_rows(sheet, header - 1) if label in GOAL_KEYS}
    indicators = [ind for ind in (_indicator(row, fields, where, sheet.title) for row in sheet.iter_rows(min_row=header + 1)) if ind]
    last = max([header, *(ind.provenance.last_line for ind in indicators)])
    number, title = _number_and_title(about.get("title") or sheet.title)
    raw = about.get("assessment")
    return Goal(
        level=GoalLevel.AREA,
        number=number,
        title=title,
        provenance=Provenance(where, 1, last),
        assessment=_assessment(raw),
        assessment_raw=raw,
        analysis=about.get("analysis"),
        indicators=tuple(indicators),
    )


def _indicator(row: tuple[Any, ...], fields: list[str | None], where: str, sheet: str) -> Indicator | None:
    cells = {key: cell for key, cell in zip(fields, row) if key is not None}
    name = text(cells["name"].value) if "name" in cells else None
    if not name:
        return None
    number = row[0].row
    unit = text(cells["unit"].value) if "unit" in cells else None
    values = {
        key: to_value(cells[key].value, cells[key].number_format, number, unit) for key in VALUE_FIELDS if key in cells
    }
    texts = {key: text(cells[key].value) for key in ("period", "periodicity", "analysis", "comment") if key in cells}
    indicator = Indicator(name=name, provenance=Provenance(where, number, number), table=sheet)
    return attrs.evolve(indicator, **values, **texts)


def _number_and_title(title: str) -> tuple[str | None, str]:
    title = collapse(title)
    match = _GOAL_NUMBER.match(title)
    return (match.group(1), match.group(2)) if match else (None, title)


def _assessment(raw: str | None) -> Assessment | None:
    match = _ASSESSMENT.search(raw or "")
    if not match:
        return None
    return Assessment((match.group(1) or match.group(2)).lower())

"""Excel cells to kfcompare Values, and header labels to indicator columns.

Exports keep numbers either as text as the PDF prints them ("2,22 %") or as numbers with
a number format (0.0222 shown as 2,22 %); both become the same Value, so a workbook and
the report's text extract compare equal.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from kfcompare import Value
from kfcompare.values import collapse, format_decimal, parse_value

#: header label (lower case, single spaces) -> Indicator field; the export's own words
HEADERS: dict[str, str] = {
    "indikator": "name",
    "utfall": "outcome",
    "periodens utfall": "outcome",
    "utfall kvinnor": "outcome_women",
    "utfall kvinnor/flickor": "outcome_women",
    "utfall män": "outcome_men",
    "utfall män/pojkar": "outcome_men",
    "föregående utfall": "previous",
    "utfall föregående år": "previous",
    "prognos": "forecast",
    "prognos helår": "forecast",
    "årsmål": "target",
    "kf:s årsmål": "kf_target",
    "period": "period",
    "periodicitet": "periodicity",
    "enhet": "unit",
    "analys": "analysis",
    "kommentar": "comment",
}

#: columns holding a Value; the others are text
VALUE_FIELDS = ("outcome", "outcome_men", "outcome_women", "previous", "forecast", "target", "kf_target")


def header_key(label: object) -> str | None:
    """The Indicator field a header cell names, or None for a column kfcompare does not know."""
    if not isinstance(label, str):
        return None
    return HEADERS.get(collapse(label).lower())


def is_header_row(cells: tuple[object, ...]) -> bool:
    """A header row names 'Indikator' and at least one value column."""
    keys = {header_key(c) for c in cells}
    return "name" in keys and bool(keys & set(VALUE_FIELDS))


def text(cell: object) -> str | None:
    """A cell as text for names, periods and comments; None when empty."""
    if cell is None:
        return None
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    if isinstance(cell, (dt.datetime, dt.date)):
        return cell.isoformat()[:10]
    result = collapse(str(cell))
    return result or None


def to_value(cell: object, number_format: str, row: int, unit: str | None = None) -> Value | None:
    """A cell as a Value: text cells are read like printed cells, numeric ones keep their format's unit.

    ``unit`` comes from an 'Enhet' column and applies to numbers that carry none.
    """
    if cell is None or (isinstance(cell, str) and not cell.strip()):
        return None
    if isinstance(cell, bool) or not isinstance(cell, (int, float, Decimal)):
        value = parse_value(str(cell), line=row)
        if value.number is not None and value.unit is None and unit:
            return Value(raw=f"{value.raw} {unit}", number=value.number, unit=unit, line=row)
        return value
    number = Decimal(repr(cell)) if isinstance(cell, float) else Decimal(cell)
    if "%" in number_format:
        number, unit = number * 100, "%"
    number = _normalise(number, _places(number_format))
    raw = format_decimal(number)
    return Value(raw=f"{raw} {unit}" if unit else raw, number=number, unit=unit, line=row)


def _places(number_format: str) -> int | None:
    match = re.search(r"0[.,](0+)", number_format)
    return len(match.group(1)) if match else None


def _normalise(number: Decimal, places: int | None) -> Decimal:
    """Drop float noise (0.0222*100 = 2.2200000000000002) and keep the places the format shows."""
    if places is not None:
        return round(number, places)
    rounded = round(number, 10).normalize()
    return rounded.quantize(Decimal(1)) if rounded == rounded.to_integral() else rounded

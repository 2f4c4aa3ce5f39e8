"""Swedish printed numbers and cells: '1 071,1', '-15,0', '2,22 %', '9 000 st', 'öka'.

Numbers become Decimal so that '2,22' stays 2.22 exactly and sums in the checks add up
to the öre the document printed.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from .model import Value

#: minus signs PDF extraction produces: hyphen, unicode minus, en dash
_MINUS = "-\u2212\u2013"

#: a number as printed: optional sign, digits with optional space-separated thousands
#: groups, optional decimal comma (a decimal point is accepted too).
NUMBER_RE = re.compile(
    rf"(?P<sign>[{_MINUS}+])?\s?(?P<int>\d{{1,3}}(?:[ \u00a0\u202f]\d{{3}})+|\d+)(?:[,.](?P<frac>\d+))?"
)
_CELL_RE = re.compile(rf"^{NUMBER_RE.pattern}(?:\s*(?P<unit>\S.*))?$")

_NOT_UNIT_START = re.compile(r"^[\d+\-]")


def collapse(text: str) -> str:
    """One line, single spaces: how titles and raw cells are kept.

    Every run of white space becomes one space, ends trimmed. Most text is already collapsed,
    which C-level tests tell without splitting it: every character str.split() splits on,
    but the space, is a control or separator character, which str.isprintable() rejects.
    """
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    return " ".join(text.split())


def parse_number(text: str) -> Decimal | None:
    """The number a whole string spells, or None: '1 071,1' -> 1071.1, '−5,0' -> -5.0."""
    match = NUMBER_RE.fullmatch(collapse(text))
    return _decimal(match) if match else None


def _decimal(match: re.Match[str]) -> Decimal | None:
    # the group holds digits and the thousands separators NUMBER_RE admits
    digits = match.group("int").replace(" ", "").replace("\u00a0", "").replace("\u202f", "")
    frac = match.group("frac")
    literal = f"{digits}.{frac}" if frac else digits
    sign = match.group("sign")
    try:
        number = Decimal(literal)
    except InvalidOperation:  # pragma: no cover - the regex admits only digits
        return None
    return -number if sign and sign in _MINUS else number


def parse_value(raw: str, line: int | None = None) -> Value:
    """A cell as printed. Text that does not start with a number stays text (number None)."""
    text = collapse(raw)
    match = _CELL_RE.match(text)
    if match is None:
        return Value(raw=text, line=line)
    unit = match.group("unit")
    if unit is not None and not _is_unit(unit):
        return Value(raw=text, line=line)
    return Value(raw=text, number=_decimal(match), unit=unit, line=line)


def _is_unit(text: str) -> bool:
    # '100 % tas fram' would be two cells, not a unit; a unit has no second number
    # unless it is a reference year ('% energieffektivisering relativt 2018').
    return not _NOT_UNIT_START.match(text)


def format_decimal(number: Decimal, places: int | None = None) -> str:
    """Swedish style: decimal comma, no thousands separator ('1071,1')."""
    if places is not None:
        number = round(number, places)
    text = format(number, "f")
    return text.replace(".", ",")


def count_of(count: int, one: str, many: str) -> str:
    """'1 rapport', '7 rapporter': Swedish counts in every text a controller reads."""
    return f"{count} {one if count == 1 else many}"

"""THE number, unit and text-target grammar: the one place a printed cell becomes a Value.

Every format reads its cells with the patterns here: '1 071,1', '−15,0', '–3', '0,43 %',
'9 000 st', 'Tas fram av nämnd', 'öka'. They are built from the same atoms (sign, digits,
thousands groups, decimal comma), so a minus sign or a unit added here is known to every
reader at once. Table readers need the grammar in a few shapes — a whole cell, one token of
a row that may be a thousands group, a cell inside a row of cells — and each shape is named
for what it reads.

Numbers become Decimal so that '2,22' stays 2.22 exactly and sums in the checks add up to
the öre the document printed.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from ..model import Value
from .spaces import collapse

# --- atoms -------------------------------------------------------------------------------

#: minus signs PDF extraction produces: hyphen, unicode minus, en dash
MINUS = "-\u2212\u2013"
#: a sign in front of a number
SIGN = rf"[{MINUS}+]"
#: the characters that separate thousands groups inside one printed number
THOUSANDS = " \u00a0\u202f"
#: a fraction after the decimal comma (a decimal point is accepted too)
FRACTION = r"[,.]\d+"

# --- a whole cell ------------------------------------------------------------------------

#: a number as printed: optional sign, digits with optional space-separated thousands
#: groups, optional decimal comma (a decimal point is accepted too)
NUMBER_RE = re.compile(
    rf"(?P<sign>{SIGN})?\s?(?P<int>\d{{1,3}}(?:[{THOUSANDS}]\d{{3}})+|\d+)(?:[,.](?P<frac>\d+))?"
)
_CELL_RE = re.compile(rf"^{NUMBER_RE.pattern}(?:\s*(?P<unit>\S.*))?$")
_NOT_UNIT_START = re.compile(r"^[\d+\-]")
_THOUSANDS_TABLE = str.maketrans("", "", THOUSANDS)


def parse_number(text: str) -> Decimal | None:
    """The number a whole string spells, or None: '1 071,1' -> 1071.1, '−5,0' -> -5.0."""
    match = NUMBER_RE.fullmatch(collapse(text))
    return _decimal(match) if match else None


def _decimal(match: re.Match[str]) -> Decimal | None:
    # the group holds digits and the thousands separators NUMBER_RE admits
    digits = match.group("int").translate(_THOUSANDS_TABLE)
    frac = match.group("frac")
    literal = f"{digits}.{frac}" if frac else digits
    sign = match.group("sign")
    try:
        number = Decimal(literal)
    except InvalidOperation:  # pragma: no cover - the regex admits only digits
        return None
    return -number if sign and sign in MINUS else number


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


# --- one token of a row (budget tables: a space both groups thousands and separates cells) --

#: one printed token that can be (part of) a number: sign, digits, decimal comma
NUMBER_TOKEN_RE = re.compile(rf"^{SIGN}?\d+(?:,\d+)?$")
#: a token that starts with a sign: it always starts a number
SIGNED_TOKEN_RE = re.compile(rf"^{SIGN}")
#: a token that can continue a number as its next thousands group
GROUP_TOKEN_RE = re.compile(r"^\d{3}(?:,\d+)?$")
#: a white-space-delimited token with a decimal comma, found anywhere in a line
DECIMAL_TOKEN_RE = re.compile(rf"(?<!\S){SIGN}?\d+,\d+(?!\S)")
#: a token of an indicator row that is a value by itself: '12,5', '−3', '91%'
VALUE_TOKEN_RE = re.compile(rf"^{SIGN}?\d+(?:{FRACTION})?%?$")
#: a cell that opens with a number ('−1 071,1', '12 %'): an amount, not a label
NUMBER_START_RE = re.compile(rf"^{SIGN}?\d")


def is_number_token(token: str) -> bool:
    return NUMBER_TOKEN_RE.match(token) is not None


def has_decimal_token(text: str) -> bool:
    """Whether a line holds a token with a decimal comma: a row of values, never a header."""
    return "," in text and DECIMAL_TOKEN_RE.search(text) is not None


def token_digits(token: str) -> str:
    """The integer digits of a number token: '-1 071,5' token '-1' -> '1', '071,5' -> '071'."""
    return token.lstrip(MINUS + "+").split(",")[0]


# --- units -------------------------------------------------------------------------------

#: the units the tables print after a number
KNOWN_UNIT = (
    r"%(?:\s+energieffektivisering\s+relativt\s+\d{4})?|kg\s+CO2\s+per\s+kg\s+livsmedel|barn/avd\.?"
    r"|st|kr|tkr|mnkr|kronor|dagar|dag|timmar|tim|minuter|min|personer|pers\.?|barn|GWh|MWh|kWh"
    r"|kg|ton|år|besök|ärenden|hushåll|procent|poäng|platser|elever|ggr|gånger"
)
KNOWN_UNIT_RE = re.compile(KNOWN_UNIT)
#: the units of the 2012 plans' cells (read from the right, so only these count)
PLAN_UNIT = r"%|st|kr|tkr|mnkr|k[wW]h(?:/kvm)?|dagar|timmar"
#: amounts in running text ('anslaget 1 071,1 mnkr')
MONEY_UNIT = r"mnkr|mkr|tkr|kr"
#: an amount of money in running text: thousands groups by spaces, decimal comma
AMOUNT_RE = re.compile(rf"(?<![\d,])\d{{1,3}}(?: \d{{3}})*(?:,\d+)? ?(?:{MONEY_UNIT})\b")

# --- text targets ------------------------------------------------------------------------

#: directions printed as a target: cells of their own, never a unit
DIRECTION_WORDS = r"öka|minska|bibehålla|Öka|Minska|Bibehålla"

# --- cells inside a 2020 indicator row ---------------------------------------------------

#: a cell's number in a row: thousands groups only after a 1-2 digit lead and before a unit
#: ('9 000 st'), since '743 952' or '73 110 60' in a row are cells far more often than numbers
ROW_NUMBER = rf"{SIGN}?(?:\d{{1,2}}(?: \d{{3}})+(?=(?:{FRACTION})?\s*[^\d\s,.])|\d+)(?:{FRACTION})?"
_GENERIC_UNIT = (
    rf"(?!(?:{DIRECTION_WORDS})\b)[a-zåäö][\w/.\-]*(?:\s+(?!(?:{DIRECTION_WORDS})\b)[a-zåäö][\w/.\-]*){{0,3}}"
)
#: text cells the 2020 tables print: target phrases and prior-period placeholders
TEXT_CELL = (
    r"Tas\s+fram\s+av\s+nämnd(?:\s*/\s*styrelse)?|Tas\s+fram\s+av\s+styrelse"
    r"|Fastställs\s+\d{4}|Ny\s+indikator\s+\d{4}|Inget\s+utfall\s+\d{4}"
    rf"|Max\s+{ROW_NUMBER}\s+[a-zåäö]+|Min\s+{ROW_NUMBER}\s+[a-zåäö]+|\+/-\s?{ROW_NUMBER}\s?%?"
    rf"|Ej\s+aktuell|Saknas|{DIRECTION_WORDS}"
)
#: one cell at a position of a row: a text target, a number with its unit, or other words
#: up to the next number ('other' matches any non-space, so the scan never stalls)
ROW_CELL_RE = re.compile(
    rf"(?P<text>(?:{TEXT_CELL})(?=\s|$))"
    rf"|(?P<num>{ROW_NUMBER})(?:\s*(?P<unit>(?:{KNOWN_UNIT})(?=\s|$))|\s+(?P<generic>{_GENERIC_UNIT})(?=\s|$))?(?=\s|$)"
    rf"|(?P<other>\S+(?:\s(?!{SIGN}?\d)\S+)*)"
)
#: what a row's value part opens with: a number, a text target or a Period cell
ROW_VALUE_START_RE = re.compile(
    rf"^(?:{ROW_NUMBER}(?=\s|$)|(?:{TEXT_CELL})(?=\s|$)|(?:VB|Tertial)\s+(?:\d\s+)?(?:19|20)\d\d\b)"
)


def starts_with_value(text: str) -> bool:
    """Whether ``text`` opens with a cell (a number, a text target, a Period), not a name."""
    return ROW_VALUE_START_RE.match(text) is not None


# --- cells of a 2012 plan row (read from the right) --------------------------------------

#: a plan's number: thousands groups after a 1-3 digit lead, decimal comma
PLAN_NUMBER = rf"{SIGN}?\d{{1,3}}(?: \d{{3}})*(?:,\d+)?|{SIGN}?\d+(?:,\d+)?"


def plan_text_targets(word: str) -> str:
    """The plans' text targets: directions, 'to be set' and tolerances; ``word`` is the
    pattern of one word of a body's name ('Tas fram av nämnd/styrelse')."""
    return (
        r"öka|minska|oförändrad|bibehålla|fastställs(?: \d{4})?"
        rf"|[Tt]as fram till T\d:an|[Tt]as fram av {word}/ ?{word}|[Tt]as fram av {word}|[Tt]as fram av"
        r"|\+/- ?\d+(?:,\d+)? ?%"
    )


def plan_cell(word: str) -> str:
    """One value cell of a plan row: a text target, or a number with an optional unit."""
    return rf"(?:{plan_text_targets(word)}|(?:{PLAN_NUMBER})(?: ?(?:{PLAN_UNIT}))?)"

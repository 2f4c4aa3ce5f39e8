"""What a budget table's figures mean and the arithmetic they must satisfy, in one place.

The economy reader uses these rules to decide which column a printed cell belongs to, and
the Kontroller use the same rules to report the figures that break them, so a row the
reader accepted as consistent can never be reported as a misprint (or the other way round).

* Column roles come from the printed headers: Budget, Budgetjusteringar, Prognos, Utfall
  (a *Bokslut* is the year's closing outcome, so it counts as Utfall) and Avvikelse. Tables
  differ in column order, so nothing goes by position.
* Avvikelse = Budget (+ Budgetjusteringar) − Prognos, or − Utfall when there is no forecast;
  a table may print the opposite sign (Prognos − Budget): the rows vote (``vote_sign``).
  When several forecast or outcome columns are printed the last one the row fills counts
  ('Prognos före' / 'Prognos efter resultatöverföringar'); an outcome of another year than
  the budget ('Bokslut 2019' beside 'Budget 2020') is never the one compared.
* Totals: Netto = Intäkter + every cost row; Totalt/Summa = the rows above it ('varav' rows
  left out).
* Tolerance: figures printed with one decimal add up exactly in Decimal, so −5,0 printed
  where 61,0 − 66,1 gives −5,1 is a misprint, not rounding; a tenth of the last place of the
  most precise cell (``tolerance``) only absorbs cells printed with different precision.
  The reader judges a placement by the same rule, so it never calls a row consistent that
  the Kontroller report.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from decimal import Decimal

from attrs import frozen

from .labels import BUDGET_ROLE_LABEL
from .model import BudgetRow, BudgetTable, Value

BUDGET = "budget"
ADJUSTMENT = "justering"
FORECAST = "prognos"
OUTCOME = "utfall"
DEVIATION = "avvikelse"
#: the words a budget table's column name starts with, in every layout (text or PDF): the
#: roles' words as printed, and the count tables' ('Inskrivning', 'Beräknad')
HEADER_WORDS = frozenset(
    {
        "Budget",
        "Begärda",
        "Budgetjusteringar",
        "Prognos",
        "Helårsprognos",
        "Avvikelse",
        "Utfall",
        "Bokslut",
        "Inskrivning",
        "Beräknad",
        "Beräknat",
    }
)
#: the roles, in the order a header word is tested ('Begärda budgetjusteringar' is an
#: adjustment although it says 'budget')
ROLE_WORDS = (
    (DEVIATION, ("avvikelse",)),
    (ADJUSTMENT, ("justering",)),
    (FORECAST, ("prognos",)),
    (OUTCOME, ("utfall", "bokslut")),
    (BUDGET, ("budget",)),
)

_NOT_WORD = re.compile(r"[\W_]+")


def fold(text: str) -> str:
    """Letters and digits only, case folded: 'Individ- ochfamiljeomsorg' and
    'Individ- och familjeomsorg' fold alike (a line break lost a space)."""
    return _NOT_WORD.sub("", text.casefold())


def column_role(header: str) -> str | None:
    """budget / justering / prognos / utfall / avvikelse, or None (counts, 'Varav 5 %', …)."""
    key = fold(header)
    if key.startswith("varav"):
        return None
    for role, words in ROLE_WORDS:
        if any(word in key for word in words):
            return role
    return None


def header_year(header: str) -> int | None:
    """The year a header names ('Budget 2020', 'Prognos Tertial/2020', 'Bokslut 2019)')."""
    for word in header.replace("/", " ").split():
        word = word.strip("()[],.:;")
        if len(word) == 4 and word.isdigit() and word[:2] in ("19", "20"):
            return int(word)
    return None


def column_roles(columns: Sequence[str]) -> dict[str, list[int]]:
    """role -> the indexes of the columns with that role, left to right."""
    found: dict[str, list[int]] = {}
    for index, header in enumerate(columns):
        role = column_role(header)
        if role is not None:
            found.setdefault(role, []).append(index)
    return found


def _compared(columns: Sequence[str], found: dict[str, list[int]]) -> tuple[tuple[int, ...], str] | None:
    """The columns set against the budget: the forecasts, else the outcomes of the budget's year."""
    if found.get(FORECAST):
        return tuple(found[FORECAST]), FORECAST
    outcomes = found.get(OUTCOME, [])
    year = header_year(columns[found[BUDGET][0]]) if found.get(BUDGET) else None
    if year is not None:
        outcomes = [i for i in outcomes if header_year(columns[i]) in (None, year)]
    return (tuple(outcomes), OUTCOME) if outcomes else None


# ---- tolerance ---------------------------------------------------------------------------


#: the share of one unit in the last printed place that counts as rounding
TOLERANCE_SHARE = Decimal("0.1")


def places(number: Decimal) -> int:
    exponent = number.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def tolerance(printed: Iterable[Decimal]) -> Decimal:
    """A tenth of the last place of the most precise cell: it absorbs only cells printed with
    different precision, since figures with one decimal add up exactly."""
    most = max((places(n) for n in printed), default=0)
    return TOLERANCE_SHARE * Decimal(1).scaleb(-most)


def agrees(expected: Decimal, printed: Decimal, terms: Iterable[Decimal]) -> bool:
    """``printed`` is ``expected`` (computed from the printed ``terms``) up to ``tolerance``."""
    return abs(printed - expected) <= tolerance([printed, *terms])


# ---- the deviation relation ----------------------------------------------------------------


@frozen
class Relation:
    """A table's own arithmetic: deviation = sign × (budget + adjustment − reference).

    ``reference`` lists the forecast (or outcome) columns; the last one a row fills counts.
    ``signs`` holds the conventions still allowed: both until the rows have voted.
    """

    budget: int
    deviation: int
    reference: tuple[int, ...]
    adjustment: int | None = None
    signs: tuple[int, ...] = (1, -1)
    reference_role: str = FORECAST

    def terms(self, cells: Sequence[Decimal | None]) -> tuple[Decimal, Decimal, Decimal | None, Decimal] | None:
        """(budget, reference, adjustment, deviation) as printed, or None when one is missing."""
        budget, deviation = cells[self.budget], cells[self.deviation]
        present = [cell for cell in (cells[i] for i in self.reference) if cell is not None]
        if budget is None or deviation is None or not present:
            return None
        adjustment = cells[self.adjustment] if self.adjustment is not None else None
        return budget, present[-1], adjustment, deviation

    def expected(self, cells: Sequence[Decimal | None], sign: int = 1) -> Decimal | None:
        """The deviation the other cells give under ``sign``."""
        terms = self.terms(cells)
        if terms is None:
            return None
        budget, reference, adjustment, _ = terms
        return sign * (budget + (adjustment or 0) - reference)

    def holds_with(self, cells: Sequence[Decimal | None], sign: int) -> bool | None:
        terms = self.terms(cells)
        if terms is None:
            return None
        budget, reference, adjustment, deviation = terms
        printed = [n for n in (budget, reference, adjustment) if n is not None]
        return agrees(sign * (budget + (adjustment or 0) - reference), deviation, printed)

    def holds(self, cells: Sequence[Decimal | None]) -> bool | None:
        """True or False when every needed cell is there, None when it cannot be evaluated."""
        results = [self.holds_with(cells, sign) for sign in self.signs]
        return None if results[0] is None else any(results)

    def with_signs(self, signs: tuple[int, ...]) -> Relation:
        return Relation(self.budget, self.deviation, self.reference, self.adjustment, signs, self.reference_role)

    def rule(self, adjustment: bool) -> str:
        """The relation in words, under the convention the table follows."""
        other = BUDGET_ROLE_LABEL[self.reference_role]
        budget = "Budget + budgetjusteringar" if adjustment else "Budget"
        return f"{other} − ({budget})" if self.signs == (-1,) else f"{budget} − {other}"


def relation_for(columns: Sequence[str]) -> Relation | None:
    """The relation the column names promise, or None when they promise none."""
    found = column_roles(columns)
    compared = _compared(columns, found)
    if not found.get(BUDGET) or not found.get(DEVIATION) or compared is None:
        return None
    adjustment = found[ADJUSTMENT][0] if found.get(ADJUSTMENT) else None
    return Relation(found[BUDGET][0], found[DEVIATION][-1], compared[0], adjustment, reference_role=compared[1])


def vote_sign(relation: Relation, rows: Iterable[Sequence[Decimal | None]]) -> Relation:
    """The convention the table's complete rows follow (E7 prints Prognos − Budget): each row
    votes for every sign it agrees with; a tie keeps both."""
    votes = {1: 0, -1: 0}
    for cells in rows:
        for sign in votes:
            votes[sign] += bool(relation.holds_with(cells, sign))
    if votes[1] == votes[-1]:
        return relation.with_signs((1, -1))
    return relation.with_signs((1,) if votes[1] > votes[-1] else (-1,))


# ---- tables and rows as parsed --------------------------------------------------------------


def value_columns(table: BudgetTable) -> tuple[str, ...]:
    """The headers the row values line up with: a stub header ('Mnkr') that has no values
    is dropped from the left."""
    widest = max((len(row.values) for row in table.rows), default=0)
    extra = len(table.columns) - widest
    if extra > 0 and all(column_role(c) is None for c in table.columns[:extra]):
        return table.columns[extra:]
    return table.columns


def roles(table: BudgetTable) -> dict[str, list[int]]:
    """role -> value indexes with that role, left to right."""
    return column_roles(value_columns(table))


def table_relation(table: BudgetTable) -> Relation | None:
    """The table's deviation relation, its sign decided by the table's rows."""
    relation = relation_for(value_columns(table))
    if relation is None:
        return None
    return vote_sign(relation, [numbers(row) for row in table.rows])


def compared_index(table: BudgetTable) -> tuple[int, str] | None:
    """The column set against the budget: the last forecast column, else the last outcome
    column of the budget's year."""
    columns = value_columns(table)
    compared = _compared(columns, column_roles(columns))
    return (compared[0][-1], compared[1]) if compared else None


def cell(row: BudgetRow, index: int | None) -> Value | None:
    if index is None or index >= len(row.values):
        return None
    return row.values[index]


def number(row: BudgetRow, index: int | None) -> Decimal | None:
    value = cell(row, index)
    return value.number if value is not None else None


def numbers(row: BudgetRow) -> tuple[Decimal | None, ...]:
    return tuple(None if value is None else value.number for value in row.values)


def only_value(row: BudgetRow) -> Value | None:
    """The single printed number of a one-value row ('Resultatöverföring från 2019 23,7'),
    whichever column the parser put it in."""
    found = [v for v in row.values if v is not None and v.number is not None]
    return found[0] if len(found) == 1 else None


_NETTO = re.compile(r"^netto\b(?!\s+efter)|\(netto\)", re.IGNORECASE)
_TOTAL = re.compile(r"^(totalt|total|summa)\b", re.IGNORECASE)


def is_netto(row: BudgetRow) -> bool:
    return not row.sub_row and bool(_NETTO.search(row.label.strip()))


def is_total(row: BudgetRow) -> bool:
    return not row.sub_row and bool(_TOTAL.search(row.label.strip()))


def is_netto_component(row: BudgetRow) -> bool:
    """Intäkter and every cost row (Kostnader, Stadsmiljökostnader, Kapitaltjänstkostnader)."""
    key = fold(row.label)
    return not row.sub_row and (key.startswith("intäkt") or "kostnad" in key)


def is_after_dispositions(row: BudgetRow) -> bool:
    return "efterresultatdisp" in fold(row.label)


def is_before_dispositions(row: BudgetRow) -> bool:
    return "föreresultatdisp" in fold(row.label)


def is_transfer(row: BudgetRow) -> bool:
    """A result transfer: 'Resultatöverföring från 2019', 'Resultatenheterna överskott till 2021'."""
    key = fold(row.label)
    return key.startswith("resultatöverföring") or "överskottfrån" in key or "överskotttill" in key

"""What a budget table's columns and rows mean, read from their printed headers and labels.

Tables differ in column order (Investeringar puts Prognos before Budgetjusteringar) and in
which columns they have, so nothing here goes by position.
"""

from __future__ import annotations

import re
from decimal import Decimal

from ..model import BudgetRow, BudgetTable, Value
from .keys import name_key

BUDGET = "budget"
ADJUSTMENT = "justering"
FORECAST = "prognos"
OUTCOME = "utfall"
DEVIATION = "avvikelse"


def column_role(header: str) -> str | None:
    """budget / justering / prognos / utfall / avvikelse, or None (counts, 'varav 5 %', …)."""
    key = name_key(header)
    if key.startswith("varav"):
        return None
    for role, words in (
        (DEVIATION, ("avvikelse",)),
        (ADJUSTMENT, ("justering",)),
        (FORECAST, ("prognos",)),
        (OUTCOME, ("utfall", "bokslut")),
        (BUDGET, ("budget",)),
    ):
        if any(word in key for word in words):
            return role
    return None


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
    found: dict[str, list[int]] = {}
    for index, header in enumerate(value_columns(table)):
        role = column_role(header)
        if role is not None:
            found.setdefault(role, []).append(index)
    return found


def compared_index(table: BudgetTable) -> tuple[int, str] | None:
    """The column set against the budget: the last forecast column, else the last outcome."""
    found = roles(table)
    for role in (FORECAST, OUTCOME):
        if found.get(role):
            return found[role][-1], role
    return None


def cell(row: BudgetRow, index: int | None) -> Value | None:
    if index is None or index >= len(row.values):
        return None
    return row.values[index]


def number(row: BudgetRow, index: int | None) -> Decimal | None:
    value = cell(row, index)
    return value.number if value is not None else None


def only_value(row: BudgetRow) -> Value | None:
    """The single printed number of a one-value row ('Resultatöverföring från 2019 23,7'),
    whichever column the parser put it in."""
    numbers = [v for v in row.values if v is not None and v.number is not None]
    return numbers[0] if len(numbers) == 1 else None


_NETTO = re.compile(r"^netto\b(?!\s+efter)|\(netto\)", re.IGNORECASE)
_TOTAL = re.compile(r"^(totalt|total|summa)\b", re.IGNORECASE)


def is_netto(row: BudgetRow) -> bool:
    return not row.sub_row and bool(_NETTO.search(row.label.strip()))


def is_total(row: BudgetRow) -> bool:
    return not row.sub_row and bool(_TOTAL.search(row.label.strip()))


def is_netto_component(row: BudgetRow) -> bool:
    """Intäkter and every cost row (Kostnader, Stadsmiljökostnader, Kapitaltjänstkostnader)."""
    key = name_key(row.label)
    return not row.sub_row and (key.startswith("intäkt") or "kostnad" in key)


def is_after_dispositions(row: BudgetRow) -> bool:
    return "efterresultatdisp" in name_key(row.label)


def is_before_dispositions(row: BudgetRow) -> bool:
    return "föreresultatdisp" in name_key(row.label)


def is_transfer(row: BudgetRow) -> bool:
    """A result transfer: 'Resultatöverföring från 2019', 'Resultatenheterna överskott till 2021'."""
    key = name_key(row.label)
    return key.startswith("resultatöverföring") or "överskottfrån" in key or "överskotttill" in key

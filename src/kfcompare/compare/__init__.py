"""Comparing districts: matched goals and indicators, budget deviations and Kontroller.

    >>> from kfcompare import parse_file
    >>> from kfcompare.compare import compare
    >>> comparison = compare(parse_file("examples/hasselby-vallingby_vb_2020.txt")
    ...                      + parse_file("examples/sodermalm_t1_2020.txt"))
    >>> [r.label for r in comparison.reports]
    ['Hässelby-Vällingby VB 2020', 'Södermalm T1 2020']

``compare()`` matches by normalised names only (``keys.name_key``), with the user's
alias file for wording that differs; ``Comparison.findings`` are the Kontroller: every
relation the printed figures break and every parse warning, never repaired.
"""

from __future__ import annotations

from .aliases import Aliases, load_aliases
from .catalogue import Catalogue, bundled_catalogue, load_catalogue
from .context import comparison_of
from .development import GoalTrend, Series, Trend, development
from .engine import compare, filter_reports, report_order
from .keys import name_key
from .result import (
    STATUSES,
    ActivityLine,
    BudgetLine,
    Comparison,
    Finding,
    GenderCell,
    GenderRow,
    GoalRow,
    IndicatorCell,
    IndicatorRow,
    LongRow,
)

__all__ = [
    "STATUSES",
    "ActivityLine",
    "Aliases",
    "BudgetLine",
    "Catalogue",
    "Comparison",
    "Finding",
    "GenderCell",
    "GenderRow",
    "GoalRow",
    "GoalTrend",
    "IndicatorCell",
    "IndicatorRow",
    "LongRow",
    "Series",
    "Trend",
    "bundled_catalogue",
    "compare",
    "comparison_of",
    "development",
    "filter_reports",
    "load_aliases",
    "load_catalogue",
    "name_key",
    "report_order",
]

"""The budget tables of an ILS report's economy part ('Uppföljning av ekonomi')."""

from __future__ import annotations

from collections.abc import Sequence

from ...model import BudgetTable, ParseWarning
from ..textlines import Line


def parse_economy(lines: Sequence[Line], path: str) -> tuple[list[BudgetTable], list[ParseWarning]]:
    """Every budget table in the economy part, values as printed."""
    return [], []

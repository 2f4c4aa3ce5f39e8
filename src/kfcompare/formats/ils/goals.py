"""The goal tree of an ILS report: markers, assessments, texts, indicator and activity tables."""

from __future__ import annotations

from collections.abc import Sequence

from ...model import Goal, ParseWarning
from ..textlines import Line


def parse_goals(lines: Sequence[Line], path: str) -> tuple[list[Goal], list[ParseWarning]]:
    """The inriktningsmål found in ``lines`` with everything below them."""
    return [], []

"""Dates as the tables print them: ISO dates ('2020-01-01'), a start/end pair per activity."""

from __future__ import annotations

import datetime as dt
import re

#: one printed date; the calendar check is ``parse_date``'s
DATE = r"\d{4}-\d{2}-\d{2}"
#: the words before a Period cell's year ('VB 2020', 'Tertial 1 2020', 'T2 2020', 'Helår 2020'),
#: with or without the spaces an extractor may drop
PERIOD_WORD = r"(?:VB|Tertial\s*\d|T\d|Helår|Halvår(?:\s*\d)?)"
#: a start/end pair ending a line, optionally flagged 'Avvikelse' (the 2020 activity tables)
DATE_PAIR_RE = re.compile(rf"({DATE})\s+({DATE})(?:\s+(Avvikelse))?\s*$")
#: a start/end pair ending a joined row, after a space or alone (the 2012 activity tables)
DATE_PAIR_AT_END_RE = re.compile(rf"(?:^|\s)({DATE}) ({DATE})$")


def parse_date(text: str) -> dt.date | None:
    """The calendar date an ISO date spells, or None ('2020-02-30' is none)."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None

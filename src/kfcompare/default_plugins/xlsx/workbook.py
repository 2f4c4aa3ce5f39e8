"""The comparison workbook (``kfcompare compare … -o jamforelse.xlsx``).

The sheets are written by small modules beside this one; this module only orders them,
marks the workbook as kfcompare's (so ``--into`` can replace the sheets later) and
returns the bytes, which the CLI writes atomically.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

from xlsxwriter.workbook import Workbook

from ..._atomic import private_tempdir
from ...compare.context import comparison_of
from ...compare.result import Comparison
from ...hookspecs import RenderContext
from ...text.lines import gc_paused
from ...values import count_of
from . import budget_sheet, charts, data_checks, development_sheet, goals_indicators, overview_activities
from .into_existing import MARK_PROPERTY, SEPARATOR, write_into
from .style import Styles, new_workbook

#: the sheets after Översikt, in workbook order
SHEETS: tuple[Callable[[Workbook, Styles, Comparison], None], ...] = (
    goals_indicators.goals,
    goals_indicators.indicators,
    goals_indicators.gender,
    development_sheet.development_sheet,
    budget_sheet.budget,
    overview_activities.activities,
    data_checks.data,
    data_checks.checks,
    charts.charts,
)


def build_workbook(comparison: Comparison) -> bytes:
    """The workbook's bytes; the same comparison gives the same bytes.

    The cyclic garbage collector is paused meanwhile: a workbook is millions of cell objects
    freed by reference counting, and walking them again and again took a quarter of the step
    (150 reports: 6.6 s CPU against 4.7 s paused), more the larger the comparison."""
    buffer = io.BytesIO()
    with private_tempdir() as tmpdir, gc_paused():
        title = f"Jämförelse av {count_of(len(comparison.reports), 'rapport', 'rapporter')}"
        book, styles = new_workbook(buffer, title, tmpdir)
        overview_activities.overview(book, styles, comparison.reports)
        for sheet in SHEETS:
            sheet(book, styles, comparison)
        book.set_custom_property(MARK_PROPERTY, SEPARATOR.join(sheet.name for sheet in book.worksheets()))
        book.close()
    return buffer.getvalue()


def render(context: RenderContext) -> bytes:
    data = build_workbook(comparison_of(context))
    into = context.options.get("into")
    return write_into(Path(into), data) if into else data

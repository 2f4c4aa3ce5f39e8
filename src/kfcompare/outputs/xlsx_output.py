"""The comparison workbook (``kfcompare compare … -o jamforelse.xlsx``) as an output plugin.

The sheets are written by small modules beside this one; this module only orders them,
marks the workbook as kfcompare's (so ``--into`` can replace the sheets later) and
returns the bytes, which the CLI writes atomically.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..hookspecs import Output, RenderContext, hookimpl
from ..model import Report
from . import xlsx_reports
from .xlsx_into import MARK_PROPERTY, SEPARATOR, write_into
from .xlsx_style import new_workbook


def build_workbook(reports: Sequence[Report], comparison: Any = None) -> bytes:
    """The workbook's bytes; the same reports give the same bytes."""
    buffer = io.BytesIO()
    book, styles = new_workbook(buffer, f"Jämförelse av {len(reports)} rapporter")
    xlsx_reports.overview(book, styles, reports)
    xlsx_reports.activities(book, styles, reports)
    book.set_custom_property(MARK_PROPERTY, SEPARATOR.join(sheet.name for sheet in book.worksheets()))
    book.close()
    return buffer.getvalue()


def render(context: RenderContext) -> bytes:
    data = build_workbook(context.reports)
    into = context.options.get("into")
    return write_into(Path(into), data) if into else data


@hookimpl
def kfcompare_outputs() -> list[Output]:
    return [
        Output(
            name="xlsx",
            description="Excel workbook comparing the reports: goals, indicators, gender, budget, data, checks, charts",
            render=render,
            commands=("compare",),
            suffix=".xlsx",
            binary=True,
        )
    ]

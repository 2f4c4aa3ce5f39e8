"""The workbook output plugin ``xlsx``. Registering it imports nothing heavy: xlsxwriter,
openpyxl and the sheet modules load when a workbook is written (``workbook.render``)."""

from __future__ import annotations

from ...hookspecs import Output, RenderContext, hookimpl


def render(context: RenderContext) -> bytes:
    from .workbook import render as render_workbook

    return render_workbook(context)


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

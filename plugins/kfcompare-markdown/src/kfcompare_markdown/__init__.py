"""kfcompare output ``markdown``: reports or a comparison as a Markdown summary.

For pasting into a wiki page, an issue or a mail to the board secretary: one table of goal
assessments and one of indicators against their targets, every figure as printed and
every row with the place it was read from. ``kfcompare parse`` summarises each report;
``kfcompare compare`` renders the comparison engine's goal matrix and indicator rows.
Registered through the ``kfcompare`` entry-point group (see pyproject.toml).
"""

from __future__ import annotations

from kfcompare import Output, RenderContext, hookimpl

from .render import render_comparison, render_reports

__version__ = "0.1.0"
KFCOMPARE_CONTRACT = 1


def render(context: RenderContext) -> str:
    if context.command == "compare":
        return render_comparison(context)
    return render_reports(context.reports)


@hookimpl
def kfcompare_outputs() -> list[Output]:
    return [
        Output(
            name="markdown",
            description="Markdown summary: goal assessments and indicators (kfcompare-markdown)",
            render=render,
            commands=("parse", "compare"),
            suffix=".md",
        )
    ]

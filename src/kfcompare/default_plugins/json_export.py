"""The JSON export as an output plugin (``--format json``)."""

from __future__ import annotations

from .._export import to_json
from ..hookspecs import Output, RenderContext, hookimpl


def render(context: RenderContext) -> str:
    return to_json(context.reports)


@hookimpl
def kfcompare_outputs() -> list[Output]:
    return [
        Output(
            name="json",
            description="every report as the documented JSON export",
            render=render,
            commands=("parse",),
            suffix=".json",
        )
    ]

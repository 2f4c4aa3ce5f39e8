"""kfcompare: read Stockholm district boards' follow-up reports and compare districts.

    >>> import kfcompare
    >>> [report] = kfcompare.parse_file("examples/sodermalm_t1_2020.txt")
    >>> report.district, report.kind.value, report.year
    ('Södermalm', 'T1', 2020)
"""

from __future__ import annotations

__version__ = "0.1.0"

import importlib
from typing import TYPE_CHECKING, Any

# Names are imported on first use (PEP 562), so the command line starts without loading the
# model, the plugin machinery or the comparison engine (``kfcompare --help`` stays fast).
_LAZY: dict[str, str] = {
    **dict.fromkeys(
        ("BatchError", "InputError", "KfcompareError", "OutputError", "ParseError", "PluginError", "StrictModeError",
         "UnrecognisedFormat", "UsageError"),
        "errors",
    ),
    **dict.fromkeys(("CONTRACT_VERSION", "InputFormat", "Output", "ParseOptions", "RenderContext", "hookimpl", "hookspec"), "hookspecs"),
    **dict.fromkeys(
        ("Activity", "Assessment", "BudgetRow", "BudgetTable", "ColumnAssignment", "Decision", "Goal", "GoalLevel",
         "Indicator", "Kind", "Origin", "ParseWarning", "Provenance", "Report", "Section", "Value"),
        "model",
    ),
    **dict.fromkeys(("parse_file", "parse_paths", "parse_source", "parse_text"), "parsing"),
    **dict.fromkeys(("Source", "read_source"), "_source"),
}  # fmt: skip

if TYPE_CHECKING:  # pragma: no cover - what a type checker and a reader see
    from . import compare
    from ._source import Source, read_source
    from .errors import (
        BatchError,
        InputError,
        KfcompareError,
        OutputError,
        ParseError,
        PluginError,
        StrictModeError,
        UnrecognisedFormat,
        UsageError,
    )
    from .hookspecs import CONTRACT_VERSION, InputFormat, Output, ParseOptions, RenderContext, hookimpl, hookspec
    from .model import (
        Activity,
        Assessment,
        BudgetRow,
        BudgetTable,
        ColumnAssignment,
        Decision,
        Goal,
        GoalLevel,
        Indicator,
        Kind,
        Origin,
        ParseWarning,
        Provenance,
        Report,
        Section,
        Value,
    )
    from .parsing import parse_file, parse_paths, parse_source, parse_text


def __getattr__(name: str) -> Any:
    if name == "compare":  # the comparison engine subpackage: kfcompare.compare.compare(reports)
        return importlib.import_module(".compare", __name__)
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


__all__ = [
    "CONTRACT_VERSION",
    "Activity",
    "Assessment",
    "BatchError",
    "BudgetRow",
    "BudgetTable",
    "ColumnAssignment",
    "Decision",
    "Goal",
    "GoalLevel",
    "Indicator",
    "InputError",
    "InputFormat",
    "Kind",
    "KfcompareError",
    "Origin",
    "Output",
    "OutputError",
    "ParseError",
    "ParseOptions",
    "ParseWarning",
    "PluginError",
    "Provenance",
    "RenderContext",
    "Report",
    "Section",
    "Source",
    "StrictModeError",
    "UnrecognisedFormat",
    "UsageError",
    "Value",
    "__version__",
    "compare",
    "hookimpl",
    "hookspec",
    "parse_file",
    "parse_paths",
    "parse_source",
    "parse_text",
    "read_source",
]

"""kfcompare: read Stockholm district boards' follow-up reports and compare districts.

    >>> import kfcompare
    >>> [report] = kfcompare.parse_file("examples/sodermalm_t1_2020.txt")
    >>> report.district, report.kind.value, report.year
    ('Södermalm', 'T1', 2020)
"""

from __future__ import annotations

__version__ = "0.1.0"

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
from ._source import Source, read_source

# the comparison engine is a subpackage: kfcompare.compare.compare(reports) -> Comparison
from . import compare  # noqa: E402  (after the model it builds on)

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

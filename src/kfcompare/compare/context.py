"""The Comparison an output renders: the one its command computed, or one computed here.

The command (``compare``, ``check``) compares once and hands the result to every output in
``RenderContext.comparison``; a context built without one (a test, a library user) is
compared from its reports and options (``aliases``, ``catalogue``, ``period``, ``district``).
"""

from __future__ import annotations

from ..hookspecs import RenderContext
from .engine import compare, filter_reports
from .result import Comparison


def comparison_of(context: RenderContext) -> Comparison:
    if context.comparison is not None:
        return context.comparison
    options = context.options
    reports = filter_reports(context.reports, period=options.get("period"), district=options.get("district"))
    return compare(reports, aliases=options.get("aliases"), catalogue=options.get("catalogue"))

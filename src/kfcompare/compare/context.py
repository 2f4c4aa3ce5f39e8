"""The Comparison of an output's RenderContext, computed once per context.

Every compare output (table, csv, json, xlsx) calls ``comparison_of(context)``; the
command puts its options there (``aliases``, ``catalogue``, ``period``, ``district``)
and the result is kept in ``context.options["comparison"]`` so that a second output of
the same run does not compare again.
"""

from __future__ import annotations

from ..hookspecs import RenderContext
from .engine import compare, filter_reports
from .result import Comparison

CACHE_KEY = "comparison"


def comparison_of(context: RenderContext) -> Comparison:
    cached = context.options.get(CACHE_KEY)
    if isinstance(cached, Comparison):
        return cached
    options = context.options
    reports = filter_reports(context.reports, period=options.get("period"), district=options.get("district"))
    comparison = compare(reports, aliases=options.get("aliases"), catalogue=options.get("catalogue"))
    options[CACHE_KEY] = comparison
    return comparison

"""``kfcompare compare PATH…``: districts side by side (console tables, CSV, JSON, workbook).

Here ``--district`` and ``--period`` choose which reports to compare; they do not
override metadata as in ``parse``.
"""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

import attrs

from .._atomic import workbook_lock
from .._plugins import Registry
from ..compare.context import comparison_of
from ..compare.engine import filter_reports
from ..errors import UsageError
from ..hookspecs import ParseOptions, RenderContext
from ..model import Report
from .shared import choose_output, emit, read_reports
from .workbook_summary import summary
from ..default_plugins.console_text import console_width

#: --format words that name the compare variant of a parse output of the same name
FORMAT_WORDS = {"table": "compare-table", "csv": "compare-csv", "json": "compare-json"}
DEFAULT = "compare-table"


def selection(period: str | None, district: str | None) -> Callable[[list[Report]], list[Report]]:
    """The reports ``--period`` and ``--district`` choose; choosing none is an error that
    names what the reports hold, so a misspelt name never gives an empty comparison."""

    def keep(reports: list[Report]) -> list[Report]:
        kept = filter_reports(reports, period=period, district=district)
        if kept or not (period or district):
            return kept
        wanted = " och ".join(f"{option} {value}" for option, value in (("--period", period), ("--district", district)) if value)
        districts = sorted({r.district or "okänd stadsdel" for r in reports}, key=str.casefold)
        periods = sorted({r.period or "okänd period" for r in reports}, key=str.casefold)
        raise UsageError(
            f"{wanted}: ingen rapport passar; "
            f"stadsdelar: {', '.join(districts)}; perioder: {', '.join(periods)}; inget skrevs"
        )

    return keep


def comparison_context(args: argparse.Namespace, registry: Registry, err: TextIO, command: str) -> RenderContext:
    """Read the files (no metadata overrides), keep the reports the filters choose, and
    compare them once, for every output (a bad alias or catalogue file fails here, before
    any output starts)."""
    reports = read_reports(args, registry, err, ParseOptions(), keep=selection(args.period, args.district))
    options = {"aliases": args.aliases, "catalogue": args.catalogue, "period": args.period, "district": args.district}
    context = RenderContext(tuple(reports), command, options)
    return attrs.evolve(context, comparison=comparison_of(context))


def run(args: argparse.Namespace, registry: Registry, out: TextIO, err: TextIO) -> int:
    names = {o.name for o in registry.output_for("compare")}
    name = args.output_format
    if name is not None and name not in names:
        name = FORMAT_WORDS.get(name, name)
    destination = args.output or args.into
    if args.into and name not in (None, "xlsx"):
        raise UsageError("--into skriver arbetsboken (xlsx); utelämna --format eller ange --format xlsx")
    if args.into and args.output and Path(args.into).suffix.lower() != Path(args.output).suffix.lower():
        raise UsageError(
            f"--into {args.into} och -o {args.output} är olika filtyper; en arbetsbok sparas med sin egen ändelse"
            " (.xlsm behåller makron, .xlsx kan inte ha dem)"
        )
    output = choose_output(
        registry, "compare", "xlsx" if args.into else name, destination, default=DEFAULT, check_suffix=not args.into or bool(args.output)
    )
    context = comparison_context(args, registry, err, "compare")
    if args.into:
        context.options["into"] = args.into
    with workbook_lock(args.into, err) if args.into else contextlib.nullcontext():
        emit(output, context, destination, out, registry)
    if destination is not None and output.binary:  # a workbook: say in the terminal what it holds
        out.write(summary(comparison_of(context), destination, console_width(out)))
    return 0

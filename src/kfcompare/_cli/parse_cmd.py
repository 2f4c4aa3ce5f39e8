"""``kfcompare parse FILE…``: show reports as tables or as the JSON export."""

from __future__ import annotations

import argparse
from typing import TextIO

from .._plugins import Registry
from ..hookspecs import RenderContext
from .shared import choose_output, emit, read_reports


def run(args: argparse.Namespace, registry: Registry, out: TextIO, err: TextIO) -> int:
    output = choose_output(registry, "parse", args.output_format, args.output, default="table")
    # the table shows each report's warnings on standard output: not a second time on stderr
    shown_on_stdout = args.output is None and output.name == "table"
    reports = read_reports(args, registry, err, warn=not shown_on_stdout)
    emit(output, RenderContext(tuple(reports), "parse"), args.output, out, registry)
    return 0

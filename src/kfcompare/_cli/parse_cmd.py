"""``kfcompare parse FILE…``: show reports as tables or as the JSON export."""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from .._plugins import Registry
from ..hookspecs import RenderContext
from .shared import add_input_arguments, add_output_arguments, choose_output, emit, read_reports


def add_parser(sub: Any) -> None:
    parser = sub.add_parser("parse", help="read reports and show the goal tree, indicators and budget tables")
    add_input_arguments(parser)
    add_output_arguments(parser, default="table")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, registry: Registry, out: TextIO, err: TextIO) -> int:
    output = choose_output(registry, "parse", args.output_format, args.output, default="table")
    # the table shows each report's warnings on standard output: not a second time on stderr
    shown_on_stdout = args.output is None and output.name == "table"
    reports = read_reports(args, registry, err, warn=not shown_on_stdout)
    emit(output, RenderContext(tuple(reports), "parse"), args.output, out, registry)
    return 0

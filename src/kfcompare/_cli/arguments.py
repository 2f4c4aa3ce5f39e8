"""What each command accepts, and ``--help``.

Nothing here imports more of kfcompare than its version, so ``--help`` and a mistyped option
answer without loading plugins, the model or the engine; ``main`` imports the chosen
command's module (``<command>_cmd.run``) only once the arguments parse.
"""

from __future__ import annotations

import argparse
from typing import Any

from .. import __version__


def add_reading_arguments(parser: argparse.ArgumentParser) -> None:
    """Options every command that reads reports takes."""
    parser.add_argument("paths", nargs="+", metavar="PATH", help="report files, or folders of them")
    parser.add_argument("--input-format", metavar="NAME", help="read every file with this format instead of detecting it")
    parser.add_argument("--strict", action="store_true", help="fail (exit 3) when any report has parse warnings")
    parser.add_argument(
        "--jobs", "-j", type=positive_int, default=1, metavar="N",
        help="parse files in N processes (large folders; at most the CPU count and the number of files)",
    )  # fmt: skip


def positive_int(text: str) -> int:
    """``--jobs``: a whole number of at least 1."""
    try:
        number = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} är inget heltal") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"{number} är för litet; minst 1")
    return number


def add_input_arguments(parser: argparse.ArgumentParser) -> None:
    """Reading options plus metadata overrides (``parse``; ``compare`` uses --district to filter)."""
    add_reading_arguments(parser)
    parser.add_argument("--district", help="set the district (stadsdel) instead of detecting it")
    parser.add_argument("--unit", help="set the unit (enhet) instead of detecting it")
    parser.add_argument("--kind", choices=["VP", "T1", "T2", "VB", "vp", "t1", "t2", "vb"], help="set the report kind")
    parser.add_argument("--year", type=int, help="set the year")


def add_output_arguments(parser: argparse.ArgumentParser, default: str) -> None:
    parser.add_argument("--format", "-f", dest="output_format", metavar="NAME", help=f"output to use (default: {default}, or from the -o suffix)")
    parser.add_argument("-o", "--output", metavar="FILE", help="write here (atomically) instead of standard output")


def add_comparison_arguments(parser: argparse.ArgumentParser) -> None:
    """Reading and matching options that ``compare`` and ``check`` share."""
    add_reading_arguments(parser)
    parser.add_argument("--aliases", metavar="FILE", help="TOML file mapping indicator/goal name variants to one name")
    parser.add_argument("--catalogue", metavar="FILE", help="TOML file adding to the bundled higher/lower-is-better catalogue")
    parser.add_argument("--period", metavar="P", help="only reports of this period: 'T1 2020', 'VB', '2021'")
    parser.add_argument("--district", metavar="D", help="only reports of this district (stadsdel)")


def add_parse_parser(sub: Any) -> None:
    parser = sub.add_parser("parse", help="read reports and show the goal tree, indicators and budget tables")
    add_input_arguments(parser)
    add_output_arguments(parser, default="table")


def add_compare_parser(sub: Any) -> None:
    parser = sub.add_parser("compare", help="compare reports: goal matrix, indicators against targets, budget deviations")
    add_comparison_arguments(parser)
    add_output_arguments(parser, default="table, or xlsx for -o FILE.xlsx")
    parser.add_argument(
        "--into", metavar="WORKBOOK",
        help="put the workbook's sheets into this existing .xlsx, replacing kfcompare's sheets of an earlier run "
        "and keeping every other sheet; saved in place unless -o names another file",
    )  # fmt: skip


def add_check_parser(sub: Any) -> None:
    parser = sub.add_parser("check", help="check that totals, netto and deviations add up; exit 1 on any finding")
    add_comparison_arguments(parser)


def add_plugins_parser(sub: Any) -> None:
    parser = sub.add_parser("plugins", help="list input formats and outputs with the plugin that provides each")
    parser.add_argument("--check", action="store_true", help="exit 1 when any plugin failed to load")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kfcompare",
        description="Read Stockholm district boards' follow-up reports and compare districts.",
    )
    parser.add_argument("--version", action="version", version=f"kfcompare {__version__}")
    parser.add_argument(
        "--disable-plugin",
        action="append",
        default=[],
        metavar="NAME",
        help="do not load this plugin (repeatable; also KFCOMPARE_DISABLE_PLUGINS=a,b)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for add_command in (add_parse_parser, add_compare_parser, add_check_parser, add_plugins_parser):
        add_command(sub)
    return parser

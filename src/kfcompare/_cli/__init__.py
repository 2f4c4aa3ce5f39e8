"""The ``kfcompare`` command line (the console script ``kfcompare`` runs ``main``).

Each subcommand is a module here with ``add_parser(subparsers)``, which sets ``run`` as
default; what they share is in ``shared``.
"""

from __future__ import annotations

import argparse
import contextlib
import signal
import sys
import threading
from collections.abc import Iterator, Sequence
from types import ModuleType
from typing import TextIO, cast

from .. import __version__
from .._escaping import PrintableStream
from .._plugins import load_registry
from ..errors import KfcompareError
from . import check_cmd, compare_cmd, parse_cmd, plugins_cmd
from .exit_codes import ExitCode, exit_code_for
from .shared import say

COMMANDS: tuple[ModuleType, ...] = (parse_cmd, compare_cmd, check_cmd, plugins_cmd)


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
    for command in COMMANDS:
        command.add_parser(sub)
    return parser


@contextlib.contextmanager
def _terminate_as_interrupt() -> Iterator[None]:
    """SIGTERM unwinds like Ctrl-C, so temporary files are removed on the way out."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def main(argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None) -> int:
    out = cast(TextIO, PrintableStream(out or sys.stdout))
    err = cast(TextIO, PrintableStream(err or sys.stderr))
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        # what plugin code print()s goes to stderr: stdout carries only the output (JSON, CSV …)
        with contextlib.redirect_stdout(err), _terminate_as_interrupt():
            registry = load_registry(args.disable_plugin)
            return int(args.run(args, registry, out, err) or ExitCode.OK)
    except KfcompareError as exc:
        say(err, f"error: {exc}")
        return exit_code_for(exc)
    except KeyboardInterrupt:
        print("kfcompare: interrupted; nothing was written", file=err)
        return ExitCode.INTERRUPTED
    except BrokenPipeError:
        return ExitCode.OK
    except Exception:
        import traceback

        traceback.print_exc(file=err)
        print("kfcompare: internal error: this is a bug in kfcompare or a plugin; please report it with the lines above", file=err)
        return ExitCode.INTERNAL_ERROR

"""The ``kfcompare`` command line (the console script ``kfcompare`` runs ``main``).

``arguments`` says what each command accepts; each command's ``run`` is in its own module
(``parse_cmd`` …), imported only when that command runs; what they share is in ``shared``.
"""

from __future__ import annotations

import contextlib
import importlib
import signal
import sys
import threading
from collections.abc import Iterator, Sequence
from typing import TextIO, cast

from .._escaping import PrintableStream
from ..errors import KfcompareError
from .arguments import build_parser
from .exit_codes import ExitCode, exit_code_for

#: command name -> the module whose ``run(args, registry, out, err)`` carries it out
COMMANDS: dict[str, str] = {"parse": "parse_cmd", "compare": "compare_cmd", "check": "check_cmd", "plugins": "plugins_cmd"}


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
    args = build_parser().parse_args(argv)
    # only now the weight: plugins, the model, the engine (``--help`` never gets here)
    from .._plugins import load_registry
    from .shared import say

    command = importlib.import_module(f"{__name__}.{COMMANDS[args.command]}")
    try:
        # what plugin code print()s goes to stderr: stdout carries only the output (JSON, CSV …)
        with contextlib.redirect_stdout(err), _terminate_as_interrupt():
            loading = (lambda plugin: say(err, f"laddar plugin {plugin} …")) if args.command == "plugins" else None
            registry = load_registry(args.disable_plugin, on_load=loading)
            return int(command.run(args, registry, out, err) or ExitCode.OK)
    except KfcompareError as exc:
        say(err, f"fel: {exc}")
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

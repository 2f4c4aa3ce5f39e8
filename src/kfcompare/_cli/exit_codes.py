"""What the process exit status means, and which error gives which.

The exceptions say what went wrong; only the command line turns that into a number
(as pytest's ``ExitCode``), so the library's errors carry no process concerns.
"""

from __future__ import annotations

from enum import IntEnum

from ..errors import BatchError, InputError, KfcompareError, OutputError, StrictModeError, UsageError


class ExitCode(IntEnum):
    OK = 0
    #: ``check`` found something, ``plugins --check`` saw a failure, or a kfcompare error
    #: with no code of its own (e.g. a plugin failed)
    FAILED = 1
    #: a file, an argument or their combination cannot be used; nothing was written
    BAD_INPUT = 2
    #: ``--strict`` and the reports have parse warnings; nothing was written
    STRICT_WARNINGS = 3
    #: the output could not be written; nothing half-written is left
    OUTPUT_FAILED = 4
    #: a bug: an exception kfcompare did not raise on purpose (EX_SOFTWARE)
    INTERNAL_ERROR = 70
    #: Ctrl-C (128 + SIGINT)
    INTERRUPTED = 130


#: the code of each error class; a subclass takes its nearest listed ancestor's
EXIT_CODES: dict[type[KfcompareError], ExitCode] = {
    KfcompareError: ExitCode.FAILED,
    InputError: ExitCode.BAD_INPUT,
    BatchError: ExitCode.BAD_INPUT,
    UsageError: ExitCode.BAD_INPUT,
    StrictModeError: ExitCode.STRICT_WARNINGS,
    OutputError: ExitCode.OUTPUT_FAILED,
}


def exit_code_for(error: KfcompareError) -> ExitCode:
    for cls in type(error).__mro__:
        if cls in EXIT_CODES:
            return EXIT_CODES[cls]
    return ExitCode.FAILED  # pragma: no cover - every KfcompareError has KfcompareError in its MRO

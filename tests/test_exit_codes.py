"""Exit codes belong to the command line: errors name what went wrong, the CLI maps them."""

from __future__ import annotations

import pytest

import kfcompare
from kfcompare._cli.exit_codes import ExitCode, exit_code_for
from kfcompare.errors import (
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


@pytest.mark.parametrize(
    ("error", "code"),
    [
        (ParseError("r.txt", "found no goals", line=3), 2),  # a subclass takes its ancestor's code
        (UnrecognisedFormat("r.txt", [("ils2020", 0.1)], "no format"), 2),
        (InputError("r.txt", "empty"), 2),
        (BatchError("1 of 2 file(s) could not be read"), 2),
        (UsageError("no output 'pdf'"), 2),
        (StrictModeError("2 warning(s)"), 3),
        (OutputError("disk full"), 4),
        (PluginError("broken", "failed"), 1),
        (KfcompareError("other"), 1),
    ],
)
def test_each_error_class_has_its_documented_code(error: KfcompareError, code: int) -> None:
    assert exit_code_for(error) == code


def test_errors_carry_no_exit_codes_and_batch_error_is_exported() -> None:
    assert not any(hasattr(cls, "exit_code") for cls in (KfcompareError, InputError, OutputError, StrictModeError))
    assert kfcompare.BatchError is BatchError and issubclass(BatchError, kfcompare.KfcompareError)
    assert ExitCode.INTERNAL_ERROR == 70 and ExitCode.INTERRUPTED == 130

"""``kfcompare check FILE…``: the Kontroller — what does not add up, where, and by how much.

Exit 1 when there is any finding (including parse warnings), 0 when every relation holds,
so a batch job can stop on a report that needs a look.
"""

from __future__ import annotations

import argparse
from typing import TextIO

from .._escaping import printable
from .._plugins import Registry
from ..compare.context import comparison_of
from ..compare.result import Finding
from ..values import format_decimal
from ..default_plugins.console_text import console_width, wrap
from .compare_cmd import comparison_context
from .exit_codes import ExitCode


def describe(finding: Finding) -> str:
    where = f"{finding.path}:{finding.line}" if finding.line is not None else finding.path
    text = f"{where}: {finding.check}: {finding.message}"
    if finding.difference is not None:
        text += f" (skillnad {format_decimal(finding.difference)})"
    return text


def run(args: argparse.Namespace, registry: Registry, out: TextIO, err: TextIO) -> int:
    comparison = comparison_of(comparison_context(args, registry, err, "check"))
    width = console_width(out)
    for finding in comparison.findings:
        out.write(wrap(printable(describe(finding)), width) + "\n")
    for report, mine in zip(comparison.reports, comparison.findings_by_report()):
        out.write(printable(f"{report.label}: {len(mine) or 'inga'} fynd") + "\n")
    return ExitCode.FAILED if comparison.findings else ExitCode.OK

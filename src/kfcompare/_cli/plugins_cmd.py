"""``kfcompare plugins``: what is installed, where it came from, and what failed.

Failures are listed here as well as warned about on every run, because a plugin author
wants one command that says why a plugin is missing; ``--check`` makes that command fail
(exit 1) so a plugin's CI can use it.
"""

from __future__ import annotations

import argparse
from typing import TextIO

from tabulate import tabulate

from .._plugins import ENTRY_POINT_GROUP, Registry
from ..hookspecs import CONTRACT_VERSION
from .exit_codes import ExitCode


def run(args: argparse.Namespace, registry: Registry, out: TextIO, err: TextIO) -> int:
    origin = {p.name: p.origin for p in registry.plugins}
    rows = [["format", f.name, f.plugin, origin.get(f.plugin, ""), f.description] for f in registry.formats.values()]
    rows += [
        ["output", o.name, o.plugin, origin.get(o.plugin, ""), f"{o.description} ({', '.join(o.commands)})"]
        for o in registry.outputs.values()
    ]
    out.write(tabulate(rows, headers=["Kind", "Name", "Plugin", "From", "Description"], tablefmt="simple") + "\n")
    providing = {row[2] for row in rows}
    idle = [p.name for p in registry.plugins if p.name not in providing]
    if idle:
        out.write(f"\nLoaded, providing nothing: {', '.join(idle)}\n")
    if registry.failures:
        out.write("\nFailed plugins:\n")
        for failure in registry.failures:
            out.write(f"  {failure.plugin}: {failure.stage}: {failure.error}\n")
    if registry.disabled:
        out.write(f"\nDisabled: {', '.join(registry.disabled)}\n")
    out.write(f"\nPlugin contract {CONTRACT_VERSION}; third-party plugins register in the entry-point group {ENTRY_POINT_GROUP!r}.\n")
    return ExitCode.FAILED if args.check and registry.failures else ExitCode.OK

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
from ..default_plugins.console_text import console_width, wrap
from .exit_codes import ExitCode


def run(args: argparse.Namespace, registry: Registry, out: TextIO, err: TextIO) -> int:
    width = console_width(out)
    origin = {p.name: p.origin for p in registry.plugins}
    rows = [["format", f.name, f.plugin, f.description] for f in registry.formats.values()]
    rows += [["output", o.name, o.plugin, f"{o.description} ({', '.join(o.commands)})"] for o in registry.outputs.values()]
    out.write(plugin_table(rows, width) + "\n")
    # where each plugin comes from, one line each: an entry point's distribution and version
    # is long, and read whole
    named = sorted({row[2] for row in rows})
    if named:
        column = max(map(len, named)) + 2
        out.write("\nPlugin".ljust(column + 1) + "From\n")
        for name in named:
            out.write(f"{name.ljust(column)}{origin.get(name, '')}\n")
    providing = {row[2] for row in rows}
    idle = [p.name for p in registry.plugins if p.name not in providing]
    if idle:
        out.write(f"\nLoaded, providing nothing: {', '.join(idle)}\n")
    if registry.failures:
        out.write("\nFailed plugins:\n")
        for failure in registry.failures:
            out.write(wrap(f"  {failure.plugin}: {failure.stage}: {failure.error}", console_width(out), "      ") + "\n")
    if registry.disabled:
        out.write(f"\nDisabled: {', '.join(registry.disabled)}\n")
    out.write("\n" + wrap(f"Plugin contract {CONTRACT_VERSION}; third-party plugins register in the entry-point group {ENTRY_POINT_GROUP!r}.", console_width(out)) + "\n")
    return ExitCode.FAILED if args.check and registry.failures else ExitCode.OK


def plugin_table(rows: list[list[str]], width: int) -> str:
    """The table within ``width`` columns; the description wraps inside its cell."""
    headers = ["Kind", "Name", "Plugin", "Description"]
    fixed = [max([len(h) + 2] + [len(row[i]) for row in rows]) for i, h in enumerate(headers[:3])]
    room = max(20, width - sum(fixed) - 2 * (len(headers) - 1))
    table: str = tabulate(rows, headers=headers, tablefmt="simple", maxcolwidths=[None, None, None, room])
    return table

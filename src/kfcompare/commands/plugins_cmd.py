"""``kfcompare plugins``: what is installed, where it came from, and what failed."""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from tabulate import tabulate

from ..plugins import Registry


def add_parser(sub: Any) -> None:
    parser = sub.add_parser("plugins", help="list input formats and outputs with the plugin that provides each")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, registry: Registry, out: TextIO, err: TextIO) -> int:
    origin = {p.name: p.origin for p in registry.plugins}
    rows = [["format", f.name, f.plugin, origin.get(f.plugin, ""), f.description] for f in registry.formats.values()]
    rows += [
        ["output", o.name, o.plugin, origin.get(o.plugin, ""), f"{o.description} ({', '.join(o.commands)})"]
        for o in registry.outputs.values()
    ]
    out.write(tabulate(rows, headers=["Kind", "Name", "Plugin", "From", "Description"], tablefmt="simple") + "\n")
    if registry.failures:
        out.write("\nFailed plugins:\n")
        for failure in registry.failures:
            out.write(f"  {failure.plugin}: {failure.stage}: {failure.error}\n")
    if registry.disabled:
        out.write(f"\nDisabled: {', '.join(registry.disabled)}\n")
    return 0

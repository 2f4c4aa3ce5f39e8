"""Subcommands. Each module has ``add_parser(subparsers)``, which sets ``run`` as default."""

from __future__ import annotations

from types import ModuleType

from . import parse_cmd, plugins_cmd

COMMANDS: tuple[ModuleType, ...] = (parse_cmd, plugins_cmd)

"""Subcommands. Each module has ``add_parser(subparsers)``, which sets ``run`` as default."""

from __future__ import annotations

from types import ModuleType

from . import check_cmd, compare_cmd, parse_cmd, plugins_cmd

COMMANDS: tuple[ModuleType, ...] = (parse_cmd, compare_cmd, check_cmd, plugins_cmd)

"""Reading the user's TOML files (aliases, catalogue) with errors that name the file."""

from __future__ import annotations

import os
import tomllib
from typing import Any

from ..errors import UsageError


def read_toml(path: str | os.PathLike[str], what: str) -> dict[str, Any]:
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except OSError as exc:
        raise UsageError(f"{what} {os.fspath(path)}: {exc.strerror or exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"{what} {os.fspath(path)}: not valid TOML: {exc}") from exc


def string_table(data: dict[str, Any], table: str, path: str | os.PathLike[str], what: str) -> dict[str, str]:
    """The ``[table]`` of ``"name" = "text"`` pairs; anything else is an error naming the entry."""
    entries = data.get(table, {})
    if not isinstance(entries, dict):
        raise UsageError(f"{what} {os.fspath(path)}: [{table}] must be a table of \"name\" = \"text\" pairs")
    for name, value in entries.items():
        if not isinstance(value, str):
            raise UsageError(f"{what} {os.fspath(path)}: [{table}] {name!r} must be a string, not {value!r}")
    return dict(entries)

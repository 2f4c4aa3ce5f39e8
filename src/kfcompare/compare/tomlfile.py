"""Reading the user's TOML files (aliases, catalogue) with errors that name the file."""

from __future__ import annotations

import os
import tomllib
from typing import Any

from ..errors import InputError, UsageError
from .._source import read_regular_file

#: alias and catalogue files are a few kB; a larger one is a wrong file, not read into memory
MAX_TOML_BYTES = 10 * 1048576


def read_toml(path: str | os.PathLike[str], what: str) -> dict[str, Any]:
    try:
        data = read_regular_file(path, MAX_TOML_BYTES)
    except InputError as exc:
        raise UsageError(f"{what} {exc}") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        utf16 = data.startswith((b"\xff\xfe", b"\xfe\xff"))
        kind = "är UTF-16, inte UTF-8" if utf16 else f"är inte UTF-8 (rad {line})"
        raise UsageError(f"{what} {os.fspath(path)}: {kind}; spara filen som UTF-8") from None
    try:
        return tomllib.loads(text.removeprefix("\ufeff"))
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

"""The user's alias file: printed variants of a name mapped to one canonical name.

Format (TOML)::

    [aliases]
    "Andel barn som är beroende av ekonomiskt bistånd" = "Andel barn som lever i familjer som har ekonomiskt bistånd"

Keys and values are matched by ``name_key`` (case, white space, hyphens, punctuation
folded). Aliases apply to indicator names and goal titles; a row matched through an alias
says so (``matched_by == "alias"``).
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from attrs import field, frozen

from .keys import name_key
from .tomlfile import read_toml, string_table


def _keyed(mapping: Mapping[str, str]) -> dict[str, tuple[str, str]]:
    return {name_key(variant): (name_key(canonical), canonical) for variant, canonical in mapping.items()}


@frozen
class Aliases:
    """variant key -> (canonical key, canonical name as written in the alias file)."""

    entries: dict[str, tuple[str, str]] = field(factory=dict, converter=_keyed, eq=False)

    def resolve(self, name: str) -> tuple[str, str, bool]:
        """(key, display name, through an alias?) for a printed name."""
        key = name_key(name)
        if key in self.entries:
            canonical_key, canonical = self.entries[key]
            if canonical_key != key:
                return canonical_key, canonical, True
        return key, name, False


def load_aliases(path: str | os.PathLike[str]) -> Aliases:
    return Aliases(string_table(read_toml(path, "alias file"), "aliases", path, "alias file"))


def as_aliases(aliases: Aliases | Mapping[str, str] | str | os.PathLike[str] | None) -> Aliases:
    """Accept an Aliases, a plain {variant: canonical} mapping, a file path or None."""
    if aliases is None:
        return Aliases()
    if isinstance(aliases, Aliases):
        return aliases
    if isinstance(aliases, Mapping):
        return Aliases(aliases)
    return load_aliases(aliases)

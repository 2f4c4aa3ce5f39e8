"""The indicator catalogue: whether a higher or a lower outcome is better.

The bundled catalogue (``kfcompare/data/indicators.toml``) lists the KF indicators seen
in the corpus; a user catalogue in the same format is read on top of it and wins::

    [direction]
    "Andel personer som har ekonomiskt bistånd i förhållande till befolkningen" = "lower"
    "Antal aspiranter som fått Stockholmsjobb" = "higher"

Without a direction "target met" cannot be computed, and the status says so rather than
assuming that more is better.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from importlib import resources

from attrs import field, frozen

from ..errors import UsageError
from .keys import name_key
from .tomlfile import read_toml, string_table

DIRECTIONS = ("higher", "lower")
BUNDLED = "indicators.toml"


def _directions(mapping: Mapping[str, str]) -> dict[str, str]:
    return {name_key(name): direction for name, direction in mapping.items()}


@frozen
class Catalogue:
    """name key -> "higher" | "lower"."""

    directions: dict[str, str] = field(factory=dict, converter=_directions, eq=False)

    def direction(self, key: str) -> str | None:
        return self.directions.get(key)

    def merged(self, other: Catalogue) -> Catalogue:
        """This catalogue with ``other``'s entries added on top (other wins); keys are
        already normalised, and normalising is idempotent."""
        return Catalogue({**self.directions, **other.directions})


def _read(path: str | os.PathLike[str]) -> Catalogue:
    entries = string_table(read_toml(path, "catalogue"), "direction", path, "catalogue")
    for name, direction in entries.items():
        if direction not in DIRECTIONS:
            raise UsageError(f"catalogue {os.fspath(path)}: {name!r} = {direction!r}: use \"higher\" or \"lower\"")
    return Catalogue(entries)


def bundled_catalogue() -> Catalogue:
    with resources.as_file(resources.files("kfcompare") / "data" / BUNDLED) as path:
        return _read(path)


def load_catalogue(path: str | os.PathLike[str] | None = None) -> Catalogue:
    """The bundled catalogue, extended by the user's file when one is given."""
    catalogue = bundled_catalogue()
    return catalogue.merged(_read(path)) if path is not None else catalogue


def as_catalogue(catalogue: Catalogue | Mapping[str, str] | str | os.PathLike[str] | None) -> Catalogue:
    """Accept a Catalogue (used as is), a {name: direction} mapping or a path (both added to
    the bundled catalogue), or None (the bundled catalogue)."""
    if isinstance(catalogue, Catalogue):
        return catalogue
    if isinstance(catalogue, Mapping):
        return bundled_catalogue().merged(Catalogue(dict(catalogue)))
    return load_catalogue(catalogue)

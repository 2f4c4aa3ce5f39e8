"""Value cells of a plan's table rows, read from the right.

A row prints its name, then Årsmål, (KF:s årsmål,) Periodicitet; a wrapped cell's
continuation lines come before later cells. Reading from the right with a fixed number of
cells keeps a name that ends in a number or in 'öka' out of the values.
"""

from __future__ import annotations

import re

from attrs import frozen

from ...text.joined import EMPTY
from ...text.numbers import plan_cell

PERIODICITIES = ("År", "Tertial", "Halvår", "Månad", "Kvartal")

#: one word of a body's name in a text target ('Tas fram av nämnd/styrelse')
_WORD = rf"[^ /{EMPTY}]+"
CELL = plan_cell(_WORD)
_CELL_AT_END = re.compile(rf"(?<![^ {EMPTY}])(?:{CELL})$")
_CELL_AT_START = re.compile(rf"^(?:{CELL})(?= |$)")
_PERIODICITY_AT_END = re.compile(rf"(?<![^ {EMPTY}])({'|'.join(PERIODICITIES)})$")


@frozen
class Cell:
    """One cell: its text ('' when empty) and where it sits in the joined row."""

    text: str
    start: int
    end: int


@frozen
class SplitRow:
    name: str
    cells: tuple[Cell, ...]  # in column order
    periodicity: str | None
    complete: bool


def starts_value(text: str) -> bool:
    """Does this text begin with a cell (or is it a lone periodicity)?"""
    text = text.strip()
    return bool(_CELL_AT_START.match(text)) or text in PERIODICITIES


def ends_row(text: str) -> bool:
    """Is this line the last of an indicator row: a periodicity after a value, or alone?"""
    text = " ".join(text.split())
    match = _PERIODICITY_AT_END.search(text)
    if match is None:
        return False
    before = text[: match.start()].rstrip()
    return not before or bool(_CELL_AT_END.search(before))


def split_row(joined: str, columns: int) -> SplitRow:
    """Name, ``columns`` value cells and periodicity of one joined row."""
    text = joined.rstrip()
    match = _PERIODICITY_AT_END.search(text)
    periodicity = match.group(1) if match else None
    rest = text[: match.start()] if match else text
    cells: list[Cell] = []
    complete = periodicity is not None
    while len(cells) < columns:
        rest = rest.rstrip(" ")
        if rest.endswith(EMPTY):
            cells.append(Cell("", len(rest) - 1, len(rest)))
            rest = rest[:-1]
            continue
        found = _CELL_AT_END.search(rest)
        if found is None:
            complete = False
            break
        cells.append(Cell(found.group(0), found.start(), found.end()))
        rest = rest[: found.start()]
    name = " ".join(rest.replace(EMPTY, " ").split())
    if not name:
        complete = False
    return SplitRow(name, tuple(reversed(cells)), periodicity, complete)

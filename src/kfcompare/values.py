"""Swedish printed numbers and cells: '1 071,1', '-15,0', '2,22 %', '9 000 st', 'öka'.

The public entry points of the number grammar (documented in docs/plugins.md); the grammar
itself is ``kfcompare.text.numbers``, the one place a printed cell becomes a Value.
"""

from __future__ import annotations

from decimal import Decimal

from .text.numbers import NUMBER_RE, parse_number, parse_value
from .text.spaces import collapse

__all__ = ["NUMBER_RE", "collapse", "format_decimal", "parse_number", "parse_value"]


def format_decimal(number: Decimal, places: int | None = None) -> str:
    """Swedish style: decimal comma, no thousands separator ('1071,1')."""
    if places is not None:
        number = round(number, places)
    text = format(number, "f")
    return text.replace(".", ",")


def count_of(count: int, one: str, many: str) -> str:
    """'1 rapport', '7 rapporter': Swedish counts in every text a controller reads."""
    return f"{count} {one if count == 1 else many}"

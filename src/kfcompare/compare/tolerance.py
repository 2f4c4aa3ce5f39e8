"""Comparing printed sums with Decimal arithmetic and a tolerance for rounding.

Values with one decimal add up exactly in Decimal, so a printed −5,0 where the terms give
−5,1 is a misprint, not rounding. The tolerance is a tenth of the last printed place of
the most precise term (0,01 for one decimal, 0,1 for whole numbers); it only absorbs
terms printed with different precision.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

#: the share of one unit in the last printed place that counts as rounding
TOLERANCE_SHARE = Decimal("0.1")


def places(number: Decimal) -> int:
    exponent = number.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def tolerance(numbers: Iterable[Decimal]) -> Decimal:
    most = max((places(n) for n in numbers), default=0)
    return TOLERANCE_SHARE * Decimal(1).scaleb(-most)


def agrees(expected: Decimal, printed: Decimal, terms: Iterable[Decimal]) -> bool:
    return abs(printed - expected) <= tolerance([printed, *terms])

"""Matching keys: how two printed names are recognised as the same name.

Only differences that printing makes are folded (case, white space, hyphenation at line
breaks, punctuation); wording is never guessed ('är beroende av' and 'har' stay apart —
that is what the alias file is for).
"""

from __future__ import annotations

import re

_NOT_WORD = re.compile(r"[\W_]+")


def name_key(text: str) -> str:
    """'Andel barn som lever i ⏎familjer …' and 'andel barn som lever i familjer…' -> one key.

    Every run of non-letters/digits is dropped, so 'Individ- ochfamiljeomsorg' (a line
    break lost its space) and 'Individ- och familjeomsorg' share a key.
    """
    return _NOT_WORD.sub("", text.casefold())


def number_key(number: str | None) -> tuple[int, ...]:
    """Goal numbers sort as numbers: '1.10' after '1.9'; no number sorts last."""
    if not number:
        return (10**6,)
    return tuple(int(part) for part in re.findall(r"\d+", number)) or (10**6,)

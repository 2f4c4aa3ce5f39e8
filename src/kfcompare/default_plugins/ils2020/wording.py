"""A report's text as one string, for phrase searches that cross line breaks.

Names wrap ('Hägersten-' / 'Liljeholmen', 'Enheten för prevention och' / blank /
'familjebehandling'); metadata detection searches the flattened text and still needs to know
where the summary opens and where goal titles stand.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from attrs import frozen

from ...values import collapse
from ...text.lines import Line


@frozen
class Flat:
    """The non-blank lines joined with single spaces, with each line's start offset."""

    text: str
    offsets: tuple[int, ...]
    line_numbers: tuple[int, ...]

    def line_at(self, offset: int) -> int | None:
        """The source line number of a character offset."""
        if not self.offsets:
            return None
        return self.line_numbers[max(0, bisect.bisect_right(self.offsets, offset) - 1)]

    def offset_of_index(self, index: int) -> int:
        """Offset of the index-th non-blank line; past the end for a larger index."""
        return self.offsets[index] if index < len(self.offsets) else len(self.text)


def flatten(lines: Sequence[Line]) -> Flat:
    """The non-blank lines' text, each with its runs of white space made one space."""
    parts: list[str] = []
    offsets: list[int] = []
    numbers: list[int] = []
    at = 0
    for line in lines:
        text = line.text
        if not text:
            continue
        if "  " in text or not text.isprintable():  # a stripped line needs collapsing only then
            text = collapse(text)
        # a name wrapped at its hyphen joins without the space: 'Hägersten-' + 'Liljeholmen'
        if parts and parts[-1].endswith("-") and text[:1].isupper():
            parts[-1] = parts[-1] + text
            at += len(text)
            continue
        if parts:
            at += 1
        offsets.append(at)
        numbers.append(line.no)
        parts.append(text)
        at += len(text)
    return Flat(" ".join(parts), tuple(offsets), tuple(numbers))

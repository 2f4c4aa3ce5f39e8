"""The shared text layer every text format reads through (and the PDF reader feeds).

- ``lines``: ``Line`` (number, raw text, stripped text, optional page cells), page noise,
  the one-pass ``read_lines`` that numbers, strips, drops noise and classifies;
- ``joined``: wrapped lines joined into one string with a line map (``Joined``);
- ``paragraphs``: wrapped prose as paragraphs, by the rule of the layout;
- ``numbers``: THE number/unit/text-target grammar (``parse_value`` and the cell patterns);
- ``dates``: printed dates;
- ``spaces``: white space collapsed;
- ``wraps``: line ends as a break signal (between words or inside one), read again from the
  text's own words in an extract that lost it.

See docs/CONTRIBUTING.md for where the layer sits; /work/coord/TEXT_API.md was its draft.
"""

from __future__ import annotations

from .dates import parse_date
from .joined import EMPTY, Joined, join_cells, join_flat, join_hyphenated, join_wrapped
from .lines import PAGE_NOISE, Cell, Line, is_page_noise, numbered, read_lines, strip_page_noise
from .numbers import parse_number, parse_value
from .paragraphs import paragraphs_by_blanks, paragraphs_by_items, paragraphs_by_sentences
from .spaces import collapse

__all__ = [
    "EMPTY",
    "PAGE_NOISE",
    "Cell",
    "Joined",
    "Line",
    "collapse",
    "is_page_noise",
    "join_cells",
    "join_flat",
    "join_hyphenated",
    "join_wrapped",
    "numbered",
    "paragraphs_by_blanks",
    "paragraphs_by_items",
    "paragraphs_by_sentences",
    "parse_date",
    "parse_number",
    "parse_value",
    "read_lines",
    "strip_page_noise",
]

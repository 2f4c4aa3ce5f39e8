"""Text for the terminal: tables and messages that fit its width.

The width is the terminal's (``shutil.get_terminal_size``) when standard output is one, and
100 columns otherwise (a pipe, a file, a test), so what is saved looks the same everywhere.
A name that has to be cut keeps its end when its start is shared with another name in the
same column ("Andel ungdomar som…inte burit vapen"), so the rows stay distinguishable.
"""

from __future__ import annotations

import shutil
import textwrap
from collections import Counter
from collections.abc import Sequence
from typing import Any, TextIO

from tabulate import tabulate

#: the width of everything printed when standard output is not a terminal
DEFAULT_WIDTH = 100
#: narrower than this, tables stop shrinking and lines wrap in the terminal
MIN_WIDTH = 60
#: the text column of a table never gets narrower than this
MIN_TEXT = 12
ELLIPSIS = "…"


def console_width(stream: TextIO | None) -> int:
    """The terminal's width when ``stream`` is a terminal, else ``DEFAULT_WIDTH``."""
    isatty = getattr(stream, "isatty", None)
    if stream is None or isatty is None or not isatty():
        return DEFAULT_WIDTH
    return max(MIN_WIDTH, shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns)


def shorten(text: str, width: int) -> str:
    """``text`` cut to ``width`` characters, the cut marked with '…'."""
    return text if len(text) <= width else text[: max(width - 1, 0)] + ELLIPSIS


def _middle(text: str, width: int) -> str:
    head = max((width - 1) // 2, 1)
    return text[:head] + ELLIPSIS + text[len(text) - (width - 1 - head) :]


def distinct_names(names: Sequence[str], width: int) -> list[str]:
    """Each name cut to ``width``; names whose cut starts coincide keep their ends instead,
    and names that still coincide get a number."""
    cut = [shorten(name, width) for name in names]
    clash = Counter(short for short, name in zip(cut, names) if short != name)
    taken = Counter(cut)
    cut = [_middle(name, width) if short != name and (clash[short] > 1 or taken[short] > 1) else short for short, name in zip(cut, names)]
    seen: dict[str, set[str]] = {}
    for short, name in zip(cut, names):
        seen.setdefault(short, set()).add(name)
    numbered: dict[tuple[str, str], str] = {}
    for short, originals in seen.items():
        if len(originals) > 1:
            for index, name in enumerate(sorted(originals), 1):
                suffix = f" #{index}"
                numbered[(short, name)] = shorten(name, width - len(suffix)) + suffix
    return [numbered.get((short, name), short) for short, name in zip(cut, names)]


def fit_table(
    rows: Sequence[Sequence[Any]], headers: Sequence[str], width: int, flexible: int, **options: Any
) -> str:
    """A ``tabulate`` 'simple' table within ``width`` columns: column ``flexible`` (a name
    column) is narrowed, with ``distinct_names``, until the table fits."""
    texts = [["" if cell is None else str(cell) for cell in row] for row in rows]
    # tabulate pads every header by two (its MIN_PADDING) and puts two spaces between columns
    natural = [max([len(str(headers[i])) + 2] + [len(row[i]) for row in texts if i < len(row)]) for i in range(len(headers))]
    total = sum(natural) + 2 * (len(headers) - 1)
    headers = list(headers)
    if total > width:
        room = max(MIN_TEXT, natural[flexible] - (total - width))
        names = distinct_names([row[flexible] for row in texts], room)
        texts = [[*row[:flexible], name, *row[flexible + 1 :]] for row, name in zip(texts, names)]
        headers[flexible] = shorten(str(headers[flexible]), room - 2)
    options.setdefault("disable_numparse", True)
    table: str = tabulate(texts, headers=headers, tablefmt="simple", **options)
    return table


def wrap(text: str, width: int, indent: str = "    ") -> str:
    """A message over as many lines as it needs, the later ones indented."""
    return "\n".join(
        textwrap.fill(line, width, subsequent_indent=indent, break_long_words=True, break_on_hyphens=False) if len(line) > width else line
        for line in text.split("\n")
    )

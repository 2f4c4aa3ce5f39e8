"""Text made safe for where it goes: a terminal line, a CSV cell.

Report text, file names and plugin messages come from outside. Printed raw, an ESC
sequence would drive the reader's terminal and a newline in a file name would forge a line
of output (``new\\nline: error: fake.txt``); in a CSV file, a cell starting with ``=`` is a
formula to the spreadsheet that opens it.
"""

from __future__ import annotations

import io
import re
from typing import TextIO

#: C0 controls but tab and newline, DEL, C1 controls, and the bidirectional controls that
#: reorder what a terminal shows
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_CONTROL_OR_LINE = re.compile(f"{CONTROL.pattern}|[\t\n]")

#: what a spreadsheet reads as the start of a formula (OWASP, "CSV Injection")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


_NAMED = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}


def visible(char: str) -> str:
    """One control character as an escape (``\\n``, ``\\u001b``); also a valid JSON escape."""
    return _NAMED.get(char) or f"\\u{ord(char):04x}"


def printable(text: object) -> str:
    """``str(text)`` on one line with every control character shown as an escape."""
    return _CONTROL_OR_LINE.sub(lambda m: visible(m.group()), str(text))


def printable_lines(text: str) -> str:
    """Several lines for a terminal: newlines and tabs kept, every other control escaped."""
    return CONTROL.sub(lambda m: visible(m.group()), text)


class PrintableStream(io.TextIOBase):
    """A terminal stream that every write reaches with its control characters escaped.

    The command line wraps stdout and stderr in one, so no report text, file name or plugin
    message can reach the terminal raw, whichever code printed it. JSON stays valid: the
    escapes used are JSON's own.
    """

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        self.stream.write(printable_lines(text))
        return len(text)

    def flush(self) -> None:
        self.stream.flush()

    def isatty(self) -> bool:
        return self.stream.isatty()

    def writable(self) -> bool:
        return True


def csv_text(value: str) -> str:
    """A text field a spreadsheet shows as text: a leading ``'`` where it would start a formula."""
    return "'" + value if value.startswith(FORMULA_START) else value

"""Reading a file into the text every format sees.

Decoding happens once, here, so every format gets the same answer to "what does line 120
say": UTF-8 (with or without BOM) or, failing that, cp1252 with a warning; CRLF and CR
line ends made LF; form feeds dropped (they mark pages, not lines); Swedish letters in
NFC form so 'å' matches 'å' whether the extractor decomposed it or not.
"""

from __future__ import annotations

import unicodedata
from functools import cached_property
from pathlib import Path

from attrs import define, field

from .errors import InputError
from .model import ParseWarning

#: bytes that never occur in a text extract
_BINARY_CONTROL = set(range(0, 9)) | {11, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31}


@define(frozen=True)
class Source:
    """A file as a format sees it: its bytes, and its text when it is text."""

    path: str
    data: bytes = field(repr=False)
    text: str | None = field(repr=False)
    encoding: str | None = None
    warnings: tuple[ParseWarning, ...] = ()

    @cached_property
    def lines(self) -> tuple[str, ...]:
        """The text split into lines; index 0 is line 1. Empty for a binary file."""
        if self.text is None:
            return ()
        lines = self.text.split("\n")
        if lines and lines[-1] == "":
            lines.pop()  # the newline that ends the last line does not start another
        return tuple(lines)

    @property
    def suffix(self) -> str:
        return Path(self.path).suffix.lower()

    @classmethod
    def from_text(cls, text: str, path: str = "<text>") -> Source:
        """A source from a string, as tests and library users have it."""
        return cls.from_bytes(text.encode("utf-8"), path)

    @classmethod
    def from_bytes(cls, data: bytes, path: str) -> Source:
        text, encoding, warnings = decode(data, path)
        return cls(path=path, data=data, text=text, encoding=encoding, warnings=warnings)


def read_source(path: str | Path) -> Source:
    """Read a file; errors name the file and say what to do."""
    name = str(path)
    p = Path(path)
    if p.is_dir():
        raise InputError(name, "is a directory, not a report file")
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError(name, "no such file") from None
    except OSError as exc:
        raise InputError(name, f"cannot be read: {exc.strerror or exc}") from None
    return Source.from_bytes(data, name)


def looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    if not sample:
        return False
    controls = sum(1 for b in sample if b in _BINARY_CONTROL)
    return controls / len(sample) > 0.01


def decode(data: bytes, path: str) -> tuple[str | None, str | None, tuple[ParseWarning, ...]]:
    """Bytes to normalised text, or None when the bytes are not text."""
    if data.startswith(b"%PDF") or looks_binary(data):
        return None, None, ()
    warnings: list[ParseWarning] = []
    encoding = "utf-8"
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
        encoding = "utf-8-sig"
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        text = data.decode("cp1252", errors="replace")
        encoding = "cp1252"
        warnings.append(
            ParseWarning(
                "not valid UTF-8; read as cp1252 (Windows Latin-1) — check Swedish letters",
                line=line,
                path=path,
                code="encoding",
            )
        )
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "")
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text, encoding, tuple(warnings)

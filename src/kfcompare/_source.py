"""Reading a file into the text every format sees.

Decoding happens once, here, so every format gets the same answer to "what does line 120
say": UTF-8 (with or without BOM) or, failing that, cp1252 with a warning; CRLF and CR
line ends made LF; form feeds dropped (they mark pages, not lines); Swedish letters in
NFC form so 'å' matches 'å' whether the extractor decomposed it or not.
"""

from __future__ import annotations

import os
import re
import stat
import unicodedata
from functools import cached_property
from pathlib import Path

from attrs import define, field

from .errors import InputError
from ._escaping import CONTROL, visible
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


#: the largest file read, in MB, unless KFCOMPARE_MAX_FILE_MB says otherwise; the largest real
#: report text is under 1 MB, so this only stops /dev/zero-like input from exhausting memory
MAX_FILE_MB = 50
MAX_FILE_ENV = "KFCOMPARE_MAX_FILE_MB"
MB = 1_000_000


def max_file_bytes() -> int:
    raw = os.environ.get(MAX_FILE_ENV, "").strip()
    try:
        megabytes = float(raw) if raw else MAX_FILE_MB
    except ValueError:
        megabytes = MAX_FILE_MB
    return int(max(megabytes, 0) * MB) if megabytes == megabytes else MAX_FILE_MB * MB


def read_source(path: str | Path) -> Source:
    """Read a file; errors name the file and say what to do.

    Only a regular file is read (a FIFO would block and a device never end), and at most
    ``max_file_bytes()``: the descriptor is opened non-blocking and checked before a byte is read.
    """
    return Source.from_bytes(read_regular_file(path, max_file_bytes()), str(path))


def read_regular_file(path: str | os.PathLike[str], limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; anything else an InputError."""
    name = os.fspath(path)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise InputError(name, "filen finns inte") from None
    except IsADirectoryError:
        raise InputError(name, "är en mapp, inte en rapportfil") from None
    except OSError as exc:
        raise InputError(name, f"kan inte läsas: {_reason(exc)}") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise InputError(name, "är en mapp, inte en rapportfil")
        if not stat.S_ISREG(info.st_mode):
            raise InputError(name, f"är ingen vanlig fil ({_file_kind(info.st_mode)}); kfcompare läser bara vanliga filer")
        if info.st_size > limit:
            raise InputError(name, _too_large(info.st_size, limit))
        chunks: list[bytes] = []
        size = 0
        while chunk := os.read(fd, min(1 << 20, limit + 1 - size) or 1):
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:  # the file grew while it was read
                raise InputError(name, _too_large(size, limit))
    except OSError as exc:
        raise InputError(name, f"kan inte läsas: {_reason(exc)}") from None
    finally:
        os.close(fd)
    return b"".join(chunks)


def _reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "åtkomst nekad"
    return exc.strerror or str(exc)


def _file_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "en namngiven rörledning (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "en enhet"
    if stat.S_ISSOCK(mode):
        return "en socket"
    return "inte en vanlig fil"


def _too_large(size: int, limit: int) -> str:
    return (
        f"är större ({size / MB:.1f} MB) än gränsen {limit / MB:g} MB per fil"
        f" (miljövariabeln {MAX_FILE_ENV} höjer den)"
    )


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
        text = data.decode("utf-8", errors="replace")
        if _cut_inside_a_character(data, exc):
            message = "filen slutar mitt i ett tecken (avkortad fil?); det ofullständiga tecknet är ersatt med \ufffd"
            code = "truncated"
        elif _mostly_utf8(text):
            message, code = "ogiltiga UTF-8-byte; de är ersatta med \ufffd (första här)", "encoding"
        else:
            text = data.decode("cp1252", errors="replace")
            encoding = "cp1252"
            message, code = "inte giltig UTF-8; läst som cp1252 (Windows Latin-1) — kontrollera å, ä och ö", "encoding"
        warnings.append(ParseWarning(message, line=line, path=path, code=code))
    return _cleaned(text, path, warnings, encoding)


def _cleaned(
    text: str, path: str, warnings: list[ParseWarning], encoding: str
) -> tuple[str, str, tuple[ParseWarning, ...]]:
    text, more = _control_characters(_normalised(text), path)
    return text, encoding, (*warnings, *more)


def _cut_inside_a_character(data: bytes, exc: UnicodeDecodeError) -> bool:
    """The only undecodable bytes are the start of a multi-byte character at the very end."""
    return exc.end == len(data) and len(data) - exc.start < 4 and exc.reason == "unexpected end of data"


def _mostly_utf8(text: str) -> bool:
    """UTF-8 with a few damaged bytes, not a cp1252 file, whose letters are all invalid UTF-8."""
    damaged = text.count("\ufffd")
    return len(_NON_ASCII.findall(text)) - damaged > damaged


_NON_ASCII = re.compile("[^\x00-\x7f]")


#: what other PDF producers and extractors print for the same characters: ligatures, soft
#: (optional) hyphens, no-break and thin spaces (in '1 071,1'), the minus sign U+2212
_PRINTED_FORMS = str.maketrans(
    {
        "\ufb00": "ff",
        "\ufb01": "fi",
        "\ufb02": "fl",
        "\ufb03": "ffi",
        "\ufb04": "ffl",
        "\u00ad": "",
        "\u00a0": " ",
        "\u2007": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\u2212": "-",
    }
)
_PRINTED_FORM = re.compile("[\ufb00-\ufb04\u00ad\u00a0\u2007\u2009\u202f\u2212]")
#: an en dash used as a minus sign: directly before a digit, not after a word ('jan – mars',
#: '2020–2021' stay)
#: (the dash first, so the search jumps from dash to dash; the look-behind checks what precedes it)
_EN_DASH_MINUS = re.compile(r"\u2013(?<![\w\-]\u2013)(?=\d)")


def _normalised(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "")
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if _PRINTED_FORM.search(text):
        text = text.translate(_PRINTED_FORMS)
    if "\u2013" in text:
        text = _EN_DASH_MINUS.sub("-", text)
    return text


def _control_characters(text: str, path: str) -> tuple[str, tuple[ParseWarning, ...]]:
    """Control characters made visible, so no report text can drive a terminal or forge a line."""
    found = CONTROL.search(text)
    if found is None:
        return text, ()
    line = text.count("\n", 0, found.start()) + 1
    warning = ParseWarning(
        f"styrtecken i texten (första {found.group()!a}) visas som {visible(found.group())!s}",
        line=line,
        path=path,
        code="control-characters",
    )
    return CONTROL.sub(lambda m: visible(m.group()), text), (warning,)

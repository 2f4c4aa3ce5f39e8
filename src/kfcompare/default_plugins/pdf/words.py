"""Words with their boxes, page by page, from a PDF's text layer (PDFium through pypdfium2).

PDFium was chosen by measurement (benchmarks/pdf_reading.py): it gives characters with boxes
an order of magnitude faster than pdfminer-based libraries, and a page is closed before the
next is opened, so memory does not grow with the page count.
"""

from __future__ import annotations

import ctypes
import re
from collections.abc import Iterator

from attrs import frozen

#: what PDFium reports for a hyphen at a line break
_LINE_HYPHEN = "\ufffe"
#: a word: up to white space, or through a line-break hyphen (PDFium puts no line break after it)
_WORD = re.compile(r"[^\s\x00\ufffe]+\ufffe?|\ufffe")


@frozen
class Word:
    """One word on a page; coordinates in points from the page's top left corner."""

    text: str
    x0: float
    x1: float
    #: the baseline, from the top of the page
    y: float
    #: font size in points
    size: float
    #: the text layer has a space right after the word (also at a line's end: the line
    #: wrapped at a space, not inside a word)
    space_after: bool = False
    page: int = 0
    #: the word ends in a hyphen the line broke at ('språk-' + 'och'): it joins the next
    #: line's first word without a space
    broken: bool = False


@frozen
class Page:
    number: int  # 1-based
    width: float
    height: float
    words: tuple[Word, ...]
    #: the page shows images: with no words it is a scan
    has_images: bool = False


class PdfTextError(Exception):
    """The file cannot be read as a PDF with text (reason in Swedish)."""


def read_pages(data: bytes, path: str) -> Iterator[Page]:
    """Every page's words, one page in memory at a time."""
    import pypdfium2 as pdfium  # noqa: PLC0415 - heavy: only when a PDF is read
    import pypdfium2.raw as raw  # noqa: PLC0415

    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise PdfTextError("PDF-filen är krypterad (lösenordsskyddad); spara den utan lösenord och försök igen") from None
        raise PdfTextError(f"PDF-filen är skadad eller avkortad och kan inte läsas ({exc})") from None
    try:
        for index in range(len(doc)):
            page = doc[index]
            try:
                width, height = page.get_size()
                textpage = page.get_textpage()
                try:
                    words = tuple(_words(raw, textpage.raw, height, index + 1))
                finally:
                    textpage.close()
                has_images = not words and _has_images(raw, page.raw)
            finally:
                page.close()
            yield Page(index + 1, width, height, words, has_images)
    finally:
        doc.close()


def _has_images(raw, page) -> bool:  # type: ignore[no-untyped-def]
    count = raw.FPDFPage_CountObjects(page)
    return any(raw.FPDFPageObj_GetType(raw.FPDFPage_GetObject(page, i)) == raw.FPDF_PAGEOBJ_IMAGE for i in range(count))


def _words(raw, textpage, height: float, page: int) -> Iterator[Word]:  # type: ignore[no-untyped-def]
    """The page's words: runs of characters between spaces and line breaks, the spaces PDFium
    generates where it sees a gap included. Boxes are asked for only at a word's ends (one
    call per character would cost most of the reading time)."""
    count = raw.FPDFText_CountChars(textpage)
    if count <= 0:
        return
    buffer = ctypes.create_string_buffer((count + 1) * 2)
    raw.FPDFText_GetText(textpage, 0, count, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)))
    text = buffer.raw[: count * 2].decode("utf-16-le", errors="replace")
    left, right, bottom, top = ctypes.c_double(), ctypes.c_double(), ctypes.c_double(), ctypes.c_double()
    box = (ctypes.byref(left), ctypes.byref(right), ctypes.byref(bottom), ctypes.byref(top))
    ox, oy = ctypes.c_double(), ctypes.c_double()
    origin = (ctypes.byref(ox), ctypes.byref(oy))
    for match in _WORD.finditer(text):
        first, last = match.start(), match.end() - 1
        raw.FPDFText_GetCharBox(textpage, first, *box)
        x0 = left.value
        raw.FPDFText_GetCharOrigin(textpage, first, *origin)
        y = oy.value
        if last != first:
            raw.FPDFText_GetCharBox(textpage, last, *box)
        x1 = right.value
        size = raw.FPDFText_GetFontSize(textpage, first)
        after = match.end()
        space_after = after < count and text[after] in " \u00a0" and not raw.FPDFText_IsGenerated(textpage, after)
        word = match.group(0)
        if word[-1] == _LINE_HYPHEN:
            word = word[:-1] + "-"
        # a word ending in a hyphen with no space after it goes on after the line break
        broken = word[-1] == "-" and not space_after and len(word) > 1
        yield Word(word, x0, x1, height - y, size, space_after, page, broken)

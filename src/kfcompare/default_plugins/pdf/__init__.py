"""Input format "pdf": the follow-up reports as the PDFs controllers download.

Words and their positions come from the PDF's text layer; the page header and footer are
dropped by position and repetition; tables are read by column geometry; the result is the
line stream the ILS readers read, so a PDF yields the same model as its text extract, with
every table cell placed by where it is printed instead of guessed.
"""

from __future__ import annotations

from collections.abc import Sequence

from ...errors import ParseError
from ...hookspecs import InputFormat, Output, ParseOptions, hookimpl
from ...model import Report
from ..._source import Source
from .. import ils2020
from .pages import PageNoise, page_lines
from .provenance import with_pages
from .render import PdfLine, render
from .words import PdfTextError, read_pages

NAME = "pdf"


def score(source: Source) -> float:
    return 1.0 if source.data[:1024].lstrip().startswith(b"%PDF") else 0.0


def read_lines(source: Source) -> list[PdfLine]:
    """The PDF as the line stream the readers take (what ``parse --format text`` shows)."""
    # two passes, one page in memory at a time: the first learns the running header and
    # footer, the second reads the pages without them into the line stream
    noise = PageNoise()
    pages = with_words = with_images = 0
    try:
        for page in read_pages(source.data, source.path):
            noise.learn(page_lines(page))
            pages += 1
            with_words += bool(page.words)
            with_images += page.has_images
    except PdfTextError as exc:
        raise ParseError(source.path, str(exc)) from None
    if pages and not with_words:
        scanned = " (sidorna är bilder: en inskannad rapport)" if with_images else ""
        raise ParseError(
            source.path,
            f"PDF-filen har inget textlager{scanned}; kfcompare läser inte text ur bilder (ingen OCR) — "
            "använd rapportens original-PDF från mötessystemet",
        )
    return render(noise.drop(page_lines(page)) for page in read_pages(source.data, source.path))


def parse(source: Source, options: ParseOptions) -> Sequence[Report]:
    lines = read_lines(source)
    pages = {line.no: line.page for line in lines}
    rows = {line.no: line.page_line for line in lines}
    return [with_pages(report, pages, rows).evolve(format=NAME) for report in ils2020.parse_lines(lines, source.path)]


@hookimpl
def kfcompare_outputs() -> list[Output]:
    from .page_view import OUTPUT  # noqa: PLC0415

    return [OUTPUT]


@hookimpl
def kfcompare_input_formats() -> list[InputFormat]:
    return [
        InputFormat(
            name=NAME,
            description="ILS follow-up reports 2020–2021 as PDF files (words placed by their position on the page)",
            score=score,
            parse=parse,
        )
    ]

"""A PDF is read a page at a time: the renderer pulls pages as it gets to them and lets go
of the lines behind it, so a long report is not held whole as words."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from kfcompare.default_plugins.pdf.pages import PageNoise, PrintedLine, page_lines
from kfcompare.default_plugins.pdf.render import _Flow, render
from kfcompare.default_plugins.pdf.words import read_pages

PDF = Path(__file__).resolve().parent / "fixtures" / "pdf" / "hasselby-vallingby_vb_2020.pdf"


def _pages() -> list[list[PrintedLine]]:
    data = PDF.read_bytes()
    noise = PageNoise()
    pages = [page_lines(page) for page in read_pages(data, str(PDF))]
    for lines in pages:
        noise.learn(lines)
    return [noise.drop(lines) for lines in pages]


def test_pages_are_pulled_as_needed_and_let_go_of() -> None:
    pages = _pages()
    pulled: list[int] = []

    def lazily() -> Iterator[list[PrintedLine]]:
        for k, lines in enumerate(pages):
            pulled.append(k)
            yield lines

    flow = _Flow(lazily(), {})
    assert flow[0].text == pages[0][0].text and pulled == [0]
    far = sum(len(p) for p in pages[:10])
    assert flow[far].page == pages[10][0].page and len(pulled) == 11
    flow.release(far)
    assert len(flow._lines) == sum(len(p) for p in pages[10:11])  # only the current page is held
    assert len(flow) > far and len(pulled) < len(pages)  # read ahead a few pages, not the file


def test_how_far_ahead_pages_are_read_changes_nothing(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    pages = _pages()
    monkeypatch.setattr(_Flow, "_AHEAD", 10**6)  # every page in memory before the first line
    whole = render(iter(pages))
    monkeypatch.setattr(_Flow, "_AHEAD", 1)  # a page only when a line of it is asked for
    lean = render(iter(pages))
    assert [(line.no, line.raw, line.cells, line.page) for line in lean] == [
        (line.no, line.raw, line.cells, line.page) for line in whole
    ]
    assert sum(1 for line in whole if line.cells) == 76  # the 76 indicator rows

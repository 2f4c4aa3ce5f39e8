"""Any words anywhere on any pages give a model or kfcompare's own error, never a crash; any
bytes that claim to be a PDF likewise."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kfcompare
from kfcompare import KfcompareError
from kfcompare.default_plugins import ils2020
from kfcompare.default_plugins.pdf.pages import drop_page_noise, page_lines
from kfcompare.default_plugins.pdf.render import render
from kfcompare.default_plugins.pdf.words import Page, Word

VOCABULARY = [
    "Indikator", "Periodens", "utfall", "Utfall", "män/", "kvinn", "or/", "VB", "2019", "2020", "Prognos",
    "helår", "Årsmål", "KF:s", "årsmål", "Period", "Aktivitet", "Startdatum", "Slutdatum", "Avvikelse",
    "2020-01-01", "2020-12-31", "Mnkr", "Tkr", "Budget", "Begärda", "Netto", "-12,5", "3,1", "%", "st",
    "Analys", "Nämndmål:", "KF:s inriktningsmål:", "1.1", "Uppfylls", "helt", "Tas", "fram", "Sid", "1",
    "(3)", "Tertial", "Andel", "barn", "språk-", "och", "Uppföljning", "av", "ekonomi",
]

words = st.builds(
    Word,
    text=st.sampled_from(VOCABULARY),
    # on a grid of lines and columns, so headers, rows and page margins form often
    x0=st.integers(0, 12).map(lambda k: 60.0 + 40 * k),
    x1=st.integers(0, 12).map(lambda k: 90.0 + 40 * k),
    y=st.integers(0, 60).map(lambda k: 40.0 + 12.5 * k),
    size=st.sampled_from([8.0, 9.0, 12.0]),
    space_after=st.booleans(),
    page=st.just(0),
    broken=st.booleans(),
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(words, max_size=60), min_size=1, max_size=4))
def test_any_words_read_or_fail_cleanly(pages: list[list[Word]]) -> None:
    built = [
        Page(n, 595.0, 842.0, tuple(Word(w.text, min(w.x0, w.x1), max(w.x0, w.x1), w.y, w.size, w.space_after, n, w.broken) for w in ws))
        for n, ws in enumerate(pages, 1)
    ]
    lines = render(drop_page_noise([page_lines(page) for page in built]))
    try:
        ils2020.parse_lines(lines, "x.pdf")
    except KfcompareError:
        pass


@settings(max_examples=40, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_after_the_pdf_magic_fail_cleanly(tail: bytes) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "x.pdf"
        path.write_bytes(b"%PDF-1.4\n" + tail)
        try:
            kfcompare.parse_file(path)
        except KfcompareError:
            pass

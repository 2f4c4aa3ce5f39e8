"""Reading PDFs: pages per second and memory, beside the PDF library's own bare extraction.

    .venv/bin/python benchmarks/pdf_reading.py            # the corpus in tests/fixtures/pdf
    .venv/bin/python benchmarks/pdf_reading.py --plumber  # also pdfplumber, if installed

Rows: (1) PDFium's bare text of every page (the floor); (2) PDFium's characters with
their boxes, as words (what kfcompare needs); (3) kfcompare's whole read of the PDF to a
report (words, page noise, tables, the ILS readers); with --plumber (4) pdfplumber's
words and (5) its bare text, the alternative that was measured and not chosen. Memory:
peak RSS of a fresh process parsing one report PDF and the same pages repeated tenfold;
flat means the tenfold file does not need ten times the memory. Target: >= 30 pages/s.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "fixtures" / "pdf"
TARGET_PAGES_PER_S = 30.0


def _pdfium_text(files: list[Path]) -> int:
    import pypdfium2 as pdfium

    pages = 0
    for path in files:
        doc = pdfium.PdfDocument(path)
        for page in doc:
            textpage = page.get_textpage()
            textpage.get_text_bounded()
            textpage.close()
            page.close()
            pages += 1
        doc.close()
    return pages


def _pdfium_words(files: list[Path]) -> int:
    from kfcompare.default_plugins.pdf.words import read_pages

    return sum(1 for path in files for _ in read_pages(path.read_bytes(), str(path)))


def _kfcompare(files: list[Path]) -> int:
    import pypdfium2 as pdfium

    import kfcompare

    kfcompare.parse_file(files[0])  # plugins loaded and modules imported before the clock runs
    start = time.perf_counter()
    for path in files:
        kfcompare.parse_file(path)
    _kfcompare.seconds = time.perf_counter() - start  # type: ignore[attr-defined]
    return sum(len(pdfium.PdfDocument(path)) for path in files)


def _plumber(files: list[Path], words: bool) -> int:
    import pdfplumber

    pages = 0
    for path in files:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                page.extract_words() if words else page.extract_text()
                page.flush_cache()
                pages += 1
    return pages


def _rate(label: str, run, files: list[Path]) -> dict[str, object]:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    pages = run(files)
    seconds = getattr(run, "seconds", time.perf_counter() - start)
    return {"what": label, "pages": pages, "seconds": round(seconds, 2), "pages_per_s": round(pages / seconds, 1)}


def _peak_mb(path: Path) -> float:
    """Peak resident memory of a fresh process parsing ``path`` (VmHWM: ru_maxrss would carry
    this process's own peak over into the child on Linux)."""
    code = (
        "import kfcompare, sys; kfcompare.parse_file(sys.argv[1]); "
        "print([l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM')][0])"
    )
    out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True)
    return float(out.stdout.strip()) / 1024


def _repeated(path: Path, times: int, target: Path) -> int:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(path)
    out = pdfium.PdfDocument.new()
    for _ in range(times):
        out.import_pages(doc)
    out.save(str(target))
    return len(out)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--plumber", action="store_true", help="also measure pdfplumber (if installed)")
    args = parser.parse_args()
    files = sorted(CORPUS.glob("*.pdf"))
    rows = [
        _rate("pypdfium2 bare text (floor)", _pdfium_text, files),
        _rate("pypdfium2 words with boxes", _pdfium_words, files),
        _rate("kfcompare parse (whole read)", _kfcompare, files),
    ]
    if args.plumber:
        rows.append(_rate("pdfplumber words", lambda f: _plumber(f, True), files))
        rows.append(_rate("pdfplumber bare text", lambda f: _plumber(f, False), files))
    for row in rows:
        print(f"{row['what']:32} {row['pages']:5} pages {row['seconds']:7.2f} s {row['pages_per_s']:8.1f} pages/s")
    whole = rows[2]["pages_per_s"]
    print(f"target >= {TARGET_PAGES_PER_S} pages/s for kfcompare's read: {'met' if whole >= TARGET_PAGES_PER_S else 'NOT met'}")
    source = CORPUS / "sodermalm_t1_2020.pdf"
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "tenfold.pdf"
        pages = _repeated(source, 10, big)
        one, ten = _peak_mb(source), _peak_mb(big)
    print(f"peak memory parsing {source.name} (66 pages): {one:.0f} MB; the same pages tenfold ({pages}): {ten:.0f} MB")
    print(json.dumps({"rates": rows, "peak_mb_66_pages": one, f"peak_mb_{pages}_pages": ten}))


if __name__ == "__main__":
    main()

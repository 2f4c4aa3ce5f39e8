"""Regenerate the workbook pictures in docs/img/ from the bundled examples.

    .venv/bin/python scripts/render_docs.py            # all main sheets
    .venv/bin/python scripts/render_docs.py --keep out # also keep the workbook and PDFs

Each sheet is printed alone (the others hidden) by headless LibreOffice to PDF, and the
first page becomes a PNG with pdftoppm (packages libreoffice-calc, poppler-utils).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import openpyxl

from kfcompare import parse_file
from kfcompare.compare import compare
from kfcompare.default_plugins.xlsx.workbook import build_workbook

ROOT = Path(__file__).resolve().parent.parent
#: sheet -> picture name (ASCII, stable links from the README)
PICTURES = {
    "Översikt": "xlsx-oversikt",
    "Måluppfyllelse": "xlsx-maluppfyllelse",
    "Indikatorer": "xlsx-indikatorer",
    "Kön": "xlsx-kon",
    "Utveckling": "xlsx-utveckling",
    "Budget": "xlsx-budget",
    "Kontroller": "xlsx-kontroller",
    "Diagram": "xlsx-diagram",
}


def workbook_of_examples() -> bytes:
    reports = [report for path in sorted((ROOT / "examples").glob("*.txt")) for report in parse_file(path)]
    return build_workbook(compare(reports))


def only_sheet(workbook: Path, sheet: str, target: Path) -> None:
    """A copy of ``workbook`` in which ``sheet`` is the only visible one."""
    book = openpyxl.load_workbook(workbook)
    for other in book.worksheets:
        other.sheet_state = "visible" if other.title == sheet else "hidden"
    book.active = book.sheetnames.index(sheet)
    book.save(target)


def first_page_of(pdf: Path, sheet: str) -> int:
    """The first page whose header names ``sheet``: LibreOffice also prints a hidden sheet that
    has a print area (Data), so page 1 is not always the sheet asked for."""
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        return 1
    text = subprocess.run([pdftotext, "-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    for number, page in enumerate(text.split("\f"), 1):
        lines = [line.split() for line in page.splitlines() if line.strip()]
        if lines and lines[0] and lines[0][0] == sheet:
            return number
    return 1


def render(folder: Path, out: Path, resolution: int) -> list[Path]:
    workbook = folder / "jamforelse.xlsx"
    workbook.write_bytes(workbook_of_examples())
    soffice, pdftoppm = shutil.which("soffice"), shutil.which("pdftoppm")
    if not soffice or not pdftoppm:
        sys.exit("render_docs: needs soffice (libreoffice-calc) and pdftoppm (poppler-utils)")
    written = []
    for sheet, name in PICTURES.items():
        single = folder / f"{name}.xlsx"
        only_sheet(workbook, sheet, single)
        subprocess.run(
            [soffice, f"-env:UserInstallation=file://{folder}/profile", "--headless", "--convert-to", "pdf", "--outdir", str(folder), str(single)],
            check=True, capture_output=True, timeout=300,
        )  # fmt: skip
        page = str(first_page_of(folder / f"{name}.pdf", sheet))
        subprocess.run([pdftoppm, "-png", "-r", str(resolution), "-f", page, "-l", page, "-singlefile", str(folder / f"{name}.pdf"), str(out / name)], check=True)
        written.append(out / f"{name}.png")
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "img")
    parser.add_argument("--resolution", type=int, default=60, help="dots per inch of the PNGs (default 60)")
    parser.add_argument("--keep", type=Path, help="keep the workbook and the PDFs in this folder")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as temporary:
        folder = args.keep or Path(temporary)
        folder.mkdir(parents=True, exist_ok=True)
        for path in render(folder.resolve(), args.out, args.resolution):
            print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


if __name__ == "__main__":
    main()

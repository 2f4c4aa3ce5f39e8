"""The examples' workbook printed by LibreOffice: few pages, every sheet one page wide.

A controller prints the workbook to hand it on; the page count is measured on the PDF
LibreOffice makes of it (``soffice --convert-to pdf``), the pages told apart by the sheet
name printed in every page header.
"""

from __future__ import annotations

import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from kfcompare import parse_file
from kfcompare.compare import compare
from kfcompare.default_plugins.xlsx.workbook import build_workbook

SOFFICE, PDFTOTEXT = shutil.which("soffice"), shutil.which("pdftotext")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        SOFFICE is None or PDFTOTEXT is None,
        reason="needs soffice (libreoffice-calc) and pdftotext (poppler-utils); CI installs both in .ci/run",
    ),
]

#: the most pages the bundled examples may print to (539 before the print layout)
MAX_PAGES = 60


def printed_pages(workbook: Path, folder: Path) -> list[str]:
    """The text of every page of the workbook's PDF."""
    command = [SOFFICE, f"-env:UserInstallation=file://{folder}/profile", "--headless", "--convert-to", "pdf", "--outdir", str(folder), str(workbook)]
    subprocess.run(command, check=True, timeout=600, capture_output=True)
    pdf = folder / workbook.with_suffix(".pdf").name
    text = subprocess.run([PDFTOTEXT, "-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    return text.split("\f")[:-1]


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory, examples: Path) -> tuple[list[str], list[str]]:
    folder = tmp_path_factory.mktemp("print")
    reports = [report for path in sorted(examples.glob("*.txt")) for report in parse_file(path)]
    workbook = folder / "jamforelse.xlsx"
    workbook.write_bytes(build_workbook(compare(reports)))
    import openpyxl

    names = openpyxl.load_workbook(workbook, read_only=True).sheetnames
    return printed_pages(workbook, folder), names


def sheet_of(page: str, names: list[str]) -> str:
    """The sheet a page belongs to: the page header is the sheet's name, then the file's."""
    header = next(line.strip() for line in page.splitlines() if line.strip().endswith("jamforelse.xlsx"))
    return next(name for name in sorted(names, key=len, reverse=True) if header.startswith(name))


def test_the_examples_print_on_few_pages(pages: tuple[list[str], list[str]]) -> None:
    texts, names = pages
    per_sheet = Counter(sheet_of(page, names) for page in texts)
    assert set(per_sheet) == set(names)  # every sheet prints, none is empty
    assert len(texts) <= MAX_PAGES, dict(per_sheet)


def test_no_sheet_is_more_than_one_page_wide(pages: tuple[list[str], list[str]]) -> None:
    """Every page shows the sheet's first column (its header row repeats on every page):
    a page to the right of another would not."""
    texts, names = pages
    for page in texts:
        sheet = sheet_of(page, names)
        assert "Sida " in page
        first_column = FIRST_COLUMN.get(sheet)
        if first_column is not None:
            assert first_column in page, (sheet, page[:400])


#: the label of each sheet's first column, repeated at the top of every printed page
FIRST_COLUMN = {
    "Översikt": "Rapport",
    "Måluppfyllelse": "Nivå",
    "Indikatorer": "Mål",
    "Kön": "Mål",
    "Utveckling": "Utveckling",
    "Budget": "Rapport",
    "Aktiviteter": "Rapport",
    "Data": "Del",
    "Kontroller": "Typ",
    "Diagram": "Diagram",
}

"""LibreOffice opens the workbook and saves it again with the same values.

A second spreadsheet program is the check that the file is not just something openpyxl
tolerates; its re-saved copy is read back with openpyxl (cached values, data_only).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest
from xlsx_support import RISKY, column_of, header_row, report_cell, row_of, sample_reports

from kfcompare.compare import compare
from kfcompare.default_plugins.xlsx.workbook import build_workbook

SOFFICE = shutil.which("soffice")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed here; CI installs libreoffice-calc in .ci/run"),
]


def libreoffice_copy(source: Path, folder: Path) -> openpyxl.Workbook:
    """Open ``source`` in headless LibreOffice, save it as xlsx, read that back."""
    command = [SOFFICE, f"-env:UserInstallation=file://{folder}/profile", "--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(folder / "out"), str(source)]
    subprocess.run(command, check=True, timeout=300, capture_output=True)
    return openpyxl.load_workbook(folder / "out" / source.name, data_only=True)


def test_libreoffice_round_trip(tmp_path: Path) -> None:
    source = tmp_path / "jamforelse.xlsx"
    source.write_bytes(build_workbook(compare(sample_reports(risky=True))))
    book = libreoffice_copy(source, tmp_path)

    goals = book["Måluppfyllelse"]
    head = header_row(goals, "Nivå")
    row = row_of(goals, column_of(goals, "Nr", head), "1.1")
    assert goals.cell(row, column_of(goals, "Södermalm T1 2020", head)).value == "Uppfylls delvis"

    indicators = book["Indikatorer"]
    row_of(indicators, 2, RISKY[0])  # LibreOffice would show 2 had it been a formula
    assert report_cell(indicators, RISKY[0], "Hässelby-Vällingby VB 2020", "Utfall").value == pytest.approx(0.40)

    budget = book["Budget"]
    head = header_row(budget, "Rapport")
    column = column_of(budget, "Avvikelse (mnkr)", head)
    deviations = [budget.cell(r, column).value for r in range(head + 1, budget.max_row + 1)]
    assert -18 in deviations and -15 in deviations

    texts = {cell.value for sheet in book.worksheets for line in sheet.iter_rows() for cell in line}
    assert set(RISKY) <= texts
    assert "kfcompare_data" in book["Data"].tables

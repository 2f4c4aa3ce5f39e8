"""``--into``: the comparison sheets go into a controller's workbook; the rest survives."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pytest
from xlsx_support import RISKY, sample_reports

from kfcompare.compare import compare
from kfcompare.errors import OutputError
from kfcompare.default_plugins.xlsx.into_existing import MARK_PROPERTY, marked_sheets, write_into
from kfcompare.default_plugins.xlsx.workbook import build_workbook


def master(path: Path) -> Path:
    book = openpyxl.Workbook()
    own = book.active
    own.title = "Budget"  # a controller's own sheet with a name kfcompare also uses
    own["A1"] = 10
    own["A2"] = 32
    own["A3"] = "=SUM(A1:A2)"
    notes = book.create_sheet("Anteckningar")
    notes["B2"] = "=Budget!A3*2"
    notes["B3"] = "fri text"
    book.save(path)
    return path


def load(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


def test_into_keeps_other_sheets_and_formulas(tmp_path: Path) -> None:
    generated = build_workbook(compare(sample_reports(risky=True)))
    result = load(write_into(master(tmp_path / "master.xlsx"), generated))
    assert result["Budget"]["A3"].value == "=SUM(A1:A2)"
    assert result["Anteckningar"]["B2"].value == "=Budget!A3*2"
    assert result["Anteckningar"]["B3"].value == "fri text"
    ours = marked_sheets(result)
    assert "Översikt" in ours and "Budget (kfcompare)" in ours and "Budget" not in ours
    overview = result["Översikt"]
    assert overview["A5"].value == "Hässelby-Vällingby VB 2020"
    assert overview.freeze_panes == load(generated)["Översikt"].freeze_panes


def test_second_run_replaces_instead_of_duplicating(tmp_path: Path) -> None:
    path = master(tmp_path / "master.xlsx")
    path.write_bytes(write_into(path, build_workbook(compare(sample_reports()))))
    first = load(path.read_bytes()).sheetnames
    path.write_bytes(write_into(path, build_workbook(compare(sample_reports(risky=True)))))
    second = load(path.read_bytes())
    assert second.sheetnames == first
    assert second.custom_doc_props[MARK_PROPERTY].value.count("Översikt") == 1
    assert second["Budget"]["A3"].value == "=SUM(A1:A2)"


def test_risky_text_stays_text_after_copy(tmp_path: Path) -> None:
    result = load(write_into(master(tmp_path / "m.xlsx"), build_workbook(compare(sample_reports(risky=True)))))
    texts = {cell.value: cell.data_type for ws in result.worksheets for row in ws.iter_rows() for cell in row if cell.value in RISKY}
    assert texts and set(texts.values()) == {"s"}


def test_into_a_file_that_is_not_a_workbook(tmp_path: Path) -> None:
    bad = tmp_path / "master.xlsx"
    bad.write_text("not a workbook")
    with pytest.raises(OutputError, match="kan inte öppnas"):
        write_into(bad, build_workbook(compare(sample_reports())))
    with pytest.raises(OutputError, match="finns inte"):
        write_into(tmp_path / "missing.xlsx", build_workbook(compare(sample_reports())))

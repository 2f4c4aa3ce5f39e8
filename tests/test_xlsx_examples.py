"""The workbook of the bundled examples, made through the CLI, checked against the documents.

Expected values are what the report texts print (line numbers given), not what kfcompare
produced once.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from xlsx_support import column_of, header_row, report_cell, row_of

from kfcompare._cli import main

HV, SO = "Hässelby-Vällingby VB 2020", "Södermalm T1 2020"
SHARED = "Andel personer som har ekonomiskt bistånd i förhållande till befolkningen"


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory, examples: Path) -> Path:
    target = tmp_path_factory.mktemp("xlsx") / "jamforelse.xlsx"
    files = [str(examples / "hasselby-vallingby_vb_2020.txt"), str(examples / "sodermalm_t1_2020.txt")]
    assert main(["compare", *files, "-o", str(target)]) == 0
    return target


@pytest.fixture(scope="module")
def book(made: Path) -> openpyxl.Workbook:
    return openpyxl.load_workbook(made)


def test_area_goal_1_1_assessed_in_both(book: openpyxl.Workbook) -> None:
    sheet = book["Måluppfyllelse"]
    head = header_row(sheet, "Nivå")
    rows = [r for r in range(head + 1, sheet.max_row + 1) if sheet.cell(r, 2).value == "1.1" and sheet.cell(r, 1).value == "KF-mål"]
    [row] = [r for r in rows if sheet.cell(r, 3).value.startswith("I Stockholm är människor självförsörjande")]
    assert sheet.cell(row, column_of(sheet, HV, head)).value == "Uppfylls helt"  # hasselby-vallingby_vb_2020.txt:219
    assert sheet.cell(row, column_of(sheet, SO, head)).value == "Uppfylls helt"  # sodermalm_t1_2020.txt:155


def test_shared_indicator_outcome_and_kf_target(book: openpyxl.Workbook) -> None:
    sheet = book["Indikatorer"]
    # printed '2,22 %' and '0,56 %' against KF:s årsmål '1,5 %' (hv:347, sö:242)
    assert report_cell(sheet, SHARED, HV, "Utfall").value == pytest.approx(0.0222)
    assert report_cell(sheet, SHARED, SO, "Utfall").value == pytest.approx(0.0056)
    assert report_cell(sheet, SHARED, HV, "KF:s årsmål").value == pytest.approx(0.015)
    assert report_cell(sheet, SHARED, SO, "KF:s årsmål").value == pytest.approx(0.015)
    assert report_cell(sheet, SHARED, HV, "Utfall").number_format == "0.00%"
    assert report_cell(sheet, SHARED, HV, "Källa (fil:rad)").value == "hasselby-vallingby_vb_2020.txt:347-365"
    assert report_cell(sheet, SHARED, SO, "Källa (fil:rad)").value.startswith("sodermalm_t1_2020.txt:242")


def test_budget_deviation(book: openpyxl.Workbook) -> None:
    sheet = book["Budget"]
    head = header_row(sheet, "Rapport")
    row = row_of(sheet, column_of(sheet, "Rad i filen", head), 4157)  # Individ- och familjeomsorg … -15,0
    assert sheet.cell(row, 1).value == SO
    assert sheet.cell(row, column_of(sheet, "Avvikelse (mnkr)", head)).value == -15
    assert sheet.cell(row, column_of(sheet, "Budget (mnkr)", head)).value == pytest.approx(226.2)


def test_kontroller_has_the_misprinted_deviation(book: openpyxl.Workbook) -> None:
    # sodermalm_t1_2020.txt:4162 'varav socialpsykiatri 61,0 66,1 66,1 -5,0': 61,0 − 66,1 = −5,1
    sheet = book["Kontroller"]
    head = header_row(sheet, "Typ")
    lines = column_of(sheet, "Rad", head)
    rows = [r for r in range(head + 1, sheet.max_row + 1) if sheet.cell(r, lines).value == 4162]
    assert any(
        sheet.cell(r, column_of(sheet, "Tryckt", head)).value == -5 and sheet.cell(r, column_of(sheet, "Förväntat", head)).value == pytest.approx(-5.1)
        for r in rows
    )
    assert {sheet.cell(r, column_of(sheet, "Källfil", head)).value for r in rows} == {"sodermalm_t1_2020.txt"}


def test_cli_twice_gives_the_same_bytes(made: Path, examples: Path, tmp_path: Path) -> None:
    again = tmp_path / "igen.xlsx"
    files = [str(examples / "sodermalm_t1_2020.txt"), str(examples / "hasselby-vallingby_vb_2020.txt")]  # other order
    assert main(["compare", *files, "-o", str(again)]) == 0
    assert again.read_bytes() == made.read_bytes()


def test_cli_into_twice(tmp_path: Path, examples: Path) -> None:
    master = tmp_path / "master.xlsx"
    book = openpyxl.Workbook()
    book.active.title = "Prognos"
    book.active["A1"], book.active["A2"] = 5, "=A1*2"
    book.save(master)
    files = [str(examples / "sodermalm_t1_2020.txt")]
    assert main(["compare", *files, "--into", str(master)]) == 0
    assert main(["compare", *files, "--into", str(master)]) == 0
    result = openpyxl.load_workbook(master)
    assert result.sheetnames[0] == "Prognos" and result.sheetnames.count("Översikt") == 1
    assert len(result.sheetnames) == 11  # Prognos and the ten sheets of kfcompare
    assert result["Prognos"]["A2"].value == "=A1*2"
    assert main(["compare", *files, "--into", str(master), "--format", "json"]) == 2

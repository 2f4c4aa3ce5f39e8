"""The comparison workbook read back with openpyxl: real cells, text kept as text, same bytes."""

from __future__ import annotations

import io

import openpyxl
import pytest
from xlsx_support import RISKY, column_of, header_row, report_cell, row_of, sample_reports

from kfcompare.compare import compare
from kfcompare.hookspecs import RenderContext
from kfcompare.default_plugins.xlsx.data_checks import TABLE_NAME
from kfcompare.default_plugins.xlsx.into_existing import MARK_PROPERTY
from kfcompare.default_plugins.xlsx import kfcompare_outputs, render
from kfcompare.default_plugins.xlsx.workbook import build_workbook

SHEETS = ["Översikt", "Måluppfyllelse", "Indikatorer", "Kön", "Utveckling", "Budget", "Aktiviteter", "Data", "Kontroller", "Diagram"]
HV, SO = "Hässelby-Vällingby VB 2020", "Södermalm T1 2020"


@pytest.fixture(scope="module")
def book() -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(build_workbook(compare(sample_reports(risky=True)))))


def test_sheets_in_order_and_marked(book: openpyxl.Workbook) -> None:
    assert book.sheetnames == SHEETS
    assert book.custom_doc_props[MARK_PROPERTY].value.split("|") == SHEETS


def test_goal_assessments_per_report(book: openpyxl.Workbook) -> None:
    sheet = book["Måluppfyllelse"]
    head = header_row(sheet, "Nivå")
    row = row_of(sheet, column_of(sheet, "Nr", head), "1.1")
    assert sheet.cell(row, column_of(sheet, HV, head)).value == "Uppfylls helt"
    assert sheet.cell(row, column_of(sheet, SO, head)).value == "Uppfylls delvis"
    unassessed = row_of(sheet, column_of(sheet, "Nr", head), "1.2")
    assert sheet.cell(unassessed, column_of(sheet, HV, head)).value == "ej bedömd"
    fill = sheet.cell(row, column_of(sheet, HV, head)).fill.fgColor.rgb
    assert fill.endswith("C6EFCE")  # green, and the words are there too


def test_indicator_outcome_and_kf_target(book: openpyxl.Workbook) -> None:
    sheet = book["Indikatorer"]
    outcome = report_cell(sheet, RISKY[0], SO, "Utfall")
    assert outcome.value == pytest.approx(0.43)
    assert outcome.number_format.endswith("%")
    assert report_cell(sheet, RISKY[0], SO, "KF:s årsmål").value == pytest.approx(0.45)
    assert report_cell(sheet, RISKY[0], HV, "Utfall").value == pytest.approx(0.40)
    assert report_cell(sheet, RISKY[0], HV, "Källa (fil:rad)").value == "hasselby-vallingby_vb_2020.txt:120"


def test_gender_gap(book: openpyxl.Workbook) -> None:
    sheet = book["Kön"]
    assert report_cell(sheet, RISKY[0], HV, "Kvinnor").value == pytest.approx(0.42)
    assert report_cell(sheet, RISKY[0], HV, "Skillnad k − m").value == 4
    assert report_cell(sheet, RISKY[0], HV, "Källa (fil:rad)").value == "hasselby-vallingby_vb_2020.txt:120"


def test_budget_deviation_negative(book: openpyxl.Workbook) -> None:
    sheet = book["Budget"]
    head = header_row(sheet, "Rapport")
    area = column_of(sheet, "Verksamhetsområde", head)
    rows = [r for r in range(head + 1, sheet.max_row + 1) if sheet.cell(r, 1).value == SO and sheet.cell(r, area).value == "Individ- och familjeomsorg"]
    assert len(rows) == 1
    deviation = sheet.cell(rows[0], column_of(sheet, "Avvikelse (mnkr)", head))
    assert deviation.value == -18
    assert sheet.cell(rows[0], column_of(sheet, "Avvikelse (% av budget)", head)).value == pytest.approx(-0.1)
    assert "[Red]" in deviation.number_format


def test_findings_with_file_and_line(book: openpyxl.Workbook) -> None:
    sheet = book["Kontroller"]
    head = header_row(sheet, "Typ")
    row = row_of(sheet, column_of(sheet, "Meddelande", head), "the document ends mid-sentence")
    assert sheet.cell(row, column_of(sheet, "Källfil", head)).value == "sodermalm_t1_2020.txt"
    assert sheet.cell(row, column_of(sheet, "Rad", head)).value == 299


def test_data_is_an_excel_table_with_source_lines(book: openpyxl.Workbook) -> None:
    sheet = book["Data"]
    table = sheet.tables[TABLE_NAME]
    assert table.ref.startswith("A1:") and int(table.ref.rsplit("P", 1)[1]) == sheet.max_row
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    budget = [r for r in rows if r[0] == "budget" and r[1] == SO and r[9] == "Avvikelse"]
    assert [r[11] for r in budget] == [-18, 2]
    assert all(r[15] for r in rows) and all(r[14].endswith(".txt") for r in rows)


def test_text_that_looks_like_a_formula_stays_text(book: openpyxl.Workbook) -> None:
    found = {}
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and (cell.value in RISKY or cell.value.startswith(RISKY[0])):
                    found.setdefault(cell.value, set()).add(cell.data_type)
    assert set(RISKY) <= set(found)  # "=1+1", "+46…", "-5 %…", "@SUM…" all written
    assert {kind for kinds in found.values() for kind in kinds} == {"s"}


def test_frozen_panes_and_filters(book: openpyxl.Workbook) -> None:
    for name in ("Översikt", "Måluppfyllelse", "Indikatorer", "Budget", "Aktiviteter", "Kontroller"):
        sheet = book[name]
        assert sheet.freeze_panes is not None, name
        assert sheet.auto_filter.ref, name


def test_same_input_same_bytes() -> None:
    first = build_workbook(compare(sample_reports(risky=True)))
    again = build_workbook(compare(sample_reports(risky=True)))
    assert first == again
    assert build_workbook(compare(sample_reports())) != first


def test_plugin_renders_bytes() -> None:
    [output] = kfcompare_outputs()
    assert (output.name, output.suffix, output.binary, output.commands) == ("xlsx", ".xlsx", True, ("compare",))
    data = render(RenderContext(sample_reports(), "compare"))
    assert data[:2] == b"PK"


def test_data_sheet_is_one_table_with_every_long_row(tmp_path, examples) -> None:
    """The Data sheet is streamed row by row; its table and header must still be whole."""
    import io as _io

    from openpyxl import load_workbook as _load

    from kfcompare._cli import main as _main
    from kfcompare.compare import compare as _compare
    from kfcompare.default_plugins.xlsx.data_checks import DATA_LABELS, TABLE_NAME
    from kfcompare.parsing import parse_paths

    target = tmp_path / "jamforelse.xlsx"
    assert _main(["compare", str(examples), "-o", str(target)], out=_io.StringIO(), err=_io.StringIO()) == 0
    sheet = _load(target)["Data"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == DATA_LABELS
    expected = list(_compare(parse_paths([examples / n for n in sorted(p.name for p in examples.glob("*.txt"))])).long_table())
    assert len(rows) - 1 == len(expected)
    assert sheet.tables[TABLE_NAME].ref == f"A1:P{len(expected) + 1}"
    first = expected[0]
    assert rows[1][8] == first.item and rows[1][10] == first.raw and rows[1][15] == first.line

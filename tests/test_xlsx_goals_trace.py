"""Enhetsmål in Måluppfyllelse, the same counts in Översikt and the terminal, and every value
and assessment traceable to its file and line (a column or a cell comment).

Expected values are what examples/hagersten-alvsjo_ung-fritid_vb_2020.txt prints (lines given).
"""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pytest
from xlsx_support import column_of, header_row, report_cell

from kfcompare._cli import main

HA = "Hägersten-Älvsjö / Enheten ung fritid VB 2020"
#: the unit's five enhetsmål, each 'Uppfylls helt', and the nämndmål printed above each
ENHETSMAL = {
    "Unga får stöd av vuxna och är trygga i den offentliga miljön": (407, "Hägersten-Liljeholmen är ett tryggt och säker"),
    "Ungdomar boende i Hägersten-Liljeholmen har tillgång till ett varierat utbud av kultur och evenemang": (944, "Boende i Hägersten-Liljeholmen har tillgång t"),
    "Enhetens medarbetare gör medvetna val för att ta ansvar för miljön": (1084, "Stadsdelsnämndens verksamheter gör medvetna v"),
    "Enhetens verksamheter har en långsiktigt hållbar ekonomi.": (1137, "Stadsdelsnämndens verksamheter har en långsik"),
    "Enheten är en god arbetsgivare och dess verksamheter erbjuder en god arbetsmiljö": (1240, "Stadsdelsnämnden är en attraktiv arbetsgivare"),
}


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory, examples: Path) -> tuple[openpyxl.Workbook, str]:
    target = tmp_path_factory.mktemp("trace") / "jamforelse.xlsx"
    out = io.StringIO()
    assert main(["compare", str(examples), "-o", str(target)], out=out, err=io.StringIO()) == 0
    return openpyxl.load_workbook(target), out.getvalue()


def test_enhetsmal_under_their_namndmal_with_assessment_and_line(made: tuple[openpyxl.Workbook, str]) -> None:
    sheet = made[0]["Måluppfyllelse"]
    head = header_row(sheet, "Nivå")
    column = column_of(sheet, HA, head)
    rows = {sheet.cell(r, 3).value: r for r in range(head + 1, sheet.max_row + 1) if sheet.cell(r, 1).value == "Enhetsmål"}
    for title, (line, namndmal) in ENHETSMAL.items():
        row = rows[title]
        cell = sheet.cell(row, column)
        assert cell.value == "Uppfylls helt"
        assert cell.comment.text.startswith(f"hagersten-alvsjo_ung-fritid_vb_2020.txt:{line}: ")
        above = next(r for r in range(row - 1, head, -1) if sheet.cell(r, 1).value != "Enhetsmål")
        assert sheet.cell(above, 1).value == "Nämndmål" and sheet.cell(above, 3).value.startswith(namndmal)


def test_overview_and_terminal_count_the_same_goals(made: tuple[openpyxl.Workbook, str]) -> None:
    book, summary = made
    sheet = book["Översikt"]
    head = header_row(sheet, "Rapport")
    labels = {name: column_of(sheet, name, head) for name in ("Rapport", "Enhetsmål", "Uppfylls helt", "Uppfylls delvis", "Uppfylls inte")}
    table = {}
    for row in range(head + 1, sheet.max_row + 1):
        counts = [sheet.cell(row, labels[name]).value for name in ("Uppfylls helt", "Uppfylls delvis", "Uppfylls inte")]
        table[sheet.cell(row, labels["Rapport"]).value] = counts
    hagersten = next(r for r in range(head + 1, sheet.max_row + 1) if sheet.cell(r, 1).value == HA)
    assert sheet.cell(hagersten, labels["Enhetsmål"]).value == 5
    assert table[HA] == [5, 0, 0]  # the five enhetsmål; its KF-mål and nämndmål print 'Ingen'
    terminal = {}
    for line in summary.splitlines():
        parts = line.split()
        if len(parts) > 7 and parts[-7:-4] and all(p.isdigit() for p in parts[-6:]):
            terminal[" ".join(parts[:-6])] = [int(p) for p in parts[-6:-3]]
    assert len(terminal) == len(table) == 7
    for label, counts in table.items():
        shown = next(name for name in terminal if label.startswith(name.rstrip("…")))
        assert terminal[shown] == counts, label


def test_a_doubtful_reading_is_marked_on_the_cell_with_the_alternatives(made: tuple[openpyxl.Workbook, str]) -> None:
    sheet = made[0]["Indikatorer"]
    name = "Andel ungdomar som i stockholmsenkäten uppger att de inte burit vapen"  # line 608: '85 91 %'
    outcome = report_cell(sheet, name, HA, "Utfall")
    assert outcome.value == 85
    assert outcome.fill.bgColor.rgb.endswith("FFEB9C") or outcome.fill.fgColor.rgb.endswith("BFBFBF")
    assert outcome.comment.text == (
        "Osäker kolumntolkning, hagersten-alvsjo_ung-fritid_vb_2020.txt:608-622: färre värden än kolumner; "
        "läst som Utfall 85, Årsmål 91 %; andra möjliga läsningar: "
        "Utfall 85, KF:s årsmål 91 % | Årsmål 85, KF:s årsmål 91 %."
    )
    assert report_cell(sheet, name, HA, "Tolkning").value == "osäker"
    assert report_cell(sheet, name, HA, "Status").value == "osäker kolumntolkning"
    assert report_cell(sheet, name, HA, "Källa (fil:rad)").value == "hagersten-alvsjo_ung-fritid_vb_2020.txt:608-622"


def test_chart_numbers_name_their_source_line(made: tuple[openpyxl.Workbook, str]) -> None:
    sheet = made[0]["Diagram"]
    top = next(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 1).value == "1.1 Antal tillhandahållna platser för feriejobb")
    assert [sheet.cell(top + 1, c).value for c in range(1, 5)] == ["Rapport", "Utfall", "Årsmål", "Källa (fil:rad)"]
    rows = {sheet.cell(r, 1).value: (sheet.cell(r, 2).value, sheet.cell(r, 4).value) for r in range(top + 2, top + 5)}
    assert rows["Hässelby-Vällingby VB 2020"] == (743, "hasselby-vallingby_vb_2020.txt:415-423")
    assert rows[HA][0] == 368 and rows[HA][1].startswith("hagersten-alvsjo_ung-fritid_vb_2020.txt:")

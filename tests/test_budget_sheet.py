"""The Budget sheet as a hierarchy: each level its own block, read from the real reports.

Expected values are what sodermalm_t1_2020.txt and kungsholmen_units_vb_2021.txt print.
"""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from kfcompare._cli import main

SO = "Södermalm T1 2020"
KH = "Kungsholmen / Enheten för prevention och familjebehandling VB 2021"
Block = tuple[str, list[str], list[dict[str, object]]]


@pytest.fixture(scope="module")
def sheet(tmp_path_factory: pytest.TempPathFactory, examples: Path) -> openpyxl.worksheet.worksheet.Worksheet:
    target = tmp_path_factory.mktemp("budget") / "b.xlsx"
    files = [str(examples / "sodermalm_t1_2020.txt"), str(examples / "kungsholmen_units_vb_2021.txt")]
    assert main(["compare", *files, "-o", str(target)]) == 0
    return openpyxl.load_workbook(target)["Budget"]


@pytest.fixture(scope="module")
def blocks(sheet: openpyxl.worksheet.worksheet.Worksheet) -> list[Block]:
    """(title, header, rows as dicts) for each block: a title line, a header starting with
    'Rapport', rows until a blank line."""
    found: list[Block] = []
    rows = [[c.value for c in r] for r in sheet.iter_rows()]
    i = 0
    while i < len(rows):
        if i + 1 < len(rows) and rows[i + 1][0] == "Rapport" and rows[i][0] and rows[i][1] is None:
            header = [h for h in rows[i + 1] if h is not None]
            j, data = i + 2, []
            while j < len(rows) and rows[j][0] is not None:
                data.append(dict(zip(header, rows[j])))
                j += 1
            found.append((rows[i][0], header, data))
            i = j
        else:
            i += 1
    return found


def block(blocks: list[Block], title_start: str) -> list[dict[str, object]]:
    exact = [rows for title, _, rows in blocks if title == title_start]
    [rows] = exact or [rows for title, _, rows in blocks if title.startswith(title_start)]
    return rows


def of(rows: list[dict[str, object]], report: str) -> list[dict[str, object]]:
    return [row for row in rows if row["Rapport"] == report]


def test_no_budget_column_mixes_levels(blocks: list[Block]) -> None:
    money = [title for title, header, _ in blocks if "Budget (mnkr)" in header]
    assert len(money) == 6  # totals, summary, parts, area tables, investments, investment total
    for title, header, rows in blocks:
        if "Budget (mnkr)" not in header:
            continue
        for report in {row["Rapport"] for row in rows}:
            mine = of(rows, report)
            areas = [str(row["Verksamhetsområde"]).casefold() for row in mine]
            assert len(areas) == len(set(areas)), (title, areas)  # no area twice in one column
            totals = [row for row in mine if row["Rad"] == "Totalt"]
            # a Totalt only ever sits among other totals, never beside its parts
            assert not totals or "totalt" in title.casefold(), (title, areas)


def test_summary_areas_and_their_parts_add_up_to_the_printed_total(blocks: list[Block]) -> None:
    # sodermalm_t1_2020.txt:4136-4194: ten areas + avskrivningar 19,0 + internräntor 1,4 = Totalt 2439,5
    summary = of(block(blocks, "Verksamhetsområden enligt sammanställningen"), SO)
    parts = of(block(blocks, "Delposter"), SO)
    totals = of(block(blocks, "Nämnden totalt"), SO)
    assert len(summary) == 10
    assert [(p["Verksamhetsområde"], p["Budget (mnkr)"]) for p in parts] == [
        ("Stadsmiljöverksamhet: avskrivningar", 19), ("Stadsmiljöverksamhet: internräntor", 1.4)
    ]
    summed = sum(Decimal(str(r["Budget (mnkr)"])) for r in summary + parts)
    [total] = [t for t in totals if t["Rad"] == "Totalt"]
    assert summed == Decimal(str(total["Budget (mnkr)"])) == Decimal("2439.5")
    # the nämnd's driftbudget row is named by its own label, not by the table's caption
    assert [t["Verksamhetsområde"] for t in totals] == ["Anslag för nämndens verksamhet (netto)", "Totalt"]
    assert all(r.get("Verksamhetsområde") != "Uppföljning av driftbudget" for _, _, rows in blocks for r in rows)


def test_area_tables_are_their_own_block(blocks: list[Block]) -> None:
    # the summary's 'Individ- ochfamiljeomsorg' (line 4157) and the area table's Netto (line 4218)
    summary = of(block(blocks, "Verksamhetsområden enligt sammanställningen"), SO)
    areas = of(block(blocks, "Verksamhetsområden och enheter"), SO)
    assert [r["Rad i filen"] for r in summary if str(r["Verksamhetsområde"]).startswith("Individ")] == [4157]
    [ifo] = [r for r in areas if r["Verksamhetsområde"] == "Individ- och familjeomsorg"]
    assert (ifo["Rad i filen"], ifo["Budget (mnkr)"], ifo["Prognos/utfall (mnkr)"], ifo["Avvikelse (mnkr)"]) == (4218, 226.2, 241.2, -15)
    assert ifo["Bedömning"] == "underskott – stämmer inte, se Kontroller"  # Intäkter + Kostnader = 334,0, tryckt 241,2


def test_budget_adjustment_is_shown(blocks: list[Block]) -> None:
    # sodermalm_t1_2020.txt:4552 'Klimatinvesteringar 2,6 4,2 1,6 0,0' (Budget, Prognos, Budgetjusteringar)
    [klimat] = [r for r in block(blocks, "Investeringar") if r["Verksamhetsområde"] == "Klimatinvesteringar"]
    assert (klimat["Budget (mnkr)"], klimat["Budgetjusteringar (mnkr)"], klimat["Prognos/utfall (mnkr)"]) == (2.6, 1.6, 4.2)
    assert klimat["Avvikelse (mnkr)"] == 0 and klimat["Bedömning"] == "i balans"
    [total] = block(blocks, "Investeringar totalt")
    assert (total["Budget (mnkr)"], total["Budgetjusteringar (mnkr)"], total["Prognos/utfall (mnkr)"]) == (35.1, 1.6, 36.7)


def test_costs_printed_negative_are_no_deficit(sheet: openpyxl.worksheet.worksheet.Worksheet, blocks: list[Block]) -> None:
    # kungsholmen_units_vb_2021.txt:1707 'Netto (tkr) -1 000 -700 300': Utfall − Budget, costs negative
    [fritid] = [r for r in block(blocks, "Verksamhetsområden och enheter") if r["Verksamhetsområde"] == "Prevention (Fritid)"]
    assert (fritid["Budget (mnkr)"], fritid["Prognos/utfall (mnkr)"], fritid["Avvikelse (mnkr)"]) == (-1, -0.7, 0.3)
    assert fritid["Bedömning"] == "överskott"
    assert "kostnader negativa" in str(fritid["Teckenkonvention i rapporten"])
    budget_cells = [c for r in sheet.iter_rows() for c in r if c.value == -1]
    assert budget_cells and all("[Red]" not in c.number_format for c in budget_cells)


def test_colour_is_never_the_only_signal(sheet: openpyxl.worksheet.worksheet.Worksheet) -> None:
    head = next(r for r in sheet.iter_rows() if r[0].value == "Rapport")
    column = {c.value: c.column for c in head}
    seen = 0
    for cells in sheet.iter_rows(min_row=head[0].row + 1):
        deviation = cells[column["Avvikelse (mnkr)"] - 1]
        if cells[0].value in (None, "Rapport") or not isinstance(deviation.value, (int, float)):
            continue
        said = cells[column["Bedömning"] - 1]
        deficit = str(said.value).startswith("underskott")
        assert (deviation.value < 0) == deficit
        assert (said.fill.fgColor.rgb == "FFFFC7CE") == deficit  # red only with the word
        seen += deficit
    assert seen >= 3  # Individ- och familjeomsorg, Ekonomiskt bistånd twice


def test_rows_whose_figures_break_a_relation_say_so(sheet: openpyxl.worksheet.worksheet.Worksheet, blocks: list[Block]) -> None:
    # sodermalm_t1_2020.txt:4205 'Netto 71,2 0,0 0,0 0,0': Prognos printed 0,0, Avvikelse 0,0
    [admin] = [r for r in block(blocks, "Verksamhetsområden och enheter") if r["Verksamhetsområde"] == "Nämnd- och förvaltningsadministration"]
    assert admin["Bedömning"] == "i balans – stämmer inte, se Kontroller"
    [cell] = [r[7] for r in sheet.iter_rows() if r[1].value == "Nämnd- och förvaltningsadministration"]
    assert "Avvikelse = Budget + budgetjusteringar − Prognos = 71,2, tryckt 0,0" in cell.comment.text
    assert cell.fill.fgColor.rgb != "FFFFC7CE"


def test_result_items_have_their_own_block(blocks: list[Block]) -> None:
    # sodermalm_t1_2020.txt:4103 'Resultatenheterna överskott från 2019 23,9'
    items = block(blocks, "Resultatposter")
    [row] = [r for r in items if r["Post"] == "Resultatenheterna överskott från 2019"]
    assert (row["Belopp (mnkr)"], row["Rad i filen"], row["Källfil"]) == (23.9, 4103, "sodermalm_t1_2020.txt")


def test_parse_prints_varav_once(examples: Path) -> None:
    out = io.StringIO()
    assert main(["parse", str(examples / "sodermalm_t1_2020.txt")], out=out, err=io.StringIO()) == 0
    text = out.getvalue()
    assert "varav varav" not in text
    assert "varav socialpsykiatri" in text

"""Budget tables of the ILS economy part, read from the bundled corpus copies.

Expected cells are copied from the printed documents (examples/), misprints included: the
parser must keep what is printed and only decide which column a cell belongs to.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kfcompare
from kfcompare import BudgetTable, KfcompareError, ParseOptions, read_source
from kfcompare.default_plugins import ils2020
from kfcompare.default_plugins.ils2020.economy import parse_economy
from kfcompare.budget import relation_for
from kfcompare.default_plugins.ils2020.economy_cells import partitions, readings
from kfcompare.text.lines import Line, numbered, strip_page_noise

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
SODERMALM = EXAMPLES / "sodermalm_t1_2020.txt"
KUNGSHOLMEN = EXAMPLES / "kungsholmen_units_vb_2021.txt"
HAGERSTEN = EXAMPLES / "hagersten-alvsjo_ung-fritid_vb_2020.txt"


def file_lines(path: Path) -> list[Line]:
    return strip_page_noise(numbered(path.read_text(encoding="utf-8").split("\n")))


def economy_slice(path: Path, first: int, last: int) -> list[Line]:
    return [line for line in file_lines(path) if first <= line.no <= last]


def cells(table: BudgetTable) -> list[tuple[str, list[str | None]]]:
    return [(row.label, [None if v is None else v.raw for v in row.values]) for row in table.rows]


@pytest.fixture(scope="module")
def sodermalm() -> tuple[list[BudgetTable], list[kfcompare.ParseWarning]]:
    # the economy part of the Södermalm T1, 'Uppföljning av ekonomi' up to 'Övrigt'
    return parse_economy(economy_slice(SODERMALM, 4080, 4807), str(SODERMALM))


@pytest.fixture(scope="module")
def tables(sodermalm: tuple[list[BudgetTable], list[kfcompare.ParseWarning]]) -> dict[str, BudgetTable]:
    """E1..E19 by the ids of the corpus notes, in printed order."""
    found = sodermalm[0]
    return {f"E{i}": table for i, table in enumerate(found, start=1)}


def test_sodermalm_has_19_tables_and_91_rows(sodermalm: tuple[list[BudgetTable], list]) -> None:
    found, _ = sodermalm
    assert len(found) == 19
    assert sum(len(t.rows) for t in found) == 91
    first_lines = [t.provenance.first_line for t in found]
    assert first_lines == [4082, 4136, 4196, 4209, 4241, 4261, 4289, 4313, 4339, 4367,
                           4389, 4404, 4424, 4438, 4455, 4461, 4475, 4535, 4662]  # fmt: skip


def test_e1_rows_and_the_lone_values_flagged(tables: dict[str, BudgetTable]) -> None:
    e1 = tables["E1"]
    assert e1.caption == "Uppföljning av driftbudget"
    assert e1.unit == "mnkr"
    assert e1.columns == ("Budget 2020", "Begärda budgetjusteringar", "Prognos Tertial/2020", "Avvikelse")
    assert cells(e1) == [
        ("Anslag för nämndens verksamhet (netto)", ["2439,5", None, "2439,5", "0,0"]),
        ("Intäkter", ["-353,2", None, "-355,3", "2,1"]),
        ("Kostnader", ["2792,7", None, "2794,8", "-2,1"]),
        ("Prognos/avvikelse före resultatdispositioner", [None, None, None, "0,0"]),
        ("Resultatenheterna överskott från 2019", [None, None, None, "23,9"]),
        ("Resultatenheterna överskott till 2021", [None, None, None, "-23,9"]),
        ("Prognos/avvikelse efter resultatdispositioner", [None, None, None, "0,0"]),
    ]
    # three cells: Budget − Prognos = Avvikelse settles that Begärda is the empty one
    assert [row.flags for row in e1.rows[:3]] == [(), (), ()]
    # one cell: nothing in the table says which column, so it is flagged
    assert all(row.flags == ("ambiguous-columns",) for row in e1.rows[3:])
    anslag = e1.rows[0]
    assert (anslag.provenance.first_line, anslag.provenance.last_line) == (4087, 4091)
    assert anslag.values[0] is not None and anslag.values[0].line == 4091


def test_e2_totals_varav_rows_and_the_empty_request_column(tables: dict[str, BudgetTable]) -> None:
    e2 = tables["E2"]
    assert e2.caption == "" and "no-caption" in e2.flags
    assert e2.columns == (
        "Budget 2020 (netto)",
        "Begärda budgetjusteringar",
        "Prognos 2020 (föreresultat-överföringar)",
        "Prognos 2020 (efter resultat överföringar)",
        "Avvikelse (+/-)",
    )
    printed = [
        ("Nämnd och administration", "71,2 71,2 71,2 0,0"),
        ("Individ- ochfamiljeomsorg", "226,2 241,2 241,2 -15,0"),
        ("varav socialpsykiatri", "61,0 66,1 66,1 -5,0"),
        ("varav vuxen", "55,6 57,6 57,6 -2,0"),
        ("varav barn och ungdom", "108,0 116,0 116,0 -8,0"),
        ("varav flykting", "0,0 0,0 0,0 0,0"),
        ("Stadsmiljöverksamhet", "29,9 29,9 29,9 0,0"),
        ("avskrivningar", "19,0 19,0 19,0 0,0"),
        ("internräntor", "1,4 1,4 1,4 0,0"),
        ("Förskoleverksamhet", "453,5 451,5 451,5 2,0"),
        ("Äldreomsorg", "1071,1 1063,1 1063,1 8,0"),
        ("Stöd och service tillpersoner med funktionsnedsättning", "442,8 442,8 442,8 0,0"),
        ("Barn, kultur och fritid", "22,8 22,8 22,8 0,0"),
        ("Arbetsmarknadsåtgärder", "23,9 23,9 23,9 0,0"),
        ("Ekonomiskt bistånd", "67,7 72,7 72,7 -5,0"),
        ("Övrig verksamhet", "10,0 0,0 0,0 10,0"),
        ("Totalt", "2439,5 2439,5 2439,5 0,0"),
    ]
    expected = []
    for label, text in printed:
        budget, *rest = text.split()
        expected.append((label, [budget, None, *rest]))
    assert cells(e2) == expected
    assert [row.sub_row for row in e2.rows] == [label.startswith("varav") for label, _ in printed]
    assert not any(row.flags for row in e2.rows)  # 'varav flykting' 0,0 rows follow the table's pattern
    total = e2.rows[-1].values[0]
    assert total is not None and total.number == Decimal("2439.5") and total.line == 4194


AREA_TABLES = {
    "E3": ("Nämnd- och förvaltningsadministration", [
        ("Intäkter", "-2,8 0,0 0,0 0,0"), ("Kostnader", "74,0 0,0 0,0 0,0"), ("Netto", "71,2 0,0 0,0 0,0")]),
    "E4": ("Individ- och familjeomsorg", [
        ("Intäkter", "-46,4 0,0 46,4 0,0"), ("Kostnader", "272,6 0,0 287,6 -15,0"),
        ("Netto", "226,2 0,0 241,2 -15,0")]),
    "E5": ("Stadsmiljöverksamhet", [
        ("Intäkter", "-0,8 0,0 -0,8 0,0"), ("Stadsmiljökostnader", "29,9 0,0 29,9 0,0"),
        ("Kapitaltjänstkostnader", "20,4 0,0 20,4 0,0"), ("Netto", "49,1 0,0 49,1 0,0")]),
    "E8": ("Äldreomsorg", [
        ("Intäkter", "-175,3 0,0 179,1 3,8"), ("Kostnader", "1 246,4|0,0|1 242,2|4,2"),
        ("Netto", "1 071,1|0,0|1 063,1|8,0")]),
    "E10": ("Stöd och service till personer med funktionsnedsättning", [
        ("Intäkter", "-43,6 0,0 -42,9 -0,7"), ("Kostnader", "486,4 0,0 485,7 0,7"),
        ("Netto", "442,8 0,0 442,8 0,0")]),
    "E13": ("Arbetsmarknadsåtgärder", [
        ("Intäkter", "-17,8 0,0 -17,8 0,0"), ("Kostnader", "39,5 0,0 39,5 0,0"), ("Netto", "21,7 0,0 21,7 0,0")]),
    "E14": ("Ekonomiskt bistånd", [
        ("Intäkter", "-8,1 0,0 -8,1 0,0"), ("Kostnader", "75,8 0,0 80,8 -5,0"), ("Netto", "67,7 0,0 0,0 -5,0")]),
    "E16": ("Övrig verksamhet", [
        ("Intäkter", "0,0 0,0 0,0 0,0"), ("Kostnader", "10,0 0,0 0,0 10,0"), ("Netto", "10,0 0,0 0,0 10,0")]),
}  # fmt: skip


def _split(text: str) -> list[str | None]:
    return list(text.split("|") if "|" in text else text.split())


@pytest.mark.parametrize("table_id", sorted(AREA_TABLES))
def test_area_tables_every_row_as_printed(tables: dict[str, BudgetTable], table_id: str) -> None:
    caption, rows = AREA_TABLES[table_id]
    table = tables[table_id]
    assert (table.caption, table.unit) == (caption, "mnkr")
    assert table.columns == ("Budget 2020", "Begärda budgetjusteringar", "Prognos 2020", "Avvikelse")
    assert cells(table) == [(label, _split(text)) for label, text in rows]
    assert not any(row.flags for row in table.rows)


def test_misprinted_signs_are_kept(tables: dict[str, BudgetTable]) -> None:
    e4_income, e8_income = tables["E4"].rows[0].values[2], tables["E8"].rows[0].values[2]
    assert e4_income is not None and e4_income.number == Decimal("46.4")  # printed 46,4, meant −46,4
    assert e8_income is not None and e8_income.number == Decimal("179.1")
    e14_net = tables["E14"].rows[2].values[2]
    assert e14_net is not None and e14_net.number == Decimal("0.0")  # printed 0,0, E2 says 72,7


@pytest.mark.parametrize("table_id", ["E6", "E12"])
def test_result_transfer_rows_are_single_flagged_values(tables: dict[str, BudgetTable], table_id: str) -> None:
    table = tables[table_id]
    assert [row.label for row in table.rows] == [
        "Intäkter", "Kostnader", "Netto", "Resultatöverföring från 2019", "Resultatöverföring till 2021",
        "Netto efter resultatdispositioner",
    ]  # fmt: skip
    lone = [[v.raw for v in row.values if v is not None] for row in table.rows[3:]]
    assert lone == ([["23,7"], ["-23,7"], ["0,0"]] if table_id == "E6" else [["0,5"], ["-0,5"], ["0,0"]])
    assert all(row.flags == ("ambiguous-columns",) for row in table.rows[3:])
    assert not any(row.flags for row in table.rows[:3])


def test_e6_full_rows(tables: dict[str, BudgetTable]) -> None:
    assert cells(tables["E6"])[:3] == [
        ("Intäkter", ["-53,0", "0,0", "-52,0", "-1,0"]),
        ("Kostnader", ["506,5", "0,0", "503,5", "3,0"]),
        ("Netto", ["453,5", "0,0", "451,5", "2,0"]),
    ]


def test_e7_counts_split_into_four_cells(
    tables: dict[str, BudgetTable], sodermalm: tuple[list, list[kfcompare.ParseWarning]]
) -> None:
    e7 = tables["E7"]
    assert e7.caption == "Antal inskrivna barn (exklusive KÖV)"
    assert e7.unit == "antal" and "unit-mismatch" in e7.flags  # the stub says 'Mnkr, netto'
    assert e7.columns == ("Södermalms budget 2020", "Inskrivning mars 2020", "Prognos snitt 2020", "Avvikelse")
    assert cells(e7) == [
        ("1-3 år", ["1 302", "1 161", "1 300", "-2"]),
        ("4-5 år", ["1 523", "1 791", "1 512", "-11"]),
        ("Allmän förskola", ["0", "0", "0", "0"]),
        ("Familjedaghem", ["3", "3", "2", "-1"]),
        ("Totalt antal barn", ["2 828", "2 955", "2 814", "-14"]),
    ]
    first = e7.rows[0].values[0]
    assert first is not None and first.number == Decimal(1302)
    assert any(w.code == "unit-mismatch" and w.line == 4291 for w in sodermalm[1])


@pytest.mark.parametrize(
    ("table_id", "caption", "columns", "rows"),
    [
        ("E9", "Insatser för äldre", ("Budget 2020", "T1 Snitt jan – mars", "Prognos 2020"), [
            ("Månadsinsatser hemtjänst ordinärt boende", "2 125|2 104|2 125"),
            ("Antal personer med hemtjänst i servicehus", "148 137 140"),
            ("Antal personer med vård- och omsorgsboende", "770 761 750"),
            ("Varav korttidsboende", "18 15 18"),
            ("Antal personer med dagverksamhet", "185 198 185")]),
        ("E11", "Insatser för personer med funktionsnedsättning",
         ("Budget 2020", "T1 Snitt jan – mars", "Prognos helår 2020"), [
            ("Månadsinsatser hemtjänst ordinärt boende", "165 171 165"),
            ("Antal personer på SoL-boende", "12 12 12")]),
        ("E15", "Antal bidragshushåll", ("Budget 2020", "T1 Snitt jan – mars", "Prognos helår 2020"), [
            ("Bidragshushåll", "450 443 480")]),
    ],
)  # fmt: skip
def test_count_tables(
    tables: dict[str, BudgetTable], table_id: str, caption: str, columns: tuple[str, ...], rows: list
) -> None:
    table = tables[table_id]
    assert (table.caption, table.unit, table.columns) == (caption, "antal", columns)
    assert cells(table) == [(label, _split(text)) for label, text in rows]
    assert [row.sub_row for row in table.rows] == [label.startswith("Varav") for label, _ in rows]


def test_e17_doubled_spaces_and_broken_header_words(tables: dict[str, BudgetTable]) -> None:
    e17 = tables["E17"]
    assert e17.caption == "Resultatenheter"
    assert e17.columns == (
        "Resultat-enheternas bruttobudget 2020",
        "Varav 5 % av resultat-enheternas bruttobudget 2020",
        "Resultat-överföring från 2019Överskott (-)Underskott(+)",
        "Beräknat resultat 2020 Överskott (-) Underskott (+)",
        "Beräknad resultatöverföring till 2021 (max 10 %)Överskott (+)Underskott(-)",
    )
    assert cells(e17) == [
        ("Område 1", ["70,7", "3,5", "4,8", "0,0", "4,8"]),
        ("Område 2", ["63,6", "3,2", "5,7", "0,0", "5,7"]),
        ("Område 3", ["70,6", "3,5", "4,9", "0,0", "4,9"]),
        ("Område 4", ["86,4", "4,3", "3,7", "0,0", "3,7"]),
        ("Område 5", ["72,7", "3,6", "4,3", "0,0", "4,3"]),
        ("Östra Söder parklekar", ["9,6", "0,5", "0,5", "0,0", "0,5"]),
        ("Summa resultatenheter", ["373,6", "18,6", "23,9", "0,0", "23,9"]),
    ]
    assert e17.provenance.last_line == 4525  # the prose heading ' Förskoleverksamhet' at 4526 is no row


def test_e18_column_order_and_e19_single_column(tables: dict[str, BudgetTable]) -> None:
    e18, e19 = tables["E18"], tables["E19"]
    assert e18.caption == "Investeringar"
    assert e18.columns == ("Budget 2020", "Prognos tertial 2020", "Budgetjusteringar", "Avvikelse")
    assert cells(e18) == [
        ("Parkinvesteringar", ["8,3", "8,3", None, "0,0"]),
        ("Reinvesteringar", ["9,1", "9,1", None, "0,0"]),
        ("Investeringar med nycklade medel", ["9,6", "9,6", None, "0,0"]),
        ("Inventarier och maskiner", ["3,0", "3,0", None, "0,0"]),
        ("Klimatinvesteringar", ["2,6", "4,2", "1,6", "0,0"]),
        ("Trygghetsinvesteringar", ["2,5", "2,5", None, "0,0"]),
        ("Totalt", ["35,1", "36,7", "1,6", "0,0"]),
    ]
    assert not any(row.flags for row in e18.rows)
    assert (e19.caption, e19.unit, e19.columns) == ("Budgetjusteringar", "mnkr", ("Belopp",))
    assert cells(e19) == [
        ("Klimatinvesteringar", ["1,6"]),
        ("Inventarier och maskiner", ["4,0"]),
        ("Totalt budgetjusteringar", ["5,6"]),
    ]


def test_warnings_name_every_flagged_row(
    sodermalm: tuple[list[BudgetTable], list[kfcompare.ParseWarning]],
) -> None:
    found, warnings = sodermalm
    flagged = [row.provenance.last_line for t in found for row in t.rows if "ambiguous-columns" in row.flags]
    ambiguous = [w for w in warnings if w.code == "ambiguous-columns"]
    assert [w.line for w in ambiguous] == flagged
    assert len(flagged) == 10  # E1: 4 lone values, E6 and E12: 3 each
    assert all(w.path == str(SODERMALM) and "också möjligt" in w.message for w in ambiguous)


def _column(table: BudgetTable, index: int, rows: Sequence[int]) -> list[Decimal]:
    out = []
    for i in rows:
        value = table.rows[i].values[index]
        out.append(Decimal(0) if value is None or value.number is None else value.number)
    return out


def test_printed_arithmetic_breaks_where_the_notes_say(tables: dict[str, BudgetTable]) -> None:
    """Income + costs = net per column, Avvikelse = Budget − Prognos per row: the misprints
    of the area tables survive parsing (corpus notes §12.1)."""
    broken = set()
    for table_id in ("E3", "E4", "E5", "E6", "E8", "E10", "E12", "E13", "E14", "E16"):
        table = tables[table_id]
        net = next(i for i, row in enumerate(table.rows) if row.label == "Netto")
        for column in (0, 2, 3):
            if sum(_column(table, column, range(net))) != _column(table, column, [net])[0]:
                broken.add((table_id, table.columns[column]))
        for i in range(net + 1):
            budget, request, forecast, deviation = _column(table, 0, [i]) + _column(table, 1, [i]) + \
                _column(table, 2, [i]) + _column(table, 3, [i])
            if deviation != budget + request - forecast:
                broken.add((table_id, table.rows[i].label))
    assert broken == {
        ("E3", "Intäkter"), ("E3", "Kostnader"), ("E3", "Netto"),  # Prognos printed 0,0 throughout
        ("E4", "Prognos 2020"), ("E4", "Intäkter"),  # +46,4 printed
        ("E5", "Budget 2020"), ("E5", "Prognos 2020"),  # Netto 49,1 printed, the rows add up to 49,5
        ("E8", "Prognos 2020"), ("E8", "Intäkter"),  # +179,1 printed
        ("E14", "Prognos 2020"), ("E14", "Netto"),  # Prognos Netto 0,0 printed
    }  # fmt: skip


def test_public_api_reads_the_same_tables(tables: dict[str, BudgetTable]) -> None:
    [report] = kfcompare.parse_file(SODERMALM)
    assert len(report.budget) == 19
    assert [cells(t) for t in report.budget] == [cells(t) for t in tables.values()]
    assert report.budget[1].rows[-1].label == "Totalt"
    total = report.budget[1].rows[-1].values[0]
    assert total is not None and total.raw == "2439,5"


# ---- unit reports (tkr) ---------------------------------------------------------------


@pytest.fixture(scope="module")
def kungsholmen() -> list[kfcompare.Report]:
    # the format plugin itself: the unit reports are read whole, goals and all
    return ils2020.parse(read_source(KUNGSHOLMEN), ParseOptions())


def test_kungsholmen_prevention_tables(kungsholmen: list[kfcompare.Report]) -> None:
    fritid, bou = kungsholmen[0].budget
    assert (fritid.caption, fritid.unit) == ("Prevention (Fritid)", "tkr")
    assert fritid.columns == bou.columns == ("Budget", "Utfall", "Avvikelse")
    assert cells(fritid) == [
        ("Intäkter", ["0", "100", "100"]),
        ("Kostnader", ["-1 000", "-800", "200"]),
        ("Netto (tkr)", ["-1 000", "-700", "300"]),
    ]
    assert (bou.caption, bou.unit) == ("Prevention (IOF BoU)", "tkr")
    assert cells(bou) == [
        ("Intäkter", ["0", "1 400", "1 400"]),
        ("Kostnader", ["-9 500", "-9 300", "200"]),
        ("Netto (tkr)", ["-9 500", "-7 900", "1 600"]),
    ]
    net = [v.number if v else None for v in bou.rows[2].values]
    assert net == [Decimal(-9500), Decimal(-7900), Decimal(1600)]
    assert not any(row.flags for t in (fritid, bou) for row in t.rows)
    assert fritid.provenance.first_line == 1701 and bou.provenance.last_line == 1717


def test_kungsholmen_one_amount_statement_with_text_cell(kungsholmen: list[kfcompare.Report]) -> None:
    [table] = kungsholmen[1].budget
    assert (table.caption, table.unit) == ("Kungsholmens Dagliga Verksamhet", "tkr")
    assert table.columns == ("Belopp", "Kommentar")
    assert "no-header" in table.flags
    assert cells(table) == [
        ("Intäkter", ["-21 008", None]),
        ("Lön", ["12 123", None]),
        ("Övriga kostnader", ["7 015", None]),
        ("TOTALT", ["-1 870", "överskott"]),
    ]
    total, remark = table.rows[-1].values
    assert total is not None and total.number == Decimal(-1870)
    assert remark is not None and remark.is_text
    assert sum(row.values[0].number for row in table.rows[:3]) == total.number  # type: ignore[union-attr]


def test_kungsholmen_table_counts(kungsholmen: list[kfcompare.Report]) -> None:
    assert [len(r.budget) for r in kungsholmen] == [2, 1, 0]  # the Familjeenheten prints no table
    assert [sum(len(t.rows) for t in r.budget) for r in kungsholmen] == [6, 4, 0]


def test_hagersten_economy_part_without_tables() -> None:
    [report] = ils2020.parse(read_source(HAGERSTEN), ParseOptions())
    assert report.budget == ()
    tables, warnings = parse_economy(economy_slice(HAGERSTEN, 1248, 1258), str(HAGERSTEN))
    assert (tables, warnings) == ([], [])


@pytest.mark.parametrize("name", ["hasselby-vallingby_vb_2020.txt", "hasselby-vallingby_vp_2012.txt"])
def test_goal_parts_make_no_tables(name: str) -> None:
    path = EXAMPLES / name
    assert parse_economy(file_lines(path), str(path)) == ([], [])


def test_whole_file_finds_only_the_economy_tables() -> None:
    found, _ = parse_economy(file_lines(SODERMALM), str(SODERMALM))
    assert [t.provenance.first_line for t in found][0] == 4082 and len(found) == 19


# ---- cells ---------------------------------------------------------------------------


def test_thousands_and_cells_share_the_space() -> None:
    assert partitions("1 302 1 161 1 300 -2".split(), decimal=False, most=4) == [("1 302", "1 161", "1 300", "-2")]
    assert partitions("0 1 400 1 400".split(), decimal=False, most=3) == [("0", "1 400", "1 400")]
    assert partitions("2019 23,7".split(), decimal=True, most=4) == []
    relation = relation_for(("Budget", "Utfall", "Avvikelse"))
    holding = [r.cells for r in readings("-1 000 -800 200".split(), 3, False, relation) if r.holds]
    assert holding == [("-1 000", "-800", "200")]


def test_thousands_split_by_the_tables_arithmetic() -> None:
    # '-1 200 -1 000 200' also reads as -1 | 200 | -1 000 200: only one reading has Utfall − Budget
    text = ["Tkr Budget Utfall Avvikelse", "", "Kostnader -1 200 -1 000 200", "", "Netto (tkr) 0 1 400 1 400"]
    found, warnings = parse_economy(numbered(text), "t.txt")
    assert cells(found[0]) == [("Kostnader", ["-1 200", "-1 000", "200"]), ("Netto (tkr)", ["0", "1 400", "1 400"])]
    assert found[0].unit == "tkr" and warnings == []


def test_more_cells_than_columns_are_flagged() -> None:
    text = ["Mnkr Budget 2020 Prognos 2020", "", "Netto 5,0 4,0 1,0", ""]
    found, warnings = parse_economy(numbered(text), "t.txt")
    [row] = found[0].rows
    assert (row.label, row.flags) == ("Netto 5,0", ("extra-cells",))
    assert [w.code for w in warnings] == ["extra-cells"]


def test_unsettled_placement_is_flagged_not_guessed() -> None:
    text = ["Mnkr Budget 2020 Prognos 2020 Avvikelse", "", "Netto 5,0 5,0", ""]
    found, warnings = parse_economy(numbered(text, first=10), "t.txt")
    [row] = found[0].rows
    assert row.flags == ("ambiguous-columns",)
    assert [w.line for w in warnings] == [12]


# ---- robustness ----------------------------------------------------------------------

ECONOMY = [line.raw for line in economy_slice(SODERMALM, 4080, 4807)]
TOKENS = st.sampled_from(
    ["Mnkr", "Mnkr, netto", "Budget 2020", "Prognos", "Avvikelse", "Utfall", "Begärda", "Intäkter",
     "Kostnader", "Netto (tkr)", "varav", "1 071,1", "-15,0", "0,0", "0", "1 400", "-9 500", "överskott",
     "Resultatenhetens namn", "Resultat-", "Varav 5 %", "T1", "", " ", "  ", "2020", "Antal personer"]
)  # fmt: skip


def _run(text_lines: list[str]) -> None:
    try:
        found, warnings = parse_economy(numbered(text_lines), "fuzz.txt")
    except KfcompareError:
        return
    for table in found:
        assert all(len(row.values) == len(table.columns) for row in table.rows)
        assert table.rows
    assert all(isinstance(w, kfcompare.ParseWarning) for w in warnings)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=400))
def test_arbitrary_text(text: str) -> None:
    _run(text.split("\n"))


@settings(max_examples=100, deadline=None)
@given(st.lists(st.lists(TOKENS, max_size=8).map(" ".join), max_size=30))
def test_table_like_text(text_lines: list[str]) -> None:
    _run(text_lines)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_mutated_economy_slices(data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(ECONOMY) - 1))
    chunk = list(ECONOMY[start : start + data.draw(st.integers(1, 200))])
    for _ in range(data.draw(st.integers(0, 8))):
        i = data.draw(st.integers(0, len(chunk)))
        action = data.draw(st.sampled_from(["drop", "blank", "token", "dup"]))
        if action == "drop" and i < len(chunk):
            del chunk[i]
        elif action == "blank":
            chunk.insert(i, "")
        elif action == "token":
            chunk.insert(i, data.draw(TOKENS))
        elif i < len(chunk):
            chunk.insert(i, chunk[i])
    _run(chunk)

"""District, unit, kind and year of ILS reports: the example files and the false friends."""

from __future__ import annotations

from pathlib import Path

import pytest

from kfcompare.default_plugins.ils2020 import districts, layout, metadata
from kfcompare.text import join_flat as flatten
from kfcompare.text.lines import Line, numbered, strip_page_noise
from kfcompare.model import Kind
from kfcompare._source import read_source

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def detect(name: str) -> list[metadata.Metadata]:
    lines = strip_page_noise(numbered(read_source(EXAMPLES / name).lines))
    return [metadata.detect_metadata(lines[s:e], name) for s, e in layout.split_reports(lines)]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("hasselby-vallingby_vb_2020.txt", [("Hässelby-Vällingby", None, Kind.VB, 2020, "VB 2020")]),
        ("sodermalm_t1_2020.txt", [("Södermalm", None, Kind.T1, 2020, "T1 2020")]),
        (
            "hagersten-alvsjo_ung-fritid_vb_2020.txt",
            [("Hägersten-Älvsjö", "Enheten ung fritid", Kind.VB, 2020, "VB 2020")],
        ),
        (
            "kungsholmen_units_vb_2021.txt",
            [
                ("Kungsholmen", "Enheten för prevention och familjebehandling", Kind.VB, 2021, "VB 2021"),
                ("Kungsholmen", "Enheten för sysselsättning", Kind.VB, 2021, "VB 2021"),
                ("Kungsholmen", "Familjeenheten", Kind.VB, 2021, "VB 2021"),
            ],
        ),
    ],
)
def test_example_files(name: str, expected: list[tuple[object, ...]]) -> None:
    found = detect(name)
    assert [(m.district, m.unit, m.kind, m.year, m.period) for m in found] == expected
    assert [m.warnings for m in found] == [()] * len(expected)


def test_reporting_district_beats_the_pre_merger_name_in_goal_titles() -> None:
    lines = strip_page_noise(numbered(read_source(EXAMPLES / "hagersten-alvsjo_ung-fritid_vb_2020.txt").lines))
    weights = districts.weigh_mentions(flatten(lines).text)
    # the copied goal titles name the old district more often than the text names the new one …
    assert weights["Hägersten-Liljeholmen"] > weights["Hägersten-Älvsjö"]
    # … and Skärholmen, which runs a service 'på uppdrag' of both boards, counts for nothing
    assert weights["Skärholmen"] == 0
    guess, out_of_time = districts.detect_district(flatten(lines).text, 2020)
    assert guess.name == "Hägersten-Älvsjö"
    assert "Hägersten-Liljeholmen" in out_of_time


def lines(*texts: str) -> list[Line]:
    return numbered(list(texts))


def test_district_names_in_passing_do_not_count() -> None:
    text = (
        "Projektet ägs av Rinkeby-Kista stadsdelsförvaltning. Tillsammans med Farsta stadsdelsförvaltning "
        "och med stadsdelsförvaltningarna Skarpnäck, Skärholmen och Farsta. Bromma stadsdelsnämnd beslutade."
    )
    assert districts.detect_district(text, 2020)[0].name == "Bromma"


def test_year_decides_between_old_and_new_board() -> None:
    text = "Hägersten-Liljeholmen är tryggt. " * 4 + "Hägersten-Älvsjö stadsdelsområde."
    assert districts.detect_district(text, 2020)[0].name == "Hägersten-Älvsjö"
    assert districts.detect_district(text, 2019)[0].name == "Hägersten-Liljeholmen"


def test_tied_district_is_not_guessed() -> None:
    text = lines("Bromma stadsdelsnämnd beslutade.", "", "Farsta stadsdelsnämnd är bra.", "VB", "2020")
    found = metadata.detect_metadata(text, "t")
    assert found.district is None
    assert any("Bromma eller Farsta" in w.message and "--district" in w.message for w in found.warnings)


def test_vb_with_a_quoted_tertial_report_is_a_vb() -> None:
    found = metadata.detect_metadata(
        lines(
            "Andel barn 3,1 % 3,3 % 2,7 % VB",
            "2020",
            "kommer att redovisas i tertialrapport 1 2020.",
            "Resultatet redovisas i Tertial 1 2020",
            "Perio", "dens", "utfall", "Tertial 1", "2019",
        ),
        "t",
    )
    assert (found.kind, found.year, found.period) == (Kind.VB, 2020, "VB 2020")


def test_t1_with_prior_vb_column_is_a_t1() -> None:
    found = metadata.detect_metadata(
        lines(
            "Perio", "dens", "utfall", "VB", "2019",
            "22 st 18 st 800 st Tertial 1", "2020",
            "Tertial 1 2020",
            "verksamhetsberättelsen 2019, ombudgetering om 8,0 mnkr",
            "Mnkr Budget 2020 Begärda budgetjusteringar Prognos Tertial/2020 Avvikelse",
        ),
        "t",
    )
    assert (found.kind, found.year) == (Kind.T1, 2020)
    assert not [w for w in found.warnings if "kind" in w.message]


def test_kind_from_economy_headers_when_no_period_cells() -> None:
    found = metadata.detect_metadata(lines("Prevention (Fritid) Budget Utfall Avvikelse", "Budget 2021 Utfall"), "t")
    assert (found.kind, found.year) == (Kind.VB, 2021)
    unnumbered = metadata.detect_metadata(lines("Mnkr Budget 2020 Prognos Tertial/2020 Avvikelse"), "t")
    assert unnumbered.kind is None
    assert any("inte vilket tertial" in w.message for w in unnumbered.warnings)
    assert any("--kind" in w.message for w in unnumbered.warnings)


def test_year_from_prior_column_when_nothing_else() -> None:
    found = metadata.detect_metadata(lines("Periodens", "utfall", "VB", "2020"), "t")
    assert found.year == 2021
    assert found.kind is None


def test_nothing_found_warns_for_each_field() -> None:
    found = metadata.detect_metadata(lines("Enhetsmål:", "Barn är trygga"), "t")
    assert (found.district, found.unit, found.kind, found.year) == (None, None, None, None)
    messages = " ".join(w.message for w in found.warnings)
    for option in ("--kind", "--year", "--district", "--unit"):
        assert option in messages
    assert {w.code for w in found.warnings} == {"metadata-kind", "metadata-year", "metadata-district", "metadata-unit"}


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        (["Vuxenenheten har arbetat med stöd.", "Enhetsmål:", "Vuxenenhetens brukare är nöjda",
          "Ärenden från familjeenheten och från familjeenheten och familjeenheten."], "Vuxenenheten"),
        (["I enheten ung fritid ingår fältverksamhet.", "Enhetsmål:", "Unga är trygga",
          "Enheten ung fritid har samverkat med Vuxenenheten."], "Enheten ung fritid"),
        (["I verksamhetsberättelsen redovisas hur Enheten för arbete och", "", "välfärd bidragit.",
          "Enhetsmål: Enheten för arbete och välfärds ekonomi är hållbar"], "Enheten för arbete och välfärd"),
        (["Barn- och ungdomsenheten har haft ett bra år.", "Enhetsmål: Barn- och ungdomsenheten ger stöd"],
         "Barn- och ungdomsenheten"),
    ],
)
def test_unit_name_family(text: list[str], unit: str) -> None:
    assert metadata.detect_metadata(numbered(text), "t").unit == unit


def test_district_report_gets_no_unit_even_when_units_are_named() -> None:
    text = lines("Vuxenenheten har arbetat.", "Vuxenenheten har arbetat.", "Nämndmål:")
    found = metadata.detect_metadata(text, "t")
    assert found.unit is None
    assert not [w for w in found.warnings if "--unit" in w.message]


def test_bundle_fills_what_one_report_does_not_print_from_the_others() -> None:
    unit = ["Sammanfattande analys", "Vuxenenheten har arbetat.", "Uppföljning av Kommunfullmäktiges inriktningsmål",
            "Enhetsmål: Vuxenenheten ger stöd", "Andel 3 % 4 % VB", "2021", "Övrigt"]
    first = [*unit[:2], "Kungsholmens stadsdelsförvaltning har ansvaret.", *unit[2:]]
    second = [line.replace("Vuxenenheten", "Familjeenheten") for line in unit[:4]]  # no Period cell, no district
    third = [*first[:2], "Bromma stadsdelsnämnd.", *first[3:]]
    [a, b] = metadata.detect_bundle([numbered(first), numbered(second, len(first) + 1)], "bundle.txt")
    assert (a.district, a.year, a.unit, a.warnings) == ("Kungsholmen", 2021, "Vuxenenheten", ())
    assert (b.district, b.kind, b.year, b.period, b.unit) == ("Kungsholmen", Kind.VB, 2021, "VB 2021", "Familjeenheten")
    assert sorted(w.message.split(" framgår inte")[0] for w in b.warnings) == ["Stadsdel", "Typ", "År"]
    assert all("från de andra rapporterna i filen" in w.message for w in b.warnings)
    # reports that disagree among themselves lend nothing
    [_, lonely, _] = metadata.detect_bundle([numbered(first), numbered(second), numbered(third)], "bundle.txt")
    assert lonely.district is None and any("--district" in w.message for w in lonely.warnings)


def test_a_line_holding_a_newline_is_one_line_to_the_signals() -> None:
    # Line objects built by hand may hold a newline; the signal search must not lose count
    found = metadata.signals([Line(1, "0\n Budget 2021 Utfall"), Line(2, "Tertial 1 2021")])
    assert found.budget_years[2021] == 1 and found.economy[Kind.VB] == 1
    assert found.cells.kinds[Kind.T1] == 1 and found.cells.years[2021] == 1

"""Files that hold several reports, report parts and closing sections of the ILS 2020 layout."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kfcompare import parse_text
from kfcompare._cli import main
from kfcompare.errors import KfcompareError
from kfcompare.default_plugins import ils2020
from kfcompare.default_plugins.ils2020 import layout, metadata, units
from kfcompare.text import join_flat as flatten
from kfcompare.text.lines import Line, numbered, strip_page_noise
from kfcompare.hookspecs import ParseOptions
from kfcompare.model import Origin, Report
from kfcompare.parsing import apply_options
from kfcompare._source import Source, read_source

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
BUNDLE = "kungsholmen_units_vb_2021.txt"


def lines_of(name: str) -> list[Line]:
    return strip_page_noise(numbered(read_source(EXAMPLES / name).lines))


def reports_of(name: str) -> list[Report]:
    return ils2020.parse(read_source(EXAMPLES / name), ParseOptions())


@pytest.fixture(scope="module")
def bundle() -> list[Report]:
    return reports_of(BUNDLE)


def test_bundle_yields_one_report_per_unit_with_its_line_range(bundle: list[Report]) -> None:
    assert [(r.unit, r.source.first_line, r.source.last_line) for r in bundle] == [
        ("Enheten för prevention och familjebehandling", 1, 1778),
        ("Enheten för sysselsättning", 1779, 2962),
        ("Familjeenheten", 2963, 4103),
    ]
    assert {(r.district, r.kind.value if r.kind else None, r.year) for r in bundle} == {("Kungsholmen", "VB", 2021)}
    assert [r.label for r in bundle][1] == "Kungsholmen / Enheten för sysselsättning VB 2021"


def test_ranges_do_not_overlap_and_everything_lies_inside_its_report(bundle: list[Report]) -> None:
    for before, after in zip(bundle, bundle[1:]):
        assert before.source.last_line < after.source.first_line
    for report in bundle:
        inside = range(report.source.first_line, report.source.last_line + 1)
        places = [s.provenance for s in report.sections] + [g.provenance for g in report.walk_goals()]
        places += [t.provenance for t in report.budget]
        assert places, report.label
        for where in places:
            assert where.first_line in inside and where.last_line in inside, (report.label, where)


def test_no_text_of_one_unit_ends_up_in_another(bundle: list[Report]) -> None:
    own = {
        0: "Inga synpunkter eller klagomål har kommit enheten till känna.",
        1: "Enheten för sysselsättning består av daglig verksamhet",
        2: "Familjeenheten har gjort en lex Sarah-anmälan",
    }
    texts = ["\n".join(s.text for s in r.sections) for r in bundle]
    for index, phrase in own.items():
        assert [phrase in text for text in texts] == [i == index for i in range(3)], phrase


def test_bundle_parts_in_order() -> None:
    lines = lines_of(BUNDLE)
    start, end = layout.split_reports(lines)[1]
    report = lines[start:end]
    parts = [(p.kind, p.title, report[p.start].no) for p in layout.report_parts(report, BUNDLE)]
    assert parts == [
        ("summary", "Sammanfattande analys", 1779),
        ("goals", "Uppföljning av Kommunfullmäktiges inriktningsmål", 1867),
        ("economy", "Uppföljning av ekonomi", 2909),
        ("section", "Investeringar", 2923),
        ("section", "Medel för lokaländamål", 2925),
        ("section", "Övrigt", 2927),
        ("section", "Systematiskt kvalitetsarbete", 2929),
        ("section", "Övrigt", 2942),
    ]


#: the closing headings of a unit report, in print order, each followed by one blank line
CLOSING = ("Investeringar", "Medel för lokaländamål", "Övrigt", "Systematiskt kvalitetsarbete", "Övrigt")


def _empty_closing(first_line: int, count: int) -> list[tuple[str, int, int, str]]:
    return [(title, first_line + 2 * i, first_line + 2 * i, "") for i, title in enumerate(CLOSING[:count])]


def _sections(report: Report) -> list[tuple[str, int, int, str]]:
    return [(s.title, s.provenance.first_line, s.provenance.last_line, s.text[:40]) for s in report.sections]


def test_closing_sections_of_a_unit_report_with_two_ovrigt(bundle: list[Report]) -> None:
    assert _sections(bundle[0]) == [
        ("Sammanfattande analys", 1, 113, "I verksamhetsberättelsen redovisas hur o"),
        *_empty_closing(1721, 3),
        ("Systematiskt kvalitetsarbete", 1727, 1730, "Under året har det inte inkommit några s"),
        ("Övrigt", 1734, 1778, "Covid konsekvenser:\nEkonomi\nCovid-19 har"),
    ]


def test_ovrigt_avfall_is_prose_inside_a_goal() -> None:
    lines = lines_of(BUNDLE)
    start, end = layout.split_reports(lines)[0]
    report = lines[start:end]
    prose = next(i for i, line in enumerate(report) if line.text.startswith("Övrigt avfall som uppstår"))
    assert report[prose].no == 1105
    [goals] = [p for p in layout.report_parts(report, BUNDLE) if p.kind == "goals"]
    assert goals.start < prose < goals.end


def test_hagersten_unit_report_sections() -> None:
    [report] = reports_of("hagersten-alvsjo_ung-fritid_vb_2020.txt")
    assert _sections(report) == [
        ("Sammanfattande analys", 1, 189, "I enheten ung fritid ingår fritidsverksa"),
        *_empty_closing(1259, 5),
    ]
    assert not [w for w in report.warnings if w.code == "truncated"]


def test_sodermalm_investment_table_stays_in_the_economy_part() -> None:
    name = "sodermalm_t1_2020.txt"
    lines = lines_of(name)
    parts = {(p.kind, p.title): (lines[p.start].no, lines[p.end - 1].no) for p in layout.report_parts(lines, name)}
    economy_first, economy_last = parts[("economy", "Uppföljning av ekonomi")]
    assert (economy_first, economy_last) == (4080, 4683)
    for caption, line_no in (("Investeringar", 4535), ("Budgetjusteringar", 4662)):
        [line] = [line for line in lines if line.no == line_no]
        assert line.text == caption
        assert economy_first < line_no < economy_last
    assert ("section", "Investeringar") not in parts
    [report] = reports_of(name)
    assert _sections(report) == [
        ("Sammanfattande analys", 1, 132, "En modern storstad med möjligheter och v"),
        ("Konsekvenser av pågående pandemi", 4684, 4806, "Förskola\nFärre nya barn skrivs in i förs"),
        ("Övrigt", 4808, 4878, "Klagomål, beröm och idéer\nFör att kunna "),
    ]


def test_truncated_district_report_says_where_it_stops() -> None:
    [report] = reports_of("hasselby-vallingby_vb_2020.txt")
    [warning] = [w for w in report.warnings if w.code == "truncated"]
    assert warning.line == 4353
    assert "Nämndmål: 1.5.4 Äldre är med och utformar sin beviljade insats" in warning.message
    assert "mitt i en mening" in warning.message
    assert [s.title for s in report.sections] == ["Sammanfattande analys"]


def test_complete_reports_have_no_truncation_warning(bundle: list[Report]) -> None:
    for report in [*bundle, *reports_of("sodermalm_t1_2020.txt")]:
        assert not [w for w in report.warnings if w.code == "truncated"], report.label


def test_report_ending_in_its_goals_without_a_cut_sentence_is_flagged() -> None:
    text = ["Sammanfattande analys", "Allt gick bra.", "", "Uppföljning av Kommunfullmäktiges inriktningsmål",
            "", "Enhetsmål:", "Barn är trygga", "", " Uppfylls helt", "", "Målet nås."]
    lines = numbered(text)
    [warning] = layout.truncation_warnings(lines, "t.txt")
    assert warning.line == 11
    assert "före ekonomidelen" in warning.message and "'Enhetsmål: Barn är trygga' (rad 6)" in warning.message


def test_summary_quoted_before_any_goal_does_not_start_a_report() -> None:
    text = ["Sammanfattande analys", "Text.", "Sammanfattande analys", "Mer text.", "KF:s inriktningsmål:",
            "1. Mål", "Uppföljning av ekonomi", "Övrigt", "Slut.", "Sammanfattande analys", "Enhet två.",
            "Enhetsmål:", "Mål två"]
    assert layout.split_reports(numbered(text)) == [(0, 9), (9, 13)]


def test_unit_not_printed_is_warned_and_unit_option_sets_it() -> None:
    text = "\n".join(["Sammanfattande analys", "Vi har nått målen.", layout.GOALS_TITLE, "Enhetsmål:",
                      "Barn är trygga", "", " Uppfylls helt", "", "Uppföljning av ekonomi", "Övrigt", "Slut."])
    [report] = ils2020.parse(Source.from_text(text, "u.txt"), ParseOptions())
    assert report.unit is None
    assert any("enhetens namn står inte i rapporten" in w.message and "--unit" in w.message for w in report.warnings)
    given = apply_options(report, ParseOptions(unit="Vuxenenheten"))
    assert (given.unit, given.origin("unit")) == ("Vuxenenheten", Origin.GIVEN)


def test_json_export_lists_every_report_of_a_bundle_and_unit_option_wins() -> None:
    out = io.StringIO()
    code = main(["parse", str(EXAMPLES / BUNDLE), "--format", "json"], out=out, err=io.StringIO())
    assert code == 0
    exported = json.loads(out.getvalue())
    assert [(r["unit"], r["source"]["first_line"], r["source"]["last_line"]) for r in exported] == [
        ("Enheten för prevention och familjebehandling", 1, 1778),
        ("Enheten för sysselsättning", 1779, 2962),
        ("Familjeenheten", 2963, 4103),
    ]
    assert {r["metadata_origin"]["unit"] for r in exported} == {"detected"}
    assert [s["title"] for s in exported[2]["sections"]][-2:] == ["Systematiskt kvalitetsarbete", "Övrigt"]
    out = io.StringIO()
    report = str(EXAMPLES / "hagersten-alvsjo_ung-fritid_vb_2020.txt")
    argv = ["parse", report, "--format", "json", "--unit", "Ung fritid"]
    assert main(argv, out=out, err=io.StringIO()) == 0
    [given] = json.loads(out.getvalue())
    assert (given["unit"], given["metadata_origin"]["unit"]) == ("Ung fritid", "given")
    assert given["district"] == "Hägersten-Älvsjö"


def _run_all(lines: list[Line]) -> None:
    for start, end in layout.split_reports(lines):
        report = lines[start:end]
        for part in layout.report_parts(report, "x.txt"):
            assert 0 <= part.start < part.end <= len(report)
            layout.section_of(part, report[part.start : part.end], "x.txt")
        layout.truncation_warnings(report, "x.txt")
        metadata.detect_metadata(report, "x.txt")


def _survives(lines: list[Line]) -> None:
    try:
        _run_all(lines)
    except KfcompareError:
        pass


HEADINGS = ["Sammanfattande analys", "Uppföljning av Kommunfullmäktiges inriktningsmål", "Uppföljning av ekonomi",
            "Investeringar", "Övrigt", "Enhetsmål:", "Nämndmål:", "Konsekvenser av pandemin", "Mnkr Budget 2020",
            "VB", "Tertial 1", "2020", "Kungsholmens stadsdelsförvaltning", "I enheten ung fritid ingår", ""]
FUZZ = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(st.lists(st.one_of(st.text(max_size=40), st.sampled_from(HEADINGS)), max_size=60))
def test_arbitrary_text_never_raises(raw: list[str]) -> None:
    _survives(strip_page_noise(numbered("\n".join(raw).split("\n"))))


CORPUS = {name: read_source(EXAMPLES / name).lines for name in
          (BUNDLE, "hagersten-alvsjo_ung-fritid_vb_2020.txt", "sodermalm_t1_2020.txt")}


@FUZZ
@given(
    st.sampled_from(sorted(CORPUS)),
    st.lists(st.tuples(st.integers(0, 5000), st.integers(0, 400), st.sampled_from(["cut", "copy", "heading"])),
             max_size=6),
)
def test_mutated_corpus_never_raises(name: str, edits: list[tuple[int, int, str]]) -> None:
    raw = list(CORPUS[name])
    for at, length, how in edits:
        at %= max(1, len(raw))
        if how == "cut":
            del raw[at : at + length]
        elif how == "copy":
            raw[at:at] = raw[at : at + length]
        else:
            raw.insert(at, HEADINGS[length % len(HEADINGS)])
    _survives(strip_page_noise(numbered(raw)))


def test_a_given_unit_answers_the_warning_that_asked_for_it() -> None:
    unnamed = ["Sammanfattande analys", "Enheten har under året arbetat med barn.", "", "Enhetsmål:", "Barn är trygga"]
    found = metadata.detect_metadata(numbered(unnamed), "u.txt")
    assert found.unit is None and [w.code for w in found.warnings if w.code == "metadata-unit"] == ["metadata-unit"]
    report = Report(district="Kungsholmen", kind=None, year=2021, source=ils2020.Provenance("u.txt", 1, 5),
                    format="ils2020", warnings=found.warnings)
    given = apply_options(report, ParseOptions(unit="Familjeenheten"))
    assert given.unit == "Familjeenheten" and given.origin("unit") is Origin.GIVEN
    assert "metadata-unit" not in {w.code for w in given.warnings}
    assert "metadata-kind" in {w.code for w in given.warnings}  # still unanswered


# --- which unit a unit report is about: its own name, never one it mentions in passing ---


def _unit_of(text: list[str]) -> metadata.Metadata:
    return metadata.detect_metadata(numbered(text), "u.txt")


def _unit_warnings(found: metadata.Metadata) -> list[str]:
    return [w.message for w in found.warnings if w.code == "metadata-unit"]


def test_report_whose_name_is_not_printed_is_not_given_a_unit_it_mentions() -> None:
    text = "\n".join(read_source(EXAMPLES / BUNDLE).lines[:1778])
    text = text.replace("Enheten för prevention och", "Vår").replace("enheten för prevention och", "vår")
    [report] = parse_text(text, "k.txt")
    assert report.unit is None
    [message] = [w.message for w in report.warnings if w.code == "metadata-unit"]
    assert "enhetens namn står inte i rapporten" in message and "--unit" in message
    assert "Familjeenheten" in message  # the mention, as a hint only


def test_a_capitalised_mention_in_passing_makes_no_unit() -> None:
    found = _unit_of([
        "Sammanfattande analys",
        "Under året har verksamheten arbetat vidare med tidiga insatser.",
        "Arbetet sker i samarbete med Vuxenenheten och med stöd från familjeenheten.",
        "",
        "Enhetsmål:",
        "Barn är trygga",
        "Vi har haft regelbundna möten med Vuxenenheten, Beställarenheten och Enheten ung fritid.",
    ])
    assert found.unit is None
    [message] = _unit_warnings(found)
    assert "står inte i rapporten" in message and "Vuxenenheten" in message and "--unit" in message


def test_a_unit_named_only_in_its_goal_titles() -> None:
    found = _unit_of([
        "Sammanfattande analys",
        "Enheten har under året arbetat med att nå målen.",
        "Uppdrag från familjeenheten och Vuxenenheten har ökat.",
        "",
        "Enhetsmål: Socialpsykiatriska enhetens brukare har en meningsfull sysselsättning",
        "Vi samarbetar med Vuxenenheten.",
    ])
    assert (found.unit, _unit_warnings(found)) == ("Socialpsykiatriska enheten", [])


def test_a_unit_named_only_in_its_budget_caption() -> None:
    found = _unit_of([
        "Sammanfattande analys",
        "Enheten har nått sina mål.",
        "Enhetsmål:",
        "Barn är trygga",
        "Uppföljning av ekonomi",
        "Beställarenheten Budget Utfall Avvikelse",
        "Netto (tkr) -1 000 -700 300",
    ])
    assert found.unit == "Beställarenheten"


@pytest.mark.parametrize(
    ("opening", "unit"),
    [
        ("I verksamhetsberättelsen redovisas hur och i vilken omfattning Enheten för ekonomiskt bistånd bidragit.",
         "Enheten för ekonomiskt bistånd"),
        ("Vuxenenheten har under året haft fler ärenden.", "Vuxenenheten"),
        ("Året har varit intensivt. Beställarenheten har ansvar för biståndsbeslut.", "Beställarenheten"),
        ("I enheten ung fritid ingår fältverksamhet och fritidsgårdar.", "Enheten ung fritid"),
        ("Socialpsykiatriska enheten består av boenden och träfflokaler.", "Socialpsykiatriska enheten"),
    ],
)
def test_the_summary_opening_names_the_unit_in_every_shape(opening: str, unit: str) -> None:
    found = _unit_of(["Sammanfattande analys", opening, "Enhetsmål:", "Mål", "Vi samarbetar med Familjeenheten."])
    assert (found.unit, _unit_warnings(found)) == (unit, [])


@pytest.mark.parametrize(
    "opening",
    [
        "Erfarenheten från året är att samverkan med Familjeenheten fungerar.",
        "Hela enheten har arbetat i samarbete med Familjeenheten.",
        "Under året har vi tagit emot uppdrag från Familjeenheten.",
        "Vi har samverkat med Vuxenenheten, Familjeenheten och Enheten för ekonomiskt bistånd.",
    ],
)
def test_names_in_the_opening_that_are_not_its_subject_make_no_unit(opening: str) -> None:
    found = _unit_of(["Sammanfattande analys", opening, "Enhetsmål:", "Mål"])
    assert found.unit is None
    [message] = _unit_warnings(found)
    assert "--unit" in message and "Erfarenheten" not in message


def test_a_report_naming_itself_as_two_units_is_flagged_even_when_one_leads() -> None:
    found = _unit_of(["Sammanfattande analys", "Vuxenenheten och Familjeenheten har arbetat.",
                      "Enhetsmål: Vuxenenheten ger stöd", "Enhetsmål: Familjeenheten ger stöd",
                      "Enhetsmål: Vuxenenhetens ekonomi är hållbar"])
    assert found.unit is None
    [message] = _unit_warnings(found)
    assert "enheten är oklar, rapporten kallar sig Vuxenenheten ×3, Familjeenheten ×1" in message and "--unit" in message


def test_real_unit_reports_name_themselves_with_nothing_in_passing_deciding() -> None:
    found = [units.detect_unit(flatten(lines_of(BUNDLE)[start:end])) for start, end in
             layout.split_reports(lines_of(BUNDLE))]
    assert [(g.name, g.own.scores[1:]) for g in found] == [
        ("Enheten för prevention och familjebehandling", ()),
        ("Enheten för sysselsättning", ()),
        ("Familjeenheten", ()),
    ]
    assert found[0].mentioned == ("Familjeenheten",)  # 'Familjeenheten har under 2021 provat …' in a goal


UNIT_NAMES = ["Familjeenheten", "Vuxenenheten", "Enheten för sysselsättning", "Enheten ung fritid",
              "Beställarenheten", "Socialpsykiatriska enheten", "Barn- och ungdomsenheten", "Erfarenheten"]
UNIT_PIECES = [*UNIT_NAMES, *(f"{n}s" for n in UNIT_NAMES), "Enhetsmål: ", "Sammanfattande analys", "I enheten ",
               " ingår", " har", " Budget Utfall", ". ", "hur ", "omfattning ", "för ", "Enheten ", "enhet", ""]
UNIT_LINE = st.lists(st.one_of(st.sampled_from(UNIT_PIECES), st.text(max_size=12)), max_size=8).map("".join)


@FUZZ
@given(st.lists(UNIT_LINE, max_size=20), st.integers(0, 25))
def test_unit_detection_never_raises_and_names_only_what_is_printed(text: list[str], summary_at: int) -> None:
    flat = flatten(numbered(text))
    found = units.detect_unit(flat, summary_at)
    if found.name is not None:
        assert found.name.lower() in flat.text.lower()
        assert found.name not in found.mentioned
    metadata.detect_metadata(numbered(text), "u.txt")


@FUZZ
@given(st.lists(UNIT_LINE, max_size=12), st.lists(st.sampled_from(UNIT_NAMES), min_size=1, max_size=5))
def test_mentions_in_passing_never_change_the_unit(text: list[str], others: list[str]) -> None:
    before = units.detect_unit(flatten(numbered(text)))
    after = units.detect_unit(flatten(numbered([*text, *(f"i samarbete med {n} och {n}s" for n in others)])))
    assert after.name == before.name


def test_a_unit_summary_names_each_goal_in_a_paragraph_of_its_own() -> None:
    """The summary prints a goal's title, then how it went; the 2021 extract runs them
    together (a space on every line end), the reader parts them by the report's goal titles."""
    report = reports_of("kungsholmen_units_vb_2021.txt")[0]
    summary = report.sections[0]
    paragraphs = summary.text.split("\n")
    title = "Förebyggande och tidiga insatser ger barn och unga goda uppväxtvillkor"
    assert title in paragraphs
    after = paragraphs[paragraphs.index(title) + 1]
    assert after.startswith("Målsättningen för 2021 var att halvera kön till föräldrastödsprogrammet Komet")

"""The 2012 plan layout (format "vp2012"), checked against the bundled Hässelby-Vällingby plan.

Expected values were read off the printed plan by hand; counts come from the corpus notes
and were recounted in the text.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kfcompare
from kfcompare._cli import main
from kfcompare.errors import KfcompareError
from kfcompare.default_plugins import ils2020, vp2012
from kfcompare.hookspecs import ParseOptions
from kfcompare.model import GoalLevel, Kind, Report
from kfcompare.parsing import choose_format, default_registry
from kfcompare._source import Source, read_source

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
PLAN = EXAMPLES / "hasselby-vallingby_vp_2012.txt"
PLAN_LINES = PLAN.read_text(encoding="utf-8").split("\n")


@pytest.fixture(scope="module")
def report() -> Report:
    [parsed] = kfcompare.parse_file(PLAN)
    return parsed


def goals(report: Report, level: GoalLevel) -> list:
    return [g for g in report.walk_goals() if g.level is level]


def indicator(report: Report, name: str):
    found = [(g, i) for g, i in report.indicators() if i.name == name]
    assert len(found) == 1, f"{name!r}: {len(found)} rows"
    return found[0]


# --- detection and metadata -------------------------------------------------------------


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.txt")), ids=lambda p: p.name)
def test_scores_never_tie_and_pick_the_right_format(path: Path) -> None:
    source = read_source(path)
    vp, ils = vp2012.score(source), ils2020.score(source)
    assert vp != ils
    expected = "vp2012" if path == PLAN else "ils2020"
    assert choose_format(source, default_registry()).name == expected
    if path == PLAN:
        assert vp > 0.9 and ils <= 0.2
    else:
        assert vp == 0.0


def test_metadata_from_the_title(report: Report) -> None:
    assert (report.district, report.kind, report.year, report.period) == ("Hässelby-Vällingby", Kind.VP, 2012, "VP 2012")
    assert report.format == "vp2012"
    assert report.label == "Hässelby-Vällingby VP 2012"


def test_the_doc_footer_is_no_title() -> None:
    # the footer's letters are stripped ('Verksamhetsplan r 2012'); the body names 2011 more often
    text = "\n".join(["KF:s INRIKTNINGSMÅL 1:", "", "10. Verksamhetsplan r 2012 fr Hsselby-Vllingby stadsdelsnmnd 12-06.doc", "", "budget 2011"])
    [parsed] = vp2012.parse(Source.from_text(text), ParseOptions())
    assert parsed.year is None and parsed.district is None
    assert any(w.code == "metadata" for w in parsed.warnings)


# --- goals ------------------------------------------------------------------------------

KF_GOALS = [
    ("1", "Stockholm ska vara en attraktiv, trygg, tillgänglig och växande stad för boende, företagande och besök"),
    ("2", "Kvalitet och valfrihet ska utvecklas och förbättras"),
    ("3", "Stadens verksamheter ska vara kostnadseffektiva"),
]
AREA_GOALS = [
    ("1.1", "Företag ska välja etableringar i Stockholm framför andra städer i norra Europa", 275),
    ("1.2", "Invånare i Stockholm ska vara eller bli självförsörjande", 374),
    ("1.3", "Stockholms livsmiljö ska vara hållbar", 748),
    ("1.5", "Framkomligheten i regionen ska öka", 880),
    ("1.6", "Stockholmarna ska vara nöjda med kultur- och idrottsmöjligheterna i Stockholm", 904),
    ("1.7", "Stockholmarna ska vara trygga och nöjda med städning samt renhållning", 1039),
    ("2.1", "Stockholmarna ska erbjudas valfrihet och ökad mångfald", 1412),
    ("2.2", "Förskolor och skolor i Stockholm ska ge barn vad de behöver för att lära och utvecklas", 1526),
    ("2.3", "Stockholmarna ska uppleva att de får god service och omsorg", 1963),
    ("2.4", "Stockholms stad som arbetsgivare ska erbjuda spännande och utmanande arbeten", 3670),
    ("3.1", "Budgeten ska vara i balans", 4130),
    ("3.2", "Alla verksamheter staden finansierar ska vara effektiva", 4712),
]
BOARD_GOALS = [
    ("1.1", "Fler företagsetableringar genom samverkan med det lokala näringslivet"),
    ("1.2", "Personer i behov av försörjningsstöd har kort bidragstid"),
    ("1.3", "Stadsdelsnämnden värnar om miljön och bidrar till ett långsiktigt hållbart samhälle."),
    ("1.5", "Gång- och cykelbanor har god framkomlighet och är trafiksäkra."),
    ("1.6", "I stadsdelsområdet finns tillgängliga och engagerande lek-idrotts-och kulturaktiviteter för alla"),
    ("1.7", "Boende och verksamma i Hässelby-Vällingby upplever ökad delaktighet och minskat utanförskap"),
    ("1.7", "Boende, besökare och verksamma i Hässelby-Vällingby känner sig trygga inom stadsdelsområdet."),
    ("1.7", "Det är enkelt att vara medborgare och brukare i stadsdelen"),
    ("1.7", "Parker och grönområden är välskötta och attraktiva."),
    ("2.1", "Föräldrar erbjuds plats i förskola inom det planområde de bor"),
    ("2.2", "Andelen förskollärare ökar."),
    ("2.2", "Barnen utvecklar sin matematiska, naturvetenskapliga och språkliga förmåga. (Utveckling och Lärande)"),
    ("2.2", "Föräldrarna bjuds in till delaktighet och påverkan av verksamheten inom ramen för de nationella målen. (Förskola och hem)"),
    ("2.2", "Pojkar och flickor har samma möjligheter att utvecklas utifrån sina intressen och förmågor. (Normer och värden)"),
    ("2.3", "Personer med funktionsnedsättning ska ges förutsättningar att vara självständiga i sin vardag"),
    ("2.3", "Alla omsorgstagare erbjuds individuellt anpassad, god och näringsriktig mat och stöd kring mat och måltider enligt individens behov och önskemål."),
    ("2.3", "Anhörigstödet är utformat och drivs i enlighet med stadens anhörigpolicy."),
    ("2.3", "Boende i vård och omsorgsboende får en god och säker hälso och sjukvård med en god hygienisk standard."),
    ("2.3", "De äldre erbjuds meningsfulla aktiviteter i vardagen i enlighet med målgruppens behov och önskemål."),
    ("2.3", "Den äldre erbjuds meningsfull vardag efter egna intressen och önskemål."),
    ("2.3", "Värdegrunden präglar arbetssättet i Hässelby-Vällingby genom att de äldre har inflytande, känner trygghet och har en individuellt utformad hjälp av hög kvalitet."),
    ("2.3", "Barn, unga och vuxna i riskzon för socialt utsatta situationer uppmärksammas tidigt"),
    ("2.3", "Socialt utanförskap ska motverkas"),
    ("2.4", "Arbetsplatserna har en god arbetsmiljö där hälsofrågor står i fokus"),
    ("2.4", "Ledarskapet är tydligt, kommunikativt och närvarande med fokus på uppdraget"),
    ("2.4", "Medarbetarskapet kännetecknas av ansvarstagande, initiativrikedom och delaktighet"),
    ("3.1", "Varje enhets ekonomiska utfall är i balans med budget"),
    ("3.1", "Varje enhets prognossäkerhet är hög"),
    ("3.2", "Förvaltningens stödfunktioner är effektiva och bidrar till att verksamheterna når sina mål"),
]


def test_inriktningsmal(report: Report) -> None:
    assert [(g.number, g.title) for g in report.goals] == KF_GOALS
    assert all(g.level is GoalLevel.KF for g in report.goals)


def test_area_goals_with_the_gap_at_1_4(report: Report) -> None:
    found = [(g.number, g.title, g.provenance.first_line) for g in goals(report, GoalLevel.AREA)]
    assert found == AREA_GOALS
    assert "1.4" not in {number for number, *_ in found}
    for kf in report.goals:
        assert all(child.number.startswith(kf.number + ".") for child in kf.goals)


def test_board_goals_titles_parents_and_no_invented_numbers(report: Report) -> None:
    found = [(area.number, board.title) for area in goals(report, GoalLevel.AREA) for board in area.goals]
    assert found == BOARD_GOALS
    assert all(g.number is None for g in goals(report, GoalLevel.BOARD))


def test_sub_heading_after_a_title_stays_in_the_text(report: Report) -> None:
    area = {g.number: g for g in goals(report, GoalLevel.AREA)}
    assert area["1.2"].description.startswith("Omvärld och arbetsmarknad Inför 2011")
    assert area["2.3"].description.startswith("Socialtjänstavdelningen övergripande")
    assert area["1.5"].description is None


def test_expected_results(report: Report) -> None:
    board = {g.title: g for g in goals(report, GoalLevel.BOARD)}
    assert all(g.expected_result for g in board.values())
    assert board["Andelen förskollärare ökar."].expected_result == "Ökning av andelen förskollärare."
    parent = board["Föräldrarna bjuds in till delaktighet och påverkan av verksamheten inom ramen för de nationella målen. (Förskola och hem)"]
    assert parent.description is None
    assert parent.expected_result.startswith("Fler nöjda föräldrar i brukarundersökningen")
    stadsdel = board["Stadsdelsnämnden värnar om miljön och bidrar till ett långsiktigt hållbart samhälle."]
    assert stadsdel.expected_result.startswith("Samtliga enheter iakttar god hushållning")  # ' Förväntat resultat' at a page start


def test_budget_commentary_is_a_section_not_a_result(report: Report) -> None:
    board = {g.title: g for g in goals(report, GoalLevel.BOARD)}
    result = board["Varje enhets prognossäkerhet är hög"].expected_result
    assert result == (
        "En hög prognossäkerhet där alla kända faktorer är inkluderade i prognosen. "
        "Den säkra prognosen är ett underlag för enheten då beslut ska fattas."
    )
    sections = {s.title: s for s in report.sections}
    budget = sections["Nämndens ekonomiska förutsättningar 2012"]
    assert (budget.provenance.first_line, budget.provenance.last_line) == (4270, 4710)
    assert "anvisat Hässelby-Vällingby stadsdelsnämnd 1 535,1 mnkr" in budget.text
    assert "Nettobudgeten är därmed 1 492,2 mnkr." in budget.text
    bilagor = sections["Bilagor"].text.split("\n")
    assert "Bilaga 9 Stadsdelsnämndens budget" in bilagor
    assert "Bilaga 7 Svar på kommunbeslut efter tillsyn av förskoleverksamhet i Stockholms kommun" in bilagor
    assert list(sections)[:2] == ["Ärendets beredning", "Inledning"]
    area = {g.number: g for g in goals(report, GoalLevel.AREA)}
    assert area["3.1"].provenance.last_line == 4268


def test_the_missing_appendix_table_is_warned_about(report: Report) -> None:
    [warning] = [w for w in report.warnings if w.code == "missing-appendix"]
    assert warning.line == 4299 and "bilaga 9" in warning.message


def test_decisions_with_amounts(report: Report) -> None:
    assert [d.number for d in report.decisions] == ["1", "2", "3", "4", "5"]
    second = report.decisions[1]
    assert second.text == "Stadsdelsnämnden hemställer hos Kommunstyrelsen om 104,8 mnkr i omslutningsökningar enligt bilaga 6."
    [amount] = second.amounts
    assert (amount.raw, amount.number, amount.unit, amount.line) == ("104,8 mnkr", Decimal("104.8"), "mnkr", 13)
    assert report.decisions[3].text.endswith("andra intäktsfinansierade utförare enligt bilaga 10.")
    assert all(not d.amounts for d in report.decisions if d.number != "2")


# --- indicators ---------------------------------------------------------------------------


def test_indicator_counts(report: Report) -> None:
    rows = [i for _, i in report.indicators()]
    assert len(rows) == 101
    assert Counter(i.table for i in rows) == {"KF:s indikatorer": 78, "Nämndens indikatorer": 23}
    assert sum(i.comment is not None for i in rows) == 4
    assert sum(i.target is None for i in rows) == 17
    assert Counter(i.periodicity for i in rows) == {"År": 80, "Tertial": 18, "Månad": 2, "Halvår": 1}
    assert all(i.outcome is None and i.forecast is None and i.previous is None for i in rows)  # a plan has no outcomes
    assert all(i.kf_target is None for i in rows if i.table == "Nämndens indikatorer")


PER_AREA = {  # nämndmål, KF ind, nämnd ind, KF akt, nämnd akt
    "1.1": (1, 1, 0, 0, 0), "1.2": (1, 6, 0, 5, 0), "1.3": (1, 6, 0, 1, 0), "1.5": (1, 0, 0, 0, 0),
    "1.6": (1, 0, 0, 1, 3), "1.7": (4, 3, 1, 0, 14), "2.1": (1, 4, 0, 0, 1), "2.2": (4, 8, 0, 10, 8),
    "2.3": (9, 40, 14, 4, 4), "2.4": (3, 5, 8, 0, 12), "3.1": (2, 3, 0, 0, 0), "3.2": (1, 2, 0, 0, 0),
}


def test_tables_attach_to_their_goals(report: Report) -> None:
    for area in goals(report, GoalLevel.AREA):
        boards = area.goals
        counts = (
            len(boards),
            len(area.indicators),
            sum(len(b.indicators) for b in boards),
            len(area.activities),
            sum(len(b.activities) for b in boards),
        )
        assert counts == PER_AREA[area.number], area.number
        assert all(i.table == "KF:s indikatorer" for i in area.indicators)
        assert all(a.table == "Nämndens aktiviteter" for b in boards for a in b.activities)


@pytest.mark.parametrize(
    ("name", "target", "kf_target", "periodicity", "goal"),
    [
        ("Andel upphandlad verksamhet i konkurrens (alla nämnder)", "36 %", "35 %", "År", "1.1"),
        ("Andel barn som lever i familjer som är beroende av ekonomiskt bistånd", "6,3 %", "minska", "Tertial", "1.2"),
        ("Antal ungdomar som fått sommarjobb i stadens regi (alla nämnder/bolag)", "500 st", "öka", "År", "1.2"),
        (
            "Andel ungdomar 18-24 år som är beroende av ekonomiskt bistånd i förhållande till samtliga 18-24 åringar i befolkningen",
            "2,1 %", "minska", "Tertial", "1.2",
        ),
        ("Andel dubbdäck", "0 %", "tas fram av nämnden/styrelsen", "År", "1.3"),
        ("Andel miljöbränslen i stadens miljöbilar", "85 %", "tas fram av nämnden/ styrelsen", "Halvår", "1.3"),
        ("Andel miljöbilar i stadens bilflotta", "90 %", "100 %", "Månad", "1.3"),
        ("Andel elbilar", "0 %", "öka", "År", "1.3"),
        ("Antal barn per avdelning", "16", "oförändrad", "År", "2.2"),
        ("Personalens bedömning av \"Förskolans förmåga att stödja barns lärande och utveckling\"", "4,01", "öka", "År", "2.2"),
        ("Andel enheter som genomför systematiskt barnsäkerhetsarbete", "100 %", "tas fram av nämnden", "År", "2.2"),
        ("Andel ASI (Addiction Severity Index) utredningar", "85 %", "tas fram av nämnden", "År", "2.3"),
        ("Andel vuxna i biståndsbedömd öppenvård (IoF)", "55 %", "tas fram av nämnden", "Tertial", "2.3"),
        ("Maten smakar bra - Vård och omsorgsboende (äldreomsorg)", "75 %", "75%", "År", "2.3"),
        ("Sjukfrånvaro (alla nämnder/bolag)", "5 %", "4,5 %", "År", "2.4"),
        ("Antal krisledningsövningar i nämnd/bolag på ledningsnivå", "1 st", "47 st", "År", "1.7"),
        ("Administrationens andel av de totala kostnaderna (alla nämnder)", "3,7 %", "minska", "År", "3.2"),
        ("Antal tävlande i kvalitetsutmärkelsen (alla nämnder)", "2 st", "tas fram av nämnden", "År", "3.2"),
        # empty Årsmål: a leading space, or a double space between name and values
        ("Andel identifierade sårbarheter som styrelse/nämnd avser förebygga eller minimera under året", None, "100 %", "År", "1.7"),
        ("Andel enskilda som minskat sitt behov av stöd inom socialpsykiatrin", None, "tas fram av nämnden", "År", "2.3"),
        ("Andel av inkommande anmälningar inom BoU där det inleds en utredning (IoF)", None, "fastställs 2012", "År", "2.3"),
        ("Aktivt Medskapandeindex", None, "fastställs 2012", "År", "2.4"),
        ("Nämndens prognossäkerhet T2 (alla nämnder)", None, "+/- 1 %", "År", "3.1"),
    ],
)
def test_kf_indicator_rows(report: Report, name, target, kf_target, periodicity, goal) -> None:
    owner, row = indicator(report, name)
    assert owner.number == goal and row.table == "KF:s indikatorer"
    assert (row.target.raw if row.target else None, row.kf_target.raw, row.periodicity) == (target, kf_target, periodicity)


def test_values_are_numbers_or_text(report: Report) -> None:
    _, row = indicator(report, "Andel barn som lever i familjer som är beroende av ekonomiskt bistånd")
    assert (row.target.number, row.target.unit, row.target.line) == (Decimal("6.3"), "%", 634)
    assert row.kf_target.number is None and row.kf_target.is_text
    assert (row.provenance.first_line, row.provenance.last_line) == (631, 634)
    _, row = indicator(report, "Antal barn per avdelning")
    assert (row.target.number, row.target.unit) == (Decimal("16"), None)


def test_empty_target_with_its_comment(report: Report) -> None:
    _, row = indicator(report, "Andel identifierade sårbarheter som styrelse/nämnd avser förebygga eller minimera under året")
    assert row.target is None and row.kf_target.number == Decimal("100") and row.kf_target.line == 1168
    assert row.comment.startswith("Målvärdet sätts utifrån andel identifierade sårbarheter i risk- och sårbarhetsanalysen")
    assert row.comment.endswith("Målvärdet sätt efter genomförd RSA, dvs i samband med T1 2012.")
    assert (row.provenance.first_line, row.provenance.last_line) == (1162, 1178)


def test_comments_belong_to_the_row_above(report: Report) -> None:
    commented = {i.name: i.comment for _, i in report.indicators() if i.comment}
    assert set(commented) == {
        "Antal ungdomar som fått sommarjobb i stadens regi (alla nämnder/bolag)",
        "Andel elbilar",
        "Andel miljöbilar i stadens bilflotta",
        "Andel identifierade sårbarheter som styrelse/nämnd avser förebygga eller minimera under året",
    }
    assert commented["Andel elbilar"].startswith("Fordonsparken är bunden genom leasingavtal")
    assert "Förvaltningen verkar för" in commented["Andel elbilar"]


def test_wrapped_target_is_read_and_flagged(report: Report) -> None:
    _, row = indicator(report, "Elanvändning per kvadratmeter")
    assert (row.target.raw, row.target.number, row.target.unit) == ("76 kwh/kvm", Decimal("76"), "kwh/kvm")
    assert (row.kf_target.raw, row.periodicity) == ("76 kWh", "År")
    assert "wrapped-cell" in row.flags
    assert any(w.code == "wrapped-cell" and w.line == 839 for w in report.warnings)
    assert [i.name for _, i in report.indicators() if i.flags] == ["Elanvändning per kvadratmeter"]


@pytest.mark.parametrize(
    ("name", "target", "periodicity"),
    [
        ("Andel invånare i Hässelby-Vällingby som känner sig trygga när de går ensam hem på kvällen", "52 %", "År"),
        ("Andel boendeplatser i särskilt boende som erbjuder möjlighet till daglig utevistelse för den äldre som så önskar", "Tas fram till T1:an", "Tertial"),
        ("Anmälningar om diskriminering.", "0", "År"),
        ("Indexvärde avseende frågeområdet Hälsa i medarbetarenkäten", "75", "År"),
        ("Andel chefer i kategorin \"Förvalta och förädla\" ska öka i mätning av kommunikativt ledarskap i medarbetarenkäten", None, "År"),
        ("Andel sjundeklasser i skolorna inom Bromma och Hässelby-Vällingby som bjuds in till studiebesök på Västerorts ungdomsmottagning", "100 %", "År"),
        ("Andel enheter som har diskuterat förvaltningens Medarbetarpolicy på alla enhetens arbetsplatsträffar vid ett tillfälle under 2012", "100 %", "År"),
    ],
)
def test_board_indicator_rows(report: Report, name, target, periodicity) -> None:
    owner, row = indicator(report, name)
    assert owner.level is GoalLevel.BOARD and row.table == "Nämndens indikatorer"
    assert (row.target.raw if row.target else None, row.kf_target, row.periodicity) == (target, None, periodicity)


def test_the_orphan_repeated_header_adds_no_row(report: Report) -> None:
    area = {g.number: g for g in goals(report, GoalLevel.AREA)}
    assert [i.name for i in area["2.4"].indicators][-1] == "Sjukfrånvaro (alla nämnder/bolag)"


# --- activities ---------------------------------------------------------------------------


def test_activity_counts_and_dates(report: Report) -> None:
    rows = [a for _, a in report.activities()]
    assert len(rows) == 63
    assert Counter(a.table for a in rows) == {"KF:s aktiviteter": 21, "Nämndens aktiviteter": 42}
    assert Counter((a.start.isoformat(), a.end.isoformat()) for a in rows) == {
        ("2012-01-01", "2012-12-31"): 57,
        ("2011-01-01", "2012-12-31"): 3,
        ("2011-01-01", "2014-12-31"): 1,
        ("2012-01-01", "2013-12-31"): 1,
        ("2012-01-01", "2012-06-30"): 1,
    }


@pytest.mark.parametrize(
    ("text", "start", "end", "first", "last"),
    [
        ("Ta fram och besluta om miljöhandlingsplan utifrån Stockholms miljöprogram 2012-2015", "2012-01-01", "2012-12-31", 848, 851),
        ("Stadsdelsnämnderna ska ta fram rutiner för inkomstkontroll", "2012-01-01", "2012-12-31", 1784, 1784),
        (
            "Kommunstyrelsen har i uppdrag att i samarbete med stadsdelsnämnderna, arbetsmarknadsnämnden och socialnämnden "
            "ta fram förslag på \"en väg in\" för personer som söker ekonomiskt bistånd",
            "2012-01-01", "2012-06-30", 718, 726,
        ),
        (
            "Stadsdelsnämnderna ska erbjuda förskolans medarbetare kompetensutveckling och erbjuda medarbetarna pedagogisk "
            "grund- eller vidareutbildning till barnskötare eller förskollärare",
            "2011-01-01", "2014-12-31", 1750, 1758,
        ),
        ("Projektet ”Verksamhet och Hälsa” fortsätter under hela 2012. (EU-projekt)", "2012-01-01", "2012-12-31", 3897, 3900),
        ("Införa öppen mottagning för budget- och skuldrådgivning, öppen varje vecka", "2012-01-01", "2012-12-31", 683, 686),
    ],
)
def test_activity_rows(report: Report, text, start, end, first, last) -> None:
    [row] = [a for _, a in report.activities() if a.text == text]
    assert (row.start, row.end) == (dt.date.fromisoformat(start), dt.date.fromisoformat(end))
    assert (row.provenance.first_line, row.provenance.last_line) == (first, last)


# --- text repair and provenance ---------------------------------------------------------

_ARTEFACTS = (
    re.compile(r"[a-zåäö]- (?!och\b|eller\b|samt\b)"),  # a split word left open ('till- gänglig')
    re.compile(r"\s{2}|^\s|\s$"),
    re.compile("[\ue000\u00ad]"),
    re.compile(r"\b(?:lekidrotts|HässelbyVällingby|budgetoch|1824)\b"),
    re.compile(r"\b(?:till gänglig|barnsä kerhetsarbete|nämn den|Häs selby)\b"),
)


def _texts(report: Report):
    for goal in report.walk_goals():
        yield f"goal {goal.provenance}", goal.title
    for _, row in report.indicators():
        yield f"indicator {row.provenance}", row.name
    for _, row in report.activities():
        yield f"activity {row.provenance}", row.text


def test_no_hyphenation_artefacts_in_titles_names_and_texts(report: Report) -> None:
    bad = [(where, text) for where, text in _texts(report) if any(p.search(text) for p in _ARTEFACTS)]
    assert bad == []
    joined = " ".join(text for _, text in _texts(report))
    for kept in ("Hässelby-Vällingby", "budget- och skuldrådgivning", "18-24 åringar", "miljö- och hälsofarliga", "(Utredningstyp"):
        assert kept in joined
    # every line that ended in a split word was rejoined: no title or name keeps a word-final '-'
    assert not any(text.endswith("-") for _, text in _texts(report))


def test_every_element_has_provenance(report: Report) -> None:
    elements = [g.provenance for g in report.walk_goals()]
    elements += [i.provenance for _, i in report.indicators()] + [a.provenance for _, a in report.activities()]
    elements += [s.provenance for s in report.sections] + [d.provenance for d in report.decisions]
    for where in elements:
        assert where.path == str(PLAN) and 1 <= where.first_line <= where.last_line <= len(PLAN_LINES)
    # provenance points at the printed text
    _, row = indicator(report, "Andel upphandlad verksamhet i konkurrens (alla nämnder)")
    assert PLAN_LINES[row.provenance.first_line - 1].startswith("Andel upphandlad verksamhet")
    assert PLAN_LINES[row.provenance.last_line - 1].strip() == "36 % 35 % År"


# --- command line ---------------------------------------------------------------------------


def test_cli_table() -> None:
    out, err = io.StringIO(), io.StringIO()
    assert main(["parse", str(PLAN)], out=out, err=err) == 0
    text = out.getvalue()
    assert "Hässelby-Vällingby VP 2012  [vp2012]" in text
    assert "1.5 Framkomligheten i regionen ska öka" in text
    assert "bilaga 9" in text and "bilaga 9" not in err.getvalue()  # shown once, in the table


def test_cli_json() -> None:
    out = io.StringIO()
    assert main(["parse", str(PLAN), "--format", "json"], out=out, err=io.StringIO()) == 0
    [data] = json.loads(out.getvalue())
    assert (data["format"], data["kind"], data["year"], data["district"]) == ("vp2012", "VP", 2012, "Hässelby-Vällingby")

    def walk(goal):
        yield goal
        for child in goal["goals"]:
            yield from walk(child)

    all_goals = [g for top in data["goals"] for g in walk(top)]
    assert sum(len(g["indicators"]) for g in all_goals) == 101
    assert sum(len(g["activities"]) for g in all_goals) == 63
    row = next(i for g in all_goals for i in g["indicators"] if i["name"].startswith("Andel upphandlad"))
    assert (row["target"]["raw"], row["target"]["value"], row["kf_target"]["raw"], row["periodicity"]) == ("36 %", 36, "35 %", "År")
    assert data["decisions"][1]["amounts"][0]["value"] == 104.8


# --- robustness ---------------------------------------------------------------------------


def _parse_or_our_error(text: str) -> None:
    try:
        reports = kfcompare.parse_text(text, "fuzz.txt", input_format="vp2012")
    except KfcompareError:
        return
    assert reports and all(isinstance(r, Report) for r in reports)


MARKERS = [
    " KF:s INRIKTNINGSMÅL 1:", "KF:s MÅL FÖR VERKSAMHETSOMRÅDET:", "NÄMNDMÅL:", " Förväntat resultat",
    "KF:s indikatorer Årsmål KF:s årsmål Periodicitet", " Nämndens indikatorer Årsmål Periodicitet",
    "KF:s aktiviteter Startdatum Slutdatum", "Nämndens aktiviteter Startdatum Slutdatum", "Kommentar:  ",
    " 100 % År", "0 % tas fram av nämn-", "den/styrelsen", "År", " ", "2012-01-01 2012-12-31", "2012-13-45 2012-00-00",
    "Bilagor", "Nämndens ekonomiska förutsättningar 2012", "1.1 Titel", "till-", "-", "  fastställs 2012 År",
    "Förslag till beslut", "1. Stadsdelsnämnden fastställer 1 0 mnkr", "SID 1 (2)", "HÄSSELBY -VÄLL INGBY",
]


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(MARKERS), st.text(max_size=40)), max_size=60))
def test_arbitrary_text_gives_a_report_or_our_error(lines: list[str]) -> None:
    _parse_or_our_error("\n".join(lines))


@st.composite
def mutated_plan(draw: st.DrawFn) -> str:
    """The plan's title, then runs of its lines in any order: lines dropped (gaps between
    runs), duplicated (overlapping runs), moved (runs out of order), markers dropped in."""
    runs = draw(
        st.lists(
            st.one_of(
                st.tuples(st.integers(0, len(PLAN_LINES) - 1), st.integers(1, 400)),
                st.sampled_from(MARKERS),
            ),
            min_size=1,
            max_size=12,
        )
    )
    window = PLAN_LINES[:12]
    for run in runs:
        window = window + ([run] if isinstance(run, str) else PLAN_LINES[run[0] : run[0] + run[1]])
    return "\n".join(window)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(mutated_plan())
def test_mutated_plan_gives_a_report_or_our_error(text: str) -> None:
    _parse_or_our_error(text)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(MARKERS), st.text(max_size=30)), max_size=30))
def test_scores_never_tie_on_a_claimed_text(lines: list[str]) -> None:
    source = Source.from_text("\n".join(lines))
    vp, ils = vp2012.score(source), ils2020.score(source)
    assert 0.0 <= vp <= 1.0
    if vp > 0 or ils > 0.2:
        assert vp != ils

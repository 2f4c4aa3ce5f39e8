"""The goal tree of the ILS 2020 reports, checked against values read from the example texts."""

from __future__ import annotations

from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ils2020_examples import EXAMPLES, hv, kungsholmen, sod, ung_fritid  # noqa: F401  (fixtures)

from kfcompare import Assessment, GoalLevel, KfcompareError
from kfcompare.default_plugins.ils2020.goal_tree import parse_goals
from kfcompare.text.lines import Line, numbered, strip_page_noise


def _levels(report) -> Counter:
    return Counter(goal.level for goal in report.walk_goals())


def _goal(report, number: str):
    [goal] = [g for g in report.walk_goals() if g.number == number]
    return goal


def _assessments(report) -> Counter:
    return Counter(goal.assessment for goal in report.walk_goals() if goal.assessment)


def test_hasselby_vallingby_counts(hv):
    assert _levels(hv) == {GoalLevel.KF: 1, GoalLevel.AREA: 5, GoalLevel.BOARD: 17}
    assert _assessments(hv) == {Assessment.HELT: 11, Assessment.DELVIS: 11}


def test_sodermalm_counts(sod):
    assert _levels(sod) == {GoalLevel.KF: 3, GoalLevel.AREA: 12, GoalLevel.BOARD: 27}
    assert _assessments(sod) == {Assessment.HELT: 37, Assessment.DELVIS: 2}
    delvis = sorted(g.number for g in sod.walk_goals() if g.assessment == Assessment.DELVIS)
    assert delvis == ["1.2.2", "3.2"]


def test_inriktningsmal_has_prose_but_no_assessment(hv, sod):
    [kf] = hv.goals
    assert (kf.level, kf.number) == (GoalLevel.KF, "1")
    assert kf.title == "En modern storstad med möjligheter och valfrihet för alla"
    assert kf.assessment is None and kf.assessment_raw is None
    assert kf.analysis.startswith("Förvaltningen bidrar delvis till att uppfylla inriktningsmålet.")
    assert kf.provenance.first_line == 99
    assert [g.title for g in sod.goals] == [
        "En modern storstad med möjligheter och valfrihet för alla",
        "En hållbart växande och dynamisk storstad med hög tillväxt",
        "En ekonomiskt hållbar och innovativ storstad för framtiden",
    ]
    assert [g.number for g in sod.goals] == ["1", "2", "3"]


def test_area_goals_numbers_titles_assessments(hv):
    areas = hv.goals[0].goals
    assert [g.number for g in areas] == ["1.1", "1.2", "1.3", "1.4", "1.5"]
    assert [g.assessment for g in areas] == [
        Assessment.HELT,
        Assessment.DELVIS,
        Assessment.HELT,
        Assessment.DELVIS,
        Assessment.DELVIS,
    ]
    first = areas[0]
    assert first.title == "I Stockholm är människor självförsörjande och vägen till arbete och svenskkunskaper är kort"
    assert first.assessment_raw == "Uppfylls helt"
    assert first.analysis.startswith("Förvaltningen bedömer att målet för verksamhetsområdet uppfylls helt.")
    # the analysis runs across a page break (page noise at 201-204 is stripped)
    assert "efter avslutad gymnasieexamen." in first.analysis
    assert first.description is None
    assert [g.number for g in first.goals] == ["1.1.1", "1.1.2"]


def test_board_goal_texts(hv):
    goal = _goal(hv, "1.1.1")
    assert goal.level == GoalLevel.BOARD
    assert goal.title == "Människor är självförsörjande"
    assert goal.assessment == Assessment.HELT
    assert goal.description.startswith("För att sänka trösklarna till arbete för de grupper som står långt")
    assert goal.expected_result == (
        "Andelen barn som lever i familjer med försörjningsstöd samt andelen unga vuxna med försörjningsstöd minskar."
    )
    assert goal.analysis.startswith("Förvaltningen har under året haft ett minskat antal hushåll")
    assert goal.provenance.first_line == 476


def test_wrapped_title_and_trailing_full_stop(hv):
    goal = _goal(hv, "1.2.2")
    assert goal.title == "Trygghetsaspekterna genomsyrar all planering och skötsel av stadsmiljön."
    assert goal.provenance.first_line == 1183


def test_numbers_with_and_without_trailing_dot(sod):
    numbers = [g.number for g in sod.walk_goals()]
    assert "1.3.1" in numbers and "2.2.1" in numbers and "1.1.1" in numbers
    assert not any(n.endswith(".") for n in numbers)
    assert _goal(sod, "2.2.1").title.startswith("Inom Södermalms stadsdelsområde byggs attraktivt")


def test_truncated_report_keeps_what_is_there(hv):
    last = _goal(hv, "1.5.4")
    assert last.description is not None and last.expected_result is None


def test_kungsholmen_units_numbers_on_marker_line(kungsholmen):
    assert [r.unit for r in kungsholmen] == [
        "Enheten för prevention och familjebehandling",
        "Enheten för sysselsättning",
        "Familjeenheten",
    ]
    first = kungsholmen[0]
    assert _levels(first) == {GoalLevel.KF: 3, GoalLevel.AREA: 6, GoalLevel.BOARD: 8, GoalLevel.UNIT: 10}
    kf = first.goals[0]
    assert (kf.number, kf.title) == ("1", "En modern storstad med möjligheter och valfrihet för alla")
    area = kf.goals[0]
    assert (area.number, area.title) == ("1.2", "Stockholm är en trygg, säker och välskött stad att bo och vistas i")
    assert _goal(first, "2.4.1").title == "Kungsholmsbor i alla åldrar tar del av ett varierat kultur- och fritidsutbud"
    board = _goal(first, "1.2.1")
    assert board.title == "Kungsholmens stadsdelsområde är tryggt och säkert"
    units = board.goals
    assert [u.level for u in units] == [GoalLevel.UNIT, GoalLevel.UNIT]
    assert units[0].number is None
    # a title wrapped over lines with an empty line after each
    assert units[0].title == (
        "Enhetens arbete leder ska bidra till att andelen medborgare upplever sig trygga inom valt "
        "fokusområde ökar i Stockholms stads nästkommande trygghetsmätning."
    )
    assert units[0].assessment == Assessment.HELT
    assert units[0].expected_result.startswith("Enheten arbetar med platssamverkan på identifierade")
    assert units[0].analysis.startswith("Bedömningen är att enhetsmålet uppfylls.")


def test_kungsholmen_unit_assessments(kungsholmen):
    first, second, third = kungsholmen
    assert _assessments(first) == {Assessment.HELT: 22, Assessment.DELVIS: 1, Assessment.INTE: 1}
    assert _assessments(second) == {Assessment.HELT: 21}
    assert _assessments(third) == {Assessment.HELT: 20, Assessment.INTE: 1}
    [delvis] = [g for g in first.walk_goals() if g.assessment == Assessment.DELVIS]
    assert delvis.title.startswith("Enhetens mål är att ge tidiga stöd- och behandlingsinsatser")
    assert delvis.assessment_raw == "Uppfylls delvis"
    [inte] = [g for g in third.walk_goals() if g.assessment == Assessment.INTE]
    assert inte.title == "Familjeenhetens ekonomi är långsiktigt hållbar"


def test_unit_report_unnumbered_goals_and_ingen(ung_fritid):
    assert _levels(ung_fritid) == {GoalLevel.KF: 3, GoalLevel.AREA: 7, GoalLevel.BOARD: 7, GoalLevel.UNIT: 5}
    assert _assessments(ung_fritid) == {Assessment.INGEN: 14, Assessment.HELT: 5}
    area = ung_fritid.goals[0].goals[0]
    assert area.number == "1.1" and area.assessment == Assessment.INGEN and area.assessment_raw == "Ingen"
    board = area.goals[0]
    assert board.number is None
    assert board.title == "Invånarna i stadsdelsområdet är självförsörjande"
    assert board.assessment == Assessment.INGEN
    unit = _goal_titled(ung_fritid, "Unga får stöd av vuxna och är trygga i den offentliga miljön")
    assert unit.level == GoalLevel.UNIT and unit.assessment == Assessment.HELT
    assert unit.provenance.first_line == 407


def _goal_titled(report, title: str):
    [goal] = [g for g in report.walk_goals() if g.title == title]
    return goal


def _lines(text: str) -> list[Line]:
    return numbered(text.split("\n"))


def test_prose_starting_with_ingen_is_no_assessment():
    text = "Nämndmål:\n1.1.1 Alla trivs\n\nIngen medarbetare ska behöva vänta.\n\n Ingen \n"
    [goal], _ = parse_goals(_lines(text), "x.txt")
    assert goal.assessment is None
    assert goal.analysis.startswith("Ingen medarbetare ska behöva vänta.")


def test_assessment_with_spaces_and_number_on_next_line():
    text = "KF:s mål för verksamhetsområdet:\n2.3.\nStockholm är en stad\n\n Uppfylls inte \n\nAnalys\n\nText."
    [goal], warnings = parse_goals(_lines(text), "x.txt")
    assert (goal.level, goal.number, goal.title) == (GoalLevel.AREA, "2.3", "Stockholm är en stad")
    assert (goal.assessment, goal.assessment_raw) == (Assessment.INTE, "Uppfylls inte")
    assert goal.analysis == "Text."
    assert any("utan mål ovanför" in w.message for w in warnings)


def test_provenance_on_every_goal(hv, sod):
    for report in (hv, sod):
        for goal in report.walk_goals():
            assert goal.provenance.path.endswith(".txt")
            assert goal.provenance.first_line <= goal.provenance.last_line
            for child in goal.goals:
                assert goal.provenance.first_line < child.provenance.first_line <= goal.provenance.last_line


def _report_lines(name: str) -> list[Line]:
    text = (EXAMPLES / name).read_text(encoding="utf-8")
    return strip_page_noise(numbered(text.split("\n")))


_HV_LINES = _report_lines("hasselby-vallingby_vb_2020.txt")[90:1400]
_NOISE = ["Tjänsteutlåtande", "Sid 3 (12)", "start.stockholm", "   Indikator Periodens ", "Analys", "", " Uppfylls helt"]


def _check(lines: list[Line]) -> None:
    try:
        goals, warnings = parse_goals(lines, "fuzz.txt")
    except KfcompareError:
        return
    assert all(goal.level == GoalLevel.KF or warnings for goal in goals)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.integers(0, len(_HV_LINES) - 1), max_size=40), st.randoms(use_true_random=False))
def test_mutated_reports_never_crash(picks, rnd):
    lines = list(_HV_LINES)
    for k in picks:
        op = rnd.randrange(4)
        if op == 0 and lines:
            del lines[k % len(lines)]
        elif op == 1 and lines:
            lines.insert(k % len(lines), lines[k % len(lines)])
        elif op == 2:
            lines.insert(k % (len(lines) + 1), Line(k, rnd.choice(_NOISE)))
        else:
            a, b = k % len(lines), rnd.randrange(len(lines))
            lines[a], lines[b] = lines[b], lines[a]
    _check(lines)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from("Nämndmål:KFs ink1.2 %-Analys\t0123456789 VBTertial"), max_size=60)))
def test_arbitrary_text_never_crashes(texts):
    _check(numbered(texts))

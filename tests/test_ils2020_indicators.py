"""Indicator tables of the ILS 2020 reports: columns, wrapped cells, rows cut by page breaks."""

from __future__ import annotations

from decimal import Decimal

from ils2020_examples import hv, kungsholmen, sod  # noqa: F401  (fixtures)

from kfcompare.default_plugins.ils2020.goal_tree import parse_goals
from kfcompare.text.lines import numbered


def _find(report, name: str, nth: int = 0):
    found = [(goal, ind) for goal, ind in report.indicators() if ind.name.startswith(name)]
    return found[nth]


def _raws(indicator) -> dict[str, str]:
    return {column: value.raw for column, value in indicator.values()}


def test_counts(hv, sod):
    assert len(list(hv.indicators())) == 76
    assert len(list(sod.indicators())) == 102


def test_all_seven_columns_with_wrapped_percentages(hv):
    goal, ind = _find(hv, "Andel personer som har ekonomiskt bistånd")
    assert goal.number == "1.1"
    assert ind.name == "Andel personer som har ekonomiskt bistånd i förhållande till befolkningen"
    assert _raws(ind) == {
        "outcome": "2,22 %",
        "outcome_men": "2,2 %",
        "outcome_women": "2,23 %",
        "previous": "2,27 %",
        "forecast": "2,22 %",
        "target": "2,15 %",
        "kf_target": "1,5 %",
    }
    assert ind.outcome.number == Decimal("2.22") and ind.outcome.unit == "%"
    assert ind.outcome_women.line == 352 and ind.previous.line == 355 and ind.kf_target.line == 358
    assert ind.period == "VB 2020"
    assert ind.flags == () and ind.alternatives == ()
    assert ind.analysis.startswith("Rådande konjunkturläge med en ökad arbetslöshet")
    assert (ind.provenance.first_line, ind.provenance.last_line) == (347, 365)


def test_counts_with_units_and_thousands(hv):
    _, ind = _find(hv, "Antal ungdomar som fått feriejobb")
    assert ind.outcome.raw == "743 st" and ind.outcome_men.raw == "349 st" and ind.outcome_women.raw == "394 st"
    assert ind.kf_target.raw == "9 000 st" and ind.kf_target.number == Decimal(9000)
    _, ind = _find(hv, "Antal aspiranter som fått Stockholmsjobb")
    assert _raws(ind)["kf_target"] == "800 st" and ind.previous.raw == "31 st"


def test_text_target_and_period_in_own_block(hv):
    _, ind = _find(hv, "Antal tillhandahållna platser för feriejobb")
    assert _raws(ind) == {
        "outcome": "743",
        "previous": "952",
        "forecast": "743",
        "target": "700 st",
        "kf_target": "Tas fram av nämnd",
    }
    assert ind.kf_target.is_text and ind.period == "VB 2020"


def test_name_and_value_share_a_line(hv, sod):
    _, ind = _find(hv, "Antal barn per grupp")
    assert ind.name == "Antal barn per grupp"
    assert ind.outcome.raw == "12,5 barn/avd." and ind.previous.raw == "12,5 barn/avd."
    _, ind = _find(hv, "Nöjdhet med SIP-möten")
    assert ind.name == "Nöjdhet med SIP-möten" and ind.period == "2020"
    assert [v.raw for _, v in ind.values()] == ["4,9", "4,9", "4,8"]
    assert ind.provenance.first_line == ind.provenance.last_line == 3180


def test_survey_not_run_has_no_outcome(hv):
    _, ind = _find(hv, "Andel stockholmare som upplever trygghet")
    assert ind.outcome is None
    assert _raws(ind) == {"previous": "53 %", "target": "77 %", "kf_target": "77 %"}


def test_name_cut_by_repeated_header(hv):
    _, ind = _find(hv, "Andel ungdomar som i stockholmsenkäten uppger att de inte använder alkohol")
    assert ind.name == "Andel ungdomar som i stockholmsenkäten uppger att de inte använder alkohol"
    assert ind.outcome.raw == "65 %" and ind.outcome.line == 2455
    assert ind.analysis.startswith("Andelen ungdomar i årskurs 9 som uppger att de inte använder alkohol")
    assert (ind.provenance.first_line, ind.provenance.last_line) == (2452, 2486)


def test_analysis_cut_by_repeated_header(hv):
    _, ind = _find(hv, "Andel föräldrar som upplever att deras barn är trygga")
    assert ind.analysis.startswith("Vårdnadshavarnas upplevelse av att barnen är trygga")
    assert "Förskolorna har försökt att undersöka" in ind.analysis
    assert ind.provenance.last_line == 2993


def test_ambiguous_row_is_flagged_with_alternatives(hv):
    _, ind = _find(hv, "Antal nyanlända som har utbildats till frivilligrådgivare")
    assert "ambiguous-columns" in ind.flags
    assert [v.raw for _, v in ind.values()] == ["10"]
    assert ind.alternatives and all(len(alt.cells) == 1 for alt in ind.alternatives)
    assert {alt.cells[0][0] for alt in ind.alternatives} - {"outcome"}
    assert any(w.code == "ambiguous-columns" and w.line == 770 for w in hv.warnings)


def test_tertial_report_annual_rows_have_no_outcome(sod):
    _, ind = _find(sod, "Andel nöjda föräldrar till barn i förskolan")
    assert ind.period == "2020"
    assert _raws(ind) == {"previous": "87 %", "target": "90 %", "kf_target": "90 %"}
    _, ind = _find(sod, "Antal barn per grupp")
    assert ind.period == "Tertial 1 2020"
    assert _raws(ind) == {
        "outcome": "14,5 barn/avd.",
        "previous": "12,7 barn/avd.",
        "forecast": "15 st",
        "target": "16",
        "kf_target": "16",
    }


def test_placeholders_are_not_periods(sod):
    _, ind = _find(sod, "Andel vårdnadshavare som upplever att deras barn uppmuntras till fysisk aktivitet")
    assert ind.previous.raw == "Ny indikator 2020" and ind.target.raw == "90 %" and ind.period == "2020"
    _, ind = _find(sod, "Andel ungdomar som i stockholmsenkäten uppger att de inte burit vapen")
    assert ind.previous.raw == "Inget utfall 2019"
    assert ind.kf_target.raw == "Fastställs 2020" and ind.period == "2020"
    _, ind = _find(sod, "Relativ energieffektivisering")
    assert ind.kf_target.raw == "2 % energieffektivisering relativt 2018" and ind.period == "2020"
    _, ind = _find(sod, "Klimatpåverkan från upphandlade livsmedel")
    assert ind.kf_target.raw == "1,9 kg CO2 per kg livsmedel" and ind.kf_target.number == Decimal("1.9")


def test_every_value_has_its_line(hv, sod):
    for report in (hv, sod):
        for _, ind in report.indicators():
            assert ind.provenance.first_line <= ind.provenance.last_line
            for _, value in ind.values():
                assert ind.provenance.first_line <= value.line <= ind.provenance.last_line
            assert ind.period is not None


def test_kungsholmen_columns_from_header_and_spaces(kungsholmen):
    first, _, third = kungsholmen
    _, ind = _find(first, "Andel inköpta ekologiska måltider")
    assert _raws(ind) == {"outcome": "17", "target": "60 %", "kf_target": "60 %"}
    assert ind.period == "2021" and ind.flags == ()
    _, ind = _find(first, "Aktivt Medskapandeindex")
    assert _raws(ind) == {"outcome": "58", "previous": "65", "target": "82", "kf_target": "82"}
    _, ind = _find(third, "Andel barn och unga som åter blir föremål")
    assert _raws(ind) == {
        "outcome": "24,3 %",
        "outcome_men": "16,9 %",
        "outcome_women": "30,4 %",
        "target": "26 %",
        "kf_target": "24 %",
    }
    assert ind.period == "VB 2021"
    _, ind = _find(first, "Sjukfrånvaro dag 1-14")
    assert ind.outcome.raw == "0,9 %" and ind.outcome_men.raw == "0 %" and ind.previous.raw == "1,28 %"
    assert ind.kf_target.raw == "Tas fram av nämnd/styrelse"


def test_kungsholmen_name_with_empty_line_inside(kungsholmen):
    _, ind = _find(kungsholmen[0], "Antal familjer som mottar föräldrastöd genom ABC")
    assert ind.name == "Antal familjer som mottar föräldrastöd genom ABC-utbildning"
    assert _raws(ind) == {"outcome": "1", "previous": "10", "target": "20"}
    assert ind.analysis.startswith("En av två fältassistenter")


def test_header_without_forecast_column():
    text = """Nämndmål:
1.1.1 Mål

 Uppfylls helt
   Indikator Periodens 
utfall 

Utfall 
män/ 
pojkar 

Utfall 
kvinnor/ 
flickor 

Periodens 
utfall VB 
2020 

Årsmål KF:s 
årsmål Period 

Antal besök 

5  4 1   2021 
"""
    [goal], warnings = parse_goals(numbered(text.split("\n")), "x.txt")
    [ind] = goal.indicators
    assert ind.name == "Antal besök"
    assert _raws(ind) == {"outcome": "5", "outcome_women": "4", "previous": "1"}
    assert ind.period == "2021" and ind.forecast is None

"""The engine on small Reports built from model classes (values as the examples print them)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from test_compare_helpers import HASSELBY, SODERMALM, goal, indicator, report

from kfcompare.compare import compare, filter_reports, name_key
from kfcompare.model import Assessment, GoalLevel, Kind

CHILDREN = "Andel barn som lever i familjer som har ekonomiskt bistånd"
SHARE = "Andel personer som har ekonomiskt bistånd i förhållande till befolkningen"


def _pair():
    # as printed at 000 342-345: utfall, prior (VB 2019), prognos, årsmål, KF:s årsmål
    h_ind = indicator(HASSELBY, 342, CHILDREN + ".", outcome="3,1 %", previous="3,3 %", forecast="3,1 %", target="3,2 %", kf_target="2,7 %")
    h_share = indicator(HASSELBY, 347, SHARE, outcome="2,22 %", outcome_men="2,2 %", outcome_women="2,23 %", previous="2,27 %", forecast="2,22 %", target="2,15 %", kf_target="1,5 %")
    s_ind = indicator(SODERMALM, 420, "Andel barn som lever i familjer som har ekonomiskt ⏎bistånd".replace("⏎", ""), target="3,0 %", kf_target="2,7 %")
    h_area = goal(HASSELBY, 180, GoalLevel.AREA, "1.1", "Stockholm har ett hållbart och inkluderande arbetsliv", Assessment.DELVIS, indicators=(h_ind, h_share))
    s_area = goal(SODERMALM, 160, GoalLevel.AREA, "1.1", "Stockholm har ett hållbart och inkluderande arbetsliv", Assessment.HELT, indicators=(s_ind,))
    h = report(HASSELBY, "Hässelby-Vällingby", Kind.VB, 2020, goals=[goal(HASSELBY, 99, GoalLevel.KF, "1", "En modern storstad", goals=(h_area,))])
    s = report(SODERMALM, "Södermalm", Kind.T1, 2020, goals=[goal(SODERMALM, 136, GoalLevel.KF, "1", "En modern storstad", goals=(s_area,))])
    return s, h  # given in the "wrong" order on purpose


def test_reports_in_stable_order_and_periods_labelled():
    comparison = compare(_pair())
    assert [r.label for r in comparison.reports] == ["Hässelby-Vällingby VB 2020", "Södermalm T1 2020"]
    assert comparison.mixed_periods and comparison.periods == ("VB 2020", "T1 2020")


def test_goal_matrix_matches_area_goal_by_title():
    [row] = compare(_pair()).goal_rows
    assert (row.level, row.number) == (GoalLevel.AREA, "1.1")
    assert [c.assessment for c in row.cells] == [Assessment.DELVIS, Assessment.HELT]


def test_indicator_matched_despite_trailing_full_stop_and_status():
    row, share = compare(_pair()).indicator_rows
    assert share.cells[0].status == "ej uppnått" and share.cells[1] is None
    assert row.matched_by == "name" and row.direction == "lower" and row.area_number == "1.1"
    hv, so = row.cells
    assert hv.indicator.outcome.number == Decimal("3.1") and hv.target.raw == "3,2 %" and hv.status == "uppnått"
    assert so.status == "utfall saknas"
    assert so.indicator.kf_target.raw == hv.indicator.kf_target.raw == "2,7 %"


def test_gender_gap_is_women_minus_men():
    [row] = compare(_pair()).gender_rows
    assert row.name == SHARE and row.cells[0].gap == Decimal("0.03") and row.cells[1] is None


def test_wording_variant_is_not_guessed_but_alias_matches():
    s, h = _pair()
    variant = "Andel barn som är beroende av ekonomiskt bistånd"
    s_goal = s.goals[0].goals[0]
    renamed = s_goal.indicators[0].__class__(variant, s_goal.indicators[0].provenance, target=s_goal.indicators[0].target)
    s = s.evolve(goals=(s.goals[0].__class__(GoalLevel.KF, "En modern storstad", s.goals[0].provenance, number="1", goals=(
        s_goal.__class__(s_goal.level, s_goal.title, s_goal.provenance, number="1.1", indicators=(renamed,)),)),))
    assert len(compare([s, h]).indicator_rows) == 3
    row, _ = compare([s, h], aliases={variant: CHILDREN}).indicator_rows
    assert row.matched_by == "alias" and row.name == CHILDREN
    assert [c.matched_by for c in row.cells] == ["name", "alias"]


@pytest.mark.parametrize(
    ("direction", "outcome", "status"),
    [("higher", "22 st", "uppnått"), ("higher", "19 st", "ej uppnått"), ("lower", "22 st", "ej uppnått"), (None, "22 st", "riktning okänd")],
)
def test_status_follows_the_catalogue_direction(direction, outcome, status):
    name = "Antal nya aspiranter i ett påhittat program"
    ind = indicator(HASSELBY, 409, name, outcome=outcome, target="20 st", kf_target="800 st")
    r = report(HASSELBY, "Hässelby-Vällingby", Kind.VB, 2020, goals=[goal(HASSELBY, 180, GoalLevel.AREA, "1.1", "Mål", indicators=(ind,))])
    [row] = compare([r], catalogue={name: direction} if direction else None).indicator_rows
    assert row.direction == direction and row.cells[0].status == status


def test_text_target_is_not_compared():
    ind = indicator(HASSELBY, 415, "Antal tillhandahållna platser för feriejobb", outcome="743", target="700 st", kf_target="Tas fram av nämnd")
    ind2 = indicator(HASSELBY, 420, "Något nytt", outcome="743", kf_target="Tas fram av nämnd")
    r = report(HASSELBY, "Hässelby-Vällingby", Kind.VB, 2020, goals=[goal(HASSELBY, 180, GoalLevel.AREA, "1.1", "Mål", indicators=(ind, ind2))])
    rows = compare([r]).indicator_rows
    assert rows[0].cells[0].target_column == "target"
    assert rows[1].cells[0].status == "mål i text"


def test_filters_by_period_and_district():
    s, h = _pair()
    assert filter_reports([s, h], period="T1") == [s]
    assert filter_reports([s, h], period="VB 2020") == [h]
    assert filter_reports([s, h], district="hässelby vällingby") == [h]
    assert filter_reports([s, h], period="2019") == []


def test_name_key_folds_printing_only():
    assert name_key("Individ- ochfamiljeomsorg") == name_key(" Individ- och familjeomsorg")
    assert name_key("tänkande.") == name_key("Tänkande")
    assert name_key("är beroende av") != name_key("har")

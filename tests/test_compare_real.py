"""The comparison of the two 2020 district reports, with values as the examples print them."""

from __future__ import annotations

from decimal import Decimal

import pytest

import kfcompare
from kfcompare.compare import compare
from kfcompare.model import Assessment, GoalLevel


@pytest.fixture(scope="module")
def comparison():
    reports = kfcompare.parse_file("examples/sodermalm_t1_2020.txt") + kfcompare.parse_file(
        "examples/hasselby-vallingby_vb_2020.txt"
    )
    return compare(reports)


def test_columns_are_ordered_and_periods_differ(comparison):
    assert [r.label for r in comparison.reports] == ["Hässelby-Vällingby VB 2020", "Södermalm T1 2020"]
    assert comparison.mixed_periods


def test_area_goal_1_1_in_the_goal_matrix(comparison):
    [row] = [r for r in comparison.goal_rows if r.level is GoalLevel.AREA and r.number == "1.1"]
    assert row.title.startswith("I Stockholm är människor självförsörjande")
    hv, so = row.cells
    assert (hv.assessment, hv.provenance.first_line) == (Assessment.HELT, 215)
    assert (so.assessment, so.provenance.first_line) == (Assessment.HELT, 143)


def test_area_goal_1_2_differs(comparison):
    [row] = [r for r in comparison.goal_rows if r.level is GoalLevel.AREA and r.number == "1.2"]
    assert [c.assessment for c in row.cells] == [Assessment.DELVIS, Assessment.HELT]


def test_shared_indicator_outcome_and_kf_target(comparison):
    [row] = [r for r in comparison.indicator_rows if r.name == "Antal aspiranter som fått Stockholmsjobb"]
    assert (row.area_number, row.direction, row.matched_by) == ("1.1", "higher", "name")
    hv, so = row.cells
    assert (hv.indicator.outcome.raw, hv.target.raw, hv.indicator.kf_target.raw, hv.status) == ("22 st", "20 st", "800 st", "uppnått")
    assert (so.indicator.outcome.raw, so.target.raw, so.indicator.kf_target.raw, so.status) == ("16 st", "45 st", "800 st", "ej uppnått")


def test_gender_split_of_a_shared_indicator(comparison):
    [row] = [r for r in comparison.gender_rows if r.name == "Antal aspiranter som fått Stockholmsjobb"]
    hv, so = row.cells
    assert (hv.women.raw, hv.men.raw, hv.gap) == ("18 st", "4 st", Decimal("14"))
    assert (so.women.raw, so.men.raw, so.gap) == ("7 st", "9 st", Decimal("-2"))


def test_budget_deviation_of_individ_och_familjeomsorg(comparison):
    [line] = [b for b in comparison.budget_rows if b.area == "Individ- och familjeomsorg"]
    assert line.report.district == "Södermalm"
    assert (line.budget.number, line.compared.number, line.compared_kind, line.deviation.number) == (
        Decimal("226.2"), Decimal("241.2"), "prognos", Decimal("-15.0"),
    )  # fmt: skip
    assert (line.unit, line.deviation_percent, line.provenance.first_line) == ("mnkr", Decimal("-6.6"), 4218)


def test_kf_target_set_after_april_is_a_finding(comparison):
    found = [f for f in comparison.findings if f.check == "KF-mål"]
    by_line = {f.line: f for f in found}
    assert by_line[666].expected == Decimal("88.5") and by_line[666].printed == "Fastställs 2020"
    assert (by_line[1542].expected, by_line[1542].printed, by_line[1542].difference) == (Decimal("30"), Decimal("26"), Decimal("-4"))
    assert all(f.report == "Södermalm T1 2020" for f in found)


def test_long_table_has_values_with_lines(comparison):
    rows = list(comparison.long_table())
    aspirants = [r for r in rows if r.item == "Antal aspiranter som fått Stockholmsjobb" and r.column == "Periodens utfall"]
    assert [(r.report, r.raw, r.value, r.line) for r in aspirants] == [
        ("Hässelby-Vällingby VB 2020", "22 st", Decimal("22"), 412),
        ("Södermalm T1 2020", "16 st", Decimal("16"), 273),
    ]
    budget = [r for r in rows if r.section == "budget" and r.line == 4162]
    assert [r.raw for r in budget] == ["61,0", "66,1", "66,1", "-5,0"] and budget[0].item == "varav socialpsykiatri"


def test_alias_file_joins_2012_and_2020_wording(tmp_path):
    """VP 2012 says 'är beroende av', VB 2020 'har': one row only through the alias file."""
    old = "Andel barn som lever i familjer som är beroende av ekonomiskt bistånd"
    new = "Andel barn som lever i familjer som har ekonomiskt bistånd"
    reports = kfcompare.parse_file("examples/hasselby-vallingby_vp_2012.txt") + kfcompare.parse_file(
        "examples/hasselby-vallingby_vb_2020.txt"
    )
    apart = compare(reports)
    assert {r.name for r in apart.indicator_rows} >= {old, new}
    aliases = tmp_path / "alias.toml"
    aliases.write_text(f'[aliases]\n"{old}" = "{new}"\n', encoding="utf-8")
    joined = compare(reports, aliases=aliases)
    [row] = [r for r in joined.indicator_rows if r.name == new]
    assert row.matched_by == "alias" and row.direction == "lower"
    assert [(c.matched_by, c.indicator.name) for c in row.cells] == [("alias", old), ("name", new)]
    assert old not in {r.name for r in joined.indicator_rows}

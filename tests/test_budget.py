"""kfcompare.budget: one set of rules for the economy reader and the Kontroller."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kfcompare
from kfcompare.budget import (
    ADJUSTMENT,
    BUDGET,
    DEVIATION,
    FORECAST,
    OUTCOME,
    agrees,
    column_role,
    numbers,
    relation_for,
    table_relation,
    vote_sign,
)
from kfcompare.compare.budget_checks import budget_findings
from kfcompare.default_plugins.ils2020.economy import parse_economy
from kfcompare.text.lines import numbered

SODERMALM = Path(__file__).resolve().parent.parent / "examples" / "sodermalm_t1_2020.txt"


@pytest.fixture(scope="module")
def sodermalm() -> kfcompare.Report:
    [report] = kfcompare.parse_file(SODERMALM)
    return report


def test_column_roles_from_the_printed_headers() -> None:
    assert column_role("Budget 2020 (netto)") == BUDGET
    assert column_role("Begärda budgetjusteringar") == ADJUSTMENT
    assert column_role("Prognos 2020 (efter resultat överföringar)") == FORECAST
    assert column_role("Avvikelse (+/-)") == DEVIATION
    # a bokslut is the year's closing outcome: the reader and the Kontroller both read it so
    assert column_role("Bokslut") == column_role("Utfall") == OUTCOME
    assert column_role("Varav 5 % av resultat-enheternas bruttobudget 2020") is None


def test_an_outcome_of_another_year_is_never_the_one_compared() -> None:
    relation = relation_for(("Budget 2020", "Utfall 2020", "Avvikelse", "Bokslut 2019"))
    assert relation is not None and relation.reference == (1,) and relation.reference_role == OUTCOME
    relation = relation_for(("Budget", "Bokslut", "Avvikelse"))
    assert relation is not None and relation.reference == (1,)
    assert relation_for(("Budget 2020", "Avvikelse", "Bokslut 2019")) is None


def test_the_reader_uses_bokslut_to_split_thousands() -> None:
    # '-1 200 -1 000 200' also reads as -1 | 200 | -1 000 200: only Bokslut − Budget settles it
    text = ["Tkr Budget Bokslut Avvikelse", "", "Kostnader -1 200 -1 000 200", ""]
    found, warnings = parse_economy(numbered(text), "t.txt")
    assert [v.raw if v else None for v in found[0].rows[0].values] == ["-1 200", "-1 000", "200"]
    assert warnings == []


def test_tolerance_is_a_tenth_of_the_finest_place() -> None:
    # Södermalm E2 'varav socialpsykiatri 61,0 66,1 66,1 -5,0': 61,0 − 66,1 = −5,1
    assert not agrees(Decimal("-5.1"), Decimal("-5.0"), [Decimal("61.0"), Decimal("66.1")])
    assert agrees(Decimal("10.0"), Decimal("10"), [Decimal("10.04")])  # printed whole


def test_reader_and_kontroller_agree_on_every_row(sodermalm: kfcompare.Report) -> None:
    """A row the reader's relation calls consistent is never reported, and every row it
    calls inconsistent is; E2 socialpsykiatri (line 4162) is one of them."""
    flagged = {f.line for f in budget_findings(sodermalm) if f.check == "avvikelse"}
    broken = set()
    for table in sodermalm.budget:
        relation = table_relation(table)
        for row in table.rows if relation else ():
            if relation.holds(numbers(row)) is False:
                value = row.values[relation.deviation]
                broken.add(value.line if value and value.line else row.provenance.first_line)
    assert 4162 in broken
    assert broken == flagged


def test_reader_and_kontroller_agree_on_the_unit_tables() -> None:
    # kungsholmen_units_vb_2021.txt: two tkr tables printing Utfall − Budget, costs negative
    relations = 0
    for report in kfcompare.parse_file(SODERMALM.parent / "kungsholmen_units_vb_2021.txt"):
        assert not [f for f in budget_findings(report) if f.check == "avvikelse"]
        for table in report.budget:
            relation = table_relation(table)
            if relation is not None:
                relations += 1
                assert relation.signs == (-1,) and relation.reference_role == OUTCOME
                assert all(relation.holds(numbers(row)) is not False for row in table.rows)
    assert relations == 2


def test_sign_convention_voted_by_the_rows(sodermalm: kfcompare.Report) -> None:
    # E7 (Antal inskrivna barn, line 4289) prints Prognos − Budget: '1-3 år 1 302 1 161 1 300 -2'
    e7 = next(t for t in sodermalm.budget if t.provenance.first_line == 4289)
    relation = table_relation(e7)
    assert relation is not None and relation.signs == (-1,)
    e1 = next(t for t in sodermalm.budget if t.provenance.first_line == 4082)
    relation = table_relation(e1)
    assert relation is not None and relation.signs == (1,)
    assert relation.rule(adjustment=True) == "Budget + budgetjusteringar − Prognos"


# ---- properties ------------------------------------------------------------------------------

TENTHS = st.integers(-10**6, 10**6).map(lambda n: Decimal(n).scaleb(-1))


@settings(max_examples=200, deadline=None)
@given(TENTHS, TENTHS, st.one_of(st.none(), TENTHS), st.integers(-3, 3))
def test_relation_holds_exactly_within_the_tolerance(budget: Decimal, forecast: Decimal, adjustment: Decimal | None, off: int) -> None:
    """Figures with one decimal: the printed deviation holds when it is exact, never when it
    is a tenth or more off; either sign convention reads its own deviation."""
    columns = ("Budget", "Budgetjusteringar", "Prognos", "Avvikelse")
    relation = relation_for(columns)
    assert relation is not None
    exact = budget + (adjustment or 0) - forecast
    for sign in (1, -1):
        cells = (budget, adjustment, forecast, sign * exact + Decimal(off).scaleb(-1))
        assert relation.holds_with(cells, sign) is (off == 0)
        voted = vote_sign(relation, [cells])
        if off == 0 and exact != 0:
            assert voted.signs == (sign,)
    assert relation.holds((budget, adjustment, None, exact)) is None


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(max_size=30), max_size=8))
def test_any_header_gives_a_relation_or_none(columns: list[str]) -> None:
    relation = relation_for(columns)
    if relation is not None:
        assert column_role(columns[relation.budget]) == BUDGET
        assert column_role(columns[relation.deviation]) == DEVIATION
        assert all(column_role(columns[i]) in (FORECAST, OUTCOME) for i in relation.reference)

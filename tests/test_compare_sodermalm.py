"""Kontroller on Södermalm T1 2020's economy part, whose misprints are real (notes §12.1).

Every relation that fails must be found at its line, with the printed and the expected
figure, and nothing may be repaired; the tables that add up must give no finding.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

import kfcompare
from kfcompare.compare import compare

#: (line, check, expected, printed): the misprints this engine measures in the T1
MISPRINTS = [
    (4162, "avvikelse", "-5.1", "-5.0"),  # E2 varav socialpsykiatri 61,0 − 66,1
    (4201, "avvikelse", "-2.8", "0.0"),  # E3 Prognos printed 0,0 in every row
    (4203, "avvikelse", "74.0", "0.0"),
    (4205, "avvikelse", "71.2", "0.0"),
    (4214, "avvikelse", "-92.8", "0.0"),  # E4 Prognos Intäkter printed 46,4, not −46,4
    (4218, "netto", "334.0", "241.2"),  # … so Intäkter + Kostnader ≠ Netto in Prognos
    (4252, "netto", "49.5", "49.1"),  # E5 −0,8 + 29,9 + 20,4
    (4252, "netto", "49.5", "49.1"),
    (4252, "sammanställning", "50.3", "49.1"),  # E2 29,9 + avskrivningar 19,0 + internräntor 1,4
    (4252, "sammanställning", "50.3", "49.1"),
    (4276, "resultatdispositioner", "2.0", "0.0"),  # E6 2,0 + 23,7 − 23,7
    (4318, "avvikelse", "-354.4", "3.8"),  # E8 Prognos Intäkter printed 179,1
    (4322, "netto", "1421.3", "1063.1"),
    (4433, "sammanställning", "23.9", "21.7"),  # E13 Netto vs E2 Arbetsmarknadsåtgärder
    (4433, "sammanställning", "23.9", "21.7"),
    (4447, "netto", "72.7", "0.0"),  # E14 Prognos Netto printed 0,0
    (4447, "avvikelse", "67.7", "-5.0"),
    (4447, "sammanställning", "72.7", "0.0"),
]


@pytest.fixture(scope="module")
def comparison():
    return compare(kfcompare.parse_file("examples/sodermalm_t1_2020.txt"))


def relations(comparison):
    return [f for f in comparison.findings if f.check not in ("tolkningsvarning", "kolumntolkning", "KF-mål")]


def test_every_misprint_is_found_once_and_nothing_else(comparison):
    measured = sorted((f.line, f.check, str(f.expected), str(f.printed)) for f in relations(comparison))
    assert measured == sorted(MISPRINTS)


def test_e4_income_sign(comparison):
    [finding] = [f for f in comparison.findings if f.line == 4214]
    assert finding.check == "avvikelse" and "Individ- och familjeomsorg: Intäkter" in finding.message
    assert finding.difference == Decimal("92.8")


def test_varav_socialpsykiatri_deviation(comparison):
    [finding] = [f for f in comparison.findings if f.line == 4162]
    assert (finding.expected, finding.printed, finding.difference) == (Decimal("-5.1"), Decimal("-5.0"), Decimal("0.1"))
    assert "varav socialpsykiatri" in finding.message and "−" in finding.message


def test_e13_netto_disagrees_with_summary(comparison):
    found = [f for f in comparison.findings if f.line == 4433]
    assert {f.check for f in found} == {"sammanställning"}
    assert all("Arbetsmarknadsåtgärder" in f.message and f.difference == Decimal("-2.2") for f in found)


def test_e14_forecast_netto_zero(comparison):
    [netto] = [f for f in comparison.findings if f.line == 4447 and f.check == "netto"]
    assert "Prognos 2020" in netto.message and netto.printed == Decimal("0.0") and netto.expected == Decimal("72.7")


def test_nothing_is_repaired(comparison):
    [report] = comparison.reports
    e4 = next(t for t in report.budget if t.caption.strip() == "Individ- och familjeomsorg")
    assert e4.rows[0].values[2].raw == "46,4"


def test_parse_warnings_are_findings(comparison):
    warnings = [f for f in comparison.findings if f.check == "tolkningsvarning"]
    assert {4101, 4272, 4291}.issubset({f.line for f in warnings})


def test_unit_table_convention_utfall_minus_budget_gives_no_finding():
    reports = kfcompare.parse_file("examples/kungsholmen_units_vb_2021.txt")
    comparison = compare(reports)
    assert relations(comparison) == []
    tkr = [b for b in comparison.budget_rows if b.area == "Prevention (Fritid)"]
    assert [(b.unit, b.budget.number, b.compared_kind, b.deviation.number, b.deviation_percent) for b in tkr] == [
        ("tkr", Decimal("-1000"), "utfall", Decimal("300"), Decimal("30.0"))
    ]

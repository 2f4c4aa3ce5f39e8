from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kfcompare.values import collapse, format_decimal, parse_number, parse_value


@pytest.mark.parametrize(
    ("raw", "number", "unit"),
    [
        ("1 071,1", Decimal("1071.1"), None),
        ("-15,0", Decimal("-15.0"), None),
        ("\u22125,0", Decimal("-5.0"), None),
        ("2,22 %", Decimal("2.22"), "%"),
        ("91%", Decimal("91"), "%"),
        ("9 000 st", Decimal("9000"), "st"),
        ("12,5 barn/avd.", Decimal("12.5"), "barn/avd."),
        ("1,9 kg CO2 per kg livsmedel", Decimal("1.9"), "kg CO2 per kg livsmedel"),
        ("2439,5", Decimal("2439.5"), None),
    ],
)
def test_numbers_as_printed(raw: str, number: Decimal, unit: str | None) -> None:
    value = parse_value(raw, line=7)
    assert (value.number, value.unit, value.line) == (number, unit, 7)
    assert value.raw == raw


@pytest.mark.parametrize("raw", ["Tas fram av nämnd", "öka", "Fastställs 2020", "Max 10 personer", "+/- 1 %", "Ny indikator 2020"])
def test_text_targets_stay_text(raw: str) -> None:
    value = parse_value(raw)
    assert value.is_text and value.raw == raw


def test_two_numbers_in_one_cell_are_not_one_number() -> None:
    # '1 302 1 161' is two cells of a count table; reading it as one number would be a guess
    assert parse_value("1 302 1 161").number is None
    assert parse_number("1 302 1 161") is None


def test_wrapped_cell_is_collapsed() -> None:
    assert parse_value("2,23 \n%").raw == "2,23 %"


@given(st.decimals(min_value=-10**9, max_value=10**9, places=2, allow_nan=False, allow_infinity=False))
def test_swedish_format_round_trips(number: Decimal) -> None:
    assert parse_number(format_decimal(number)) == number


@given(st.text())
def test_any_text_gives_a_value(text: str) -> None:
    value = parse_value(text)
    assert value.raw == collapse(text)
    assert value.number is None or isinstance(value.number, Decimal)

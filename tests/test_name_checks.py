"""The name checks warn, in Swedish, when an indicator's name took in a neighbour's text."""

from __future__ import annotations

from pathlib import Path

import kfcompare

HV = Path(__file__).resolve().parent.parent / "examples" / "hasselby-vallingby_vb_2020.txt"


def _parse_edited(old: str, new: str) -> kfcompare.Report:
    text = HV.read_text(encoding="utf-8")
    assert text.count(old) == 1
    [report] = kfcompare.parse_text(text.replace(old, new), path="hv.txt")
    return report


def _name_warnings(report: kfcompare.Report) -> list[kfcompare.ParseWarning]:
    return [w for w in report.warnings if w.code == "name-check"]


def test_the_examples_have_no_merged_names() -> None:
    [report] = kfcompare.parse_file(str(HV))
    assert _name_warnings(report) == []


def test_a_name_holding_another_indicators_whole_name() -> None:
    # the feriejobb row's name runs on into the next row's name, as when the blank line
    # between them is lost at a page break
    report = _parse_edited(
        "Antal tillhandahållna \nplatser för feriejobb\n",
        "Antal tillhandahållna \nplatser för feriejobb Antal \ntillhandahållna platser för \nStockholmsjobb\n",
    )
    [warning] = _name_warnings(report)
    assert warning.line == 415
    assert "innehåller hela namnet på en annan indikator" in warning.message
    assert "'antal tillhandahållna platser för stockholmsjobb'" in warning.message


def test_a_name_holding_header_words() -> None:
    report = _parse_edited(
        " Antal aspiranter som fått \nStockholmsjobb\n", " Antal aspiranter som fått \nStockholmsjobb Prognos \nhelår\n"
    )
    [warning] = _name_warnings(report)
    assert warning.line == 409
    assert "tabellhuvudets ord ('Prognos helår')" in warning.message


def test_a_parenthesis_closed_in_the_next_rows_name() -> None:
    opened = ("Antal tillhandahållna \nplatser för feriejobb\n", "Antal tillhandahållna \nplatser för feriejobb (i \n")
    report = _parse_edited(*opened)
    assert _name_warnings(report) == []  # opened and never closed: nothing pairs with it
    text = HV.read_text(encoding="utf-8").replace(*opened)
    text = text.replace(
        "Antal tillhandahållna \nplatser för \nStockholmsjobb\n",
        "sommar) Antal \ntillhandahållna platser för \nStockholmsjobb\n",
    )
    [report] = kfcompare.parse_text(text, path="hv.txt")
    [warning] = _name_warnings(report)
    assert warning.line == 415
    assert "inledande parentes som stängs i nästa rads namn" in warning.message
    assert "('sommar) Antal tillhandahållna platser för Stockholmsjobb')" in warning.message

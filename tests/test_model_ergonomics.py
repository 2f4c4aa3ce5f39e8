"""The library at a Python prompt: a value prints as the report printed it, and the reprs of
reports, goals and comparison rows say what they are without printing whole reports."""

from __future__ import annotations

from pathlib import Path

from kfcompare import parse_file
from kfcompare.compare import compare
from kfcompare.values import parse_value


def test_a_value_prints_as_printed() -> None:
    assert str(parse_value("0,6 %")) == "0,6 %"
    assert f"{parse_value('1 071,1')}" == "1 071,1"
    assert str(parse_value("Tas fram av nämnd")) == "Tas fram av nämnd"


def test_reprs_are_short_and_name_the_thing(examples: Path) -> None:
    reports = parse_file(examples / "hagersten-alvsjo_ung-fritid_vb_2020.txt") + parse_file(examples / "sodermalm_t1_2020.txt")
    comparison = compare(reports)
    assert repr(reports[0]).startswith("Report('Hägersten-Älvsjö / Enheten ung fritid VB 2020', format='ils2020', 22 goals")
    assert repr(reports[0].goals[0]).startswith("Goal(kf, 1 'En modern storstad med möjligheter och valfrihet för alla'")
    [row] = [r for r in comparison.indicator_rows if r.name == "Antal tillhandahållna platser för feriejobb"]
    # hagersten-alvsjo_ung-fritid_vb_2020.txt: outcome 368 against Årsmål 360 st
    assert repr(row.cells[0]) == "IndicatorCell('Antal tillhandahållna platser för feriejobb', outcome='368', target='360 st', status='uppnått', line=228)"
    texts = [repr(comparison), *map(repr, comparison.goal_rows), *map(repr, comparison.indicator_rows), *map(repr, comparison.budget_rows),
             *map(repr, comparison.activities), *map(repr, comparison.gender_rows)]  # fmt: skip
    assert max(map(len, texts)) < 600
    assert repr(comparison).startswith("Comparison(['Hägersten-Älvsjö / Enheten ung fritid VB 2020', 'Södermalm T1 2020'], ")

"""The search over an indicator row's column readings is bounded (issue 13, item 1).

Work is counted in readings scored, never in seconds: any row over any columns scores at most
MAX_READINGS readings; a row with more readings than that is read by its cells alone (n × m
steps) and flagged 'ambiguous-columns' with a Swedish warning.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kfcompare
from kfcompare.default_plugins.ils2020 import column_choice
from kfcompare.default_plugins.ils2020 import indicators
from kfcompare.default_plugins.ils2020.row_cells import Cell
from kfcompare.default_plugins.ils2020.column_choice import MAX_READINGS, RowFacts, assign
from kfcompare.model import INDICATOR_COLUMNS, GoalLevel
from kfcompare.text.numbers import parse_value

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

#: cells of every kind the rules weigh: numbers, wide and wrapped percentages, text targets
_RAWS = ["12,5", "87,8 %", "743 st", "Tas fram av nämnd", "Ny indikator 2020", "öka", "Inget utfall 2019", "x y"]
_KINDS = {"Tas fram av nämnd": "text", "Ny indikator 2020": "text", "öka": "text", "Inget utfall 2019": "text"}


def _cell(raw: str, wrapped: bool, broken: bool) -> Cell:
    kind = _KINDS.get(raw, "other" if raw == "x y" else "number")
    return Cell(parse_value(raw), wrapped, 0, kind, broken)


_cells = st.lists(st.builds(_cell, st.sampled_from(_RAWS), st.booleans(), st.booleans()), min_size=1, max_size=24)
_columns = st.lists(
    st.sampled_from([*INDICATOR_COLUMNS, *(f"extra_{k}" for k in range(30))]), min_size=1, max_size=36, unique=True
)
_facts = st.builds(
    RowFacts,
    st.sampled_from([None, *GoalLevel]),
    st.booleans(),
    st.booleans(),
    st.booleans(),
    st.booleans(),
    st.booleans(),
)


@settings(max_examples=300, deadline=None)
@given(_columns, _cells, _facts)
def test_readings_scored_are_bounded(columns: list[str], cells: list[Cell], facts: RowFacts) -> None:
    choice = assign(columns, cells, facts)
    assert choice.scored <= MAX_READINGS
    n, m = len(cells), len(columns)
    if n > m:
        assert choice.ambiguous and choice.scored == 0
        return
    assert choice.scored <= math.comb(m, n)
    # every cell placed once, in printed order, in distinct columns left to right
    assert [cell for _, cell in choice.cells] == cells
    placed = [columns.index(name) for name, _ in choice.cells]
    assert placed == sorted(set(placed))
    if math.comb(m, n) > MAX_READINGS:
        assert choice.bounded and choice.ambiguous and choice.scored == 0


def test_a_wide_row_is_read_by_its_cells_alone() -> None:
    # 30 columns, 6 cells: C(30, 6) = 593,775 readings were once all listed; none is scored now
    columns = [*INDICATOR_COLUMNS, *(f"extra_{k}" for k in range(23))]
    cells = [_cell("Ny indikator 2020", False, False), _cell("12,5", False, False), _cell("Tas fram av nämnd", False, False)]
    choice = assign(columns, [*cells, *cells], RowFacts(GoalLevel.AREA, False, False, True))
    assert choice.bounded and choice.scored == 0
    by_column = {name: cell.raw for name, cell in choice.cells}
    # a placeholder of the previous period goes to 'previous', 'Tas fram' to the KF target
    assert by_column["previous"] == "Ny indikator 2020" and by_column["kf_target"] == "Tas fram av nämnd"


def test_a_row_over_the_bound_is_flagged_in_swedish(monkeypatch: pytest.MonkeyPatch) -> None:
    # only a reader handing over more than seven columns meets the real bound; lowering it
    # shows what such a row gets: its cells kept, the row flagged, a warning a controller reads
    monkeypatch.setattr(column_choice, "MAX_READINGS", 1)
    monkeypatch.setattr(indicators, "MAX_READINGS", 1)
    [report] = kfcompare.parse_file(EXAMPLES / "hasselby-vallingby_vb_2020.txt")
    found = [ind for _, ind in report.indicators() if ind.name.startswith("Antal tillhandahållna platser för feriejobb")]
    [ind] = found
    assert ind.flags == ("ambiguous-columns",) and ind.alternatives == ()
    assert ind.outcome is not None and ind.outcome.raw == "743"
    [warning] = [w for w in report.warnings if w.line == ind.provenance.first_line and w.code == "ambiguous-columns"]
    assert warning.message.startswith("indikatorn 'Antal tillhandahållna platser för feriejobb")
    assert "kontrollera raden" in warning.message

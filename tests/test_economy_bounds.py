"""The search over a budget row's readings is bounded by a rule, not by luck.

A space both separates cells and groups thousands, so a row of n tokens can read in
exponentially many ways. The reader counts them first (dynamic programming over token
positions) and builds at most MAX_READINGS; a row that allows more is flagged, never guessed.
Work is measured by counting the readings scored, not by timing.
"""

from __future__ import annotations

import itertools
import math
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from kfcompare.default_plugins.ils2020.economy import Tally, parse_economy
from kfcompare.default_plugins.ils2020.economy_cells import MAX_READINGS, Spans, choices, partitions
from kfcompare.text.lines import numbered

BAD = Path(__file__).parent / "badinput"
#: tokens that can each start a number or continue one as a thousands group
GROUPABLE = st.sampled_from(["100", "1", "000", "999", "12", "-5", "0", "250", "1,5", "007"])
COLUMN = st.sampled_from(["Budget 2020", "Prognos 2020", "Avvikelse", "Utfall", "Bokslut 2019", "Begärda budgetjusteringar"])


def _compositions(n: int) -> list[list[int]]:
    """Every way to cut n tokens into consecutive runs, as run lengths."""
    out = []
    for cuts in itertools.product((False, True), repeat=max(0, n - 1)):
        lengths, run = [], 1
        for cut in cuts:
            if cut:
                lengths.append(run)
                run = 0
            run += 1
        out.append([*lengths, run])
    return out


def _brute_partitions(tokens: list[str], decimal: bool, most: int) -> list[tuple[str, ...]]:
    """Every cut whose runs each read as one number, in the order of shorter first runs."""
    found = []
    for lengths in _compositions(len(tokens)):
        if len(lengths) > most:
            continue
        runs, at = [], 0
        for length in lengths:
            runs.append(tokens[at : at + length])
            at += length
        if all(Spans(run, decimal, 1).count()[1] == 1 for run in runs):
            found.append(tuple(" ".join(run) for run in runs))
    return sorted(found, key=lambda p: [len(n.split()) for n in p])


@settings(max_examples=200, deadline=None)
@given(st.lists(GROUPABLE, min_size=1, max_size=9), st.booleans(), st.integers(1, 12))
def test_counting_agrees_with_listing_every_cut(tokens: list[str], decimal: bool, most: int) -> None:
    brute = _brute_partitions(tokens, decimal, most)
    counts = Spans(tokens, decimal, most).count()
    assert sum(counts) == len(brute)
    for parts in range(1, most + 1):
        assert counts[parts] == sum(1 for p in brute if len(p) == parts)
    if len(brute) <= MAX_READINGS:
        assert partitions(tokens, decimal, most) == brute


@settings(max_examples=200, deadline=None)
@given(st.lists(GROUPABLE, min_size=1, max_size=40), st.integers(1, 12), st.booleans())
def test_readings_built_never_exceed_the_bound(tokens: list[str], width: int, decimal: bool) -> None:
    found = choices(tokens, width, decimal, None)
    assert len(found.readings) <= MAX_READINGS
    counts = Spans(tokens, decimal, width).count()
    full = counts[width]
    expected = full if full else sum(counts[j] * math.comb(width, j) for j in range(1, width + 1))
    assert found.allowed == expected
    assert found.cut == (expected > len(found.readings))


@st.composite
def adversarial_part(draw: st.DrawFn) -> list[str]:
    """A header of up to 12 column words and rows of thousands-groupable tokens."""
    columns = draw(st.lists(COLUMN, min_size=1, max_size=12))
    header = "Mnkr " + " ".join(columns)
    rows = draw(st.lists(st.lists(GROUPABLE, min_size=1, max_size=24), min_size=1, max_size=12))
    lines = ["Uppföljning av ekonomi", "", header, ""]
    for tokens in rows:
        lines += ["Intäkter " + " ".join(tokens), ""]
    return lines


@settings(max_examples=150, deadline=None)
@given(adversarial_part())
def test_adversarial_rows_do_bounded_work_and_unsettled_rows_are_flagged(lines: list[str]) -> None:
    tally = Tally()
    found, warnings = parse_economy(numbered(lines), "adv.txt", tally)
    assert tally.rows <= len(lines)
    assert tally.readings <= 3 * MAX_READINGS * tally.rows
    flagged = {w.line for w in warnings if w.code == "ambiguous-columns"}
    for table in found:
        for row in table.rows:
            assert ("ambiguous-columns" in row.flags) == (row.provenance.last_line in flagged)


def test_the_reported_dos_rows_are_read_flagged_and_cheap() -> None:
    # issue 13: 10 × 'Budget 2020' + Prognos + Avvikelse over rows of eleven '100'; the old
    # search built 2 048 readings a row (1.4 GB for 400 rows)
    lines = (BAD / "economy_readings.txt").read_text(encoding="utf-8").split("\n")
    tally = Tally()
    [table], warnings = parse_economy(numbered(lines), "dos.txt", tally)
    assert len(table.columns) == 12 and len(table.rows) == 400
    row = table.rows[0]
    assert [v.raw if v else None for v in row.values] == [None] + ["100"] * 11
    assert all(r.flags == ("ambiguous-columns",) for r in table.rows)
    flagged = [w for w in warnings if w.code == "ambiguous-columns"]
    assert len(flagged) == 400 and flagged[0].line == 5
    assert "kan inte avgöras" in flagged[0].message
    assert tally.readings <= 3 * 12 * 400

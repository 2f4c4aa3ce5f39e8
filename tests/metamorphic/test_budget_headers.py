"""Budget rows with their table's header printed again before every line (issue 15), in the
default run: the Södermalm T1's 91 budget rows (19 tables, headers of one line, of two, of
five blank-separated cells, with no stub), a break before line k of every row at once.
"""

from __future__ import annotations

import pytest

from . import corpus, harness, transforms

SODERMALM = "sodermalm_t1_2020.txt"


def test_every_headed_budget_table_has_its_header_and_no_caption_in_it() -> None:
    example = corpus.load(SODERMALM)
    budget = [r for r in example.rows if r.kind == "budget"]
    assert len(budget) == 91 and all(r.header for r in budget)
    first = {r.header[0].strip() for r in budget}
    assert "Mnkr Budget 2020 Begärda" in first and "Resultatenhetens" in first
    assert not any(line.strip() in ("Uppföljning av driftbudget", "Investeringar") for r in budget for line in r.header)
    units = corpus.load("kungsholmen_units_vb_2021.txt")
    headers = {r.header for r in units.rows if r.kind == "budget"}
    # a unit report prints the caption on the header line; a table with no header has none
    assert headers == {("Prevention (Fritid) Budget Utfall Avvikelse ",), ("Prevention (IOF BoU) Budget Utfall Avvikelse ",), ()}


@pytest.mark.parametrize("kind", ["page+header", "header"])
def test_budget_rows_keep_their_values_with_the_header_repeated(kind: str) -> None:
    example = corpus.load(SODERMALM)
    rows = [r for r in example.rows if r.kind == "budget" and transforms.applies(kind, r)]
    assert len(rows) == 91
    for k in range(max(len(r.lines) for r in rows)):
        points = [(r, r.lines[k]) for r in rows if len(r.lines) > k]
        outcome = harness.run_variant(example, transforms.page_break(example, kind, points))
        bad = {key: o for key, o in outcome.rows.items() if key[0] == "budget" and o != "preserved"}
        assert not bad and not outcome.other, "\n".join(outcome.details)

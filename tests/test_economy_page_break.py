"""A page break inside a budget row's wrapped label (issue 15): the label goes on after it.

The page block is the Södermalm T1's own (blank lines, 'Tjänsteutlåtande', 'Sid 9 (128)',
'start.stockholm', the phone number), with no repeated header, as a PDF of another length
would print it inside 'Anslag för ⏎nämndens ⏎verksamhet (netto)'.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import kfcompare
from kfcompare import BudgetTable

SODERMALM = Path(__file__).resolve().parent.parent / "examples" / "sodermalm_t1_2020.txt"
PAGE = ["", "", "", "Tjänsteutlåtande", "Sid 9 (128)", "", "start.stockholm", "08- 508 042 45", ""]


def _lines() -> list[str]:
    return SODERMALM.read_text(encoding="utf-8").split("\n")


def _budget(lines: list[str]) -> tuple[BudgetTable, ...]:
    (report,) = kfcompare.parse_text("\n".join(lines), path=str(SODERMALM))
    return report.budget


def _broken(before: int, lines: list[str] | None = None) -> list[str]:
    """The text with the page block inserted before 1-based line ``before``."""
    lines = _lines() if lines is None else lines
    return lines[: before - 1] + PAGE + lines[before - 1 :]


def _cells(tables: tuple[BudgetTable, ...]) -> list[tuple[str, str, list[str | None], tuple[str, ...]]]:
    return [
        (table.caption, row.label, [None if v is None else v.raw for v in row.values], row.flags)
        for table in tables
        for row in table.rows
    ]


@pytest.fixture(scope="module")
def unbroken() -> tuple[BudgetTable, ...]:
    return _budget(_lines())


# 4088 'nämndens', 4089 'verksamhet (netto)' (E1's Netto row); 4153 'administration' and
# 4158 'ochfamiljeomsorg' (E2); 4182 'funktionsnedsättning' (third label line); 4399
# 'boende' after 'SoL-'; 4548 'maskiner' (the investment table)
@pytest.mark.parametrize("before", [4088, 4089, 4153, 4158, 4182, 4399, 4548])
def test_every_budget_row_reads_the_same_across_a_break_in_a_label(
    unbroken: tuple[BudgetTable, ...], before: int
) -> None:
    assert _cells(_budget(_broken(before))) == _cells(unbroken)


def test_the_netto_row_of_the_driftbudget_keeps_its_values_and_lines(unbroken: tuple[BudgetTable, ...]) -> None:
    e1 = _budget(_broken(4089))[0]
    assert e1.caption == "Uppföljning av driftbudget"
    anslag = e1.rows[0]
    assert anslag.label == "Anslag för nämndens verksamhet (netto)"
    assert [None if v is None else v.raw for v in anslag.values] == ["2439,5", None, "2439,5", "0,0"]
    assert anslag.flags == ()
    # the label starts where it did; the values line moved down by the page block's 9 lines
    assert (anslag.provenance.first_line, anslag.provenance.last_line) == (4087, 4091 + len(PAGE))
    assert [row.label for row in e1.rows[1:3]] == ["Intäkter", "Kostnader"]
    assert [v.raw for v in e1.rows[1].values if v is not None] == ["-353,2", "-355,3", "2,1"]


def test_a_cut_without_a_wrap_sign_is_joined_and_flagged() -> None:
    lines = _lines()
    assert lines[4087] == "nämndens "
    lines[4087] = "nämndens"  # no trailing space: 'nämndens' could have been a heading of its own
    (report,) = kfcompare.parse_text("\n".join(_broken(4089, lines)), path=str(SODERMALM))
    anslag = report.budget[0].rows[0]
    # no space on either side of the cut reads as a word cut ('Faststäl' / 'ls'); the flag
    # and the warning say the join is unsure
    assert anslag.label == "Anslag för nämndensverksamhet (netto)"
    assert [None if v is None else v.raw for v in anslag.values] == ["2439,5", None, "2439,5", "0,0"]
    assert anslag.flags == ("split-row",)
    (warning,) = [w for w in report.warnings if w.code == "split-row"]
    assert warning.line == 4087
    assert "sidbyte" in warning.message and "'Anslag för nämndensverksamhet (netto)'" in warning.message


def test_the_tables_own_header_repeated_after_the_break_is_skipped(unbroken: tuple[BudgetTable, ...]) -> None:
    """A page break that prints E1's header again ('Mnkr Budget 2020 Begärda' /
    'budgetjusteringar …', lines 4084-4085) inside a label, before the values or between
    rows: the table goes on, one table, every row as before (was: a second table captioned
    'Anslag för', or the values read as a label)."""
    lines = _lines()
    header = lines[4083:4085]
    assert header[0].startswith("Mnkr Budget 2020 Begärda")
    for before in (4088, 4089, 4091, 4093, 4097):
        tables = _budget(lines[: before - 1] + PAGE + [*header, ""] + lines[before - 1 :])
        assert _cells(tables) == _cells(unbroken), before
        assert tables[0].caption == "Uppföljning av driftbudget"

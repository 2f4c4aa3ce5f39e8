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


def _header(first: int, last: int) -> list[str]:
    """A table's printed header (1-based lines, inclusive), as a page break prints it again."""
    return _lines()[first - 1 : last]


def _with(before: int, inserted: list[str]) -> tuple[BudgetTable, ...]:
    lines = _lines()
    return _budget(lines[: before - 1] + inserted + lines[before - 1 :])


def _row(tables: tuple[BudgetTable, ...], label: str) -> tuple[str, list[str | None], tuple[str, ...]]:
    (row,) = [(t.caption, r) for t in tables for r in t.rows if r.label == label][:1] or [("", None)]
    assert row[1] is not None, f"no row {label!r}"
    return row[0], [None if v is None else v.raw for v in row[1].values], row[1].flags


def test_the_wide_header_repeated_before_the_first_row_is_one_header(unbroken: tuple[BudgetTable, ...]) -> None:
    """E2's header (five blank-separated cells, 4136-4150) printed again after a page break
    right before its first row 'Nämnd och ⏎administration': the table keeps its five columns
    and mnkr (the repeated 'Budget 2020' is no cell), and the row its values (was: lost)."""
    tables = _with(4152, PAGE + [*_header(4136, 4150), ""])
    assert _cells(tables) == _cells(unbroken)
    e2 = tables[1]
    assert (len(e2.columns), e2.unit) == (5, "mnkr")
    assert _row(tables, "Nämnd och administration") == ("", ["71,2", None, "71,2", "71,2", "0,0"], ())


def test_a_header_with_no_stub_repeated_is_not_read_as_more_columns(unbroken: tuple[BudgetTable, ...]) -> None:
    """'Insatser för äldre' prints ' Budget 2020 T1 Snitt jan – mars Prognos 2020' with no
    stub: printed again before the first row, it must not double the columns (was: six)."""
    tables = _with(4343, PAGE + [*_header(4341, 4341), ""])
    assert _cells(tables) == _cells(unbroken)
    assert _row(tables, "Månadsinsatser hemtjänst ordinärt boende") == ("Insatser för äldre", ["2 125", "2 104", "2 125"], ())


@pytest.mark.parametrize("page", [PAGE, []], ids=["page block", "header alone"])
def test_the_header_repeated_inside_a_label_is_skipped(unbroken: tuple[BudgetTable, ...], page: list[str]) -> None:
    """The Resultatenheter header (4477-4505) printed again inside ' Östra Söder ⏎parklekar',
    with the page block or without it (an extractor that drops page headers): one row, its
    five values (was: a row 'parklekar', 'Östra Söder' lost)."""
    tables = _with(4518, page + [*_header(4477, 4505), ""])
    assert _cells(tables) == _cells(unbroken)
    assert _row(tables, "Östra Söder parklekar") == ("Resultatenheter", ["9,6", "0,5", "0,5", "0,0", "0,5"], ())


def test_the_header_repeated_between_rows_without_a_page_block(unbroken: tuple[BudgetTable, ...]) -> None:
    """E1's header again between 'Kostnader' and 'Prognos/avvikelse före ⏎resultatdispositioner'
    with no page block: one table, not a second one with no caption."""
    tables = _with(4097, [*_header(4084, 4085), ""])
    assert _cells(tables) == _cells(unbroken)
    assert len(tables) == len(unbroken)
    assert _row(tables, "Prognos/avvikelse före resultatdispositioner")[1] == [None, None, None, "0,0"]


def test_a_cut_at_a_repeated_header_without_a_wrap_sign_is_flagged() -> None:
    """'Summa' with no trailing space, then the header alone, then 'resultatenheter': 'Summa'
    could be the caption of a next table with the same header, so the join is flagged."""
    lines = _lines()
    assert lines[4521] == "Summa "
    lines[4521] = "Summa"
    (report,) = kfcompare.parse_text("\n".join(lines[:4522] + _header(4477, 4505) + [""] + lines[4522:]), path="x")
    summa = report.budget[16].rows[-1]
    # no space on either side of the cut reads as a word cut, as with a page block alone
    assert summa.label == "Summaresultatenheter"
    assert [None if v is None else v.raw for v in summa.values] == ["373,6", "18,6", "23,9", "0,0", "23,9"]
    assert summa.flags == ("split-row",)
    assert [w.line for w in report.warnings if w.code == "split-row"] == [4522]


def test_a_unit_reports_caption_on_the_header_line_repeated_between_rows() -> None:
    """Kungsholmen's 'Prevention (Fritid) Budget Utfall Avvikelse' printed again between
    'Intäkter' and 'Kostnader': the same table goes on (another caption would start another)."""
    path = SODERMALM.parent / "kungsholmen_units_vb_2021.txt"
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines[1700].startswith("Prevention (Fritid) Budget Utfall Avvikelse")
    broken = lines[:1704] + PAGE + [lines[1700], ""] + lines[1704:]
    reports = kfcompare.parse_text("\n".join(broken), path=str(path))
    tables = [t for r in reports for t in r.budget if t.caption == "Prevention (Fritid)"]
    assert len(tables) == 1
    assert [(r.label, [None if v is None else v.raw for v in r.values]) for t in tables for r in t.rows] == [
        ("Intäkter", ["0", "100", "100"]),
        ("Kostnader", ["-1 000", "-800", "200"]),
        ("Netto (tkr)", ["-1 000", "-700", "300"]),
    ]

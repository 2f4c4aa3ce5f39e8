"""The terminal's budget table: one block per level, so no column adds a total to its parts."""

from __future__ import annotations

import io

from kfcompare._cli import main
from kfcompare.labels import BUDGET_GROUP_LABEL

SO = "examples/sodermalm_t1_2020.txt"


def _blocks() -> dict[str, list[list[str]]]:
    out = io.StringIO()
    assert main(["compare", SO], out=out, err=io.StringIO()) == 0
    text = out.getvalue().split("Budgetavvikelser", 1)[1].split("\n\nKontroller", 1)[0]
    titles = {label: group for group, label in BUDGET_GROUP_LABEL.items()}
    blocks: dict[str, list[list[str]]] = {}
    for block in text.split("\n\n")[1:]:
        title, _header, _rule, *rows = block.splitlines()
        blocks[titles[title]] = [row.split("  ") for row in rows]
    return blocks


def _cells(row: list[str]) -> list[str]:
    return [cell.strip() for cell in row if cell.strip()]


def test_each_level_is_its_own_block_and_sums_to_its_total():
    blocks = _blocks()
    assert list(blocks) == ["total", "summary", "part", "area", "investment", "investment_total"]
    summary = {_cells(r)[1]: _cells(r) for r in blocks["summary"]}
    area = {_cells(r)[1]: _cells(r) for r in blocks["area"]}
    # the same area, once in the summary (line 4157) and once as its own table's Netto (4218)
    assert summary["Individ- ochfamiljeomsorg"][-1] == "4157"
    assert area["Individ- och familjeomsorg"][-1] == "4218"
    # the summary block alone adds up to the board's total; the total is not among its rows
    budgets = [float(c[2].replace(",", ".")) for c in summary.values()]
    parts = [float(_cells(r)[2].replace(",", ".")) for r in blocks["part"]]
    total = _cells(blocks["total"][0])
    assert total[1].startswith("Anslag för nämndens") and total[2] == "2439,5"
    assert round(sum(budgets) + sum(parts), 1) == 2439.5


def test_a_budget_adjustment_is_shown():
    klimat = next(_cells(r) for r in _blocks()["investment"] if "Klimatinvesteringar" in _cells(r))
    assert klimat[2:4] == ["2,6 + 1,6", "4,2 prognos"]

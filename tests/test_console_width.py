"""The terminal output of every command fits its width: 100 columns when standard output is
not a terminal, the terminal's width when it is; names cut to fit stay distinguishable."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kfcompare import parse_file
from kfcompare._cli import main
from kfcompare.default_plugins.console_text import distinct_names

COMMANDS = [["compare", "examples/"], ["check", "examples/"], ["plugins"], ["parse", "examples/"], ["compare", "examples/", "-o", "{tmp}/j.xlsx"]]


def run(argv: list[str], out: io.StringIO) -> str:
    main(argv, out=out, err=io.StringIO())
    return out.getvalue()


@pytest.mark.parametrize("argv", COMMANDS, ids=lambda a: " ".join(a[:1] + a[2:]))
def test_output_fits_100_columns(argv: list[str], tmp_path: Path) -> None:
    text = run([a.format(tmp=tmp_path) for a in argv], io.StringIO())
    lines = text.splitlines()
    assert len(lines) > 5
    assert max(len(line) for line in lines) <= 100, max(lines, key=len)


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_terminal_gets_its_own_width(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    text = run(["compare", "examples/"], Terminal())
    assert max(len(line) for line in text.splitlines()) <= 80
    assert "Målmatris" in text


def test_cut_names_stay_apart(examples: Path) -> None:
    names = sorted(
        {i.name for path in examples.glob("*.txt") for report in parse_file(path) for _, i in report.indicators() if i.name.startswith("Andel ungdomar som i stockholmsenkäten")}
    )
    assert len(names) == 6  # skattar sin hälsa, alkohol, narkotika, tobak, hot och våld, vapen
    shown = distinct_names(names, 30)
    assert len(set(shown)) == 6 and all(len(name) <= 30 for name in shown)
    assert "Andel ungdomar…nte burit vapen" in shown


def test_parse_table_shows_the_ends_of_names_sharing_a_start() -> None:
    text = run(["parse", "examples/sodermalm_t1_2020.txt"], io.StringIO())
    rows = [line for line in text.splitlines() if line.startswith("1.4 ") and "Andel ungd" in line]
    shown = [line[7:].split("  ")[0] for line in rows]
    assert len(rows) == 5 and len(set(shown)) == 5  # hälsa, alkohol, narkotika, tobak, vapen
    assert any(name.endswith("burit vapen") for name in shown)



@given(st.lists(st.text(alphabet="abcå ", min_size=1, max_size=40), min_size=1, max_size=12, unique=True), st.integers(8, 40))
def test_cut_names_fit_and_stay_apart_whatever_the_names(names: list[str], width: int) -> None:
    shown = distinct_names(names, width)
    assert all(len(name) <= width for name in shown)
    assert len(set(shown)) == len(names)
    assert [s for s, n in zip(shown, names) if len(n) <= width] == [n for n in names if len(n) <= width]

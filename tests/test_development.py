"""Utveckling: one district at several periods (T1, T2, VB of 2020), built from the
Södermalm T1 2020 example in a temporary folder — the T2 and VB variants differ in their
Period cells and in one printed outcome (line 247)."""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from kfcompare import parse_file
from kfcompare._cli import main
from kfcompare.compare import compare, development

NAME = "Andel personer som har ekonomiskt bistånd i förhållande till befolkningen"
#: line 247 of sodermalm_t1_2020.txt prints the outcome, men, women: '0,56 % 0,69 % 0,43'
OUTCOMES = {"T1": "0,56 %", "T2": "0,60 %", "VB": "0,65 %"}


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory, examples: Path) -> Path:
    folder = tmp_path_factory.mktemp("perioder")
    text = (examples / "sodermalm_t1_2020.txt").read_text(encoding="utf-8")
    for kind, period in (("T1", "Tertial 1"), ("T2", "Tertial 2"), ("VB", "VB")):
        lines = text.replace("Tertial 1", period).split("\n")
        assert lines[246].startswith("0,56 % 0,69 % 0,43")
        lines[246] = lines[246].replace("0,56 %", OUTCOMES[kind])
        (folder / f"sodermalm_{kind.lower()}_2020.txt").write_text("\n".join(lines), encoding="utf-8")
    return folder


def test_one_indicator_along_three_periods(folder: Path) -> None:
    reports = [report for path in sorted(folder.glob("*.txt")) for report in parse_file(path)]
    [series] = development(compare(reports))
    assert series.label == "Södermalm" and series.periods == ("T1 2020", "T2 2020", "VB 2020")
    [trend] = [t for t in series.indicators if t.row.name == NAME]
    assert [c.indicator.outcome.raw for c in trend.cells] == ["0,56 %", "0,60 %", "0,65 %"]
    assert [c.indicator.target.raw for c in trend.cells] == ["0,6 %"] * 3  # Årsmål, line 253
    assert trend.change == Decimal("0.09") and trend.outcomes == 3
    assert "Trend('Andel personer" in repr(trend) and len(repr(series)) < 120


def test_the_utveckling_sheet_and_its_chart(folder: Path, tmp_path: Path) -> None:
    target = tmp_path / "jamforelse.xlsx"
    assert main(["compare", str(folder), "-o", str(target)], out=io.StringIO(), err=io.StringIO()) == 0
    sheet = openpyxl.load_workbook(target)["Utveckling"]
    header = next(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 1).value == "Mål")
    labels = [sheet.cell(header, c).value for c in range(1, sheet.max_column + 1)]
    assert labels[:9] == ["Mål", "Indikator", "Utfall T1 2020", "Årsmål T1 2020", "Utfall T2 2020", "Årsmål T2 2020", "Utfall VB 2020", "Årsmål VB 2020", "Förändring utfall"]
    row = next(r for r in range(header, sheet.max_row + 1) if sheet.cell(r, 2).value == NAME)
    assert [sheet.cell(row, c).value for c in range(3, 10)] == pytest.approx([0.0056, 0.006, 0.006, 0.006, 0.0065, 0.006, 0.09])
    assert sheet.cell(row, 9).number_format.endswith('" p.e."')
    assert sheet.cell(row, 3).comment.text == "sodermalm_t1_2020.txt:242-254"
    assert sheet.cell(row, 7).comment.text == "sodermalm_vb_2020.txt:242-254"
    goals = next(r for r in range(header + 1, sheet.max_row + 1) if sheet.cell(r, 1).value == "Nivå")
    assert [sheet.cell(goals, c).value for c in range(3, 6)] == ["T1 2020", "T2 2020", "VB 2020"]
    import zipfile

    with zipfile.ZipFile(target) as archive:
        lines = [archive.read(n).decode() for n in archive.namelist() if n.startswith("xl/charts/") and "lineChart" in archive.read(n).decode()]
    assert lines and any("Utveckling" in xml for xml in lines)


def test_no_series_without_a_second_period(examples: Path) -> None:
    reports = parse_file(examples / "sodermalm_t1_2020.txt") + parse_file(examples / "hasselby-vallingby_vb_2020.txt")
    assert development(compare(reports)) == ()


def test_the_console_shows_the_outcomes_that_changed(folder: Path) -> None:
    out = io.StringIO()
    assert main(["compare", str(folder)], out=out, err=io.StringIO()) == 0
    text = out.getvalue()
    assert "Utveckling Södermalm: T1 2020 → T2 2020 → VB 2020" in text
    [line] = [line for line in text.splitlines() if line.startswith("1.1    Andel personer som har ekonomiskt bistånd i")]
    assert line.split()[-7:] == ["0,56", "%", "0,60", "%", "0,65", "%", "+0,09"]
    assert "101 indikatorer i flera perioder utan ändrat eller jämförbart utfall." in text

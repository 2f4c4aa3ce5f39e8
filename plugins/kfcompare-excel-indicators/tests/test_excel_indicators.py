"""The plugin installed for real (pip, entry point) and run through the ``kfcompare`` command.

The workbook is made here from values printed in examples/hasselby-vallingby_vb_2020.txt;
every value names its line, and ``test_fixture_matches_the_corpus`` checks that the line
really prints it, so the expectations below are the report's, not invented.
"""

from __future__ import annotations

import importlib
import os
import json
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook

from kfcompare.testing import install_plugin, run_kfcompare

HERE = Path(__file__).resolve().parent
PLUGIN = HERE.parent
EXAMPLES = PLUGIN.parent.parent / "examples"
CORPUS = EXAMPLES / "hasselby-vallingby_vb_2020.txt"
HEADER = ["Indikator", "Utfall", "Utfall män", "Utfall kvinnor", "Utfall föregående år", "Prognos helår", "Årsmål", "KF:s årsmål", "Period", "Enhet"]
COLUMNS = ["outcome", "outcome_men", "outcome_women", "previous", "forecast", "target", "kf_target"]

#: (sheet, goal line, goal title, assessment line, assessment, indicators); an indicator is
#: (name lines, name, value lines, printed cells in table order, how the workbook stores them)
GOALS = [
    (
        "1.1 Självförsörjning",
        216, "1.1 I Stockholm är människor självförsörjande och vägen till arbete och svenskkunskaper är kort",
        219, "Uppfylls helt",
        [
            ((347, 350), "Andel personer som har ekonomiskt bistånd i förhållande till befolkningen",
             (352, 359), ["2,22 %", "2,2 %", "2,23 %", "2,27 %", "2,22 %", "2,15 %", "1,5 %", "VB 2020"], "text"),
            ((367, 370), "Andel vuxna med långvarigt ekonomiskt bistånd jämfört med samtliga vuxna invånare",
             (372, 379), ["1,52 %", "1,48 %", "1,57 %", "1,47 %", "1,5 %", "1,4 %", "1,0 %", "VB 2020"], "percent"),
            ((409, 410), "Antal aspiranter som fått Stockholmsjobb",
             (412, 413), ["22 st", "4 st", "18 st", "31 st", "22 st", "20 st", "800 st", "VB 2020"], "unit"),
        ],
    ),
    (
        "1.2 Trygghet",
        786, "1.2. Stockholm är en trygg, säker och välskött stad att bo och vistas i",
        788, "Uppfylls delvis",
        [((918, 921), "Andel ungdomar som i stockholmsenkäten uppger att de inte blivit utsatta för hot och våld",
          (923, 923), ["88,1 %", None, None, None, None, None, None, "2020"], "text")],
    ),
]
DISTRICT = ("Hässelby-Vällingby", 20)  # "…hur Hässelby-Vällingby stadsdelsförvaltning har bidragit…"


def corpus_text(first: int, last: int) -> str:
    lines = CORPUS.read_text(encoding="utf-8").split("\n")
    return " ".join(" ".join(lines[first - 1 : last]).split())


def test_fixture_matches_the_corpus() -> None:
    assert DISTRICT[0] in corpus_text(DISTRICT[1], DISTRICT[1])
    for _sheet, goal_line, title, assessment_line, assessment, indicators in GOALS:
        assert corpus_text(goal_line, goal_line + 1).startswith(title)
        assert corpus_text(assessment_line, assessment_line) == assessment
        for (first, last), name, (vfirst, vlast), cells, _style in indicators:
            assert corpus_text(first, last) == name
            printed, at = corpus_text(vfirst, vlast), 0
            for cell in filter(None, cells):  # in order; a partial row leaves out the unsettled cells
                at = printed.index(cell, at) + len(cell)


def _cell(raw: str | None, style: str) -> tuple[object, str | None]:
    """How an export may hold a printed cell: as the text, a percentage number, or a number plus 'Enhet'."""
    if raw is None or style == "text":
        return raw, None
    number, unit = raw.split(" ")
    value = Decimal(number.replace(",", "."))
    places = len(number.partition(",")[2])
    if style == "percent":
        return float(value / 100), "0" + ("." + "0" * places if places else "") + "%"
    return int(value), None


def make_workbook(path: Path) -> Path:
    book = Workbook()
    about = book.active
    about.title = "Om"
    for row in [("Stadsdel", DISTRICT[0]), ("Rapport", "VB"), ("År", 2020)]:
        about.append(row)
    for sheet_name, _line, title, _aline, assessment, indicators in GOALS:
        sheet = book.create_sheet(sheet_name)
        sheet.append(["Mål", title])
        sheet.append(["Bedömning", assessment])
        sheet.append([])
        sheet.append(HEADER)
        for _lines, name, _vlines, cells, style in indicators:
            stored = [_cell(raw, style) for raw in cells[:7]]
            unit = cells[0].split(" ")[1] if style == "unit" else None
            sheet.append([name, *(value for value, _ in stored), cells[7], unit])
            for column, (_, number_format) in enumerate(stored, start=2):
                if number_format:
                    sheet.cell(row=sheet.max_row, column=column).number_format = number_format
    book.save(path)
    return path


#: the environment that finds the plugin, installed outside the user's environment
ENV: dict[str, str] = {}


@pytest.fixture(scope="module")
def workbook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("excel_plugin")
    ENV.update(install_plugin(PLUGIN, tmp))
    return make_workbook(tmp / "indikatorer.xlsx")


def test_plugins_command_lists_the_installed_format(workbook: Path) -> None:
    listing = run_kfcompare("plugins", env=ENV).stdout
    assert "excel_indicators" in listing
    assert "entry point (kfcompare-excel-indicators 0.1.0)" in listing


def test_parse_reads_every_value_as_printed(workbook: Path) -> None:
    [report] = json.loads(run_kfcompare("parse", workbook, "--format", "json", env=ENV).stdout)
    assert (report["district"], report["kind"], report["year"], report["format"]) == (DISTRICT[0], "VB", 2020, "excel_indicators")
    assert report["metadata_origin"]["district"] == "detected"
    assert [(g["number"], g["assessment"], g["level"]) for g in report["goals"]] == [("1.1", "helt", "area"), ("1.2", "delvis", "area")]
    assert report["goals"][0]["title"] == GOALS[0][2].removeprefix("1.1 ")
    for goal, (sheet, _l, _t, _al, _a, indicators) in zip(report["goals"], GOALS):
        assert [i["name"] for i in goal["indicators"]] == [name for _, name, *_ in indicators]
        for row, (found, (_lines, _name, _vlines, cells, _style)) in enumerate(zip(goal["indicators"], indicators), start=5):
            assert (found["table"], found["line"], found["period"]) == (sheet, row, cells[7])
            for column, raw in zip(COLUMNS, cells):
                if raw is None:
                    assert found[column] is None
                    continue
                number, unit = raw.split(" ")
                assert found[column]["raw"] == raw
                assert Decimal(str(found[column]["value"])) == Decimal(number.replace(",", "."))
                assert (found[column]["unit"], found[column]["line"]) == (unit, row)


@pytest.fixture
def importable(workbook: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The installed plugin importable in this process too, for this test only."""
    monkeypatch.syspath_prepend(ENV["PYTHONPATH"].split(os.pathsep)[0])


def test_provenance_names_file_sheet_and_row(workbook: Path, importable: None) -> None:
    from kfcompare.parsing import parse_file
    from kfcompare._plugins import load_registry

    [report] = parse_file(workbook, registry=load_registry())
    [(goal, first), *_] = list(report.indicators())
    assert str(first.provenance) == f"{workbook}#1.1 Självförsörjning:5"
    assert goal.provenance.path == f"{workbook}#1.1 Självförsörjning"


def test_format_is_chosen_by_content_and_forced_by_name(workbook: Path, tmp_path: Path, importable: None) -> None:
    from kfcompare import Source
    from kfcompare.parsing import THRESHOLD

    plugin = importlib.import_module("kfcompare_excel_indicators")
    assert plugin.score(Source.from_bytes(workbook.read_bytes(), str(workbook))) > THRESHOLD
    assert plugin.score(Source.from_bytes(CORPUS.read_bytes(), str(CORPUS))) == 0.0
    assert plugin.score(Source.from_bytes(b"PK\x03\x04 not really a zip", "x.xlsx")) == 0.0

    other = tmp_path / "budget.xlsx"
    Workbook().save(other)  # a workbook, but no indicator table: below the threshold, scores listed
    result = run_kfcompare("parse", other, check=False, env=ENV)
    assert result.returncode == 2
    assert "excel_indicators=0.10" in result.stderr and "ils2020=0.00" in result.stderr

    forced = run_kfcompare("parse", "--input-format", "excel_indicators", CORPUS, check=False, env=ENV)
    assert forced.returncode == 2
    assert "not a readable Excel workbook" in forced.stderr


def test_disabled_plugin_is_not_loaded(workbook: Path) -> None:
    result = run_kfcompare("--disable-plugin", "excel_indicators", "parse", workbook, check=False, env=ENV)
    assert result.returncode == 2
    assert "excel_indicators=" not in result.stderr
    assert "Disabled: excel_indicators" in run_kfcompare("--disable-plugin", "excel_indicators", "plugins", env=ENV).stdout


def test_compare_sets_the_workbook_beside_the_text_report(workbook: Path) -> None:
    """The same district's workbook and text extract, compared: the printed figures agree row by row."""
    result = json.loads(run_kfcompare("compare", workbook, CORPUS, "--format", "json", env=ENV).stdout)
    assert result["reports"] == ["Hässelby-Vällingby VB 2020"] * 2
    outcomes: dict[tuple[str, str], str] = {}
    for row in result["long_table"]:
        if row["section"] == "indikator" and row["column"] == "Periodens utfall":
            outcomes[row["item"], row["path"].split("#")[0]] = row["raw"]
    for _sheet, _l, _t, _al, _a, indicators in GOALS:
        for _lines, name, _vlines, cells, _style in indicators:
            assert outcomes[name, str(workbook)] == cells[0]
            if all(cells):  # a fully printed row: the text format reads the same figure
                assert outcomes[name, str(CORPUS)] == cells[0]

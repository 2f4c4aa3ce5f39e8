"""Text that looks like a formula goes from a report file all the way into Excel as text.

The workbook carries names, titles and activity texts (not the long analyses), so those are
the texts poisoned here; every string cell of every sheet is checked.
"""

from __future__ import annotations

import csv
import html
import io
import re
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from kfcompare._cli import main

NAME = "=HYPERLINK(\"http://example.invalid\",\"klicka\") Andel barn som lever i "
DESCRIPTION = "@SUM(1+1) Förvaltningen gör"


def poisoned_report(examples: Path, folder: Path) -> Path:
    lines = (examples / "sodermalm_t1_2020.txt").read_text(encoding="utf-8").split("\n")[:525]
    assert lines[234] == "Andel barn som lever i "  # line 235 of the report
    lines[234] = NAME
    index = next(i for i, line in enumerate(lines) if line.startswith("Förvaltningen gör bedömningen att kommunfullmäktiges mål"))
    lines[index] = lines[index].replace("Förvaltningen gör", DESCRIPTION, 1)
    second = next(i for i, line in enumerate(lines) if line.strip() == "Nämndmål:") + 1
    lines[second] = "+" + lines[second]
    assert lines[502].startswith("Inom ramen för samhällsvägledning")  # an activity's text, line 503
    lines[502] = "@" + lines[502]
    path = folder / "sodermalm_utdrag.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_formula_like_text_is_written_as_text(tmp_path: Path, examples: Path) -> None:
    report = poisoned_report(examples, tmp_path)
    target = tmp_path / "jamforelse.xlsx"
    err = io.StringIO()
    assert main(["compare", str(report), "-o", str(target)], out=io.StringIO(), err=err) == 0, err.getvalue()
    book = load_workbook(target)
    found: dict[str, list[str]] = {"=": [], "+": [], "@": []}
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value[:1] in found:
                    assert cell.data_type == "s", (sheet.title, cell.coordinate, cell.value)
                    found[cell.value[0]].append(sheet.title)
    # the indicator name reached the indicator sheets and the pivot table, the goal title the
    # matrix, the activity text the activity list
    assert {"Indikatorer", "Data"} <= set(found["="])
    assert "Måluppfyllelse" in found["+"]
    assert "Aktiviteter" in found["@"]
    with zipfile.ZipFile(target) as archive:
        sheets = [archive.read(n) for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
    assert not any(b"<f>HYPERLINK" in xml or b"<f>SUM(1+1)" in xml for xml in sheets)


def test_formula_like_text_survives_parse_json(tmp_path: Path, examples: Path) -> None:
    import json

    report = poisoned_report(examples, tmp_path)
    out = io.StringIO()
    assert main(["parse", str(report), "--format", "json"], out=out, err=io.StringIO()) == 0
    [parsed] = json.loads(out.getvalue())
    names = [i["name"] for g in parsed["goals"] for a in g["goals"] for i in a["indicators"]]
    assert names[0].startswith("=HYPERLINK(")
    assert parsed["goals"][0]["goals"][0]["analysis"].startswith(DESCRIPTION)


#: matches xlsxwriter's test for "this name is a reference" (``Sheet!A1``), and is a DDE payload
CHART_PAYLOAD = "=cmd|' /C calc'!A0 "


def two_poisoned_reports(examples: Path, folder: Path) -> list[Path]:
    """Two districts sharing the poisoned indicator, so the Diagram sheet draws it."""
    lines = (examples / "sodermalm_t1_2020.txt").read_text(encoding="utf-8").split("\n")[:525]
    lines[234] = CHART_PAYLOAD + lines[234]
    text = "\n".join(lines) + "\n"
    first = folder / "=cmd|' C calc'!A0.txt"  # the file name is an injection too
    first.write_text(text, encoding="utf-8")
    second = folder / "kungsholmen.txt"
    second.write_text(text.replace("Södermalm", "Kungsholmen"), encoding="utf-8")
    return [first, second]


def test_chart_titles_are_text_not_references(tmp_path: Path, examples: Path) -> None:
    reports = two_poisoned_reports(examples, tmp_path)
    target = tmp_path / "jamforelse.xlsx"
    err = io.StringIO()
    assert main(["compare", *map(str, reports), "-o", str(target)], out=io.StringIO(), err=err) == 0, err.getvalue()
    with zipfile.ZipFile(target) as archive:
        charts = {n: archive.read(n).decode("utf-8") for n in archive.namelist() if n.startswith("xl/charts/chart")}
    assert charts
    titled = [xml for xml in charts.values() if "cmd|" in xml]
    assert len(titled) == 1  # the poisoned indicator got its chart
    for name, xml in charts.items():
        formulas = re.findall(r"<c:f>(.*?)</c:f>", xml)
        # every reference is kfcompare's own, into the Diagram sheet; no text became one
        assert all(re.fullmatch(r"Diagram!\$[A-C]\$\d+(:\$[A-C]\$\d+)?", f) for f in formulas), (name, formulas)
    title = re.search(r"<c:title>.*?</c:title>", titled[0], re.S)
    assert title is not None and "cmd|' /C calc'!A0 Andel barn" in html.unescape(title.group())
    book = load_workbook(target)
    diagram = book["Diagram"]
    cells = [c for row in diagram.iter_rows() for c in row if isinstance(c.value, str) and "cmd|" in c.value]
    assert all(c.data_type == "s" for c in cells)  # the title, and the file name in the Källa column
    [cell] = [c for c in cells if not c.value.startswith("=cmd|' C calc'!A0.txt:")]
    assert cell.value.startswith("1.1 =cmd|")


def test_csv_fields_that_a_spreadsheet_would_run_get_a_quote(
    tmp_path: Path, examples: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    two_poisoned_reports(examples, tmp_path)
    monkeypatch.chdir(tmp_path)  # file names as given on the command line: "=cmd|…"
    err = io.StringIO()
    args = ["compare", "=cmd|' C calc'!A0.txt", "kungsholmen.txt", "-o", "lang.csv"]
    assert main(args, out=io.StringIO(), err=err) == 0, err.getvalue()
    rows = list(csv.DictReader((tmp_path / "lang.csv").open(encoding="utf-8")))
    poisoned = [r for r in rows if "cmd|" in r["post"]]
    assert poisoned and all(r["post"].startswith("'=cmd|") for r in poisoned)
    assert {r["fil"] for r in rows if r["stadsdel"] == "Södermalm"} == {"'=cmd|' C calc'!A0.txt"}
    negative = [r for r in rows if r["tryckt"].startswith("'-")]
    assert all(r["värde"].startswith("-") for r in negative)  # the number itself stays a number
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")) or value == row["värde"], row


ESC = "\x1b]0;pwned\x07\x1b[2J\x1b[31m"


def escaped_report(examples: Path, folder: Path, name: str) -> Path:
    """The excerpt (its truncation warning names the file) with terminal escapes in its text."""
    lines = (examples / "sodermalm_t1_2020.txt").read_text(encoding="utf-8").split("\n")[:525]
    lines[234] = ESC + lines[234] + "\u202e"
    path = folder / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("command", [["parse"], ["parse", "--format", "json"], ["compare"], ["check"], ["compare", "--format", "csv"]])
def test_no_control_character_reaches_the_terminal(tmp_path: Path, examples: Path, command: list[str]) -> None:
    report = escaped_report(examples, tmp_path, "new\nline: error: fake\x1b[8m.txt")
    out, err = io.StringIO(), io.StringIO()
    main([*command[:1], str(report), *command[1:]], out=out, err=err)
    for stream in (out.getvalue(), err.getvalue()):
        assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202e]", stream), stream
    assert all(line.startswith("kfcompare: ") for line in err.getvalue().splitlines())
    if command != ["parse"]:  # parse's table shows its warnings itself
        assert "new\\nline: error: fake\\u001b[8m.txt" in err.getvalue()  # the file named, escaped
    assert "fake\\u001b[8m.txt" in out.getvalue() + err.getvalue()
    if command[0] == "check":
        findings = out.getvalue().replace("\n    ", " ").splitlines()  # a finding wrapped to the width, joined
        assert all("new\\nline" in line or "inga fynd" in line or " fynd" in line for line in findings)
    if command[1:] == ["--format", "json"]:
        import json

        [parsed] = json.loads(out.getvalue())
        assert parsed["source"]["path"] == str(report)  # still valid JSON, escapes and all


def test_control_characters_in_report_text_are_shown_as_escapes_and_warned(tmp_path: Path, examples: Path) -> None:
    import json

    report = escaped_report(examples, tmp_path, "rapport.txt")
    out, err = io.StringIO(), io.StringIO()
    assert main(["parse", str(report), "--format", "json"], out=out, err=err) == 0
    [parsed] = json.loads(out.getvalue())
    names = [i["name"] for g in parsed["goals"] for a in g["goals"] for i in a["indicators"]]
    assert names[0].startswith("\\u001b]0;pwned\\u0007\\u001b[2J\\u001b[31mAndel barn som lever i")
    assert f"{report}:235: styrtecken i texten" in err.getvalue()

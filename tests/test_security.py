"""Text that looks like a formula goes from a report file all the way into Excel as text.

The workbook carries names, titles and activity texts (not the long analyses), so those are
the texts poisoned here; every string cell of every sheet is checked.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

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

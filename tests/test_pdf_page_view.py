"""``parse REPORT.pdf --format text`` shows each table row's values under the column they
were placed in, with the line number and page provenance gives."""

from __future__ import annotations

import io
from pathlib import Path

from kfcompare._cli import main

PDF = Path(__file__).resolve().parent / "fixtures" / "pdf" / "hasselby-vallingby_vb_2020.pdf"


def _view() -> list[str]:
    out, err = io.StringIO(), io.StringIO()
    assert main(["parse", str(PDF), "--format", "text"], out=out, err=err) == 0, err.getvalue()
    return out.getvalue().splitlines()


def test_a_row_shows_each_value_under_its_column() -> None:
    lines = _view()
    [k] = [k for k, line in enumerate(lines) if "Antal tillhandahållna platser för feriejobb" in line]
    title = next(lines[j] for j in range(k, 0, -1) if lines[j].strip().startswith("Indikator"))
    columns = [c.strip() for c in title.split("│")]
    cells = [c.strip() for c in lines[k].split("│")]
    row = dict(zip(columns, cells))
    assert row["Utfall"] == "743" and row["Föregående period"] == "952" and row["Prognos"] == "743"
    assert row["Utfall män"] == "" and row["Utfall kvinnor"] == "" and row["Årsmål"] == "700 st"
    assert row["Period"] == "VB 2020"
    assert lines[k].split()[1] == "s.8"  # printed on page 8


def test_page_headers_and_footers_are_not_shown() -> None:
    text = "\n".join(_view())
    assert "Tjänsteutlåtande" not in text and "start.stockholm" not in text and "Sid 8 (74)" not in text

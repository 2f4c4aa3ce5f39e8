"""``kfcompare compare``: formats, filters, aliases and catalogue through the command line."""

from __future__ import annotations

import csv
import io
import json

import pytest

from kfcompare._cli import main

SO = "examples/sodermalm_t1_2020.txt"
HV = "examples/hasselby-vallingby_vb_2020.txt"
KH = "examples/kungsholmen_units_vb_2021.txt"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_table_fits_100_columns_and_shows_the_three_parts():
    code, out, _ = run("compare", SO, HV)
    assert code == 0
    assert max(len(line) for line in out.splitlines()) <= 100
    assert "A = Hässelby-Vällingby VB 2020" in out and "Obs: olika perioder" in out
    assert "Målmatris" in out and "Indikatorer" in out and "Budgetavvikelser" in out
    assert any(line.startswith("KF-mål    1.1") and line.split()[-2:] == ["helt", "helt"] for line in out.splitlines())


def test_csv_is_the_long_table():
    code, out, _ = run("compare", SO, HV, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and rows[0].keys() >= {"rapport", "post", "kolumn", "tryckt", "värde", "status", "fil", "rad"}
    hit = [r for r in rows if r["post"] == "Antal aspiranter som fått Stockholmsjobb" and r["kolumn"] == "KF:s årsmål"]
    assert [(r["rapport"], r["tryckt"], r["värde"]) for r in hit] == [
        ("Hässelby-Vällingby VB 2020", "800 st", "800"),
        ("Södermalm T1 2020", "800 st", "800"),
    ]


def test_json_has_long_table_and_findings(tmp_path):
    target = tmp_path / "jamforelse.json"
    code, out, _ = run("compare", SO, "-o", str(target))
    data = json.loads(target.read_text(encoding="utf-8"))
    assert code == 0 and out == "" and data["reports"] == ["Södermalm T1 2020"]
    varav = [f for f in data["findings"] if f["line"] == 4162]
    assert varav[0]["expected"] == -5.1 and varav[0]["printed"] == -5.0


def test_filters_by_district_and_period():
    code, out, _ = run("compare", SO, HV, "--district", "södermalm", "--format", "csv")
    assert code == 0 and {r["rapport"] for r in csv.DictReader(io.StringIO(out))} == {"Södermalm T1 2020"}
    code, out, _ = run("compare", SO, HV, "--period", "VB 2020", "--format", "csv")
    assert {r["rapport"] for r in csv.DictReader(io.StringIO(out))} == {"Hässelby-Vällingby VB 2020"}


@pytest.mark.parametrize(
    ("option", "value"), [("--district", "Sodermalm"), ("--period", "T2"), ("--period", "2019")]
)
def test_a_filter_that_matches_nothing_is_an_error_naming_the_choices(tmp_path, option, value):
    target = tmp_path / "jamforelse.xlsx"
    target.write_bytes(b"last run's workbook")
    code, out, err = run("compare", SO, HV, option, value, "-o", str(target))
    assert code == 2 and out == ""
    assert f"{option} {value}: ingen rapport passar" in err
    assert "stadsdelar: Hässelby-Vällingby, Södermalm" in err and "perioder: T1 2020, VB 2020" in err
    assert target.read_bytes() == b"last run's workbook"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["jamforelse.xlsx"]


def test_check_filters_the_same_way():
    code, out, err = run("check", SO, HV, "--district", "Kungsholmen")
    assert code == 2 and out == "" and "--district Kungsholmen: ingen rapport passar" in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["compare", SO, "-o", "jam.xls"], "compare skriver inga .xls-filer; välj en av .csv (compare-csv), .json (compare-json), "),
        (["compare", SO, "-o", "x.pdf"], "compare skriver inga .pdf-filer"),
        (["compare", SO, "--format", "csv", "-o", "x.json"], "--format compare-csv skriver .csv-filer, inte .json"),
        (["parse", SO, "-o", "x.xlsx"], "parse skriver inga .xlsx-filer; välj en av .json (json), "),
    ],
)
def test_an_output_suffix_no_output_serves_is_an_error(tmp_path, monkeypatch, argv, message):
    monkeypatch.chdir(tmp_path)
    code, out, err = run(*argv)
    assert code == 2 and out == "" and message in err
    assert list(tmp_path.iterdir()) == []


def test_warnings_only_about_the_reports_kept():
    code, _, err = run("compare", SO, HV, "--district", "Södermalm", "--format", "csv")
    assert code == 0
    assert "sodermalm_t1_2020.txt:4101: " in err
    assert "hasselby-vallingby_vb_2020.txt" not in err


def test_parse_table_shows_each_warning_once():
    code, out, err = run("parse", HV)
    text = out + err
    assert code == 0 and text.count("4353") == 1 and "4353" in out
    code, out, err = run("parse", HV, "--format", "json")
    assert "hasselby-vallingby_vb_2020.txt:4353: " in err


def test_alias_file_and_user_catalogue(tmp_path):
    aliases = tmp_path / "alias.toml"
    aliases.write_text(
        '[aliases]\n"Antal tillhandahållna platser för feriejobb" = "Feriejobbsplatser"\n', encoding="utf-8"
    )
    catalogue = tmp_path / "katalog.toml"
    catalogue.write_text('[direction]\n"Feriejobbsplatser" = "higher"\n', encoding="utf-8")
    code, out, _ = run("compare", SO, HV, "--aliases", str(aliases), "--catalogue", str(catalogue), "--format", "json")
    rows = [r for r in json.loads(out)["long_table"] if r["item"] == "Feriejobbsplatser"]
    assert code == 0 and {r["report"] for r in rows} == {"Hässelby-Vällingby VB 2020", "Södermalm T1 2020"}


def test_bad_catalogue_is_a_usage_error(tmp_path):
    catalogue = tmp_path / "katalog.toml"
    catalogue.write_text('[direction]\n"Sjukfrånvaro" = "more"\n', encoding="utf-8")
    code, _, err = run("compare", KH, "--catalogue", str(catalogue))
    assert code == 2 and "use \"higher\" or \"lower\"" in err


def test_unknown_format_names_the_choices():
    code, _, err = run("compare", KH, "--format", "pdf")
    assert code == 2 and "compare-table" in err



def test_jobs_gives_the_same_workbook_bytes(tmp_path, examples) -> None:
    one, two = tmp_path / "ett.xlsx", tmp_path / "tva.xlsx"
    assert main(["compare", str(examples), "-o", str(one)], out=io.StringIO(), err=io.StringIO()) == 0
    assert main(["compare", str(examples), "--jobs", "2", "-o", str(two)], out=io.StringIO(), err=io.StringIO()) == 0
    assert one.read_bytes() == two.read_bytes()


def test_writing_a_file_prints_a_summary(tmp_path, examples) -> None:
    out = io.StringIO()
    target = tmp_path / "jamforelse.xlsx"
    assert main(["compare", str(examples), "-o", str(target)], out=out, err=io.StringIO()) == 0
    text = out.getvalue()
    assert text.startswith(f"Skrev {target}: 7 rapporter jämförda.")
    [row] = [line for line in text.splitlines() if line.startswith("Södermalm T1 2020")]
    assert row.split()[3:6] == ["37", "2", "0"]  # helt, delvis, inte as the document assesses
    assert max(len(line) for line in text.splitlines()[1:]) <= 100  # the first names the path


def test_the_json_export_names_its_schema_version():
    from kfcompare._export import SCHEMA_VERSION

    code, out, _ = run("parse", KH, "--format", "json")
    reports = json.loads(out)
    assert code == 0 and len(reports) == 3 and SCHEMA_VERSION == 1
    assert [r["schema_version"] for r in reports] == [1, 1, 1] and list(reports[0])[:2] == ["schema_version", "district"]

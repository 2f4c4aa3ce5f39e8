"""Every class of bad input: a clear message naming the file, an exit code, nothing half-written."""

from __future__ import annotations

import errno
import io
import json
import os
import shutil
from pathlib import Path

import pytest

from kfcompare._cli import main

BAD = Path(__file__).parent / "badinput"
PDF_DIR = Path(__file__).parent / "fixtures" / "pdf"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("empty.txt", "är tom"),
        ("whitespace_only.txt", "innehåller bara blanktecken"),
        ("binary.dat", "är en binärfil som inget installerat format läser"),
        ("report.pdf", "PDF-filen är skadad eller avkortad och kan inte läsas"),
        ("unrecognised.txt", "inget format känner igen texten som en rapport (poäng: "),
        ("no_goals.txt", "hittade varken mål eller budgettabeller"),
    ],
)
def test_unreadable_file_is_named_and_nothing_is_written(tmp_path: Path, name: str, message: str) -> None:
    target = tmp_path / "out.json"
    code, out, err = run("parse", str(BAD / name), "--format", "json", "-o", str(target))
    assert code == 2
    assert f"{BAD / name}" in err and message in err
    assert "inget skrevs" in err
    assert leftovers(tmp_path) == []
    assert out == ""


def test_unrecognised_text_lists_every_format_with_its_score() -> None:
    code, _, err = run("parse", str(BAD / "unrecognised.txt"))
    assert code == 2
    assert "ils2020=0.00" in err


def test_no_goals_message_names_the_line(tmp_path: Path) -> None:
    _, _, err = run("parse", str(BAD / "no_goals.txt"))
    assert f"{BAD / 'no_goals.txt'}:1:" in err


def test_one_bad_file_does_not_stop_the_others_being_checked(tmp_path: Path, examples: Path) -> None:
    target = tmp_path / "out.json"
    code, _, err = run("parse", str(BAD / "empty.txt"), str(BAD / "report.pdf"), "-o", str(target), "--format", "json")
    assert code == 2
    assert "empty.txt" in err and "report.pdf" in err and "2 av 2 fil(er) kunde inte läsas" in err
    assert leftovers(tmp_path) == []


def parsed(path: Path, *extra: str) -> tuple[int, list[dict], str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["parse", str(path), "--format", "json", *extra], out=out, err=err)
    return code, (json.loads(out.getvalue()) if code == 0 else []), err.getvalue()


def goal_titles(report: dict) -> list[str]:
    titles = []
    stack = list(report["goals"])
    while stack:
        goal = stack.pop(0)
        titles.append(goal["title"])
        stack[:0] = goal["goals"]
    return titles


def strip_source(report: dict) -> dict:
    clean = dict(report)
    clean["source"] = {**report["source"], "path": None}
    clean["warnings"] = [w for w in report["warnings"] if w["code"] != "encoding"]
    return clean


@pytest.mark.parametrize("name", ["cp1252.txt", "bom_crlf_formfeed.txt", "nfd.txt"])
def test_encodings_and_line_ends_read_as_the_clean_text(name: str, tmp_path: Path, examples: Path) -> None:
    clean_path = tmp_path / "clean.txt"
    clean_lines = (examples / "sodermalm_t1_2020.txt").read_text(encoding="utf-8").split("\n")[:525]
    clean_path.write_text("\n".join(clean_lines) + "\n", encoding="utf-8")
    code, [clean], _ = parsed(clean_path)
    assert code == 0
    code, [report], err = parsed(BAD / name)
    assert code == 0, err
    assert goal_titles(report) == goal_titles(clean)
    assert any("ä" in title or "å" in title or "ö" in title for title in goal_titles(report))
    assert strip_source(report)["goals"] == strip_source(clean)["goals"]
    if name == "cp1252.txt":
        assert "inte giltig UTF-8; läst som cp1252" in err
        assert [w["code"] for w in report["warnings"]].count("encoding") == 1
    else:
        assert "cp1252" not in err


def test_strict_turns_warnings_into_failure_and_writes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    code, _, err = run("parse", str(BAD / "cp1252.txt"), "--strict", "--format", "json", "-o", str(target))
    assert code == 3
    assert "--strict" in err and "inget skrevs" in err
    assert leftovers(tmp_path) == []


def test_the_same_report_twice_is_refused(tmp_path: Path, examples: Path) -> None:
    copy = tmp_path / "kopia.txt"
    shutil.copy(examples / "sodermalm_t1_2020.txt", copy)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    code, _, err = run("parse", str(examples / "sodermalm_t1_2020.txt"), str(copy), "-o", str(out_dir / "x.json"))
    assert code == 2
    assert f"{copy}: the same file as {examples / 'sodermalm_t1_2020.txt'}" in err
    assert leftovers(out_dir) == []


def test_output_path_that_is_a_directory(tmp_path: Path, examples: Path) -> None:
    code, _, err = run("parse", str(examples / "sodermalm_t1_2020.txt"), "--format", "json", "-o", str(tmp_path))
    assert code == 4
    assert f"{tmp_path}: är en mapp" in err
    assert leftovers(tmp_path) == []


def test_output_folder_missing(tmp_path: Path, examples: Path) -> None:
    code, _, err = run("parse", str(examples / "sodermalm_t1_2020.txt"), "-o", str(tmp_path / "nej" / "x.json"))
    assert code == 4 and "finns inte" in err


@pytest.mark.parametrize(
    ("error", "reason"), [(errno.ENOSPC, "disken är full"), (errno.EACCES, "behörighet saknas")]
)
def test_disk_full_or_unwritable_leaves_nothing_and_keeps_the_old_file(
    tmp_path: Path, examples: Path, monkeypatch: pytest.MonkeyPatch, error: int, reason: str
) -> None:
    target = tmp_path / "out.json"
    target.write_text("old contents")
    real_fsync = os.fsync

    def failing_fsync(fd: int) -> None:
        raise OSError(error, os.strerror(error))

    monkeypatch.setattr(os, "fsync", failing_fsync)
    code, _, err = run("parse", str(examples / "sodermalm_t1_2020.txt"), "--format", "json", "-o", str(target))
    monkeypatch.setattr(os, "fsync", real_fsync)
    assert code == 4
    assert f"{target}: kan inte skrivas: {reason}" in err
    assert leftovers(tmp_path) == ["out.json"]
    assert target.read_text() == "old contents"


def test_missing_file(tmp_path: Path) -> None:
    code, _, err = run("parse", str(tmp_path / "finns-inte.txt"))
    assert code == 2 and f"{tmp_path / 'finns-inte.txt'}: filen finns inte" in err


def test_a_folder_may_hold_other_files_which_are_skipped_and_named(tmp_path: Path, examples: Path) -> None:
    folder = tmp_path / "rapporter"
    folder.mkdir()
    shutil.copy(examples / "sodermalm_t1_2020.txt", folder)
    shutil.copy(PDF_DIR / "kungsholmen_unit3_vb_2021.pdf", folder)  # a PDF is read beside the texts
    (folder / "LÄS MIG.md").write_text("Här ligger tertialrapporterna.\n", encoding="utf-8")
    target = tmp_path / "out.json"
    code, _, err = run("parse", str(folder), "--format", "json", "-o", str(target))
    assert code == 0, err
    assert f"hoppade över, inte en rapport: {folder / 'LÄS MIG.md'}: inget format känner igen" in err
    reports = json.loads(target.read_text(encoding="utf-8"))
    assert sorted((r["district"], r["unit"], r["format"]) for r in reports) == [
        ("Kungsholmen", "Familjeenheten", "pdf"),
        ("Södermalm", None, "ils2020"),
    ]


def test_a_folder_with_no_report_at_all_is_an_error(tmp_path: Path) -> None:
    folder = tmp_path / "tom"
    folder.mkdir()
    shutil.copy(BAD / "unrecognised.txt", folder)
    code, _, err = run("parse", str(folder), "-o", str(tmp_path / "out.json"))
    assert code == 2 and "alla filer hoppades över" in err
    assert leftovers(tmp_path) == ["tom"]


def test_links_in_a_folder_are_not_followed(tmp_path: Path, examples: Path) -> None:
    outside = tmp_path / "utanfor"
    outside.mkdir()
    shutil.copy(examples / "sodermalm_t1_2020.txt", outside)
    folder = tmp_path / "rapporter"
    folder.mkdir()
    shutil.copy(examples / "hasselby-vallingby_vb_2020.txt", folder)
    (folder / "lank.txt").symlink_to(outside / "sodermalm_t1_2020.txt")
    code, out, err = run("parse", str(folder), "--format", "json")
    assert code == 0, err
    assert [r["district"] for r in json.loads(out)] == ["Hässelby-Vällingby"]


def test_budget_rows_with_too_many_readings_are_flagged_not_searched() -> None:
    # issue 13 item 1: rows of eleven '100' under twelve columns read in ~700 000 ways
    code, reports, err = parsed(BAD / "economy_readings.txt")
    assert code == 0
    [table] = reports[0]["budget"]
    assert len(table["rows"]) == 400
    assert all(row["flags"] == ["ambiguous-columns"] for row in table["rows"])
    assert [cell and cell["raw"] for cell in table["rows"][-1]["values"]] == [None] + ["100"] * 11
    assert "economy_readings.txt:5:" in err and "kan inte avgöras" in err

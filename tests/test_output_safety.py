"""Outputs: nothing lost, nothing written where it must not be, no temporary file left behind.

Tests run as root, where file permissions do not stop a write: a read-only output is
recognised by its mode bits, which is what a controller's file manager shows.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from kfcompare import _atomic
from kfcompare._cli import main
from kfcompare.default_plugins.xlsx import workbook as xlsx

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "examples" / "sodermalm_t1_2020.txt"
OTHER = ROOT / "examples" / "hasselby-vallingby_vb_2020.txt"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def dead_pid() -> int:
    """The id of a process that has ended (and is reaped)."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_a_read_only_output_is_refused_with_exit_4(tmp_path: Path) -> None:
    target = tmp_path / "r.json"
    target.write_text("gammalt")
    target.chmod(0o444)
    code, _, err = run("parse", str(REPORT), "--format", "json", "-o", str(target))
    assert code == 4
    assert f"{target}: är skrivskyddad" in err
    assert target.read_text() == "gammalt"


def test_an_input_file_is_never_the_output(tmp_path: Path) -> None:
    report = tmp_path / "r.txt"
    shutil.copy(REPORT, report)
    code, _, err = run("parse", str(report), "-o", str(report), "--format", "table")
    assert code == 4
    assert f"{report}: är en av filerna som läses" in err
    assert report.read_bytes() == REPORT.read_bytes()


def test_an_input_reached_through_a_link_is_never_the_output(tmp_path: Path) -> None:
    report = tmp_path / "r.txt"
    shutil.copy(REPORT, report)
    link = tmp_path / "ut.json"
    link.symlink_to(report)
    code, _, err = run("parse", str(report), "-o", str(link), "--format", "json")
    assert code == 4 and "är en av filerna som läses" in err
    assert report.read_bytes() == REPORT.read_bytes()


def test_a_symlinked_output_is_written_through_and_stays_a_link(tmp_path: Path) -> None:
    real = tmp_path / "arkiv" / "rapporter.json"
    real.parent.mkdir()
    real.write_text("[]")
    link = tmp_path / "senaste.json"
    link.symlink_to(real)
    code, _, err = run("parse", str(REPORT), "--format", "json", "-o", str(link))
    assert code == 0, err
    assert link.is_symlink() and link.resolve() == real
    assert json.loads(real.read_text(encoding="utf-8"))[0]["district"] == "Södermalm"
    assert sorted(p.name for p in real.parent.iterdir()) == ["rapporter.json"]


def test_an_output_that_is_not_a_regular_file_is_refused(tmp_path: Path) -> None:
    # a FIFO stands for every special file: /dev/null itself must never be tried, since the
    # code before this check replaced it (as root) with a regular file
    target = tmp_path / "ut.json"
    os.mkfifo(target)
    code, _, err = run("parse", str(REPORT), "--format", "json", "-o", str(target))
    assert code == 4
    assert f"{target}: är ingen vanlig fil" in err
    assert target.is_fifo()


def test_a_temporary_file_left_by_a_killed_run_is_removed_by_the_next(tmp_path: Path) -> None:
    stale = tmp_path / f".ut.json.kfcompare-{dead_pid()}-abc123.tmp"
    stale.write_bytes(b"half a file")
    running = tmp_path / f".ut.json.kfcompare-{os.getppid()}-def456.tmp"  # a live process's: kept
    running.write_bytes(b"being written")
    code, _, err = run("parse", str(REPORT), "--format", "json", "-o", str(tmp_path / "ut.json"))
    assert code == 0, err
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["ut.json", running.name])


def test_the_workbook_is_built_in_a_private_folder_removed_even_on_ctrl_c(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    stale = temp / f"kfcompare-{dead_pid()}-xyz"
    stale.mkdir()
    (stale / "sheet1.xml").write_bytes(b"<half/>")
    seen: list[list[str]] = []

    def interrupted(book, styles, comparison) -> None:  # noqa: ANN001 - a sheet writer's signature
        seen.append([p.name for p in temp.iterdir()])
        raise KeyboardInterrupt

    monkeypatch.setattr(xlsx, "SHEETS", (*xlsx.SHEETS[:-1], interrupted))
    code, _, err = run("compare", str(REPORT), str(OTHER), "-o", str(tmp_path / "jamforelse.xlsx"))
    assert code == 130 and "interrupted" in err
    [during] = seen
    assert len(during) == 1 and during[0].startswith(f"kfcompare-{os.getpid()}-")  # the stale one went first
    assert list(temp.iterdir()) == []
    assert not (tmp_path / "jamforelse.xlsx").exists()


def test_xlsxwriter_temporary_files_go_into_the_private_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[str] = []
    real = tempfile.mkstemp

    def mkstemp(*args, **kwargs):  # noqa: ANN002, ANN003 - tempfile's signature
        fd, name = real(*args, **kwargs)
        made.append(name)
        return fd, name

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)
    code, _, err = run("compare", str(REPORT), str(OTHER), "-o", str(tmp_path / "jamforelse.xlsx"))
    assert code == 0, err
    xlsx_parts = [name for name in made if Path(name).parent != tmp_path]
    assert xlsx_parts and all(Path(name).parent.name.startswith(f"kfcompare-{os.getpid()}-") for name in xlsx_parts)
    assert not any(Path(name).exists() for name in made)


def test_kill_9_during_the_build_leaves_only_what_the_next_run_removes(tmp_path: Path) -> None:
    temp = tmp_path / "tmp"
    temp.mkdir()
    env = {**os.environ, "TMPDIR": str(temp)}
    command = [sys.executable, "-m", "kfcompare", "compare", str(ROOT / "examples"), "-o", str(tmp_path / "j.xlsx")]
    child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not list(temp.glob("kfcompare-*")) and child.poll() is None and time.monotonic() < deadline:
        time.sleep(0.002)
    child.kill()
    child.wait()
    if not list(temp.glob("kfcompare-*")):
        pytest.skip("the run finished before it could be killed mid-build")
    assert not (tmp_path / "j.xlsx").exists()
    result = subprocess.run([*command[:-2], "-o", str(tmp_path / "k.xlsx")], env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert list(temp.iterdir()) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["k.xlsx", "tmp"]


def test_into_a_macro_workbook_keeps_its_type_or_is_refused(tmp_path: Path) -> None:
    book = tmp_path / "m.xlsm"
    Workbook().save(book)
    code, _, err = run("compare", str(REPORT), "--into", str(book), "-o", str(tmp_path / "out.xlsx"))
    assert code == 2
    assert f"--into {book} och -o {tmp_path / 'out.xlsx'} är olika filtyper" in err
    assert not (tmp_path / "out.xlsx").exists()


def test_an_encrypted_workbook_is_named_as_such(tmp_path: Path) -> None:
    book = tmp_path / "hemlig.xlsx"
    # what Excel writes for a password-protected workbook: an OLE2 compound file, not a zip
    book.write_bytes(ole2_header() + b"\x00" * 1024)
    code, _, err = run("compare", str(REPORT), "--into", str(book))
    assert code == 4
    assert f"{book}: ser ut att vara krypterad (lösenordsskyddad)" in err
    assert "BadZipFile" not in err


def ole2_header() -> bytes:
    return bytes.fromhex("d0cf11e0a1b11ae1") + bytes.fromhex("000000000000000000000000000000003e000300feff0900")


def test_a_second_into_run_waits_for_the_first(tmp_path: Path) -> None:
    book = tmp_path / "m.xlsx"
    Workbook().save(book)
    command = [sys.executable, "-m", "kfcompare", "compare", str(REPORT), "--into", str(book)]
    with _atomic.workbook_lock(book):  # as a first run holds it while it writes
        child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 60
        while child.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
            if load_workbook(book).sheetnames != ["Sheet"]:
                break
        assert child.poll() is None, child.communicate()  # still waiting
        assert load_workbook(book).sheetnames == ["Sheet"]
    out, err = child.communicate(timeout=60)
    assert child.returncode == 0, err
    assert f"väntar på en annan kfcompare-körning som skriver i {tmp_path}" in err
    assert "Översikt" in load_workbook(book).sheetnames


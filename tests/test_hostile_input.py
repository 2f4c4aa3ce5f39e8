"""Input that could hang kfcompare, exhaust its memory or crash it: each is a clear error, exit 2.

Tests run as root in CI, where ``chmod 000`` does not stop a read: an unreadable folder is
simulated by making ``Path.iterdir`` raise as the kernel would.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kfcompare._cli import main

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "examples" / "sodermalm_t1_2020.txt"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def run_process(*argv: str, timeout: float = 30, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kfcompare", *argv],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, **(env or {})},
    )


def test_a_fifo_named_on_the_command_line_is_refused_not_waited_on(tmp_path: Path) -> None:
    fifo = tmp_path / "f.txt"
    os.mkfifo(fifo)
    result = run_process("parse", str(fifo), "-o", str(tmp_path / "out.json"), timeout=20)
    assert result.returncode == 2, result.stderr
    assert f"{fifo}: är ingen vanlig fil (en namngiven rörledning (FIFO))" in result.stderr
    assert not (tmp_path / "out.json").exists()


def test_dev_zero_is_refused_without_reading_it() -> None:
    result = run_process("parse", "/dev/zero", timeout=20)
    assert result.returncode == 2, result.stderr
    assert "/dev/zero: är ingen vanlig fil (en enhet)" in result.stderr


def test_a_file_over_the_size_limit_is_refused_and_the_limit_can_be_raised(tmp_path: Path) -> None:
    big = tmp_path / "stor.txt"
    big.write_bytes(REPORT.read_bytes())  # 179 kB
    result = run_process("parse", str(big), "--format", "json", env={"KFCOMPARE_MAX_FILE_MB": "0.1"})
    assert result.returncode == 2
    assert f"{big}: är större (0.2 MB) än gränsen 0.1 MB per fil (miljövariabeln KFCOMPARE_MAX_FILE_MB höjer den)" in result.stderr
    result = run_process("parse", str(big), "--format", "json", env={"KFCOMPARE_MAX_FILE_MB": "1"})
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)[0]["district"] == "Södermalm"


def test_the_default_limit_is_50_mb(tmp_path: Path) -> None:
    sparse = tmp_path / "gles.txt"
    with open(sparse, "wb") as handle:  # a sparse file: 51 MB on paper, nothing on disk
        handle.truncate(51_000_000)
    code, _, err = run("parse", str(sparse))
    assert code == 2
    assert f"{sparse}: är större (51.0 MB) än gränsen 50 MB per fil" in err


def test_an_unreadable_folder_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "låst"
    folder.mkdir()
    real = Path.iterdir

    def iterdir(self: Path):  # as os.scandir fails for a folder without read permission
        if self == folder:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "iterdir", iterdir)
    code, _, err = run("parse", str(folder), "-o", str(tmp_path / "out.json"))
    assert code == 2, err
    assert f"{folder}: mappen kan inte läsas: åtkomst nekad" in err
    assert not (tmp_path / "out.json").exists()


def test_an_unreadable_file_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    report = tmp_path / "rapport.txt"
    report.write_bytes(REPORT.read_bytes())
    real = os.open

    def refusing_open(path, flags, *args, **kwargs):  # noqa: ANN001 - os.open's own signature
        if os.fspath(path) == str(report):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refusing_open)
    code, _, err = run("parse", str(report))
    assert code == 2
    assert f"{report}: kan inte läsas: åtkomst nekad" in err


@pytest.mark.parametrize(
    ("option", "content", "message"),
    [
        ("--aliases", '[aliases]\n"Andel barn" = "Barn"\n'.encode("utf-16"), "är UTF-16, inte UTF-8; spara filen som UTF-8"),
        ("--catalogue", '[direction]\n"Ohälsa" = "lower"\n'.encode("cp1252"), "är inte UTF-8 (rad 2); spara filen som UTF-8"),
    ],
)
def test_a_toml_file_not_in_utf8_is_named(tmp_path: Path, option: str, content: bytes, message: str) -> None:
    toml = tmp_path / "namn.toml"
    toml.write_bytes(content)
    code, _, err = run("compare", str(REPORT), option, str(toml))
    assert code == 2, err
    assert f"{toml}: {message}" in err


def test_a_toml_fifo_is_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "alias.toml"
    os.mkfifo(fifo)
    result = run_process("compare", str(REPORT), "--aliases", str(fifo), timeout=20)
    assert result.returncode == 2
    assert f"{fifo}: är ingen vanlig fil" in result.stderr


def test_a_utf8_file_cut_inside_a_letter_stays_utf8_and_warns_at_the_line(tmp_path: Path) -> None:
    data = REPORT.read_bytes()
    end = data.index("ä".encode(), 150_000) + 1  # inside the two bytes of an 'ä'
    cut = tmp_path / "avkortad.txt"
    cut.write_bytes(data[:end])
    line = data[:end].count(b"\n") + 1
    code, out, err = run("parse", str(cut), "--format", "json")
    assert code == 0, err
    [report] = json.loads(out)
    assert report["district"] == "Södermalm"  # not mojibake from a cp1252 reading
    assert "cp1252" not in err
    assert f"{cut}:{line}: filen slutar mitt i ett tecken (avkortad fil?)" in err
    assert {"line": line, "code": "truncated"} in [{"line": w["line"], "code": w["code"]} for w in report["warnings"]]


def test_a_broken_byte_inside_a_utf8_file_is_replaced_not_read_as_cp1252(tmp_path: Path) -> None:
    data = REPORT.read_bytes()
    end = data.index("ä".encode(), 150_000) + 1
    damaged = tmp_path / "skadad.txt"
    damaged.write_bytes(data[:end] + data[end + 1 :])  # half a letter in the middle, not at the end
    code, _, err = run("parse", str(damaged), "--format", "json")
    assert code == 0, err
    line = data[:end].count(b"\n") + 1
    assert "cp1252" not in err and f"{damaged}:{line}: ogiltiga UTF-8-byte" in err


@pytest.mark.parametrize("end", [14793, 60_000, 120_000, 150_000, -400])
def test_every_cut_of_the_2012_plan_is_warned_about(tmp_path: Path, end: int) -> None:
    data = (ROOT / "examples" / "hasselby-vallingby_vp_2012.txt").read_bytes()
    cut = tmp_path / "vp.txt"
    cut.write_bytes(data[:end])
    code, out, err = run("parse", str(cut), "--format", "json")
    assert code == 0, err
    [report] = json.loads(out)
    [warning] = [w for w in report["warnings"] if w["code"] == "truncated" and "bilage" in w["message"]]
    last = max(i for i, line in enumerate(data[:end].decode("utf-8", "replace").split("\n"), 1) if line.strip())
    assert warning["line"] == last
    assert "utan planens bilageförteckning (till bilaga 10)" in warning["message"]


def test_the_complete_2012_plan_is_not_called_truncated(examples: Path) -> None:
    code, out, err = run("parse", str(examples / "hasselby-vallingby_vp_2012.txt"), "--format", "json")
    assert code == 0 and not [w for w in json.loads(out)[0]["warnings"] if w["code"] == "truncated"]


@pytest.mark.parametrize("end", [170840, 176000])
def test_a_district_report_cut_mid_word_after_the_goal_part_is_warned_about(tmp_path: Path, end: int) -> None:
    data = REPORT.read_bytes()
    cut = tmp_path / "t1.txt"
    cut.write_bytes(data[:end])
    code, out, err = run("parse", str(cut), "--format", "json")
    assert code == 0, err
    [report] = json.loads(out)
    assert [w["line"] for w in report["warnings"] if w["code"] == "truncated"] == [data[:end].rstrip().count(b"\n") + 1]
    code, out, err = run("parse", str(REPORT), "--format", "json")
    assert not [w for w in json.loads(out)[0]["warnings"] if w["code"] == "truncated"]

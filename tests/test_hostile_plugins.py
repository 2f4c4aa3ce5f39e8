"""Hostile plugins: whatever a plugin does, the command names it and keeps its own promises.

The plugins are modules of tests/fixtures/broken_plugins/kfcompare-broken, offered as the
only entry points by ``kfcompare.testing.only_entry_points``.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import time
from pathlib import Path

import pytest

from kfcompare import _batch
from kfcompare._cli import main
from kfcompare._plugins import load_registry
from kfcompare.testing import only_entry_points

ROOT = Path(__file__).resolve().parent.parent
BROKEN = ROOT / "tests" / "fixtures" / "broken_plugins" / "kfcompare-broken"
REPORT = ROOT / "examples" / "sodermalm_t1_2020.txt"
OTHER = ROOT / "examples" / "hasselby-vallingby_vb_2020.txt"
MODULES = {
    name: f"kfcompare_broken.{name}"
    for name in ("exits", "base_exception", "malformed", "noisy", "greedy", "hangs", "hang_import", "killer")
}


@pytest.fixture
def installed(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.syspath_prepend(str(BROKEN))

    def offer(*names: str) -> None:
        only_entry_points(monkeypatch, {name: MODULES[name] for name in names})

    return offer


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def a_file(tmp_path: Path, suffix: str) -> Path:
    path = tmp_path / f"rapport{suffix}"
    path.write_text("Verksamhetsberättelse 2020\n", encoding="utf-8")
    return path


def test_sys_exit_in_parse_is_the_plugins_failure(installed, tmp_path: Path) -> None:
    installed("exits")
    target = tmp_path / "ut.json"
    code, out, err = run("parse", str(a_file(tmp_path, ".exit")), "--format", "json", "-o", str(target))
    assert code == 2, err
    assert "plugin 'exits': format 'exiting_format' failed on" in err and "SystemExit: 0" in err
    assert not target.exists()


def test_sys_exit_in_render_is_the_plugins_failure(installed, tmp_path: Path) -> None:
    installed("exits")
    target = tmp_path / "ut.txt"
    code, out, err = run("parse", str(REPORT), "--format", "exiting_output", "-o", str(target))
    assert code == 1
    assert "plugin 'exits': output 'exiting_output' failed: SystemExit: 0" in err
    assert not target.exists()


def test_a_base_exception_at_import_is_reported_and_the_rest_load(installed) -> None:
    installed("base_exception")
    registry = load_registry()
    [failure] = registry.failures
    assert (failure.plugin, failure.stage, failure.error) == ("base_exception", "import", "Escape: not an Exception")
    code, out, err = run("parse", str(REPORT), "--format", "json")
    assert code == 0 and json.loads(out)[0]["district"] == "Södermalm"
    assert "warning: plugin 'base_exception' failed at import: Escape: not an Exception" in err


def test_a_malformed_report_is_refused_naming_the_plugin_and_the_field(installed, tmp_path: Path) -> None:
    installed("malformed")
    code, _, err = run("compare", str(a_file(tmp_path, ".malformed")))
    assert code == 2, err
    assert "plugin 'malformed': format 'malformed_format' returned a malformed report" in err
    assert "report.goals[1]: expected Goal, got str" in err
    code, _, err = run("parse", str(a_file(tmp_path, ".badvalue")))
    assert code == 2 and "report.goals[0].number: expected str, got Value" in err


@pytest.mark.parametrize(
    ("output", "problem"), [("surrogate_text", "surrogates not allowed"), ("latin1_bytes", "invalid continuation byte")]
)
def test_render_returning_text_that_cannot_be_written_is_the_plugins_error(installed, output: str, problem: str) -> None:
    installed("malformed")
    code, out, err = run("parse", str(REPORT), "--format", output)
    assert code == 1, err
    assert f"plugin 'malformed': output {output!r} returned text that is not valid UTF-8" in err and problem in err
    assert out == ""


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_print_in_plugin_code_never_reaches_stdout(installed, jobs: str) -> None:
    installed("noisy")
    out, err = io.StringIO(), io.StringIO()
    assert main(["parse", str(REPORT), str(OTHER), "--format", "json", "--jobs", jobs], out=out, err=err) == 0
    assert [r["district"] for r in json.loads(out.getvalue())] == ["Södermalm", "Hässelby-Vällingby"]
    if jobs == "1":  # in a worker the print goes to the process's own stderr
        assert "noisy: scoring" in err.getvalue() and "noisy: imported" in err.getvalue()


def test_infinite_scores_are_refused_and_a_builtin_wins_a_tie(installed) -> None:
    installed("greedy")
    code, out, err = run("parse", str(REPORT), "--format", "json")
    assert code == 0, err
    [report] = json.loads(out)
    assert report["format"] == "ils2020"
    assert "plugin 'greedy' failed at score (infinite_format): returned inf, expected a finite number" in err
    [tie] = [w for w in report["warnings"] if w["code"] == "format-tie"]
    assert tie["message"] == (
        "formaten 'ils2020' och 'certain_format' gav samma poäng (1.00); det inbyggda 'ils2020' valdes"
        " (välj ett annat med --input-format)"
    )
    code, _, err = run("parse", str(REPORT), "--input-format", "certain_format")
    assert code == 2 and "plugin 'greedy': format 'certain_format' failed" in err  # the user's choice is obeyed


def test_a_hanging_scorer_is_stopped_after_the_timeout(installed, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    installed("hangs")
    monkeypatch.setenv("KFCOMPARE_PLUGIN_TIMEOUT", "0.5")
    hanging = tmp_path / "sodermalm.hang"
    shutil.copy(REPORT, hanging)
    started = time.monotonic()
    code, out, err = run("parse", str(hanging), "--format", "json")
    assert time.monotonic() - started < 30
    assert code == 0, err
    assert json.loads(out)[0]["district"] == "Södermalm"
    assert "plugin 'hangs' failed at score (hanging_format): PluginTimeout: ran longer than 0.5 s (KFCOMPARE_PLUGIN_TIMEOUT)" in err


def test_a_plugin_hanging_at_import_is_shown_stopped_and_can_be_disabled(installed, monkeypatch: pytest.MonkeyPatch) -> None:
    installed("hang_import")
    monkeypatch.setenv("KFCOMPARE_PLUGIN_TIMEOUT", "0.5")
    code, out, err = run("plugins")
    assert code == 0
    assert "kfcompare: laddar plugin hang_import (kfcompare_broken.hang_import, entry point) …" in err
    assert "hang_import: import: PluginTimeout: ran longer than 0.5 s" in out
    monkeypatch.setenv("KFCOMPARE_PLUGIN_TIMEOUT", "0")  # no limit: only disabling it saves the run
    code, out, err = run("--disable-plugin", "hang_import", "parse", str(REPORT), "--format", "json")
    assert code == 0 and "hang_import" not in err


def test_a_killed_worker_names_its_file_and_nothing_is_written(installed, tmp_path: Path) -> None:
    installed("killer")
    doomed = tmp_path / "rapport.kill"
    doomed.write_text("Verksamhetsberättelse\n", encoding="utf-8")
    target = tmp_path / "ut.json"
    code, out, err = run("parse", str(REPORT), str(doomed), str(OTHER), "--jobs", "2", "--format", "json", "-o", str(target))
    assert code == 2, err
    assert f"{doomed}: lästes när en arbetsprocess (--jobs) avslutades oväntat (dödad eller slut på minne)" in err
    assert "nothing was written" in err or "inget skrevs" in err
    assert not target.exists() and sorted(p.name for p in tmp_path.iterdir()) == ["rapport.kill"]


@pytest.mark.parametrize("jobs", ["0", "-3", "två"])
def test_jobs_must_be_a_positive_number(jobs: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["parse", str(REPORT), "--jobs", jobs])
    assert stopped.value.code == 2
    assert "--jobs" in capsys.readouterr().err


def test_jobs_are_capped_at_the_files_and_the_cpus(monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[int] = []
    real = _batch.ProcessPoolExecutor

    def pool(*args, max_workers: int, **kwargs):  # noqa: ANN002, ANN003 - the executor's signature
        made.append(max_workers)
        return real(*args, max_workers=max_workers, **kwargs)

    monkeypatch.setattr(_batch, "ProcessPoolExecutor", pool)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    code, out, err = run("parse", str(REPORT), str(OTHER), str(ROOT / "examples" / "hasselby-vallingby_vp_2012.txt"), "--jobs", "64", "--format", "json")
    assert code == 0, err
    assert made == [2]
    code, out, err = run("parse", str(REPORT), "--jobs", "64", "--format", "json")
    assert code == 0 and made == [2]  # one file: no pool at all

"""Reading many files: progress only on a terminal, plugin failures seen in worker processes."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

from kfcompare._batch import progress_stream, read_many
from kfcompare.hookspecs import InputFormat, ParseOptions, hookimpl
from kfcompare._plugins import load_registry


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_only_on_a_terminal(monkeypatch) -> None:
    monkeypatch.delenv("TERM", raising=False)
    assert progress_stream(io.StringIO()) is None
    terminal = Terminal()
    assert progress_stream(terminal) is terminal
    monkeypatch.setenv("TERM", "dumb")
    assert progress_stream(terminal) is None


def test_progress_names_count_and_current_file(examples: Path) -> None:
    terminal = Terminal()
    paths = [examples / "sodermalm_t1_2020.txt", examples / "hasselby-vallingby_vb_2020.txt"]
    batch = read_many(paths, ParseOptions(), progress=terminal)
    assert [r.district for r in batch.reports] == ["Södermalm", "Hässelby-Vällingby"]
    shown = terminal.getvalue()
    assert "läser 1/2: sodermalm_t1_2020.txt" in shown and "läser 2/2: hasselby-vallingby_vb_2020.txt" in shown


class FailingScore:
    """A plugin whose format raises while scoring: must be reported, not fatal."""

    @hookimpl
    def kfcompare_input_formats(self) -> list[InputFormat]:
        def score(source):  # type: ignore[no-untyped-def]
            raise RuntimeError("scoring broke")

        return [InputFormat("trasig", "raises in score", score, lambda s, o: [])]


class FakeEntryPoint:
    name = "trasig"
    value = "tests.test_batch:FailingScore"
    dist = None

    def load(self) -> object:
        return FailingScore()


def test_a_score_failure_in_a_worker_is_reported_in_the_main_process(
    tmp_path: Path, examples: Path, monkeypatch
) -> None:
    # worker processes are forked, so they see the same faked entry point as this process
    monkeypatch.setattr("kfcompare._plugins._entry_points", lambda: [FakeEntryPoint()])
    paths = []
    for name in ("sodermalm_t1_2020.txt", "hasselby-vallingby_vb_2020.txt"):
        shutil.copy(examples / name, tmp_path / name)
        paths.append(tmp_path / name)
    for jobs in (1, 2):
        registry = load_registry()
        assert "trasig" in registry.formats
        batch = read_many(paths, ParseOptions(), registry=registry, jobs=jobs)
        assert [r.district for r in batch.reports] == ["Södermalm", "Hässelby-Vällingby"]
        assert [(f.plugin, f.stage, f.error) for f in registry.failures] == [
            ("trasig", "score (trasig)", "RuntimeError: scoring broke")
        ], jobs

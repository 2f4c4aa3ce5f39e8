"""The public API plugin authors and library users import: listed, typed, and shown working."""

from __future__ import annotations

import inspect
import subprocess
import sys
from pathlib import Path

import kfcompare
from kfcompare.compare import compare

ROOT = Path(__file__).resolve().parent.parent


def test_everything_in_all_is_importable_and_the_contract_is_there() -> None:
    for name in kfcompare.__all__:
        assert hasattr(kfcompare, name), name
    required = {"parse_file", "compare", "Report", "Goal", "Indicator", "Value", "Provenance", "hookimpl",
                "InputFormat", "Output", "RenderContext", "ParseOptions", "CONTRACT_VERSION", "Source", "ParseError"}
    assert required <= set(kfcompare.__all__)
    assert kfcompare.compare.compare is compare


def test_public_functions_are_annotated_and_the_package_is_typed() -> None:
    assert (Path(kfcompare.__file__).parent / "py.typed").is_file()
    for name in kfcompare.__all__:
        obj = getattr(kfcompare, name)
        if inspect.isfunction(obj):
            signature = inspect.signature(obj)
            assert signature.return_annotation is not inspect.Signature.empty, name
            assert all(p.annotation is not inspect.Parameter.empty for p in signature.parameters.values()), name


def test_library_example_runs_and_prints_what_the_library_reads() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "library_example.py")], capture_output=True, text=True, cwd=ROOT
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    [report] = kfcompare.parse_file(ROOT / "examples" / "sodermalm_t1_2020.txt")
    assert lines[0] == f"Södermalm T1 2020: format ils2020, {len(report.warnings)} warnings"
    goal, first = next(report.indicators())
    assert lines[1].startswith(f"  {goal.number} {first.name}: {first.outcome.raw!r} = {first.outcome.number}")
    assert any(line.startswith("indicator statuses: ") for line in lines)

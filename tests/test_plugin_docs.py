"""docs/plugins.md documents every hook and every field of the contract (as datasette's docs test does)."""

from __future__ import annotations

import re
from pathlib import Path

import attrs
import pytest

from kfcompare import hookspecs
from kfcompare._plugins import hookspec_names

DOC = (Path(__file__).resolve().parent.parent / "docs" / "plugins.md").read_text(encoding="utf-8")
CLASSES = [hookspecs.InputFormat, hookspecs.Output, hookspecs.RenderContext, hookspecs.ParseOptions]


def section(title: str) -> str:
    match = re.search(rf"^### `{re.escape(title)}[`(].*?(?=^##)", DOC, re.M | re.S)
    assert match, f"docs/plugins.md has no '### `{title}`' section"
    return match.group(0)


def test_the_hook_list_is_what_pluggy_sees() -> None:
    assert hookspec_names() == ["kfcompare_input_formats", "kfcompare_outputs"]


@pytest.mark.parametrize("hook", hookspec_names())
def test_every_hook_is_documented(hook: str) -> None:
    section(hook)


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_every_field_is_documented(cls: type) -> None:
    rows = set(re.findall(r"^\| `(\w+)` \|", section(cls.__name__), re.M))
    assert rows == {f.name for f in attrs.fields(cls)}


def test_contract_version_and_threshold_are_current() -> None:
    from kfcompare.parsing import THRESHOLD

    assert f"CONTRACT_VERSION` (now **{hookspecs.CONTRACT_VERSION}**)" in DOC
    assert f"`KFCOMPARE_CONTRACT = {hookspecs.CONTRACT_VERSION}`" in DOC
    assert f"`kfcompare.parsing.THRESHOLD` ({THRESHOLD})" in DOC


def test_the_minimal_plugin_works_as_printed(tmp_path: Path) -> None:
    """The guide's plugin, installed (pip --target, outside the environment) and run."""
    from kfcompare.testing import install_plugin, run_kfcompare

    minimal = DOC.split("## A minimal plugin", 1)[1].split("\n## ", 1)[0]
    [toml] = re.findall(r"```toml\n(.*?)```", minimal, re.S)
    [module, *_] = re.findall(r"```python\n(.*?)```", minimal, re.S)
    package = tmp_path / "kfcompare-count"
    package.mkdir()
    (package / "pyproject.toml").write_text(toml, encoding="utf-8")
    (package / "kfcompare_count.py").write_text(module, encoding="utf-8")
    site = tmp_path / "site"
    install_plugin(package, tmp_path / "build", "--target", str(site))
    env = {"PYTHONPATH": str(site)}
    assert "entry point (kfcompare-count 0.1.0)" in run_kfcompare("plugins", "--check", env=env).stdout
    report = Path(__file__).resolve().parent.parent / "examples" / "sodermalm_t1_2020.txt"
    counted = run_kfcompare("parse", report, "--format", "count", env=env).stdout
    assert re.fullmatch(r"Södermalm T1 2020: [1-9]\d* indicators\n", counted)


def test_the_worked_input_format_reads_its_example(tmp_path: Path) -> None:
    """The guide's input format, run on the guide's file: the values it promises."""
    from decimal import Decimal

    from kfcompare import parse_file
    from kfcompare._plugins import load_registry
    from kfcompare.compare import compare

    worked = DOC.split("## A worked input format", 1)[1].split("\n## ", 1)[0]
    [text] = re.findall(r"```text\n(.*?)```", worked, re.S)
    [module] = re.findall(r"```python\n(.*?)```", worked, re.S)
    namespace: dict[str, object] = {}
    exec(compile(module, "kfcompare_indikatorer.py", "exec"), namespace)  # noqa: S102 - the guide's own code
    registry = load_registry([])
    registry.formats["indikatorer"] = namespace["kfcompare_input_formats"]()[0]  # type: ignore[index,operator]
    source = tmp_path / "indikatorer_vb_2020.txt"
    source.write_text(text, encoding="utf-8")
    [report] = parse_file(source, registry=registry)
    assert (report.label, report.format, report.period) == ("Södermalm VB 2020", "indikatorer", "VB 2020")
    goal, indicator = next(report.indicators())
    assert goal.number == "1.1" and indicator.outcome.number == Decimal("22") and str(indicator.kf_target) == "800 st"
    [row] = [r for r in compare([report]).indicator_rows if r.name.startswith("Andel personer")]
    assert row.area_number == "1.1" and row.cells[0].indicator.outcome.number == Decimal("2.22") and row.cells[0].indicator.provenance.first_line == 6

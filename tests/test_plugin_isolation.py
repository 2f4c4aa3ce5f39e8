"""A broken plugin is reported by name and everything else keeps working.

The broken plugins are the modules of tests/fixtures/broken_plugins/kfcompare-broken,
offered as entry points by ``kfcompare.testing.only_entry_points``: each test sees exactly
the plugins it names, whatever is installed in the environment.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from kfcompare._cli import main
from kfcompare.errors import PluginError
from kfcompare.parsing import parse_file
from kfcompare._plugins import Registry, load_registry
from kfcompare.testing import only_entry_points

ROOT = Path(__file__).resolve().parent.parent
BROKEN = ROOT / "tests" / "fixtures" / "broken_plugins" / "kfcompare-broken"
#: as the broken package's pyproject.toml declares them
BROKEN_PLUGINS = {
    "broken_import": "kfcompare_broken.import_error",
    "broken_hook": "kfcompare_broken.hook_error",
    "garbage": "kfcompare_broken.garbage",
    "failing_calls": "kfcompare_broken.failing_calls",
    "old_contract": "kfcompare_broken.old_contract",
}
REPORT = ROOT / "examples" / "sodermalm_t1_2020.txt"


@pytest.fixture
def installed(monkeypatch: pytest.MonkeyPatch):
    """Offer the named broken plugins as the only entry points."""
    monkeypatch.syspath_prepend(str(BROKEN))

    def offer(*names: str) -> None:
        only_entry_points(monkeypatch, {name: BROKEN_PLUGINS[name] for name in names})

    return offer


def failures(registry: Registry) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for failure in registry.failures:
        found.setdefault(failure.plugin, []).append(f"{failure.stage}: {failure.error}")
    return found


def test_builtins_alone_load_cleanly(installed) -> None:
    installed()
    registry = load_registry()
    assert registry.failures == []
    assert "ils2020" in registry.formats and "json" in registry.outputs


def test_import_error_is_reported_and_the_rest_load(installed) -> None:
    installed("broken_import", "failing_calls")
    registry = load_registry()
    assert failures(registry)["broken_import"] == [
        "import: ModuleNotFoundError: No module named 'kfcompare_broken_missing_dependency'"
    ]
    assert {"ils2020", "failing_format"} <= set(registry.formats)
    assert "broken_import" not in {p.name for p in registry.plugins}


def test_exception_in_a_hook_is_reported_per_hook(installed) -> None:
    installed("broken_hook")
    registry = load_registry()
    assert failures(registry)["broken_hook"] == [
        "kfcompare_input_formats: RuntimeError: hook exploded",
        "kfcompare_outputs: RuntimeError: output hook exploded",
    ]
    assert "ils2020" in registry.formats and "table" in registry.outputs


def test_garbage_is_refused_item_by_item(installed) -> None:
    installed("garbage")
    registry = load_registry()
    problems = failures(registry)["garbage"]
    assert any("unknown hook(s) kfcompare_output" in p for p in problems)
    assert any("returned 'ils2020': expected InputFormat" in p for p in problems)
    assert any("garbage_format" in p and "score, parse not callable" in p for p in problems)
    assert any(p.startswith("kfcompare_outputs: returned dict, expected a list of Output") for p in problems)
    assert "garbage_format" not in registry.formats
    assert registry.formats["ils2020"].plugin == "ils2020"  # the string 'ils2020' did not displace it


def test_a_raising_scorer_counts_as_zero_and_is_reported(installed) -> None:
    installed("failing_calls")
    registry = load_registry()
    [report] = parse_file(REPORT, registry=registry)
    assert report.format == "ils2020"
    assert failures(registry)["failing_calls"] == ["score (failing_format): ValueError: score exploded"]


def test_a_raising_parser_is_the_plugins_error(installed, tmp_path: Path) -> None:
    installed("failing_calls")
    boom = tmp_path / "report.boom"
    boom.write_text("anything\n", encoding="utf-8")
    with pytest.raises(PluginError, match=r"plugin 'failing_calls': format 'failing_format' failed on .*KeyError"):
        parse_file(boom, registry=load_registry())


def test_a_raising_renderer_is_the_plugins_error_and_writes_nothing(installed, tmp_path: Path) -> None:
    installed("failing_calls")
    out, err = io.StringIO(), io.StringIO()
    target = tmp_path / "out.txt"
    code = main(["parse", str(REPORT), "--format", "failing_output", "-o", str(target)], out, err)
    assert code == 1
    assert "plugin 'failing_calls': output 'failing_output' failed: ZeroDivisionError: render exploded" in err.getvalue()
    assert not target.exists()


def test_a_plugin_for_another_contract_is_refused(installed) -> None:
    installed("old_contract")
    registry = load_registry()
    assert failures(registry)["old_contract"] == ["contract: written for plugin contract 0, this kfcompare has 1"]
    assert "old_output" not in registry.outputs


def test_an_entry_point_cannot_take_a_builtins_name(installed, monkeypatch: pytest.MonkeyPatch) -> None:
    only_entry_points(monkeypatch, {"ils2020": BROKEN_PLUGINS["broken_hook"]})
    registry = load_registry()
    assert "name is taken by another plugin" in failures(registry)["ils2020"][0]
    assert registry.formats["ils2020"].plugin == "ils2020"


@pytest.mark.parametrize("how", ["option", "env"])
def test_disabled_by_name_is_not_even_imported(installed, monkeypatch: pytest.MonkeyPatch, how: str) -> None:
    installed(*BROKEN_PLUGINS)
    names = ["broken_import", "broken_hook", "garbage", "failing_calls", "old_contract"]
    if how == "env":
        monkeypatch.setenv("KFCOMPARE_DISABLE_PLUGINS", ",".join(names))
    registry = load_registry(names if how == "option" else ())
    assert registry.failures == []
    assert set(registry.disabled) == set(names)


def test_plugins_command_lists_failures_by_name(installed) -> None:
    installed(*BROKEN_PLUGINS)
    out, err = io.StringIO(), io.StringIO()
    assert main(["plugins"], out, err) == 0
    listing = out.getvalue()
    failed = listing.split("Failed plugins:")[1]
    for name in set(BROKEN_PLUGINS) - {"failing_calls"}:
        assert f"\n  {name}: " in failed
    assert "failing_format" in listing.split("Failed plugins:")[0]  # its format loaded; only its calls fail
    assert main(["plugins", "--check"], io.StringIO(), err) == 1
    assert main(["--disable-plugin", "broken_import", "plugins"], out, err) == 0

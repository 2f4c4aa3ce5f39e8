"""The broken fixture package installed for real, found through its entry points by a fresh process.

It is installed with ``pip --target`` into a temporary folder put on PYTHONPATH for the
subprocesses only, so the shared environment never sees it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kfcompare.testing import install_plugin, run_kfcompare

ROOT = Path(__file__).resolve().parent.parent
BROKEN = ROOT / "tests" / "fixtures" / "broken_plugins" / "kfcompare-broken"
REPORT = ROOT / "examples" / "sodermalm_t1_2020.txt"


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    tmp = tmp_path_factory.mktemp("broken_plugins")
    site = tmp / "site"
    install_plugin(BROKEN, tmp, "--target", str(site))
    assert (site / "kfcompare_broken-0.0.1.dist-info" / "entry_points.txt").is_file()
    return {"PYTHONPATH": str(site)}


def test_plugins_command_shows_each_failed_plugin(env: dict[str, str]) -> None:
    listing = run_kfcompare("plugins", env=env).stdout
    failed = listing.split("Failed plugins:")[1]
    assert "broken_import: import: ModuleNotFoundError" in failed
    assert "broken_hook: kfcompare_input_formats: RuntimeError: hook exploded" in failed
    assert "garbage: kfcompare_outputs: returned dict" in failed
    assert "old_contract: contract: written for plugin contract 0" in failed
    assert "entry point (kfcompare-broken 0.0.1)" in listing  # failing_calls loaded; its calls fail later
    assert run_kfcompare("plugins", "--check", env=env, check=False).returncode == 1


def test_builtins_still_parse_and_failures_are_warned_by_name(env: dict[str, str]) -> None:
    result = run_kfcompare("parse", REPORT, "--format", "json", env=env)
    [report] = json.loads(result.stdout)
    assert report["format"] == "ils2020" and report["district"] == "Södermalm"
    for name in ("broken_import", "broken_hook", "garbage", "old_contract", "failing_calls"):
        assert f"warning: plugin '{name}' failed" in result.stderr
    assert "score (failing_format): ValueError: score exploded" in result.stderr


def test_disabled_plugins_are_silent(env: dict[str, str]) -> None:
    disabled = {"KFCOMPARE_DISABLE_PLUGINS": "broken_import,broken_hook,garbage,old_contract"}
    result = run_kfcompare("--disable-plugin", "failing_calls", "parse", REPORT, "--format", "json", env={**env, **disabled})
    assert "plugin" not in result.stderr
    listing = run_kfcompare("--disable-plugin", "kfcompare-broken", "plugins", "--check", env=env).stdout
    assert "Failed plugins" not in listing  # disabling the distribution disables all its entry points

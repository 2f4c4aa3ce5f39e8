"""Built-in plugins go by words users type; the earlier module names still switch them off."""

from __future__ import annotations

import pytest

from kfcompare._plugins import BUILTIN_ALIASES, load_registry


def test_builtin_plugin_names_are_words() -> None:
    registry = load_registry(entry_points=False)
    assert [p.name for p in registry.plugins] == ["ils2020", "vp2012", "pdf", "json", "table", "xlsx", "compare-table", "long-table"]
    assert registry.outputs["json"].plugin == "json" and registry.outputs["compare-csv"].plugin == "long-table"


@pytest.mark.parametrize(("old", "new", "output"), [("json_output", "json", "json"), ("compare_long", "long-table", "compare-csv")])
def test_old_module_names_still_disable(old: str, new: str, output: str) -> None:
    assert BUILTIN_ALIASES[old] == new
    for name in (old, new):
        registry = load_registry([name], entry_points=False)
        assert output not in registry.outputs and new not in {p.name for p in registry.plugins}
        assert "table" in registry.outputs  # only that one plugin is off

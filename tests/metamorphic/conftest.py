"""The full metamorphic sweep runs only when asked for: ``pytest -m metamorphic_full``."""

from __future__ import annotations

import pytest


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if "metamorphic_full" in (config.getoption("markexpr", "") or ""):
        return
    skip = pytest.mark.skip(reason="full metamorphic sweep: run with -m metamorphic_full")
    for item in items:
        if item.get_closest_marker("metamorphic_full"):
            item.add_marker(skip)

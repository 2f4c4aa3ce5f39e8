"""``kfcompare --help`` loads no plugin, model or engine, and loading the plugins does not load
the workbook libraries: a command pays only for what it uses (the time is in benchmarks/)."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("openpyxl", "xlsxwriter", "tabulate", "pluggy", "attrs", "kfcompare.model", "kfcompare.compare", "kfcompare._plugins")


def _loaded_after(code: str) -> set[str]:
    probe = f"{code}\nimport sys\nprint('\\n'.join(sorted(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return set(result.stdout.split())


def test_help_imports_nothing_heavy() -> None:
    loaded = _loaded_after(
        "from kfcompare._cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit as exit:\n    assert exit.code == 0"
    )
    assert "kfcompare._cli.arguments" in loaded
    assert not [name for name in HEAVY if name in loaded]


def test_loading_the_plugins_leaves_the_workbook_libraries_alone() -> None:
    loaded = _loaded_after("from kfcompare._plugins import load_registry\nassert 'xlsx' in load_registry(entry_points=False).outputs")
    assert "kfcompare.default_plugins.xlsx" in loaded
    assert not {"openpyxl", "xlsxwriter", "kfcompare.default_plugins.xlsx.workbook"} & loaded

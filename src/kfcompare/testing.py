"""Helpers for testing plugins from the outside, the way a user meets them.

A plugin's tests should install the package for real (so its entry point is what
kfcompare finds) and run the ``kfcompare`` command in a subprocess (so a fresh process
loads the plugins). These three helpers do that; docs/plugins.md shows them in use.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import shutil
import subprocess
import sys
from collections.abc import Mapping
from importlib import metadata
from pathlib import Path
from typing import Any

from ._plugins import DISABLE_ENV, ENTRY_POINT_GROUP

__all__ = ["install_plugin", "only_entry_points", "run_kfcompare"]


def install_plugin(package: str | Path, tmp: str | Path, *pip_args: str) -> dict[str, str]:
    """pip-install a copy of the plugin at ``package`` into a folder under ``tmp``, never into
    this interpreter's environment, and return the environment that finds it
    (``{"PYTHONPATH": folder}``) for ``run_kfcompare(..., env=...)``.

    The copy (made under ``tmp``) keeps setuptools' build files out of the source tree.
    Without build isolation when the environment can build offline (``wheel`` installed),
    with it otherwise. ``pip_args`` go to pip; ``"--target", DIR`` chooses the folder.
    """
    source = Path(package)
    copy = shutil.copytree(source, Path(tmp) / source.name, ignore=shutil.ignore_patterns("build", "*.egg-info", "tests"))
    offline = importlib.util.find_spec("wheel") is not None  # setuptools < 70.1 builds wheels with it
    flags = ["--no-deps", "--no-build-isolation"] if offline else ["--no-deps"]
    args = list(pip_args)
    if "--target" not in args:
        args += ["--target", str(Path(tmp) / "site")]
    site = args[args.index("--target") + 1]
    command = [sys.executable, "-m", "pip", "install", "-q", "--force-reinstall", *flags, *args, str(copy)]
    subprocess.run(command, check=True)
    importlib.invalidate_caches()
    return {"PYTHONPATH": os.pathsep.join(filter(None, [site, os.environ.get("PYTHONPATH", "")]))}


def run_kfcompare(
    *args: str | Path, env: Mapping[str, str] | None = None, check: bool = True
) -> subprocess.CompletedProcess[str]:
    """``python -m kfcompare ARGS`` in a fresh process; ``check`` asserts exit 0 and shows stderr if not.

    ``env`` is added to this process's environment (without KFCOMPARE_DISABLE_PLUGINS).
    """
    environ = {k: v for k, v in os.environ.items() if k != DISABLE_ENV}
    environ.update(env or {})
    result = subprocess.run(
        [sys.executable, "-m", "kfcompare", *map(str, args)], capture_output=True, text=True, env=environ
    )
    if check and result.returncode != 0:
        raise AssertionError(f"kfcompare {' '.join(map(str, args))} exited {result.returncode}:\n{result.stderr}")
    return result


def only_entry_points(monkeypatch: Any, plugins: Mapping[str, str]) -> None:
    """For one pytest test: make ``plugins`` (entry-point name -> module) the only plugins installed.

    Replaces ``importlib.metadata.entry_points`` through pytest's ``monkeypatch`` so an
    in-process test sees exactly these, whatever else the environment holds.
    """
    monkeypatch.delenv(DISABLE_ENV, raising=False)
    points = [metadata.EntryPoint(name=name, value=value, group=ENTRY_POINT_GROUP) for name, value in plugins.items()]

    def entry_points(**selection: str) -> list[metadata.EntryPoint]:
        return [ep for ep in points if selection.get("group") in (None, ep.group)]

    monkeypatch.setattr(metadata, "entry_points", entry_points)
    for module in plugins.values():  # import afresh in each test
        monkeypatch.delitem(sys.modules, module, raising=False)

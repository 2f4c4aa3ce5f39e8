"""Finding, loading and isolating plugins.

Entry points are loaded one by one (not with pluggy's ``load_setuptools_entrypoints``,
which stops at the first plugin that fails to import), and every hook is called one
plugin at a time, so a broken plugin is reported by name and the rest keep working.
Built-ins are ordinary plugins registered through the same hooks; any plugin, built-in or
not, can be disabled by name with ``--disable-plugin`` or ``KFCOMPARE_DISABLE_PLUGINS``.

What a plugin hands back is checked before it is used (right class, callables callable,
names unique, hook names known, contract version matching), because a mistake found here
is reported with the plugin's name while one found mid-parse would look like kfcompare's.

Third-party plugin code runs under ``plugin_call``: whatever it raises (``SystemExit``
too, everything but the user's Ctrl-C) is the plugin's failure, and it gets
``KFCOMPARE_PLUGIN_TIMEOUT`` seconds (default 60) per call — import, hook, score, parse,
render — before it is stopped and reported, so a hanging plugin cannot hang a command.
"""

from __future__ import annotations

import contextlib
import functools
import importlib
import math
import os
import signal
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from importlib import metadata
from typing import Any, TypeVar

import pluggy
from attrs import define, evolve, field, frozen

from . import hookspecs
from .hookspecs import InputFormat, Output

ENTRY_POINT_GROUP = "kfcompare"
DISABLE_ENV = "KFCOMPARE_DISABLE_PLUGINS"
TIMEOUT_ENV = "KFCOMPARE_PLUGIN_TIMEOUT"
#: seconds a third-party plugin's call may take unless KFCOMPARE_PLUGIN_TIMEOUT says otherwise (0: no limit)
DEFAULT_TIMEOUT = 60.0


class PluginTimeout(BaseException):
    """Raised inside plugin code that ran past its time; a BaseException so ``except Exception`` in the plugin cannot swallow it."""


def plugin_timeout() -> float:
    raw = os.environ.get(TIMEOUT_ENV, "").strip()
    try:
        seconds = float(raw) if raw else DEFAULT_TIMEOUT
    except ValueError:
        return DEFAULT_TIMEOUT
    return seconds if math.isfinite(seconds) and seconds > 0 else 0.0


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise PluginTimeout in the code run inside after ``seconds`` (main thread only; 0: no limit)."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def expired(signum: int, frame: object) -> None:
        raise PluginTimeout(f"ran longer than {seconds:g} s ({TIMEOUT_ENV})")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)

#: plugin name -> module, registered before any entry point: the built-in formats and outputs
BUILTIN_PLUGINS: dict[str, str] = {
    "ils2020": "kfcompare.default_plugins.ils2020",
    "vp2012": "kfcompare.default_plugins.vp2012",
    "pdf": "kfcompare.default_plugins.pdf",
    "json": "kfcompare.default_plugins.json_export",
    "table": "kfcompare.default_plugins.report_table",
    "xlsx": "kfcompare.default_plugins.xlsx",
    "compare-table": "kfcompare.default_plugins.comparison_table",
    "long-table": "kfcompare.default_plugins.long_table_export",
}

#: earlier built-in plugin names (module names), still accepted by ``--disable-plugin``
BUILTIN_ALIASES: dict[str, str] = {
    "json_output": "json",
    "table_output": "table",
    "xlsx_output": "xlsx",
    "compare_table": "compare-table",
    "compare_long": "long-table",
}

T = TypeVar("T", InputFormat, Output)


@frozen
class PluginInfo:
    name: str
    origin: str  # "built-in" or "entry point (dist version)"
    module: str


@frozen
class PluginFailure:
    """A plugin that failed: at import, in a hook, or inside a format's or output's callable."""

    plugin: str
    stage: str
    error: str

    def __str__(self) -> str:
        return f"plugin {self.plugin!r} failed at {self.stage}: {self.error}"


@define
class Registry:
    """The loaded plugins and what they provide."""

    manager: pluggy.PluginManager
    plugins: list[PluginInfo] = field(factory=list)
    formats: dict[str, InputFormat] = field(factory=dict)
    outputs: dict[str, Output] = field(factory=dict)
    failures: list[PluginFailure] = field(factory=list)
    disabled: tuple[str, ...] = ()
    #: names of the built-in plugins: trusted, so neither time-limited nor blamed for a bug
    builtins: frozenset[str] = frozenset(BUILTIN_PLUGINS)
    #: seconds a third-party plugin's call may take (0: no limit)
    timeout: float = field(factory=plugin_timeout)

    def fail(self, plugin: str, stage: str, error: BaseException | str) -> None:
        text = error if isinstance(error, str) else f"{type(error).__name__}: {error}"
        failure = PluginFailure(plugin, stage, text)
        if failure not in self.failures:  # the same fault on every file is one report
            self.failures.append(failure)

    def guarded(self, plugin: str, stage: str, call: Callable[[], Any], default: Any = None) -> Any:
        """Run a plugin's callable; on an exception record it and return ``default``."""
        try:
            with self.plugin_call(plugin):
                return call()
        except KeyboardInterrupt:
            raise
        except BaseException as exc:  # noqa: BLE001 - isolation is the point: SystemExit too
            self.fail(plugin, stage, exc)
            return default

    def is_builtin(self, plugin: str) -> bool:
        return plugin in self.builtins

    def plugin_call(self, plugin: str) -> contextlib.AbstractContextManager[None]:
        """The time limit for one call into ``plugin``'s code; built-ins are not limited."""
        return contextlib.nullcontext() if self.is_builtin(plugin) else time_limit(self.timeout)

    def output_for(self, command: str) -> list[Output]:
        return [o for o in self.outputs.values() if command in o.commands]


def disabled_from_env(environ: dict[str, str] | None = None) -> tuple[str, ...]:
    raw = (environ if environ is not None else os.environ).get(DISABLE_ENV, "")
    return tuple(name.strip() for name in raw.split(",") if name.strip())


def load_registry(
    disable: Iterable[str] = (),
    *,
    builtins: Mapping[str, str] = BUILTIN_PLUGINS,
    entry_points: bool = True,
    extra: Iterable[tuple[str, object]] = (),
    on_load: Callable[[str], None] | None = None,
) -> Registry:
    """Load built-ins, entry-point plugins and ``extra`` (name, plugin) pairs.

    ``on_load`` is told each third-party plugin before it is imported, so a plugin that
    hangs there can be seen (``kfcompare plugins``) and then disabled by name."""
    manager = pluggy.PluginManager(hookspecs.PROJECT)
    manager.add_hookspecs(hookspecs)
    disabled = tuple(dict.fromkeys([*disable, *disabled_from_env()]))
    registry = Registry(manager=manager, disabled=disabled, builtins=frozenset(builtins))
    for name in disabled:
        manager.set_blocked(name)

    off = {BUILTIN_ALIASES.get(name, name) for name in disabled}
    for short, module_name in dict(builtins).items():
        if short in off or module_name in disabled:
            continue
        plugin = registry.guarded(short, "import", functools.partial(importlib.import_module, module_name))
        if plugin is not None:
            _register(registry, short, plugin, PluginInfo(short, "built-in", module_name))

    if entry_points:
        for ep in _entry_points():
            dist = getattr(ep, "dist", None)
            if ep.name in disabled or (dist is not None and dist.name in disabled):
                continue
            if manager.has_plugin(ep.name):
                registry.fail(ep.name, "import", f"the name is taken by another plugin; entry point {ep.value} skipped")
                continue
            origin = f"entry point ({dist.name} {dist.version})" if dist else "entry point"
            if on_load is not None:
                on_load(f"{ep.name} ({ep.value}, {origin})")
            plugin = registry.guarded(ep.name, "import", ep.load)
            if plugin is None:
                continue
            _register(registry, ep.name, plugin, PluginInfo(ep.name, origin, ep.value))

    for name, plugin in extra:
        if name not in disabled:
            _register(registry, name, plugin, PluginInfo(name, "given", repr(plugin)))

    _collect(registry, "kfcompare_input_formats", InputFormat, registry.formats)
    _collect(registry, "kfcompare_outputs", Output, registry.outputs)
    return registry


def _entry_points() -> list[metadata.EntryPoint]:
    return sorted(metadata.entry_points(group=ENTRY_POINT_GROUP), key=lambda ep: ep.name)


def _register(registry: Registry, name: str, plugin: object, info: PluginInfo) -> None:
    refused = _contract_problem(plugin)
    if refused:
        registry.fail(name, "contract", refused)
        return
    unknown = _unknown_hooks(plugin)
    if unknown:
        registry.fail(name, "register", unknown)  # its known hooks still run
    try:
        registry.manager.register(plugin, name=name)
    except Exception as exc:  # noqa: BLE001 - e.g. a hook with a wrong signature
        registry.fail(name, "register", exc)
        if registry.manager.has_plugin(name):  # pragma: no cover - pluggy validates first
            registry.manager.unregister(name=name)
        return
    registry.plugins.append(info)


def _contract_problem(plugin: object) -> str | None:
    """A plugin may declare ``KFCOMPARE_CONTRACT``; a different version is refused, not half-run."""
    wanted = getattr(plugin, "KFCOMPARE_CONTRACT", hookspecs.CONTRACT_VERSION)
    if wanted != hookspecs.CONTRACT_VERSION:
        return f"written for plugin contract {wanted!r}, this kfcompare has {hookspecs.CONTRACT_VERSION}"
    return None


def _unknown_hooks(plugin: object) -> str | None:
    """pluggy accepts hooks it has no spec for and never calls them: a typo would fail silently."""
    known = set(hookspec_names())
    unknown = [
        name
        for name in dir(plugin)
        if name.startswith(f"{hookspecs.PROJECT}_") and name not in known
        and hasattr(getattr(plugin, name, None), f"{hookspecs.PROJECT}_impl")
    ]
    return f"unknown hook(s) {', '.join(unknown)} (known: {', '.join(sorted(known))})" if unknown else None


def hookspec_names() -> list[str]:
    """Every hook of the contract, for ``kfcompare plugins`` and the documentation check."""
    return [name for name in dir(hookspecs) if hasattr(getattr(hookspecs, name), f"{hookspecs.PROJECT}_spec")]


def _collect(registry: Registry, hook_name: str, kind: type[T], into: dict[str, T]) -> None:
    hook = getattr(registry.manager.hook, hook_name)
    # pluggy keeps hookimpls in registration order (and calls them last first): built-ins come first
    for impl in hook.get_hookimpls():
        name = impl.plugin_name
        result = registry.guarded(name, hook_name, impl.function)
        if result is None:
            continue
        items = result if isinstance(result, (list, tuple)) else None
        if items is None:
            registry.fail(name, hook_name, f"returned {type(result).__name__}, expected a list of {kind.__name__}")
            continue
        for item in items:
            problem = _item_problem(item, kind)
            if problem:
                registry.fail(name, hook_name, f"returned {item!r}: {problem}")
                continue
            if item.name in into:
                registry.fail(name, hook_name, f"{kind.__name__} {item.name!r} is already provided by {into[item.name].plugin!r}")
                continue
            into[item.name] = _with_plugin(item, name)


#: the fields of each description that kfcompare calls
_CALLABLES = {InputFormat: ("score", "parse"), Output: ("render",)}


def _item_problem(item: object, kind: type[T]) -> str | None:
    """Why a description cannot be used, or None; attrs does not check types at run time."""
    if not isinstance(item, kind):
        return f"expected {kind.__name__}"
    if not isinstance(item.name, str) or not item.name.strip():
        return "its name must be a non-empty string"
    not_callable = [f for f in _CALLABLES[kind] if not callable(getattr(item, f))]
    if not_callable:
        return f"{', '.join(not_callable)} not callable"
    if isinstance(item, Output) and (
        isinstance(item.commands, str) or not all(isinstance(c, str) for c in item.commands)
    ):
        return "commands must be a tuple of command names"
    return None


def _with_plugin(item: T, plugin: str) -> T:
    return evolve(item, plugin=plugin)

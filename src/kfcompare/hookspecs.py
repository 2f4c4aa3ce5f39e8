"""The plugin contract: every hook a plugin may implement.

Built-in formats and outputs implement these same hooks (see ``kfcompare.default_plugins``),
the way pytest registers its own parts as plugins. Third-party plugins are found through
the ``kfcompare`` entry-point group.

Each hook returns *descriptions* (InputFormat, Output) holding the callables, rather than
being called per file, so that one format's scoring and parsing cannot disagree on its
name, and so that kfcompare can call each plugin's callable on its own and keep going when
one of them fails.

The contract is versioned by ``CONTRACT_VERSION``: fields and hooks are only ever added
within a version (with defaults, so older plugins keep working); a removal or a change of
meaning bumps it. A plugin module may set ``KFCOMPARE_CONTRACT = 1`` to say which version it
was written for; kfcompare then refuses it, by name, under any other version instead of
calling it with arguments it does not expect. docs/plugins.md is the guide; a test checks
that it documents every hook and field below.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import pluggy
from attrs import field, frozen

if TYPE_CHECKING:  # pragma: no cover
    from ._source import Source
    from .compare.result import Comparison
    from .model import Report

PROJECT = "kfcompare"
#: bumped on any incompatible change to the hooks or the classes below
CONTRACT_VERSION = 1

hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@frozen
class ParseOptions:
    """What the user said about the reports (``--district`` …).

    kfcompare applies these to every report a format returns, and records them as given;
    a format may use them as hints (e.g. where its file has no metadata) but need not.
    """

    #: the district (stadsdel) as the user named it
    district: str | None = None
    #: the unit (enhet) for unit-level reports
    unit: str | None = None
    #: "VP", "T1", "T2" or "VB" (any case)
    kind: str | None = None
    #: the report's year
    year: int | None = None


@frozen
class InputFormat:
    """A report layout a plugin can read.

    Every format scores every file; the highest score above ``parsing.THRESHOLD`` wins,
    and a tie is an error, so a score says how sure, not merely whether.
    """

    #: unique among installed formats; what ``--input-format NAME`` and ``Report.format`` say
    name: str
    #: one line for ``kfcompare plugins``
    description: str
    #: ``score(source) -> float`` from 0.0 (not mine) to 1.0 (certainly mine); cheap, and it
    #: must not raise on any bytes (a raise counts as 0 and is reported against the plugin)
    score: Callable[[Source], float]
    #: ``parse(source, options) -> [Report, …]`` (one file may hold several reports); raises
    #: ``kfcompare.ParseError`` naming the line for a file it cannot read; any other
    #: exception is reported as the plugin's failure
    parse: Callable[[Source, ParseOptions], Sequence[Report]]
    #: filled in by the plugin manager: the plugin that registered the format
    plugin: str = field(default="", eq=False)


@frozen
class RenderContext:
    """What an output gets: the reports and the options of the command that runs it."""

    #: the parsed reports, in the order the files were given
    reports: tuple[Report, ...]
    #: the command that renders: "parse" or "compare"
    command: str
    #: command-specific extras (``aliases``, ``catalogue``, ``period``, ``district``, ``into``
    #: for "compare"); look keys up with .get()
    options: dict[str, Any] = field(factory=dict, eq=False)
    #: the comparison of ``reports`` under those options, computed once by the command
    #: ("compare", "check"); None for "parse". ``kfcompare.compare.comparison_of(context)``
    #: returns it, or computes it when a context was built without one.
    comparison: Comparison | None = field(default=None, eq=False)


@frozen
class Output:
    """A way to render reports: text for the terminal or a file's bytes.

    kfcompare writes the result atomically, so a failing render leaves nothing behind.
    """

    #: unique among installed outputs; what ``--format NAME`` says
    name: str
    #: one line for ``kfcompare plugins``
    description: str
    #: ``render(context) -> str | bytes``: ``str`` is printed (or written as UTF-8), ``bytes``
    #: written to the ``-o`` file; an exception is reported as the plugin's failure
    render: Callable[[RenderContext], str | bytes]
    #: the commands the output serves ("parse", "compare", "check")
    commands: tuple[str, ...] = ("parse",)
    #: file suffix used to pick the output from ``-o name.suffix`` when --format is not given
    suffix: str | None = None
    #: True when the result is a file's bytes and cannot go to a terminal
    binary: bool = False
    #: filled in by the plugin manager: the plugin that registered the output
    plugin: str = field(default="", eq=False)


@hookspec
def kfcompare_input_formats() -> Sequence[InputFormat]:
    """Return the input formats this plugin provides, as a list (empty for none).

    Called once when kfcompare loads its plugins, before any file is read. A raise, or a
    result that is not a list of InputFormat, is reported against the plugin and the
    plugin's formats are left out; every other plugin keeps working.
    """
    raise NotImplementedError


@hookspec
def kfcompare_outputs() -> Sequence[Output]:
    """Return the outputs (renderers) this plugin provides, as a list (empty for none).

    Called once at load time, isolated like ``kfcompare_input_formats``.
    """
    raise NotImplementedError

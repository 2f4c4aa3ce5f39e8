"""The plugin contract: every hook a plugin may implement.

Built-in formats and outputs implement these same hooks (see ``kfcompare.formats`` and
``kfcompare.outputs``), the way pytest registers its own parts as plugins. Third-party
plugins are found through the ``kfcompare`` entry-point group.

Each hook returns *descriptions* (InputFormat, Output) holding the callables, rather than
being called per file, so that one format's scoring and parsing cannot disagree on its
name, and so that kfcompare can call each plugin's callable on its own and keep going when
one of them fails.

The contract is versioned by ``CONTRACT_VERSION``; a plugin that needs a newer contract
can check it at import time.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import pluggy
from attrs import field, frozen

if TYPE_CHECKING:  # pragma: no cover
    from .model import Report
    from .source import Source

PROJECT = "kfcompare"
#: bumped on any incompatible change to the hooks or the classes below
CONTRACT_VERSION = 1

hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@frozen
class ParseOptions:
    """What the user said about the reports, overriding what the text says."""

    district: str | None = None
    unit: str | None = None
    kind: str | None = None
    year: int | None = None


@frozen
class InputFormat:
    """A report layout a plugin can read.

    ``score(source)`` returns how sure the format is that it reads this file, from 0.0
    (not mine) to 1.0 (certainly mine); it must be cheap and must not raise on any text.
    ``parse(source, options)`` returns one or more Reports (one file may hold several);
    it raises ``kfcompare.errors.ParseError`` for a text it cannot read.
    """

    name: str
    description: str
    score: Callable[[Source], float]
    parse: Callable[[Source, ParseOptions], Sequence[Report]]
    #: filled in by the plugin manager: the plugin that registered the format
    plugin: str = field(default="", eq=False)


@frozen
class RenderContext:
    """What an output gets: the reports and the options of the command that runs it."""

    reports: tuple[Report, ...]
    command: str  # "parse" or "compare"
    options: dict[str, Any] = field(factory=dict, eq=False)


@frozen
class Output:
    """A way to render reports: text for the terminal or a file's bytes.

    ``render(context)`` returns ``str`` (printed, or written as UTF-8) or ``bytes``
    (written to the output file). kfcompare writes it atomically, so a failing render
    leaves nothing behind.
    """

    name: str
    description: str
    render: Callable[[RenderContext], str | bytes]
    #: the commands the output serves ("parse", "compare", "check")
    commands: tuple[str, ...] = ("parse",)
    #: file suffix used to pick the output from ``-o name.suffix`` when --format is not given
    suffix: str | None = None
    #: True when the result is a file's bytes and cannot go to a terminal
    binary: bool = False
    plugin: str = field(default="", eq=False)


@hookspec
def kfcompare_input_formats() -> Sequence[InputFormat]:
    """Return the input formats this plugin provides."""
    raise NotImplementedError


@hookspec
def kfcompare_outputs() -> Sequence[Output]:
    """Return the outputs (renderers) this plugin provides."""
    raise NotImplementedError

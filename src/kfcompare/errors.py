"""The one exception hierarchy: everything kfcompare raises on purpose is a KfcompareError.

The CLI turns these into a one-line message and an exit code (``kfcompare._cli.exit_codes``
maps the classes to codes); anything else escaping is a bug.
"""

from __future__ import annotations

from collections.abc import Sequence


class KfcompareError(Exception):
    """Base class; ``str()`` is the message a user sees."""


class InputError(KfcompareError):
    """A file that cannot be read as a report. Names the file, and the line when known."""

    def __init__(self, path: str, message: str, line: int | None = None) -> None:
        self.path = path
        self.line = line
        self.message = message
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {message}")


class UnrecognisedFormat(InputError):
    """No format, or more than one equally, claims a text."""

    def __init__(self, path: str, scores: Sequence[tuple[str, float]], message: str) -> None:
        self.scores = tuple(scores)
        listed = ", ".join(f"{name}={score:.2f}" for name, score in self.scores) or "inga format"
        super().__init__(path, f"{message} (poäng: {listed})")


class ParseError(InputError):
    """A format recognised a text but could not make a report of it."""


class BatchError(KfcompareError):
    """Some files of a run could not be read; each was reported on its own before this."""


class StrictModeError(KfcompareError):
    """--strict was given and parsing produced warnings."""


class PluginError(KfcompareError):
    """A plugin failed to load or misbehaved; names the plugin."""

    def __init__(self, plugin: str, message: str) -> None:
        self.plugin = plugin
        super().__init__(f"plugin {plugin!r}: {message}")


class OutputError(KfcompareError):
    """An output could not be written; nothing half-written is left behind."""


class UsageError(KfcompareError):
    """Arguments that do not fit together."""


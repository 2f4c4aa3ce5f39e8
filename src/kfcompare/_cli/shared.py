"""What the subcommands share: reading options, metadata overrides, reading many files,
choosing an output and writing it."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TextIO

from .._atomic import check_destination, write_atomic
from .._batch import progress_stream, read_many
from .._escaping import printable
from .._plugins import Registry
from ..errors import BatchError, KfcompareError, PluginError, StrictModeError, UsageError
from ..default_plugins.console_text import console_width
from ..hookspecs import Output, ParseOptions, RenderContext
from ..model import Report
from ..parsing import candidate_files


def parse_options(args: argparse.Namespace) -> ParseOptions:
    return ParseOptions(district=args.district, unit=args.unit, kind=args.kind, year=args.year)


def read_reports(
    args: argparse.Namespace,
    registry: Registry,
    err: TextIO,
    options: ParseOptions | None = None,
    keep: Callable[[list[Report]], list[Report]] | None = None,
    warn: bool = True,
) -> list[Report]:
    """Parse every file; report each file's error and go on, then fail if any failed.

    ``options`` defaults to the metadata overrides given on the command line. ``keep``
    chooses the reports the command uses (it may raise UsageError), before any warning is
    printed, so a report filtered out is not warned about; ``warn=False`` when the output
    itself shows the warnings on standard output."""
    candidates = candidate_files(args.paths)
    files = [path for path, _ in candidates]
    if not files:
        raise UsageError(f"inga rapportfiler i {', '.join(map(str, args.paths))}")
    batch = read_many(
        files,
        parse_options(args) if options is None else options,
        input_format=args.input_format,
        registry=registry,
        jobs=max(1, getattr(args, "jobs", 1) or 1),
        disabled=registry.disabled,
        progress=progress_stream(err),
        optional={path for path, in_folder in candidates if in_folder},
    )
    for message in batch.skipped:
        say(err, f"hoppade över, inte en rapport: {message}")
    if not batch.reports and not batch.errors:
        raise UsageError(f"inga rapporter i {', '.join(map(str, args.paths))}: alla filer hoppades över")
    for message in batch.errors:
        say(err, message)
    for failure in registry.failures:
        say(err, f"warning: {failure}")
    if batch.errors:
        raise BatchError(f"{len(batch.errors)} av {batch.files} fil(er) kunde inte läsas; inget skrevs")
    reports = keep(batch.reports) if keep is not None else batch.reports
    warned = [(r, w) for r in reports for w in r.warnings]
    for report, warning in warned if warn else ():
        line = f":{warning.line}" if warning.line is not None else ""
        say(err, f"varning: {warning.path or report.source.path}{line}: {warning.message}")
    if warned and getattr(args, "strict", False):
        raise StrictModeError(f"{len(warned)} varning(ar) och --strict gavs; inget skrevs")
    return reports


def choose_output(
    registry: Registry, command: str, name: str | None, output: str | None, default: str, check_suffix: bool = True
) -> Output:
    """The output to use: ``--format`` NAME, else the one serving the ``-o`` suffix, else
    ``default``. A suffix no output serves, or one that contradicts ``--format``, is an
    error before anything is read, so ``-o jam.xls`` never gets console text."""
    if output:
        check_destination(output)
    candidates = {o.name: o for o in registry.output_for(command)}
    suffix = Path(output).suffix.lower() if output and check_suffix else ""
    if name is None and suffix:
        by_suffix = [o for o in candidates.values() if o.suffix == suffix]
        if not by_suffix:
            raise UsageError(f"-o {output}: {command} skriver inga {suffix}-filer; {_served(candidates.values())}")
        return by_suffix[0]
    name = name or default
    if name not in candidates:
        known = ", ".join(sorted(candidates)) or "inga"
        raise UsageError(f"--format {name}: finns inte för '{command}' (välj bland: {known})")
    chosen = candidates[name]
    if suffix and chosen.suffix and suffix != chosen.suffix:
        raise UsageError(f"-o {output}: --format {name} skriver {chosen.suffix}-filer, inte {suffix}; {_served(candidates.values())}")
    return chosen


def _served(outputs: Iterable[Output]) -> str:
    pairs = sorted(f"{o.suffix} ({o.name})" for o in outputs if o.suffix)
    return f"välj en av {', '.join(pairs)}" if pairs else "inga utdata skriver filer"


def emit(output: Output, context: RenderContext, destination: str | None, out: TextIO, registry: Registry) -> None:
    """Render and write; a failing or misbehaving third-party renderer is reported by name."""
    if destination is None and output.binary:
        raise UsageError(f"--format {output.name} skriver en fil; ange -o FIL")
    if destination is None:  # console outputs fit the terminal (100 columns when it is not one)
        context.options.setdefault("width", console_width(out))
    builtin = registry.is_builtin(output.plugin)
    try:
        with registry.plugin_call(output.plugin):
            result = output.render(context)
    except (KfcompareError, KeyboardInterrupt):
        raise
    except BaseException as exc:  # SystemExit from a plugin is its failure, not the end of the run
        if builtin:
            raise
        raise PluginError(output.plugin, f"output {output.name!r} failed: {type(exc).__name__}: {exc}") from exc
    text = _checked_result(output, result, as_text=destination is None)
    if destination is None:
        out.write(text)
    else:
        write_atomic(destination, result, inputs=[report.source.path for report in context.reports])


def _checked_result(output: Output, result: object, *, as_text: bool) -> str:
    """The text to print (empty when writing a file); what cannot be written is the plugin's error."""
    if not isinstance(result, (str, bytes)):
        raise PluginError(output.plugin, f"output {output.name!r} returned {type(result).__name__}, expected str or bytes")
    try:
        if isinstance(result, str):
            result.encode("utf-8")  # lone surrogates cannot be written
            return result if as_text else ""
        return result.decode("utf-8") if as_text else ""
    except UnicodeError as exc:
        raise PluginError(output.plugin, f"output {output.name!r} returned text that is not valid UTF-8: {exc}") from None


def say(err: TextIO, message: str) -> None:
    """One line on stderr: a newline in a file name or a report's text cannot start another."""
    err.write(f"kfcompare: {printable(message)}\n")

"""From a path to Reports: read, choose a format by score, parse, apply the user's overrides."""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable, Sequence
from pathlib import Path

import attrs

from .errors import InputError, KfcompareError, ParseError, PluginError, UnrecognisedFormat
from .hookspecs import InputFormat, ParseOptions
from ._model_check import model_problem
from .model import Kind, Origin, ParseWarning, Report
from ._plugins import Registry, load_registry
from ._source import Source, read_source
from .name_checks import name_warnings

#: a format must score above this to be chosen without --input-format
THRESHOLD = 0.3

_registry: Registry | None = None


def default_registry() -> Registry:
    """The registry of installed plugins, loaded once per process."""
    global _registry
    if _registry is None:
        _registry = load_registry()
    return _registry


def score_formats(source: Source, registry: Registry) -> list[tuple[str, float]]:
    """Every format's score for a source, best first; a failing scorer counts as 0."""
    scores = []
    for fmt in registry.formats.values():
        score = registry.guarded(fmt.plugin, f"score ({fmt.name})", functools.partial(fmt.score, source), 0.0)
        if isinstance(score, bool) or not isinstance(score, (int, float)) or not math.isfinite(score):
            registry.fail(fmt.plugin, f"score ({fmt.name})", f"returned {score!r}, expected a finite number")
            score = 0.0
        scores.append((fmt.name, max(0.0, min(1.0, float(score)))))
    return sorted(scores, key=lambda item: (-item[1], item[0]))


#: scores closer than this are a tie: two formats equally sure is a question for the user
TIE = 1e-9


def choose_format(source: Source, registry: Registry, forced: str | None = None) -> InputFormat:
    """The format named by ``forced``, else the one scoring highest above THRESHOLD.

    No score above the threshold, or two formats sharing the highest, raise
    UnrecognisedFormat listing every format with its score, so the user sees why and what
    to name with --input-format.
    """
    return _choose(source, registry, forced)[0]


def _choose(source: Source, registry: Registry, forced: str | None) -> tuple[InputFormat, str | None]:
    """The format, and a note when a built-in won a tie against a third-party format."""
    if forced is not None:
        if forced not in registry.formats:
            known = ", ".join(sorted(registry.formats)) or "none"
            raise InputError(source.path, f"okänt indataformat {forced!r} (kända: {known})")
        return registry.formats[forced], None
    scores = score_formats(source, registry)
    if not scores or scores[0][1] <= THRESHOLD:
        raise UnrecognisedFormat(source.path, scores, _unrecognised_message(source))
    tied = [name for name, score in scores if scores[0][1] - score < TIE]
    if len(tied) == 1:
        return registry.formats[tied[0]], None
    builtin = [name for name in tied if registry.is_builtin(registry.formats[name].plugin)]
    if len(builtin) != 1:
        raise UnrecognisedFormat(
            source.path, scores, f"formaten {tied[0]!r} och {tied[1]!r} gör lika starkt anspråk på texten; välj med --input-format"
        )
    others = ", ".join(repr(name) for name in tied if name != builtin[0])
    note = (
        f"formaten {builtin[0]!r} och {others} gav samma poäng ({scores[0][1]:.2f}); det inbyggda {builtin[0]!r}"
        " valdes (välj ett annat med --input-format)"
    )
    return registry.formats[builtin[0]], note


def _unrecognised_message(source: Source) -> str:
    if source.data.startswith(b"%PDF"):
        return "är en PDF, och formatet 'pdf' som läser PDF-filer är avstängt"
    if source.text is None:
        return "är en binärfil som inget installerat format läser"
    if not source.text.strip():
        return "är tom"
    return "inget format känner igen texten som en rapport"


def parse_source(
    source: Source,
    options: ParseOptions | None = None,
    *,
    input_format: str | None = None,
    registry: Registry | None = None,
) -> list[Report]:
    """Parse an already-read source into one or more Reports."""
    registry = registry or default_registry()
    options = options or ParseOptions()
    if source.text is not None and not source.text.strip() and input_format is None:
        raise InputError(source.path, "är tom" if not source.text else "innehåller bara blanktecken")
    fmt, note = _choose(source, registry, input_format)
    builtin = registry.is_builtin(fmt.plugin)
    try:
        with registry.plugin_call(fmt.plugin):
            reports = fmt.parse(source, options)
    except (KfcompareError, KeyboardInterrupt):
        raise
    except BaseException as exc:  # SystemExit from a plugin is its failure, not the end of the run
        if builtin:
            raise  # a bug in kfcompare itself: let it show
        registry.fail(fmt.plugin, f"parse ({fmt.name})", exc)
        raise PluginError(fmt.plugin, f"format {fmt.name!r} failed on {source.path}: {type(exc).__name__}: {exc}") from exc
    if not isinstance(reports, (list, tuple)) or not all(isinstance(r, Report) for r in reports):
        raise PluginError(fmt.plugin, f"format {fmt.name!r} returned {type(reports).__name__}, expected a list of Report")
    for report in () if builtin else reports:
        problem = model_problem(report)
        if problem:
            raise PluginError(fmt.plugin, f"format {fmt.name!r} returned a malformed report for {source.path}: {problem}")
    if note is not None:
        tie = ParseWarning(note, path=source.path, code="format-tie")
        reports = [attrs.evolve(r, warnings=(tie, *r.warnings)) for r in reports]
    if not reports:
        raise ParseError(source.path, f"formatet {fmt.name!r} hittade ingen rapport i filen")
    for report in reports:
        if not report.goals and not report.budget:
            raise ParseError(
                source.path,
                f"formatet {fmt.name!r} känner igen texten men hittade varken mål eller budgettabeller"
                f" (rad {report.source.first_line}-{report.source.last_line}); är rapporten hel?",
                line=report.source.first_line,
            )
    return [apply_options(name_warnings(_with_source_warnings(r, source, fmt)), options) for r in reports]


def parse_file(
    path: str | Path,
    options: ParseOptions | None = None,
    *,
    input_format: str | None = None,
    registry: Registry | None = None,
) -> list[Report]:
    """Read and parse one file; a file may hold several reports."""
    return parse_source(read_source(path), options, input_format=input_format, registry=registry)


def parse_text(text: str, path: str = "<text>", options: ParseOptions | None = None, **kwargs: object) -> list[Report]:
    """Parse a string, for library users and tests that have the text already."""
    return parse_source(Source.from_text(text, path), options, **kwargs)  # type: ignore[arg-type]


def _with_source_warnings(report: Report, source: Source, fmt: InputFormat) -> Report:
    if not source.warnings and report.format == fmt.name:
        return report
    warnings = source.warnings + report.warnings if source.warnings else report.warnings
    return attrs.evolve(report, warnings=warnings, format=fmt.name)


def apply_options(report: Report, options: ParseOptions) -> Report:
    """Given metadata wins over detected metadata; the report records which was which."""
    origins = {name: report.origin(name) for name in ("district", "unit", "kind", "year")}
    for name in ("district", "unit", "year"):
        if getattr(report, name) is not None and origins[name] is Origin.MISSING:
            origins[name] = Origin.DETECTED
    district, unit, year, kind, period = report.district, report.unit, report.year, report.kind, report.period
    if options.district:
        district = options.district
        origins["district"] = Origin.GIVEN
    if options.unit:
        unit = options.unit
        origins["unit"] = Origin.GIVEN
    if options.year:
        year = options.year
        origins["year"] = Origin.GIVEN
    if options.kind:
        kind = Kind(options.kind.upper())
        origins["kind"] = Origin.GIVEN
    elif report.kind is not None and origins["kind"] is Origin.MISSING:
        origins["kind"] = Origin.DETECTED
    if (options.year or options.kind or report.period is None) and kind is not None and year is not None:
        period = f"{kind.value} {year}"
    warnings = report.warnings
    given = {f"metadata-{name}" for name, origin in origins.items() if origin is Origin.GIVEN}
    if given:
        # a warning that asked for --unit (or --district …) is answered once the user gave it
        warnings = tuple(w for w in report.warnings if w.code not in given)
    return attrs.evolve(
        report,
        district=district,
        unit=unit,
        year=year,
        kind=kind,
        period=period,
        metadata_origin=origins,
        warnings=warnings,
    )


def report_files(paths: Iterable[str | Path]) -> list[Path]:
    """Files named, and the files in folders named (sorted, hidden files skipped)."""
    return [path for path, _ in candidate_files(paths)]


def candidate_files(paths: Iterable[str | Path]) -> list[tuple[Path, bool]]:
    """Each file with whether it was found in a folder rather than named.

    A folder may hold other things (a README, last run's workbook, a script): those are
    skipped when no format recognises them, while a named file must be a report.
    Links in a folder are not followed, so a folder cannot lead kfcompare elsewhere.
    """
    found: list[tuple[Path, bool]] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            try:
                entries = sorted(path.iterdir())
                found.extend(
                    (p, True)
                    for p in entries
                    if p.is_file() and not p.is_symlink() and not p.name.startswith((".", "~$"))
                )
            except OSError as exc:
                reason = "åtkomst nekad" if isinstance(exc, PermissionError) else exc.strerror or str(exc)
                raise InputError(str(path), f"mappen kan inte läsas: {reason}") from None
        else:
            found.append((path, False))
    return found


def parse_paths(
    paths: Sequence[str | Path],
    options: ParseOptions | None = None,
    *,
    input_format: str | None = None,
    registry: Registry | None = None,
) -> list[Report]:
    """Parse every file given (folders expanded); stops at the first error."""
    reports: list[Report] = []
    for path in report_files(paths):
        reports.extend(parse_file(path, options, input_format=input_format, registry=registry))
    return reports

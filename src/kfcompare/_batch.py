"""Reading a folder of reports: every file tried, in parallel when asked, duplicates caught.

Errors are collected per file rather than raised at the first, so a controller sees every
problem of a shared folder in one run.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import signal
import sys
from collections.abc import Collection, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any, TextIO

from attrs import define, field

from .errors import KfcompareError, UnrecognisedFormat
from ._escaping import PrintableStream, printable
from .hookspecs import ParseOptions
from .model import Report
from .parsing import parse_source
from ._plugins import PluginFailure, Registry, load_registry
from ._source import read_source


@define
class Batch:
    reports: list[Report] = field(factory=list)
    #: one message per file that could not be read, naming the file
    errors: list[str] = field(factory=list)
    #: files found in a folder that no format recognises (not reports), with the reason
    skipped: list[str] = field(factory=list)
    files: int = 0


def read_many(
    paths: Sequence[Path],
    options: ParseOptions | Sequence[ParseOptions],
    *,
    input_format: str | None = None,
    registry: Registry | None = None,
    jobs: int = 1,
    disabled: Iterable[str] = (),
    progress: TextIO | None = None,
    optional: Collection[Path] = (),
) -> Batch:
    """Parse every path; ``jobs`` > 1 parses in that many processes (same plugins, same order).

    ``options`` is one ParseOptions for all files or one per file. A file in ``optional``
    (found in a folder, not named) that no format recognises is skipped, not an error.
    """
    batch = Batch(files=len(paths))
    digests: dict[str, str] = {}
    per_file = [options] * len(paths) if isinstance(options, ParseOptions) else list(options)
    workers = min(jobs, len(paths), os.cpu_count() or 1)
    if workers > 1:
        _read_in_workers(batch, digests, paths, per_file, input_format, registry, workers, disabled, progress, optional)
    else:
        registry = registry or load_registry(disabled)
        for index, (path, file_options) in enumerate(zip(paths, per_file), 1):
            _show(progress, index, len(paths), path)
            _collect(batch, digests, path, _parse_one(path, file_options, input_format, registry), path in optional)
    if progress is not None and paths:
        progress.write("\n")
        progress.flush()
    _find_same_report(batch)
    return batch


def _read_in_workers(
    batch: Batch,
    digests: dict[str, str],
    paths: Sequence[Path],
    per_file: Sequence[ParseOptions],
    input_format: str | None,
    registry: Registry | None,
    workers: int,
    disabled: Iterable[str],
    progress: TextIO | None,
    optional: Collection[Path],
) -> None:
    """Parse in ``workers`` processes; a worker that dies (killed, out of memory) names its file.

    Each worker marks the file it starts and ends in shared memory, so when one dies the
    files it was reading are known even though the process could not say so itself."""
    states = multiprocessing.get_context().Array("b", len(paths), lock=False)
    initargs = (tuple(disabled), states)
    with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=initargs) as pool:
        futures = [
            pool.submit(_parse_one_in_worker, index, path, options, input_format)
            for index, (path, options) in enumerate(zip(paths, per_file))
        ]
        for index, (path, future) in enumerate(zip(paths, futures), 1):
            try:
                outcome, failures = future.result()
            except BrokenProcessPool:
                _worker_died(batch, paths, states)
                return
            _show(progress, index, len(paths), path)
            _collect(batch, digests, path, outcome, path in optional)
            if registry is not None:  # a plugin failing in a worker is reported like one failing here
                registry.failures.extend(f for f in failures if f not in registry.failures)


def _worker_died(batch: Batch, paths: Sequence[Path], states: Any) -> None:
    reading = [path for path, state in zip(paths, states) if state == _STARTED]
    for path in reading:
        batch.errors.append(f"{path}: lästes när en arbetsprocess (--jobs) avslutades oväntat (dödad eller slut på minne)")
    unread = sum(1 for state in states if state == _WAITING)
    if unread or not reading:
        batch.errors.append(f"{unread} fil(er) lästes inte eftersom en arbetsprocess (--jobs) avslutades oväntat")


Outcome = tuple[str, list[Report] | str, str]  # (status, reports or message, sha256)

_WAITING, _STARTED, _DONE = 0, 1, 2
_worker_registry: Registry | None = None
_worker_states: Any = None


def _init_worker(disabled: tuple[str, ...], states: Any) -> None:
    global _worker_registry, _worker_states
    # a forked worker inherits the command's SIGTERM handler; the pool ends workers with SIGTERM
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    sys.stdout = sys.stderr  # a plugin's print() must not mix with the command's output
    _worker_states = states
    _worker_registry = load_registry(disabled)


def _parse_one_in_worker(
    index: int, path: Path, options: ParseOptions, input_format: str | None
) -> tuple[Outcome, list[PluginFailure]]:
    """Parse in a worker; the plugin failures it met travel back with the result."""
    assert _worker_registry is not None
    _worker_states[index] = _STARTED
    before = len(_worker_registry.failures)
    outcome = _parse_one(path, options, input_format, _worker_registry)
    _worker_states[index] = _DONE
    return outcome, _worker_registry.failures[before:]


def _parse_one(path: Path, options: ParseOptions, input_format: str | None, registry: Registry) -> Outcome:
    # exceptions with custom constructors do not pickle; pass their message instead
    try:
        source = read_source(path)
        digest = hashlib.sha256(source.data).hexdigest()
        return "ok", parse_source(source, options, input_format=input_format, registry=registry), digest
    except UnrecognisedFormat as exc:
        return "unrecognised", str(exc), ""
    except KfcompareError as exc:
        return "error", str(exc), ""


def _collect(batch: Batch, digests: dict[str, str], path: Path, outcome: Outcome, optional: bool) -> None:
    status, payload, digest = outcome
    if status == "unrecognised" and optional:
        batch.skipped.append(str(payload))
        return
    if status != "ok":
        batch.errors.append(str(payload))
        return
    if digest in digests:
        batch.errors.append(f"{path}: the same file as {digests[digest]}; give each report once")
        return
    digests[digest] = str(path)
    assert isinstance(payload, list)
    batch.reports.extend(payload)


def _find_same_report(batch: Batch) -> None:
    seen: dict[tuple[object, ...], Report] = {}
    for report in batch.reports:
        if report.district is None or report.kind is None or report.year is None:
            continue
        key = (report.district, report.unit, report.kind, report.year, report.format)
        if key in seen and seen[key].source.path != report.source.path:
            first = seen[key]
            batch.errors.append(
                f"{report.source.path}: the same report ({report.label}) as {first.source.path}; give each report once"
            )
        seen.setdefault(key, report)


def _show(progress: TextIO | None, index: int, total: int, path: Path) -> None:
    if progress is None:
        return
    name = os.path.basename(str(path))
    progress.write(f"\r\033[Kläser {index}/{total}: {printable(name[:60])}")
    progress.flush()


def progress_stream(err: TextIO) -> TextIO | None:
    """Progress goes to stderr only when it is a terminal, never into logs or pipes.

    Its own control sequences go to the stream itself, past the escaping of ``PrintableStream``."""
    stream = err.stream if isinstance(err, PrintableStream) else err
    try:
        return stream if stream.isatty() and os.environ.get("TERM") != "dumb" else None
    except (AttributeError, ValueError):
        return None


__all__ = ["Batch", "progress_stream", "read_many"]

"""Input format "ils2020": the 2020–2021 district and unit follow-up report layout."""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from ...hookspecs import InputFormat, ParseOptions, hookimpl
from ...model import BudgetTable, Goal, Kind, ParseWarning, Provenance, Report, Section
from ..._source import Source
from ...text.lines import UNCERTAIN_JOIN, Line, gc_paused, missing_wrap_signal, read_lines
from . import economy, goal_tree, layout, metadata
from .line_kinds import LINE_KINDS, classify

NAME = "ils2020"

#: layout signals, each counted once: mixed-case markers of the 2020 ILS export. Each comes
#: with a literal it cannot match without: a substring test is far cheaper than a failing
#: multi-line search through the whole text (every other format's files are scored too).
_SIGNALS = (
    ("KF:s inriktningsmål:", re.compile(r"^\s*KF:s inriktningsmål:", re.M)),
    ("KF:s mål för verksamhetsområdet:", re.compile(r"^\s*KF:s mål för verksamhetsområdet:", re.M)),
    ("mål:", re.compile(r"^\s*(?:Nämndmål|Enhetsmål):", re.M)),
    ("Uppfylls ", re.compile(r"^\s*Uppfylls (?:helt|delvis|inte)\s*$", re.M)),
    ("Indikator Periodens", re.compile(r"^\s*Indikator Periodens", re.M)),
    ("Aktivitet Startdatum Slutdatum", re.compile(r"^\s*Aktivitet Startdatum Slutdatum", re.M)),
    ("Sammanfattande analys", re.compile(r"^\s*Sammanfattande analys\s*$", re.M)),
    ("Uppföljning av ", re.compile(r"^\s*Uppföljning av (?:Kommunfullmäktiges inriktningsmål|ekonomi)\s*$", re.M)),
)
_OLD_LAYOUT = re.compile(r"^\s*KF:s INRIKTNINGSMÅL", re.M)


def score(source: Source) -> float:
    text = source.text
    if not text:
        return 0.0
    hits = sum(1 for needle, signal in _SIGNALS if needle in text and signal.search(text))
    if hits == 0:
        return 0.0
    # upper-case 2012 markers belong to the older layout: leave that text to its format
    if "KF:s INRIKTNINGSMÅL" in text and _OLD_LAYOUT.search(text):
        return min(0.2, hits / 10)
    return min(1.0, 0.2 + hits / len(_SIGNALS))


def parse(source: Source, options: ParseOptions) -> list[Report]:
    with gc_paused():
        # one pass numbers, strips, drops page noise and classifies every line
        lines, kinds = read_lines(source.lines, LINE_KINDS, undouble=True)
        return parse_lines(lines, source.path, kinds, unsure_joins=missing_wrap_signal(lines) is not None)


def parse_lines(
    lines: Sequence[Line], path: str, kinds: Sequence[str] | None = None, *, unsure_joins: bool = False
) -> list[Report]:
    """The reports in a line stream without page noise: a text extract's, or a PDF's whose
    table rows carry their cells. ``kinds`` is ``classify(lines)`` when the caller has it:
    splitting, parts, goals and truncation read it. ``unsure_joins``: the text's line ends
    carry no break signal (``missing_wrap_signal``), so rows joined over lines are flagged."""
    kinds = classify(lines) if kinds is None else kinds
    ranges = layout.split_reports(lines, kinds)
    metas = metadata.detect_bundle([lines[start:end] for start, end in ranges], path)
    return [
        _parse_report(path, lines[start:end], kinds[start:end], meta, unsure_joins)
        for (start, end), meta in zip(ranges, metas)
    ]


def _parse_report(
    path: str, lines: Sequence[Line], kinds: Sequence[str], meta: metadata.Metadata, unsure_joins: bool = False
) -> Report:
    warnings: list[ParseWarning] = list(meta.warnings)
    unsure_from = missing_wrap_signal(lines) if unsure_joins else None
    if unsure_from is not None:
        warnings.append(
            ParseWarning(
                "radslutens mellanslag saknas i texten (eller står på varje rad): om en radbrytning "
                f"delar ett ord eller står mellan två ord kan inte avgöras, första gången på rad {unsure_from}; "
                "indikatorer vars namn eller värden fortsätter på nästa rad flaggas som osäkra",
                line=unsure_from,
                path=path,
                code=UNCERTAIN_JOIN,
            )
        )
    found_goals: list[Goal] = []
    budget: list[BudgetTable] = []
    sections: list[Section] = []
    parts = layout.report_parts(lines, path, kinds)
    for part in parts:
        chunk = lines[part.start : part.end]
        if part.kind == "goals":
            found, problems = goal_tree.parse_goals(
                chunk, path, kinds[part.start : part.end], unsure_joins=unsure_from is not None
            )
            found_goals.extend(found)
            warnings.extend(problems)
        elif part.kind == "economy":
            tables, problems = economy.parse_economy(chunk, path)
            if unsure_from is not None:
                tables = _flag_wrapped_labels(tables, chunk)
            budget.extend(tables)
            warnings.extend(problems)
        else:
            sections.append(layout.section_of(part, chunk, path))
    warnings.extend(layout.truncation_warnings(lines, path, parts, kinds))
    first = lines[0].no if lines else 1
    last = lines[-1].no if lines else 1
    return Report(
        district=meta.district,
        unit=meta.unit,
        kind=meta.kind,
        year=meta.year,
        period=meta.period,
        source=Provenance(path, first, last),
        format=NAME,
        goals=tuple(found_goals),
        budget=tuple(budget),
        sections=tuple(sections),
        warnings=tuple(sorted(warnings, key=lambda w: (w.line or 0, w.message))),
    )


def _flag_wrapped_labels(tables: list[BudgetTable], lines: Sequence[Line]) -> list[BudgetTable]:
    """The tables with UNCERTAIN_JOIN on each row whose label wraps over lines (two non-blank
    lines before its values line): the text's line ends did not say how they join."""
    nonblank = {line.no for line in lines if line.text}
    flagged = []
    for table in tables:
        rows = tuple(
            attrs.evolve(row, flags=(*row.flags, UNCERTAIN_JOIN))
            if sum(1 for no in range(row.provenance.first_line, row.provenance.last_line) if no in nonblank) > 1
            else row
            for row in table.rows
        )
        flagged.append(attrs.evolve(table, rows=rows))
    return flagged


@hookimpl
def kfcompare_input_formats() -> list[InputFormat]:
    return [
        InputFormat(
            name=NAME,
            description="ILS follow-up reports 2020–2021 (VB, T1, T2; district and unit level)",
            score=score,
            parse=parse,
        )
    ]


__all__ = ["Kind", "NAME", "parse", "score"]

"""Input format "ils2020": the 2020–2021 district and unit follow-up report layout."""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from ...hookspecs import InputFormat, ParseOptions, hookimpl
from ...model import BudgetTable, Goal, Kind, ParseWarning, Provenance, Report
from ..._source import Source
from ...text.lines import Line, gc_paused, read_lines
from ...text.wraps import UNCERTAIN_JOIN, Guesses, missing_wrap_signal, restore_wrap_signal
from . import economy, goal_tree, layout, metadata
from .line_kinds import LAYOUT_WORDS, LINE_KINDS, classify, furniture

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
        guesses: Guesses | None = None
        if missing_wrap_signal(lines) is not None:
            restored = restore_wrap_signal(lines, LAYOUT_WORDS, furniture(lines, kinds))
            lines, guesses = list(restored.lines), restored.guesses
        return parse_lines(lines, source.path, kinds, guesses=guesses)


def parse_lines(
    lines: Sequence[Line],
    path: str,
    kinds: Sequence[str] | None = None,
    *,
    guesses: Guesses | None = None,
) -> list[Report]:
    """The reports in a line stream without page noise: a text extract's, or a PDF's whose
    table rows carry their cells. ``kinds`` is ``classify(lines)`` when the caller has it:
    splitting, parts, goals and truncation read it. ``guesses``: the text's line ends
    carried no break signal and it was read again from the words (``restore_wrap_signal``);
    rows joined over these lines' breaks are flagged."""
    kinds = classify(lines) if kinds is None else kinds
    ranges = layout.split_reports(lines, kinds)
    metas = metadata.detect_bundle([lines[start:end] for start, end in ranges], path)
    return [
        _parse_report(path, lines[start:end], kinds[start:end], meta, guesses)
        for (start, end), meta in zip(ranges, metas)
    ]


def _parse_report(
    path: str,
    lines: Sequence[Line],
    kinds: Sequence[str],
    meta: metadata.Metadata,
    guesses: Guesses | None = None,
) -> Report:
    warnings: list[ParseWarning] = list(meta.warnings)
    if guesses is not None and lines:
        warnings.append(_lost_signal_warning(path, lines, guesses))
    found_goals: list[Goal] = []
    budget: list[BudgetTable] = []
    texts: list[layout.Part] = []
    parts = layout.report_parts(lines, path, kinds)
    for part in parts:
        chunk = lines[part.start : part.end]
        if part.kind == "goals":
            found, problems = goal_tree.parse_goals(chunk, path, kinds[part.start : part.end], guesses=guesses)
            found_goals.extend(found)
            warnings.extend(problems)
        elif part.kind == "economy":
            tables, problems = economy.parse_economy(chunk, path)
            if guesses is not None:
                tables = _flag_wrapped_labels(tables, guesses)
            budget.extend(tables)
            warnings.extend(problems)
        else:
            texts.append(part)
    # the text parts after the goals: a summary names each goal by its title
    titles = frozenset(" ".join(goal.title.split()) for root in found_goals for goal in root.walk() if goal.title)
    sections = [layout.section_of(part, lines[part.start : part.end], path, titles) for part in texts]
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


def _lost_signal_warning(path: str, lines: Sequence[Line], guesses: Guesses) -> ParseWarning:
    unsure = [no for no in guesses.unsure if lines[0].no <= no <= lines[-1].no]
    at = min(unsure) if unsure else lines[0].no
    if unsure:
        outcome = (
            f"{len(unsure)} radbrytningar kunde inte avgöras, första gången på rad {at}; "
            "rader i tabellerna som fortsätter över en sådan brytning flaggas som osäkra"
        )
    else:
        outcome = "alla radbrytningar kunde avgöras"
    return ParseWarning(
        "radslutens mellanslag saknas i texten (eller står på varje rad), så om en radbrytning delar "
        "ett ord eller står mellan två ord har lästs av orden som texten själv använder: " + outcome,
        line=at,
        path=path,
        code=UNCERTAIN_JOIN,
    )


def _flag_wrapped_labels(tables: list[BudgetTable], guesses: Guesses) -> list[BudgetTable]:
    """The tables with UNCERTAIN_JOIN on each row joined over a break the words could not
    settle (see ``restore_wrap_signal``). A label's block that ends in a word before its
    values ends there: the economy reader joins no label over a gap."""
    flagged = []
    for table in tables:
        rows = tuple(
            attrs.evolve(row, flags=(*row.flags, UNCERTAIN_JOIN))
            if any(no in guesses.unsure for no in range(row.provenance.first_line, row.provenance.last_line))
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

"""Input format "vp2012": the 2012-era verksamhetsplan (ILS-webb export, upper-case markers).

A plan prints targets (Årsmål, KF:s årsmål) and a periodicity but no outcomes, so its
indicators fill ``target``, ``kf_target`` and ``periodicity`` only.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ...errors import ParseError
from ...hookspecs import InputFormat, ParseOptions, hookimpl
from ...model import ParseWarning, Provenance, Report
from ..._source import Source
from ...text.joined import join_hyphenated
from ...text.lines import Line, gc_paused
from .front_matter import read_front
from .goal_blocks import parse_goal_part
from .markers import KF_MARK, clean_lines

NAME = "vp2012"

#: the marker no other layout prints; ils2020 stays at or below 0.2 when it sees it
_GATE = re.compile(r"^\s*KF:s INRIKTNINGSMÅL", re.M)
#: each signal with a literal it cannot match without: a substring test is far cheaper than a
#: failing multi-line search through the whole text
_SIGNALS = (
    ("KF:s MÅL FÖR VERKSAMHETSOMRÅDET:", re.compile(r"^\s*KF:s MÅL FÖR VERKSAMHETSOMRÅDET:\s*$", re.M)),
    ("NÄMNDMÅL:", re.compile(r"^\s*NÄMNDMÅL:\s*$", re.M)),
    ("Förväntat resultat", re.compile(r"^\s*Förväntat resultat\s*$", re.M)),
    (
        "KF:s indikatorer Årsmål KF:s årsmål Periodicitet",
        re.compile(r"^\s*KF:s indikatorer Årsmål KF:s årsmål Periodicitet\s*$", re.M),
    ),
    (" aktiviteter Startdatum Slutdatum", re.compile(r"^\s*(?:KF:s|Nämndens) aktiviteter Startdatum Slutdatum\s*$", re.M)),
    ("Verksamhetsplan år ", re.compile(r"^\s*Verksamhetsplan år \d{4} för", re.M)),
)
#: the gate alone already says more than ils2020 may say about such a text
_BASE = 0.3

#: an appendix the text says holds a table; the extract never carries the appendices
_APPENDIX_TABLE = re.compile(r"redovisas i bilaga (\d+)[^.]*?följande\b[^.]*?:")


def score(source: Source) -> float:
    text = source.text
    if not text or "KF:s INRIKTNINGSMÅL" not in text or not _GATE.search(text):
        return 0.0
    hits = sum(1 for needle, signal in _SIGNALS if needle in text and signal.search(text))
    return _BASE + (1.0 - _BASE) * (hits + 1) / (len(_SIGNALS) + 1)


def parse(source: Source, options: ParseOptions) -> list[Report]:
    with gc_paused():
        return _parse(source)


def _parse(source: Source) -> list[Report]:
    lines = clean_lines(source.lines)
    start = next((i for i, line in enumerate(lines) if KF_MARK.match(line.text)), len(lines))
    front = read_front(lines[:start], source.path)
    if start == len(lines) and front.year is None:
        raise ParseError(source.path, "varken en planrubrik från 2012 eller en markör 'KF:s INRIKTNINGSMÅL N:' hittades")
    goals, sections, problems = parse_goal_part(lines[start:], source.path)
    warnings = [*front.warnings, *problems, *_missing_appendices(lines, source.path), *_truncation(lines, source.path)]
    # the report spans its lines with text: separator lines of spaces after the last say nothing
    texts = [line.no for line in lines if line.text]
    first = texts[0] if texts else 1
    last = texts[-1] if texts else 1
    return [
        Report(
            district=front.district,
            kind=front.kind,
            year=front.year,
            period=f"{front.kind.value} {front.year}" if front.kind and front.year else None,
            source=Provenance(source.path, first, last),
            format=NAME,
            goals=tuple(goals),
            sections=front.sections + tuple(sections),
            decisions=front.decisions,
            warnings=tuple(sorted(warnings, key=lambda w: (w.line or 0, w.message))),
        )
    ]


#: a complete plan ends with its list of appendices: "Bilaga 10 Ersättning till utförande enheter"
_APPENDIX_ITEM = re.compile(r"^Bilaga (\d+)(?:\.\d+)? \S")
_APPENDIX_MENTION = re.compile(r"\bbilaga(?:orna)? (\d+)(?: och (\d+))?", re.I)


def _truncation(lines: Sequence[Line], path: str) -> list[ParseWarning]:
    """A plan that does not end with its appendix list, up to the highest appendix it names, was cut off."""
    filled = [line for line in lines if line.text.strip()]
    if not filled:
        return []
    last = filled[-1]
    item = _APPENDIX_ITEM.match(last.text.strip())
    named = [int(n) for line in filled for m in _APPENDIX_MENTION.finditer(line.text) for n in m.groups() if n]
    if item and int(item.group(1)) >= max(named, default=0):
        return []
    return [
        ParseWarning(
            f"dokumentet slutar på rad {last.no} utan planens bilageförteckning"
            f"{f' (till bilaga {max(named)})' if named else ''}: det ser avkortat ut; det som finns är läst",
            line=last.no,
            path=path,
            code="truncated",
        )
    ]


def _missing_appendices(lines: Sequence[Line], path: str) -> list[ParseWarning]:
    """The plan announces tables that live in appendices the extract does not hold."""
    warnings = []
    for i, line in enumerate(lines):
        if "bilaga" not in line.text:
            continue
        match = _APPENDIX_TABLE.search(join_hyphenated(lines[i : i + 3]).text)
        if match and match.start() < len(line.text):
            warnings.append(
                ParseWarning(
                    f"tabellen som nämns här står i bilaga {match.group(1)}, som inte finns i filen; "
                    "den är inte läst",
                    line.no,
                    path,
                    "missing-appendix",
                )
            )
    return warnings


@hookimpl
def kfcompare_input_formats() -> list[InputFormat]:
    return [
        InputFormat(
            name=NAME,
            description="Verksamhetsplan 2012 layout (upper-case KF:s INRIKTNINGSMÅL markers, Årsmål/Periodicitet tables)",
            score=score,
            parse=parse,
        )
    ]

"""Front matter of a 2012 plan: title (kind, year, district), 'Förslag till beslut', openings.

The year and district come from the title only: the body names other years (2011 more
often than 2012) and other districts, and the mangled page footer repeats a title-like
'Verksamhetsplan r 2012' with its letters stripped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from attrs import frozen

from ...model import Decision, Kind, ParseWarning, Provenance, Section, Value
from ...text.joined import join_hyphenated
from ...text.lines import Line
from ...text.numbers import AMOUNT_RE, parse_value

_TITLE_START = re.compile(r"^Verksamhetsplan (?:år )?\d{4} för\b")
_TITLE = re.compile(r"^Verksamhetsplan (?:år )?(\d{4}) för (.+?) stadsdelsnämnd$")
_BOARD_LINE = re.compile(r"^(.+?) stadsdelsnämnd$")
_CONFIRM_YEAR = re.compile(r"fastställer verksamhetsplan för år (\d{4})")
_DECISIONS = re.compile(r"^Förslag till beslut$")
_DECISION = re.compile(r"^(\d+)\. (.*)$")
#: opening headings kept as sections
_HEADINGS = re.compile(r"^(?:Ärendets beredning|Inledning)$")
#: how many title lines a wrapped title may take
_TITLE_LINES = 3


@frozen
class FrontMatter:
    district: str | None
    kind: Kind | None
    year: int | None
    decisions: tuple[Decision, ...] = ()
    sections: tuple[Section, ...] = ()
    warnings: tuple[ParseWarning, ...] = ()


def read_front(lines: Sequence[Line], path: str) -> FrontMatter:
    """Metadata, decisions and opening sections from the lines before the first goal."""
    text_lines = [line for line in lines if not line.blank]
    district, kind, year, warnings = _title(text_lines, path)
    decisions = _decisions(lines, path)
    return FrontMatter(district, kind, year, decisions, _sections(lines, path), tuple(warnings))


def _title(lines: Sequence[Line], path: str) -> tuple[str | None, Kind | None, int | None, list[ParseWarning]]:
    for i, line in enumerate(lines):
        if not _TITLE_START.match(line.text):
            continue
        for size in range(1, _TITLE_LINES + 1):
            match = _TITLE.match(join_hyphenated(lines[i : i + size]).text)
            if match:
                return match.group(2), Kind.VP, int(match.group(1)), []
    warnings = [ParseWarning("no 'Verksamhetsplan år YYYY för … stadsdelsnämnd' title", path=path, code="metadata")]
    district = next((m.group(1) for m in map(_BOARD_LINE.match, (l.text for l in lines[:3])) if m), None)
    year = next((int(m.group(1)) for m in map(_CONFIRM_YEAR.search, (l.text for l in lines)) if m), None)
    if district is None:
        warnings.append(ParseWarning("ingen stadsdel hittades; ange den med --district", path=path, code="metadata-district"))
    if year is None:
        warnings.append(ParseWarning("planens år hittades inte; ange det med --year", path=path, code="metadata-year"))
    return district, (Kind.VP if year else None), year, warnings


def _decisions(lines: Sequence[Line], path: str) -> tuple[Decision, ...]:
    start = next((i for i, line in enumerate(lines) if _DECISIONS.match(line.text)), None)
    if start is None:
        return ()
    groups: list[list[Line]] = []
    for line in lines[start + 1 :]:
        if line.blank or _HEADINGS.match(line.text):
            break
        if _DECISION.match(line.text):
            groups.append([line])
        elif groups and not _signs_after(groups[-1][-1], line):
            groups[-1].append(line)
        else:
            break
    return tuple(_decision(group, path) for group in groups)


#: a signature line is a name, short and without a sentence in it ('Leif Spjuth')
_SIGNATURE_WIDTH = 40


def _signs_after(last: Line, line: Line) -> bool:
    """Whether ``line`` is the signature under the decisions rather than more of the last
    one: after a finished sentence, a short capitalised line that is no sentence (the
    separator lines before it may be lost in another extract)."""
    text = line.text
    return (
        last.text.endswith(".")
        and text[:1].isupper()
        and len(text) < _SIGNATURE_WIDTH
        and not any(mark in text for mark in ".:;!?")
    )


def _decision(group: Sequence[Line], path: str) -> Decision:
    match = _DECISION.match(join_hyphenated(group).text)
    number, text = (match.group(1), match.group(2)) if match else ("", join_hyphenated(group).text)
    amounts = [_with_line(parse_value(found.group(0)), group) for found in AMOUNT_RE.finditer(text)]
    return Decision(number, text, Provenance(path, group[0].no, group[-1].no), tuple(amounts))


def _with_line(value: Value, group: Sequence[Line]) -> Value:
    """The amount with the line it starts on (an amount may wrap onto the next line)."""
    first_word = value.raw.split()[0]
    line = next((line.no for line in group if first_word in line.text), group[0].no)
    return Value(value.raw, value.number, value.unit, line)


def _sections(lines: Sequence[Line], path: str) -> tuple[Section, ...]:
    starts = [i for i, line in enumerate(lines) if _HEADINGS.match(line.text)]
    sections = []
    for start, end in zip(starts, [*starts[1:], len(lines)]):
        body = [line for line in lines[start + 1 : end] if not line.blank]
        last = body[-1].no if body else lines[start].no
        sections.append(Section(lines[start].text, join_hyphenated(body).text, Provenance(path, lines[start].no, last)))
    return tuple(sections)

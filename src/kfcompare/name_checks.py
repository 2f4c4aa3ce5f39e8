"""Warnings for indicator names that took in text from a neighbouring row or the header.

A page break inside a table can leave a row's name with the end of the row before it, the
start of the next one or the table's header words; the values may still read well, so the
name is the only trace. These checks run on every report, whatever its format.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

import attrs

from .model import Indicator, ParseWarning, Report

#: header word sequences of the indicator tables (2020 ILS and 2012 plans)
_HEADER_WORDS = re.compile(
    r"\b(?:Indikator\s+Periodens|Periodens\s+utfall|Utfall\s+män|Utfall\s+kvinn|Prognos\s+helår"
    r"|Årsmål\s+KF:s|KF:s\s+årsmål|årsmål\s+Period|Startdatum\s+Slutdatum|KF:s\s+indikatorer"
    r"|Nämndens\s+indikatorer)",
    re.I,
)
#: the shortest other name (in words) worth finding inside a name, and the longest name
#: searched: names are a few words, so the search stays small on any input
_MIN_WORDS = 3
_MAX_WORDS = 60

CODE = "name-check"


def name_warnings(report: Report) -> Report:
    """The report with a warning for each indicator name that looks merged with another."""
    found = list(_problems([ind for _, ind in report.indicators()], report.source.path))
    if not found:
        return report
    return attrs.evolve(report, warnings=tuple(sorted((*report.warnings, *found), key=_order)))


def _order(warning: ParseWarning) -> tuple[int, str]:
    return (warning.line or 0, warning.message)


def _key(name: str) -> str:
    """A name as compared: case and white space folded, punctuation at word ends dropped."""
    return " ".join(word.rstrip(".,;:") for word in name.casefold().split())


def _problems(indicators: Sequence[Indicator], path: str) -> Iterator[ParseWarning]:
    names = {_key(ind.name) for ind in indicators if len(ind.name.split()) >= _MIN_WORDS}
    for k, ind in enumerate(indicators):
        line = ind.provenance.first_line
        other = _other_name_inside(_key(ind.name), names)
        if other is not None:
            yield ParseWarning(
                f"indikatorns namn '{ind.name}' innehåller hela namnet på en annan indikator ('{other}');"
                " raderna kan ha slagits ihop vid en sidbrytning",
                line=line,
                path=path,
                code=CODE,
            )
        header = _HEADER_WORDS.search(ind.name)
        if header is not None:
            yield ParseWarning(
                f"indikatorns namn '{ind.name}' innehåller tabellhuvudets ord ('{header.group()}');"
                " namnet kan ha fått med text från ett upprepat tabellhuvud",
                line=line,
                path=path,
                code=CODE,
            )
        after = indicators[k + 1] if k + 1 < len(indicators) else None
        if after is not None and _opens(ind.name) > 0 and _opens(after.name) < 0:
            yield ParseWarning(
                f"indikatorns namn '{ind.name}' har en inledande parentes som stängs i nästa rads namn"
                f" ('{after.name}'); raden kan vara delad fel",
                line=line,
                path=path,
                code=CODE,
            )


def _opens(name: str) -> int:
    """Parentheses opened and not closed (negative: closed without being opened)."""
    return name.count("(") - name.count(")")


def _other_name_inside(name: str, names: set[str]) -> str | None:
    """Another indicator's whole name found inside this one, at word boundaries."""
    words = name.split()
    if len(words) <= _MIN_WORDS or len(words) > _MAX_WORDS:
        return None
    for start in range(len(words)):
        for end in range(start + _MIN_WORDS, len(words) + 1):
            if end - start == len(words):
                continue
            candidate = " ".join(words[start:end])
            if candidate in names:
                return candidate
    return None

"""District, unit, kind and year of an ILS report, detected from its text.

Weak signals point both ways in real files (a VB quotes 'tertialrapport 1 2020', other
districts are named in passing), so the kind comes from the Period cells of the tables and
the economy headers, and the district from the most frequent 'X stadsdelsförvaltning'-style
phrase.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from attrs import frozen

from ...model import Kind, ParseWarning
from ..textlines import Line

DISTRICTS = (
    "Bromma",
    "Enskede-Årsta-Vantör",
    "Farsta",
    "Hägersten-Älvsjö",
    "Hägersten-Liljeholmen",
    "Hässelby-Vällingby",
    "Kungsholmen",
    "Norrmalm",
    "Rinkeby-Kista",
    "Skarpnäck",
    "Skärholmen",
    "Spånga-Tensta",
    "Södermalm",
    "Älvsjö",
    "Östermalm",
)

_DISTRICT_PHRASE = re.compile(
    r"(?<!tillsammans med )(?<!ägs av )\b(" + "|".join(re.escape(d) for d in DISTRICTS) + r")s?"
    r"(?:\s+(?:stadsdelsförvaltning|stadsdelsområde|stadsdelsnämnd)|s budget)"
)
_ANY_DISTRICT = re.compile(r"\b(" + "|".join(re.escape(d) for d in DISTRICTS) + r")")
_TERTIAL = re.compile(r"^\s*Tertial\s*([12])\s*$|Tertial\s+([12])\s+(20\d\d)")
_VB_PERIOD = re.compile(r"^\s*VB\s*$")
_YEAR = re.compile(r"\b(20\d\d)\b")


@frozen
class Metadata:
    district: str | None
    unit: str | None
    kind: Kind | None
    year: int | None
    period: str | None
    warnings: tuple[ParseWarning, ...] = ()


def detect_metadata(lines: Sequence[Line], path: str) -> Metadata:
    text = "\n".join(line.text for line in lines)
    flat = re.sub(r"\s+", " ", text)
    warnings: list[ParseWarning] = []
    counts = Counter(m.group(1) for m in _DISTRICT_PHRASE.finditer(flat))
    if not counts:
        counts = Counter(m.group(1) for m in _ANY_DISTRICT.finditer(flat))
    district = counts.most_common(1)[0][0] if counts else None
    if district is None:
        warnings.append(ParseWarning("no district name found; give it with --district", path=path, code="metadata"))

    kind = None
    tertial = Counter()
    for match in re.finditer(r"Tertial\s+([12])\s+(20\d\d)", flat):
        tertial[match.group(1)] += 1
    if tertial:
        kind = Kind.T1 if tertial.most_common(1)[0][0] == "1" else Kind.T2
    elif re.search(r"\bVB (20\d\d)\b(?! ?\))", flat) or re.search(r"verksamhetsberättelse", flat, re.I):
        kind = Kind.VB
    if kind is None:
        warnings.append(ParseWarning("report kind not found; give it with --kind", path=path, code="metadata"))

    year = None
    period_years = Counter(int(m.group(1)) for m in re.finditer(r"(?:Tertial [12]|VB) (20\d\d)", flat))
    budget_years = Counter(int(m.group(1)) for m in re.finditer(r"(?:Budget|Prognos) (20\d\d)", flat))
    if kind in (Kind.T1, Kind.T2) and period_years:
        year = period_years.most_common(1)[0][0]
    elif budget_years:
        year = budget_years.most_common(1)[0][0]
    elif period_years:
        year = max(period_years)
    if year is None:
        warnings.append(ParseWarning("report year not found; give it with --year", path=path, code="metadata"))
    period = f"{kind.value} {year}" if kind and year else None
    return Metadata(district, None, kind, year, period, tuple(warnings))

"""District, unit, kind and year of an ILS report, detected from its text.

Weak signals point both ways in real files (a VB quotes 'tertialrapport 1 2020', a T1
labels its prior column 'Periodens utfall VB 2019', other districts are named in passing),
so the kind and year come from the Period cells of the indicator tables ('Tertial 1 2020',
'VB 2020') and the economy headers, never from a keyword; the district from weighed mentions
(see districts.py); the unit, for reports with unit goals, from how the text names units.
Whatever cannot be settled is None with a warning that says how to give it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Any, TypeVar

import attrs
from attrs import frozen

from ...labels import METADATA_FIELD_LABEL
from ...model import Kind, ParseWarning
from ...text.joined import join_flat
from ...text.lines import Line
from . import districts, layout, units

#: a Period cell at the end of a line: 'VB', 'VB 2021', 'Tertial 1', 'Tertial 1 2020'
_PERIOD_CELL = re.compile(r"(?:^|\s)(VB|Tertial\s*([12]))(?:\s+(20\d\d))?$")
_YEAR_LINE = re.compile(r"^(20\d\d)$")
#: what may stand before a cell on its line: nothing, or the row's last value
_VALUE_END = re.compile(r"(?:^|\d|%|\bst|nämnd\S*|tyrelse)$")
_TERTIAL_ECONOMY = re.compile(r"\bPrognos\s+[Tt]ertial(?:\s*([12])\b)?|\bT([12]) Snitt\b")
_VB_ECONOMY = re.compile(r"\bBudget(?: 20\d\d)? Utfall\b")
_BUDGET_YEAR = re.compile(r"\b(?:Budget|Prognos)(?: helår)? (20\d\d)\b")
_UNIT_GOAL = "Enhetsmål:"

T = TypeVar("T")


@frozen
class Metadata:
    district: str | None
    unit: str | None
    kind: Kind | None
    year: int | None
    period: str | None
    #: (field, warning): what could not be settled, by the field it concerns
    notes: tuple[tuple[str, ParseWarning], ...] = ()

    @property
    def warnings(self) -> tuple[ParseWarning, ...]:
        return tuple(warning for _, warning in self.notes)


@frozen
class PeriodCells:
    """The Period cells of a report's tables, and the prior-period headers beside them."""

    kinds: Counter[Kind]
    years: Counter[int]
    prior_years: Counter[int]


@frozen
class Signals:
    """Everything the metadata is decided from, gathered in one pass over a report's lines."""

    cells: PeriodCells
    #: report kinds the economy headers name ('Prognos Tertial 1', 'Budget Utfall')
    economy: Counter[Kind]
    #: 'Prognos Tertial/2020': a tertial report, but which one is not printed
    unnumbered: int
    #: the years the economy headers budget for ('Budget 2020', 'Prognos helår 2020')
    budget_years: Counter[int]
    #: the report has unit goals ('Enhetsmål:'): it is a unit report
    unit_goals: bool
    #: index of the summary heading among the non-blank lines (0 when there is none)
    summary_at: int


#: the words every signal line holds: the report's text is searched for them once
_SIGNAL_WORDS = re.compile("VB|Tertial|Prognos|Snitt|Budget")


def _lines_with_signal_words(texts: Sequence[str]) -> list[int]:
    """The indexes of the texts that hold a signal word, found by one search of them all."""
    joined = "\n".join(texts)
    if joined.count("\n") != len(texts) - 1:  # a line holding a newline (built by hand)
        return [index for index, text in enumerate(texts) if _SIGNAL_WORDS.search(text)]
    found: list[int] = []
    counted = index = 0  # the newlines before offset ``counted`` are counted in ``index``
    for word in _SIGNAL_WORDS.finditer(joined):
        index += joined.count("\n", counted, word.start())
        counted = word.start()
        if not found or found[-1] != index:
            found.append(index)
    return found


def signals(lines: Sequence[Line]) -> Signals:
    """One search of the report's text for the words of every signal; only the lines that
    hold one are looked at further (a Python loop over every line costs more)."""
    texts = [line.text for line in lines if line.text]
    period_candidates: list[int] = []
    economy: Counter[Kind] = Counter()
    unnumbered = 0
    budget_years: Counter[int] = Counter()
    for index in _lines_with_signal_words(texts):
        text = texts[index]
        if "VB" in text or "Tertial" in text:
            period_candidates.append(index)
        if "Prognos" in text or "Snitt" in text:
            for match in _TERTIAL_ECONOMY.finditer(text):
                number = match.group(1) or match.group(2)
                if number:
                    economy[Kind(f"T{number}")] += 1
                else:
                    unnumbered += 1
        if "Budget" in text:
            economy[Kind.VB] += len(_VB_ECONOMY.findall(text))
        if "Budget" in text or "Prognos" in text:
            budget_years.update(int(m.group(1)) for m in _BUDGET_YEAR.finditer(text))
    unit_goals = any(text.startswith(_UNIT_GOAL) for text in texts)
    summary_at = texts.index(layout.SUMMARY_TITLE) if layout.SUMMARY_TITLE in texts else 0
    cells = _period_cells(texts, period_candidates)
    return Signals(cells, economy, unnumbered, budget_years, unit_goals, summary_at)


def _period_cells(texts: Sequence[str], candidates: Sequence[int]) -> PeriodCells:
    """The Period cells among the non-blank ``texts``, tried at the ``candidates`` only."""
    kinds: Counter[Kind] = Counter()
    years: Counter[int] = Counter()
    prior: Counter[int] = Counter()
    for i in candidates:
        text = texts[i]
        match = _PERIOD_CELL.search(text)
        if not match:
            continue
        year_text = match.group(3) or _year_after(texts, i)
        before = text[: match.start()].strip()
        if before.endswith("utfall") or (not before and i and texts[i - 1].endswith("utfall")):
            if year_text:
                prior[int(year_text)] += 1  # 'Periodens utfall VB 2019': the previous period's column
            continue
        if not _VALUE_END.search(before) or not year_text:
            continue
        kinds[Kind.VB if match.group(1) == "VB" else Kind(f"T{match.group(2)}")] += 1
        years[int(year_text)] += 1
    return PeriodCells(kinds, years, prior)


def _year_after(texts: Sequence[str], i: int) -> str | None:
    match = _YEAR_LINE.match(texts[i + 1]) if i + 1 < len(texts) else None
    return match.group(1) if match else None


def detect_kind(found: Signals) -> tuple[Kind | None, list[str]]:
    """The kind by Period cells, else by economy headers; notes on conflicts and gaps."""
    cells, economy, unnumbered = found.cells, found.economy, found.unnumbered
    notes = []
    kind = _clear_winner(cells.kinds)
    if kind is None and cells.kinds:
        notes.append(f"Period-cellerna säger olika ({_listed(cells.kinds)})")
    economy_kind = _clear_winner(economy)
    says_tertial = unnumbered > economy[Kind.VB] or (economy_kind is not None and _tertial(economy_kind))
    if kind is None and economy_kind is None and unnumbered:
        notes.append("ekonomirubrikerna säger tertialrapport men inte vilket tertial")
    elif kind is None:
        kind = economy_kind
    elif (economy_kind is not None or unnumbered) and says_tertial != _tertial(kind):
        notes.append(f"ekonomirubrikerna säger annat än Period-cellerna ({kind.value})")
    return kind, notes


def _tertial(kind: Kind) -> bool:
    # 'Prognos Tertial/2020' does not say which tertial: compare only tertial vs VB
    return kind in (Kind.T1, Kind.T2)


def detect_year(found: Signals) -> int | None:
    """The Period cells' year; else the economy headers' budget year; else prior column + 1."""
    year = _clear_winner(found.cells.years)
    if year is None:
        year = _clear_winner(found.budget_years)
    if year is None:
        prior = _clear_winner(found.cells.prior_years)
        year = prior + 1 if prior is not None else None
    return year


def _clear_winner(counts: Counter[T]) -> T | None:
    ranked = [(key, n) for key, n in counts.most_common(2) if n > 0]
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def _listed(counts: Counter[Kind]) -> str:
    return ", ".join(f"{k.value} ×{n}" for k, n in counts.most_common())


def detect_metadata(lines: Sequence[Line], path: str) -> Metadata:
    first = next((line.no for line in lines if line.text), None)
    notes: list[tuple[str, ParseWarning]] = []

    def warn(field: str, message: str) -> None:
        notes.append((field, ParseWarning(message, line=first, path=path, code=f"metadata-{field}")))

    found = signals(lines)
    kind, kind_notes = detect_kind(found)
    for note in kind_notes:
        warn("kind", f"rapporttypen är oklar: {note}")
    if kind is None:
        warn("kind", "rapporttypen hittades inte (inga Period-celler 'Tertial N'/'VB' och inga ekonomirubriker); ange den med --kind")
    year = detect_year(found)
    if year is None:
        warn("year", "rapportens år hittades inte; ange det med --year")

    flat = join_flat(lines)
    district, _ = districts.detect_district(flat.text, year)
    if district.name is None and district.tied:
        warn("district", f"stadsdelen är oklar: {district.tied_names} nämns lika mycket; ange den med --district")
    elif district.name is None:
        warn("district", "ingen stadsdel hittades; ange den med --district")

    unit = None
    if found.unit_goals:
        guess = units.detect_unit(flat, found.summary_at)
        unit = guess.name
        if unit is None and guess.own.scores:
            named = ", ".join(f"{name} ×{count}" for name, count in guess.own.scores)
            warn("unit", f"enhetsrapport: enheten är oklar, rapporten kallar sig {named}; ange den med --unit")
        elif unit is None and guess.mentioned:
            others = ", ".join(guess.mentioned[:3])
            warn(
                "unit",
                f"enhetsrapport: enhetens namn står inte i rapporten (den nämner {others} i förbigående); ange det med --unit",
            )
        elif unit is None:
            warn("unit", "enhetsrapport: enhetens namn står inte i rapporten; ange det med --unit")
    return Metadata(district.name, unit, kind, year, _period(kind, year), tuple(notes))


def _period(kind: Kind | None, year: int | None) -> str | None:
    return f"{kind.value} {year}" if kind and year else None


#: what the reports bundled in one file share: one district's unit reports for one period
SHARED_FIELDS = ("district", "kind", "year")


def detect_bundle(reports: Sequence[Sequence[Line]], path: str) -> list[Metadata]:
    """Each report's metadata; a field one report does not print is taken from the others
    in the file when they all agree on it, with a warning that says so."""
    found = [detect_metadata(lines, path) for lines in reports]
    if len(found) < 2:
        return found
    filled = []
    for meta in found:
        changes: dict[str, Any] = {}  # SHARED_FIELDS values, read with getattr
        notes = list(meta.notes)
        for field in SHARED_FIELDS:
            values = {getattr(other, field) for other in found if other is not meta} - {None}
            if getattr(meta, field) is not None or len(values) != 1:
                continue
            [value] = values
            changes[field] = value
            shown = getattr(value, "value", value)
            first = next((w.line for f, w in notes if f == field), None)
            notes = [(f, w) for f, w in notes if f != field]
            message = f"{METADATA_FIELD_LABEL.get(field, field)} framgår inte av rapportens text; {shown} från de andra rapporterna i filen"
            notes.append((field, ParseWarning(message, line=first, path=path, code=f"metadata-{field}")))
        if changes:
            kind = changes.get("kind", meta.kind)
            year = changes.get("year", meta.year)
            changes["period"] = _period(kind, year)
            meta = attrs.evolve(meta, notes=tuple(notes), **changes)
        filled.append(meta)
    return filled

"""The typed model every format produces and every output reads.

No parsing and no rendering lives here: formats build these objects, outputs walk them.
All classes are frozen so a parsed report can be shared between outputs and processes
without anyone mutating it behind another's back.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Any

import attrs
from attrs import field, frozen


class Kind(str, enum.Enum):
    """Report kind: plan, tertial reports, annual report."""

    VP = "VP"
    T1 = "T1"
    T2 = "T2"
    VB = "VB"


class GoalLevel(str, enum.Enum):
    """Where a goal sits in the city's goal hierarchy."""

    KF = "kf"  # KF:s inriktningsmål
    AREA = "area"  # KF:s mål för verksamhetsområdet
    BOARD = "board"  # nämndmål
    UNIT = "unit"  # enhetsmål


class Assessment(str, enum.Enum):
    """The printed verdict on a goal; ``None`` on a goal means no verdict was printed."""

    HELT = "helt"
    DELVIS = "delvis"
    INTE = "inte"
    INGEN = "ingen"


@frozen
class Provenance:
    """Where in which file an element was printed (1-based, inclusive line numbers)."""

    path: str
    first_line: int
    last_line: int
    #: the pages the lines are printed on, for a PDF (its lines are numbered through the
    #: whole file as kfcompare reads it: ``kfcompare parse FILE.pdf --format text`` shows them)
    page: int | None = None
    last_page: int | None = None
    #: the printed line on ``page`` where the element starts, counted from the page's top
    page_line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.first_line}"
        if self.first_line != self.last_line:
            where = f"{where}-{self.last_line}"
        return where + self.page_note()

    def page_note(self) -> str:
        """' (s. 53, rad 43)' for a PDF, '' for a text: what a controller holding the PDF needs."""
        if self.page is None:
            return ""
        pages = f"{self.page}" if self.last_page in (None, self.page) else f"{self.page}-{self.last_page}"
        row = f", rad {self.page_line}" if self.page_line is not None else ""
        return f" (s. {pages}{row})"


@frozen
class Value:
    """One printed cell: the raw text always, the number and unit when it is numeric.

    A text target such as "Tas fram av nämnd" or "öka" has ``number`` None and keeps its
    words in ``raw``. ``line`` is the source line the cell was read from.
    """

    raw: str
    number: Decimal | None = None
    unit: str | None = None
    line: int | None = None
    #: the page the cell is printed on, for a PDF
    page: int | None = field(default=None, eq=False)

    @property
    def is_text(self) -> bool:
        """A cell of words ('Tas fram av nämnd', 'öka') rather than a number."""
        return self.number is None

    def __str__(self) -> str:
        """The cell as the report printed it: '0,6 %', '1 071,1', 'öka'."""
        return self.raw


@frozen
class ParseWarning:
    """Something the parser could not settle; part of the result, never printed by the library."""

    message: str
    line: int | None = None
    path: str | None = None
    code: str = "warning"

    def __str__(self) -> str:
        where = self.path or ""
        if self.line is not None:
            where = f"{where}:{self.line}" if where else f"line {self.line}"
        return f"{where}: {self.message}" if where else self.message


#: The seven value columns of an indicator row, in the order the 2020 tables print them.
INDICATOR_COLUMNS: tuple[str, ...] = (
    "outcome",
    "outcome_men",
    "outcome_women",
    "previous",
    "forecast",
    "target",
    "kf_target",
)


@frozen
class ColumnAssignment:
    """One possible reading of an ambiguous indicator row: column name -> cell."""

    cells: tuple[tuple[str, Value], ...]
    reason: str = ""


@frozen
class Indicator:
    """One indicator row with its columns as printed."""

    name: str
    provenance: Provenance
    outcome: Value | None = None
    outcome_men: Value | None = None
    outcome_women: Value | None = None
    previous: Value | None = None
    forecast: Value | None = None
    target: Value | None = None
    kf_target: Value | None = None
    period: str | None = None
    #: how often the indicator is measured (År, Tertial, Halvår, Månad); plans print it
    periodicity: str | None = None
    #: the table the row came from, e.g. "KF:s indikatorer" or "Nämndens indikatorer"
    table: str | None = None
    #: markers such as "ambiguous-columns"; see ``alternatives`` for the other readings
    flags: tuple[str, ...] = ()
    alternatives: tuple[ColumnAssignment, ...] = ()
    analysis: str | None = None
    comment: str | None = None

    def values(self) -> Iterator[tuple[str, Value]]:
        """The filled columns, in table order."""
        for name in INDICATOR_COLUMNS:
            value = getattr(self, name)
            if value is not None:
                yield name, value


@frozen
class Activity:
    """One row of an activity table: what is done, between which dates, and whether the
    report flags a deviation (Avvikelse)."""

    text: str
    provenance: Provenance
    start: dt.date | None = None
    end: dt.date | None = None
    deviation: bool = False
    analysis: str | None = None
    table: str | None = None
    #: markers such as "uncertain-join" (the text was joined over lines whose ends told nothing)
    flags: tuple[str, ...] = ()


@frozen
class Goal:
    """A goal at any level; children are the goals directly below it."""

    level: GoalLevel
    title: str
    provenance: Provenance
    number: str | None = None
    assessment: Assessment | None = None
    assessment_raw: str | None = None
    description: str | None = None  # Beskrivning
    expected_result: str | None = None  # Förväntat resultat
    analysis: str | None = None  # Analys
    indicators: tuple[Indicator, ...] = ()
    activities: tuple[Activity, ...] = ()
    goals: tuple[Goal, ...] = ()

    def walk(self) -> Iterator[Goal]:
        """This goal and every goal below it, depth first."""
        yield self
        for child in self.goals:
            yield from child.walk()

    def __repr__(self) -> str:
        # a goal holds its whole subtree: the repr names it instead of printing it
        number = f"{self.number} " if self.number else ""
        verdict = self.assessment.value if self.assessment else None
        return (
            f"Goal({self.level.value}, {number}{self.title!r}, assessment={verdict!r}, "
            f"{len(self.indicators)} indicators, {len(self.activities)} activities, {len(self.goals)} goals, {self.provenance})"
        )


@frozen
class BudgetRow:
    """One row of a budget table, its cells in the table's column order (None: empty cell)."""

    label: str
    values: tuple[Value | None, ...]
    provenance: Provenance
    #: a "varav" row: part of the row above, not added into totals
    sub_row: bool = False
    flags: tuple[str, ...] = ()


@frozen
class BudgetTable:
    """One table of the economy part: caption, unit, column headers and rows as printed."""

    caption: str
    unit: str | None  # "mnkr", "tkr", or a count unit such as "st"
    columns: tuple[str, ...]
    rows: tuple[BudgetRow, ...]
    provenance: Provenance
    flags: tuple[str, ...] = ()


@frozen
class Section:
    """A named text part of a report that is not a goal (Övrigt, Investeringar, …)."""

    title: str
    text: str
    provenance: Provenance


@frozen
class Decision:
    """A numbered proposal in 'Förslag till beslut', with any amounts it names."""

    number: str
    text: str
    provenance: Provenance
    amounts: tuple[Value, ...] = ()


#: Metadata fields whose origin a report records.
METADATA_FIELDS: tuple[str, ...] = ("district", "unit", "kind", "year")


class Origin(str, enum.Enum):
    """Where a metadata field came from: read in the text, given by the user, or neither."""

    DETECTED = "detected"
    GIVEN = "given"
    MISSING = "missing"


def _origins(value: Mapping[str, str] | Iterable[Sequence[str]]) -> tuple[tuple[str, Origin], ...]:
    """A mapping (name to origin) or (name, origin) pairs, as a sorted tuple of pairs."""
    items: Iterable[Sequence[str]] = value.items() if isinstance(value, dict) else value
    return tuple(sorted((str(k), Origin(v)) for k, v in items))


@frozen
class Report:
    """One report: metadata, goal tree, budget tables, text sections and warnings."""

    district: str | None
    kind: Kind | None
    year: int | None
    source: Provenance
    format: str
    unit: str | None = None
    period: str | None = None  # as a controller says it, e.g. "T1 2020", "VB 2020"
    goals: tuple[Goal, ...] = ()
    budget: tuple[BudgetTable, ...] = ()
    sections: tuple[Section, ...] = ()
    decisions: tuple[Decision, ...] = ()
    warnings: tuple[ParseWarning, ...] = ()
    #: for each of METADATA_FIELDS: was it detected in the text, given by the user, or missing
    metadata_origin: tuple[tuple[str, Origin], ...] = field(default=(), converter=_origins)

    def origin(self, name: str) -> Origin:
        """How the metadata field ``name`` (one of METADATA_FIELDS) was settled."""
        return dict(self.metadata_origin).get(name, Origin.MISSING)

    def walk_goals(self) -> Iterator[Goal]:
        """Every goal of the report, depth first (a KF goal, its area goals, their nämndmål …)."""
        for goal in self.goals:
            yield from goal.walk()

    def indicators(self) -> Iterator[tuple[Goal, Indicator]]:
        """Every indicator with the goal whose table printed it."""
        for goal in self.walk_goals():
            for indicator in goal.indicators:
                yield goal, indicator

    def activities(self) -> Iterator[tuple[Goal, Activity]]:
        """Every activity with the goal whose table printed it."""
        for goal in self.walk_goals():
            for activity in goal.activities:
                yield goal, activity

    @property
    def label(self) -> str:
        """A short human name: 'Södermalm T1 2020', 'Kungsholmen / Vuxenenheten VB 2021'."""
        who = self.district or "okänd stadsdel"
        if self.unit:
            who = f"{who} / {self.unit}"
        return f"{who} {self.period or ''}".strip()

    def evolve(self, **changes: Any) -> Report:
        """A copy with ``changes`` (the report itself is frozen)."""
        return attrs.evolve(self, **changes)

    def __repr__(self) -> str:
        # a report holds hundreds of goals and values: the repr says which report it is
        return (
            f"Report({self.label!r}, format={self.format!r}, {sum(1 for _ in self.walk_goals())} goals, "
            f"{len(self.budget)} budget tables, {len(self.warnings)} warnings, source={str(self.source)!r})"
        )

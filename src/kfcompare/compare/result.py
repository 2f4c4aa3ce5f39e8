"""What a comparison holds: frozen rows that outputs (console, CSV, JSON, workbook) read.

Every row keeps the model objects it was built from (Goal, Indicator, Value) so an output
can show the raw printed text and point at the source line; nothing is re-parsed here.
Cells are tuples aligned with ``Comparison.reports``: ``cells[i]`` belongs to
``reports[i]`` and is None where that report has no such goal or indicator.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from attrs import field, frozen

from ..model import Activity, Goal, GoalLevel, Indicator, Provenance, Report, Value
from .long_table import LongRow as LongRow  # re-exported: outputs read rows and LongRow together
from .long_table import long_rows

#: statuses of an indicator cell, in Swedish because controllers read them
UPPNATT = "uppnått"
EJ_UPPNATT = "ej uppnått"
RIKTNING_OKAND = "riktning okänd"
MAL_SAKNAS = "mål saknas"
MAL_I_TEXT = "mål i text"
UTFALL_SAKNAS = "utfall saknas"
OLIKA_ENHETER = "olika enheter"
OSAKER_TOLKNING = "osäker kolumntolkning"

STATUSES: tuple[str, ...] = (
    UPPNATT,
    EJ_UPPNATT,
    RIKTNING_OKAND,
    MAL_SAKNAS,
    MAL_I_TEXT,
    UTFALL_SAKNAS,
    OLIKA_ENHETER,
    OSAKER_TOLKNING,
)


@frozen
class GoalRow:
    """One KF area goal or nämndmål, matched across reports by level and normalised title."""

    key: str
    level: GoalLevel  # AREA or BOARD
    number: str | None
    title: str
    cells: tuple[Goal | None, ...]

    def __repr__(self) -> str:
        verdicts = [None if goal is None else goal.assessment.value if goal.assessment else "ej bedömd" for goal in self.cells]
        return f"GoalRow({self.level.value}, {self.number!r}, {self.title!r}, {verdicts!r})"


@frozen
class IndicatorCell:
    """One report's row of a matched indicator and whether it met its target.

    ``target`` is the district's Årsmål when it is a number, else KF:s årsmål
    (``target_column`` says which); ``status`` is one of ``STATUSES``.
    """

    indicator: Indicator
    goal: Goal  # the goal whose table printed the row
    matched_by: str  # "name" or "alias"
    status: str
    target: Value | None = None
    target_column: str | None = None  # "target" or "kf_target"

    def __repr__(self) -> str:
        outcome = self.indicator.outcome.raw if self.indicator.outcome else None
        target = self.target.raw if self.target else None
        return f"IndicatorCell({self.indicator.name!r}, outcome={outcome!r}, target={target!r}, status={self.status!r}, line={self.indicator.provenance.first_line})"


@frozen
class IndicatorRow:
    """An indicator matched across reports, under the KF area goal it belongs to."""

    key: str
    name: str  # the canonical name when an alias matched, else the first printed name
    area_number: str | None
    area_title: str | None
    matched_by: str  # "alias" when any cell matched through the alias file, else "name"
    direction: str | None  # "higher", "lower" or None (not in the catalogue)
    cells: tuple[IndicatorCell | None, ...]

    def __repr__(self) -> str:
        statuses = [cell.status if cell else None for cell in self.cells]
        return f"IndicatorRow({self.area_number!r}, {self.name!r}, direction={self.direction!r}, {statuses!r})"


@frozen
class GenderCell:
    """Outcome for women and men; ``gap`` is women − men when both are numbers in one unit."""

    women: Value | None
    men: Value | None
    gap: Decimal | None
    unit: str | None


@frozen
class GenderRow:
    key: str
    name: str
    area_number: str | None
    cells: tuple[GenderCell | None, ...]

    def __repr__(self) -> str:
        return f"GenderRow({self.area_number!r}, {self.name!r}, {len([c for c in self.cells if c])} reports)"


@frozen
class BudgetLine:
    """One verksamhetsområde (or summary row, investment, result item) of one report's
    budget table.

    Amounts stay in the table's own unit (``unit``: "mnkr", "tkr", …) and are never mixed
    with another table's; ``deviation_percent`` is the printed deviation over |budget|.
    ``compared_kind`` says whether the figure set against the budget is a forecast
    ("prognos") or an outcome ("utfall").
    """

    report: Report
    area: str
    table: str
    label: str
    unit: str | None
    budget: Value | None
    compared: Value | None
    compared_column: str | None
    compared_kind: str | None
    deviation: Value | None
    deviation_percent: Decimal | None
    provenance: Provenance

    def __repr__(self) -> str:
        deviation = self.deviation.raw if self.deviation else None
        return f"BudgetLine({self.report.label!r}, {self.area!r}, deviation={deviation!r}, unit={self.unit!r}, {self.provenance})"
    #: the level (``budget_lines.GROUPS``): total, summary, part, area, investment,
    #: investment_total or result; lines of two groups are never summed together
    group: str = "area"
    #: the printed budget adjustment ('Begärda budgetjusteringar'), when the table has one
    adjustment: Value | None = None
    #: 1 or -1: the printed deviation times this is '+ = better than budget'
    factor: int = 1
    #: the table's sign convention in words
    convention: str | None = None
    #: the one amount of a result item (group "result"), which has no budget
    amount: Value | None = None


@frozen
class ActivityLine:
    """An activity with the report and goal that list it (activities are not matched)."""

    report: Report
    goal: Goal
    activity: Activity

    def __repr__(self) -> str:
        return f"ActivityLine({self.report.label!r}, goal={self.goal.number or self.goal.title!r}, {self.activity.text!r})"


@frozen
class Finding:
    """Something in a report that does not add up or could not be read with confidence.

    ``check`` names the rule (see ``kfcompare.compare.checks``); ``expected`` and
    ``printed`` are Decimals for sums and text for printed words, ``difference`` is
    printed − expected where both are numbers. Findings are reported, never repaired.
    """

    report: str  # the report's label
    path: str
    line: int | None
    check: str
    message: str
    expected: Decimal | str | None = None
    printed: Decimal | str | None = None
    difference: Decimal | None = None
    #: the report itself, so a finding is placed by identity, not by searching labels
    owner: Report | None = field(default=None, eq=False, repr=False)


@frozen
class Comparison:
    """Reports side by side: goal matrix, indicators, gender split, budget and Kontroller.

    ``reports`` are ordered by district, unit, year and kind so that columns are stable
    whatever order the files were given in.
    """

    reports: tuple[Report, ...]
    goal_rows: tuple[GoalRow, ...]
    indicator_rows: tuple[IndicatorRow, ...]
    gender_rows: tuple[GenderRow, ...]
    budget_rows: tuple[BudgetLine, ...]
    activities: tuple[ActivityLine, ...]
    findings: tuple[Finding, ...]

    def __repr__(self) -> str:
        return (
            f"Comparison({[r.label for r in self.reports]!r}, {len(self.goal_rows)} goal rows, "
            f"{len(self.indicator_rows)} indicator rows, {len(self.budget_rows)} budget rows, {len(self.findings)} findings)"
        )

    @property
    def periods(self) -> tuple[str, ...]:
        """The distinct periods compared; more than one means a T1 stands beside a VB."""
        return tuple(dict.fromkeys(r.period or "okänd period" for r in self.reports))

    @property
    def mixed_periods(self) -> bool:
        return len(self.periods) > 1

    def findings_by_report(self) -> tuple[tuple[Finding, ...], ...]:
        """The findings of each report, aligned with ``reports`` (found by identity; a finding
        made without ``owner`` by its report's label and file)."""
        position = {id(report): index for index, report in enumerate(self.reports)}
        by_name = {(report.label, report.source.path): index for index, report in enumerate(self.reports)}
        buckets: list[list[Finding]] = [[] for _ in self.reports]
        for finding in self.findings:
            index = position.get(id(finding.owner)) if finding.owner is not None else by_name.get((finding.report, finding.path))
            if index is not None:
                buckets[index].append(finding)
        return tuple(tuple(bucket) for bucket in buckets)

    def long_table(self) -> Iterator[LongRow]:
        """Every printed indicator and budget value as one row (the sheet a controller pivots)."""
        return long_rows(self.reports, self.indicator_rows)

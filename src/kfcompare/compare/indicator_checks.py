"""Kontroller of indicators: KF targets that disagree, and rows read with doubt.

* ``KF-mål`` — KF sets one årsmål per indicator and year for the whole city, so two
  reports of the same year printing different KF:s årsmål for the same indicator is worth
  a look (a target set after April, as 'Fastställs 2020' in a T1, shows up here too);
* ``kolumntolkning`` — a row flagged ``ambiguous-columns`` by the parser.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from ..labels import INDICATOR_FIELD_LABEL
from ..model import Indicator, Report, Value
from ..values import collapse
from .result import Finding, IndicatorRow
from .status import AMBIGUOUS


def _same_target(a: Value, b: Value) -> bool:
    if a.number is not None and b.number is not None:
        return a.number == b.number and (a.unit or "").casefold() == (b.unit or "").casefold()
    return collapse(a.raw).casefold() == collapse(b.raw).casefold()


def kf_target_findings(reports: Sequence[Report], rows: Sequence[IndicatorRow]) -> Iterator[Finding]:
    """Each report whose KF:s årsmål differs from the first report of the same year."""
    for row in rows:
        reference: dict[int | None, tuple[Report, Value]] = {}
        for report, cell in zip(reports, row.cells):
            target = cell.indicator.kf_target if cell is not None else None
            if target is None:
                continue
            first = reference.setdefault(report.year, (report, target))
            if first[1] is target or _same_target(first[1], target):
                continue
            difference = None
            if target.number is not None and first[1].number is not None:
                difference = target.number - first[1].number
            yield Finding(
                report=report.label,
                owner=report,
                path=report.source.path,
                line=target.line or cell.indicator.provenance.first_line,  # type: ignore[union-attr]
                check="KF-mål",
                message=f"{row.name}: KF:s årsmål {target.raw}, men {first[0].label} har {first[1].raw} samma år",
                expected=first[1].number if first[1].number is not None else first[1].raw,
                printed=target.number if target.number is not None else target.raw,
                difference=difference,
            )


def ambiguity_findings(report: Report) -> Iterator[Finding]:
    for _, indicator in report.indicators():
        if AMBIGUOUS in indicator.flags:
            yield Finding(
                report=report.label,
                owner=report,
                path=report.source.path,
                line=indicator.provenance.first_line,
                check="kolumntolkning",
                message=f"{indicator.name}: {readings(indicator)}",
            )


def readings(indicator: Indicator) -> str:
    """The kept reading and the others in the table's own column names (Årsmål, not target)."""
    shown = _cells(indicator.values())
    others = " | ".join(_cells(alt.cells) for alt in indicator.alternatives)
    text = f"färre värden än kolumner; läst som {shown}"
    return f"{text}; andra möjliga läsningar: {others}" if others else text


def _cells(cells: Iterable[tuple[str, Value]]) -> str:
    return ", ".join(f"{INDICATOR_FIELD_LABEL.get(column, column)} {value.raw}" for column, value in cells)


def warning_findings(report: Report) -> Iterator[Finding]:
    """Every parse warning, except those ``ambiguity_findings`` already reports in full."""
    flagged = {
        line
        for _, indicator in report.indicators()
        if AMBIGUOUS in indicator.flags
        for line in range(indicator.provenance.first_line, indicator.provenance.last_line + 1)
    }
    for warning in report.warnings:
        if warning.code == AMBIGUOUS and warning.line in flagged:
            continue
        yield Finding(
            report=report.label,
            owner=report,
            path=warning.path or report.source.path,
            line=warning.line,
            check="tolkningsvarning",
            message=warning.message,
        )

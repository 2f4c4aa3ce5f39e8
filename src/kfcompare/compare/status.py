"""Whether an indicator met its target: computed only when nothing has to be guessed."""

from __future__ import annotations

from ..model import Indicator, Value
from .result import (
    EJ_UPPNATT,
    MAL_I_TEXT,
    MAL_SAKNAS,
    OLIKA_ENHETER,
    OSAKER_TOLKNING,
    RIKTNING_OKAND,
    UPPNATT,
    UTFALL_SAKNAS,
)

AMBIGUOUS = "ambiguous-columns"
#: the columns a status reads
STATUS_COLUMNS = ("outcome", "target", "kf_target")


def target_of(indicator: Indicator) -> tuple[Value | None, str | None]:
    """The district's Årsmål when it is a number, else KF:s årsmål, else any printed target."""
    for column in ("target", "kf_target"):
        value = getattr(indicator, column)
        if value is not None and value.number is not None:
            return value, column
    for column in ("target", "kf_target"):
        value = getattr(indicator, column)
        if value is not None:
            return value, column
    return None, None


def _same_unit(a: Value, b: Value) -> bool:
    # the '%' is sometimes not printed ('88' beside '90 %'): a missing unit is no conflict
    return a.unit is None or b.unit is None or a.unit.casefold() == b.unit.casefold()


def _settled(indicator: Indicator) -> bool:
    """A row with ambiguous columns is still judged when every reading puts the same cells
    in outcome, Årsmål and KF:s årsmål: the doubt is then about columns the status does
    not read."""
    if AMBIGUOUS not in indicator.flags:
        return True
    if not indicator.alternatives:
        return False
    kept = {column: getattr(indicator, column) for column in STATUS_COLUMNS}
    for alternative in indicator.alternatives:
        cells = dict(alternative.cells)
        if any(_raw(cells.get(column)) != _raw(kept[column]) for column in STATUS_COLUMNS):
            return False
    return True


def _raw(value: Value | None) -> str | None:
    return value.raw if value is not None else None


def status_of(indicator: Indicator, direction: str | None) -> str:
    """One of the statuses in ``result.STATUSES``; the first reason that applies wins."""
    if not _settled(indicator):
        return OSAKER_TOLKNING
    outcome = indicator.outcome
    if outcome is None or outcome.number is None:
        return UTFALL_SAKNAS
    target, _ = target_of(indicator)
    if target is None:
        return MAL_SAKNAS
    if target.number is None:
        return MAL_I_TEXT
    if direction is None:
        return RIKTNING_OKAND
    if not _same_unit(outcome, target):
        return OLIKA_ENHETER
    met = outcome.number >= target.number if direction == "higher" else outcome.number <= target.number
    return UPPNATT if met else EJ_UPPNATT

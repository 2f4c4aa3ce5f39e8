"""Checking that a model a plugin built holds what the model's annotations say.

attrs does not check types at run time, so a third-party format can hand back a Report
whose goals hold a string or whose outcome is a bare number; found later, in a sheet
writer, that would look like kfcompare's bug. Checked here, the plugin is named.
"""

from __future__ import annotations

import datetime as dt
import enum
import types
import typing
from decimal import Decimal

import attrs

from . import model

#: deeper than any real goal tree; deeper nesting is refused rather than recursed into
MAX_DEPTH = 60


def model_problem(value: object, where: str = "report") -> str | None:
    """Where ``value`` (an attrs model object) breaks its annotations, or None."""
    try:
        return _problem(value, type(value), where, 0)
    except RecursionError:
        return f"{where}: nested too deeply"


def _problem(value: object, expected: object, where: str, depth: int) -> str | None:
    if depth > MAX_DEPTH:
        return f"{where}: nested more than {MAX_DEPTH} levels deep"
    origin = typing.get_origin(expected)
    if origin in (typing.Union, types.UnionType):
        alternatives = typing.get_args(expected)
        if value is None and type(None) in alternatives:
            return None
        problems = [_problem(value, alt, where, depth) for alt in alternatives if alt is not type(None)]
        return None if None in problems else problems[0]
    if origin is tuple:
        if not isinstance(value, tuple):
            return f"{where}: expected a tuple, got {type(value).__name__}"
        args = typing.get_args(expected)
        items = args[:1] * len(value) if len(args) == 2 and args[1] is Ellipsis else args
        if len(items) != len(value):
            return f"{where}: expected {len(items)} items, got {len(value)}"
        for index, (item, item_type) in enumerate(zip(value, items)):
            problem = _problem(item, item_type, f"{where}[{index}]", depth + 1)
            if problem:
                return problem
        return None
    if isinstance(expected, type) and attrs.has(expected):
        if not isinstance(value, expected):
            return f"{where}: expected {expected.__name__}, got {type(value).__name__}"
        attrs.resolve_types(expected, globalns=vars(model))
        for field in attrs.fields(expected):
            problem = _problem(getattr(value, field.name), field.type, f"{where}.{field.name}", depth + 1)
            if problem:
                return problem
        return None
    if expected is Decimal:
        if not isinstance(value, Decimal) or not value.is_finite():
            return f"{where}: expected a finite Decimal, got {value!r}"
        return None
    if expected is int and isinstance(value, bool):
        return f"{where}: expected int, got bool"
    if isinstance(expected, type) and issubclass(expected, (str, int, bool, dt.date, enum.Enum)):
        return None if isinstance(value, expected) else f"{where}: expected {expected.__name__}, got {type(value).__name__}"
    return None  # a type this check does not know is left to the code that uses it

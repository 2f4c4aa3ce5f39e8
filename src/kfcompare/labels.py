"""The Swedish words a controller reads for the model's names, in one place.

The model speaks English (``GoalLevel.BOARD``, ``Indicator.kf_target``, the budget role
``"avvikelse"``); every sheet, console table, warning and Kontroller message shows these words
instead, so two outputs never call one thing by two names. Keys are the model's enums (``str``
enums: their values find the same entry) or its field names.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from .model import Assessment, GoalLevel, Kind

#: a goal's level, as the reports name it
LEVEL_LABEL: Mapping[GoalLevel, str] = MappingProxyType(
    {
        GoalLevel.KF: "Inriktningsmål",
        GoalLevel.AREA: "KF-mål",
        GoalLevel.BOARD: "Nämndmål",
        GoalLevel.UNIT: "Enhetsmål",
    }
)

#: a goal's assessment; INGEN is a report saying the goal is not assessed
ASSESSMENT_LABEL: Mapping[Assessment, str] = MappingProxyType(
    {
        Assessment.HELT: "Uppfylls helt",
        Assessment.DELVIS: "Uppfylls delvis",
        Assessment.INTE: "Uppfylls inte",
        Assessment.INGEN: "Ingen bedömning",
    }
)
#: a goal without any assessment printed
NOT_ASSESSED = "Ej bedömt"

#: a budget line's level (``BudgetLine.group``): each is shown in a block of its own, so no
#: column ever adds a total to its parts
BUDGET_GROUP_LABEL: Mapping[str, str] = MappingProxyType(
    {
        "total": "Nämnden totalt",
        "summary": "Verksamhetsområden enligt sammanställningen",
        "part": "Delposter inom ett verksamhetsområde",
        "area": "Verksamhetsområden och enheter enligt egna tabeller",
        "investment": "Investeringar",
        "investment_total": "Investeringar totalt",
        "result": "Resultatposter",
    }
)

#: a report's kind
KIND_LABEL: Mapping[Kind, str] = MappingProxyType(
    {
        Kind.VP: "Verksamhetsplan",
        Kind.T1: "Tertialrapport 1",
        Kind.T2: "Tertialrapport 2",
        Kind.VB: "Verksamhetsberättelse",
    }
)

#: an indicator's value fields (``kfcompare.model.Indicator``)
INDICATOR_FIELD_LABEL: Mapping[str, str] = MappingProxyType(
    {
        "outcome": "Utfall",
        "outcome_men": "Utfall män",
        "outcome_women": "Utfall kvinnor",
        "previous": "Föregående period",
        "forecast": "Prognos",
        "target": "Årsmål",
        "kf_target": "KF:s årsmål",
    }
)

#: a report's metadata fields (``kfcompare.model.METADATA_FIELDS``), as Översikt names them
METADATA_FIELD_LABEL: Mapping[str, str] = MappingProxyType(
    {
        "district": "Stadsdel",
        "unit": "Enhet",
        "kind": "Typ",
        "year": "År",
    }
)

#: the roles of a budget table's columns (``kfcompare.budget``)
BUDGET_ROLE_LABEL: Mapping[str, str] = MappingProxyType(
    {
        "budget": "Budget",
        "justering": "Budgetjusteringar",
        "prognos": "Prognos",
        "utfall": "Utfall",
        "avvikelse": "Avvikelse",
    }
)


def level_label(level: GoalLevel | str) -> str:
    """The Swedish name of a goal level; an unknown level (from a plugin) shows as itself."""
    try:
        return LEVEL_LABEL[GoalLevel(level)]
    except ValueError:
        return str(level)


def assessment_label(assessment: Assessment | str | None) -> str:
    """The Swedish words for an assessment, ``NOT_ASSESSED`` when there is none."""
    if assessment is None:
        return NOT_ASSESSED
    try:
        return ASSESSMENT_LABEL[Assessment(assessment)]
    except ValueError:
        return str(assessment)

"""One Swedish word per model name, used by every output."""

from __future__ import annotations

from pathlib import Path

import kfcompare
from kfcompare import Assessment, GoalLevel, Kind
from kfcompare.default_plugins.report_table import render_report
from kfcompare.labels import ASSESSMENT_LABEL, INDICATOR_FIELD_LABEL, KIND_LABEL, LEVEL_LABEL, assessment_label, level_label
from kfcompare.model import Indicator

UNG_FRITID = Path(__file__).resolve().parent.parent / "examples" / "hagersten-alvsjo_ung-fritid_vb_2020.txt"
SRC = Path(kfcompare.__file__).parent


def test_every_level_assessment_kind_and_indicator_field_has_a_label() -> None:
    assert set(LEVEL_LABEL) == set(GoalLevel) and set(ASSESSMENT_LABEL) == set(Assessment) and set(KIND_LABEL) == set(Kind)
    value_fields = {"outcome", "outcome_men", "outcome_women", "previous", "forecast", "target", "kf_target"}
    assert value_fields <= {a.name for a in Indicator.__attrs_attrs__}
    assert set(INDICATOR_FIELD_LABEL) == value_fields
    assert INDICATOR_FIELD_LABEL["kf_target"] == "KF:s årsmål" and INDICATOR_FIELD_LABEL["target"] == "Årsmål"


def test_lookups_take_the_enum_or_its_value() -> None:
    assert level_label(GoalLevel.BOARD) == level_label("board") == "Nämndmål"
    assert assessment_label(Assessment.INGEN) == assessment_label("ingen") == "Ingen bedömning"
    assert assessment_label(None) == "Ej bedömt"
    assert level_label("plugin-level") == "plugin-level"


def test_console_table_and_workbook_say_the_same_for_ingen() -> None:
    # Hägersten-Älvsjö ung fritid: KF goal 1.1 prints 'Ingen' as its assessment
    [report] = kfcompare.parse_file(UNG_FRITID)
    area = report.goals[0].goals[0]
    assert area.number == "1.1" and area.assessment is Assessment.INGEN
    table = render_report(report)
    [line] = [line for line in table.splitlines() if line.startswith("KF-mål") and "1.1 " in line]
    assert "Ingen bedömning" in line


def test_no_output_defines_its_own_level_or_assessment_words() -> None:
    for path in (SRC / "default_plugins").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert '"Uppfylls helt"' not in text and '"Inriktningsmål"' not in text, path

"""Everything a controller reads about a report is Swedish: no Kontroller message, parse
warning or finding carries an English word or one of the model's field names."""

from __future__ import annotations

import re
from pathlib import Path

import attrs
import pytest

from kfcompare import model, parse_file
from kfcompare.compare import compare

#: the model's field names (outcome, kf_target, assessment_raw, …) and the words English
#: messages are made of; none may stand as a word in a message
FIELD_NAMES = {f.name for cls in vars(model).values() if attrs.has(cls) for f in attrs.fields(cls)} - {"period"}  # a Swedish word too
ENGLISH = {
    "the", "and", "of", "is", "are", "not", "with", "without", "which", "row", "rows", "cells", "column",
    "columns", "line", "lines", "read", "kept", "found", "give", "goal", "table", "header", "document", "values",
    "value", "uncertain", "reading", "readings", "possible", "also", "before", "after", "dropped", "ignored",
    "ends", "looks", "truncated", "report", "unclear", "tell", "fill", "scores", "close", "best", "others", "alternatives",
}


def words(text: str) -> set[str]:
    # quoted text is what the report printed ('Elanvändning per kvadratmeter'): not the message's words
    unquoted = re.sub(r"'[^']*'", " ", text)
    return set(re.findall(r"[^\W\d]+", unquoted))


@pytest.fixture(scope="module")
def findings(examples: Path):
    reports = [report for path in sorted(examples.glob("*.txt")) for report in parse_file(path)]
    return compare(reports).findings


def test_the_examples_have_findings_of_every_kind(findings) -> None:
    assert {f.check for f in findings} >= {"kolumntolkning", "tolkningsvarning", "avvikelse", "netto", "KF-mål"}
    assert len(findings) > 40


def test_no_kontroller_message_has_an_english_word_or_a_field_name(findings) -> None:
    for finding in findings:
        found = words(finding.message)
        assert not found & FIELD_NAMES, (finding.message, found & FIELD_NAMES)
        assert not {w.lower() for w in found} & ENGLISH, (finding.message, {w.lower() for w in found} & ENGLISH)


def test_the_field_names_are_known() -> None:
    assert {"outcome", "target", "kf_target", "outcome_men", "previous", "forecast", "assessment"} <= FIELD_NAMES

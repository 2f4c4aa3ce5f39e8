"""Choosing a format: the highest score above the threshold wins; a tie or no winner is an error listing every score."""

from __future__ import annotations

import pytest

from kfcompare import Goal, GoalLevel, InputFormat, Provenance, Report, Source, hookimpl
from kfcompare.errors import InputError, UnrecognisedFormat
from kfcompare.parsing import THRESHOLD, choose_format, parse_source
from kfcompare._plugins import Registry, load_registry


class FakeFormats:
    """A plugin whose formats score fixed numbers (or raise, or return garbage)."""

    def __init__(self, **scores: object) -> None:
        self.scores = scores

    @hookimpl
    def kfcompare_input_formats(self) -> list[InputFormat]:
        return [InputFormat(name, "fake", self._scorer(score), self._parse(name)) for name, score in self.scores.items()]

    @staticmethod
    def _scorer(score: object):
        def scorer(source: Source) -> object:
            if isinstance(score, Exception):
                raise score
            return score

        return scorer

    @staticmethod
    def _parse(name: str):
        def parse(source, options):
            goal = Goal(level=GoalLevel.AREA, title="Mål", provenance=Provenance(source.path, 1, 1))
            return [Report(district="X", kind=None, year=None, source=Provenance(source.path, 1, 1), format=name, goals=(goal,))]

        return parse


def registry(**scores: object) -> Registry:
    return load_registry(builtins=(), entry_points=False, extra=[("fake", FakeFormats(**scores))])


SOURCE = Source.from_text("a report\n", "r.txt")


def test_highest_score_wins() -> None:
    assert choose_format(SOURCE, registry(low=0.4, high=0.8, mid=0.6)).name == "high"


def test_no_score_above_threshold_lists_every_format() -> None:
    with pytest.raises(UnrecognisedFormat) as caught:
        choose_format(SOURCE, registry(a=THRESHOLD, b=0.1, c=0.0))
    assert caught.value.scores == (("a", THRESHOLD), ("b", 0.1), ("c", 0.0))
    assert f"a={THRESHOLD:.2f}, b=0.10, c=0.00" in str(caught.value)


def test_a_tie_is_an_error_naming_both() -> None:
    with pytest.raises(UnrecognisedFormat, match=r"formaten 'a' och 'b' gör lika starkt anspråk på texten; välj med --input-format"):
        choose_format(SOURCE, registry(a=0.7, b=0.7, c=0.9 - 0.2))  # 0.9-0.2 is 0.7000000000000001


def test_forced_format_wins_even_with_a_low_score() -> None:
    assert choose_format(SOURCE, registry(a=0.9, b=0.0), forced="b").name == "b"
    with pytest.raises(InputError, match=r"okänt indataformat 'z' \(kända: a, b\)"):
        choose_format(SOURCE, registry(a=0.9, b=0.0), forced="z")


@pytest.mark.parametrize("bad", [ValueError("boom"), "0.9", None, float("nan"), True])
def test_a_failing_or_garbage_score_counts_as_zero_and_is_reported(bad: object) -> None:
    fakes = registry(bad=bad, good=0.5)
    assert choose_format(SOURCE, fakes).name == "good"
    [failure] = fakes.failures
    assert (failure.plugin, failure.stage) == ("fake", "score (bad)")


def test_scores_are_clamped_to_0_1() -> None:
    with pytest.raises(UnrecognisedFormat) as caught:
        choose_format(SOURCE, registry(a=-3, b=THRESHOLD / 2))
    assert caught.value.scores == (("b", THRESHOLD / 2), ("a", 0.0))
    assert choose_format(SOURCE, registry(a=7, b=0.99)).name == "a"


def test_the_chosen_format_is_recorded_on_the_report() -> None:
    [report] = parse_source(SOURCE, registry=registry(mine=0.9, other=0.2))
    assert report.format == "mine"

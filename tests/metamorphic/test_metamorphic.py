"""A transformed example text must give the original model (line numbers mapped back), or
flag the rows it cannot settle; never a silently changed or lost row.

The default run checks a fast subset (the smallest 2020 report, page breaks put before
line k of every row at once); ``pytest -m metamorphic_full`` sweeps every example with
each break parsed on its own and every district name.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from . import corpus, harness, transforms
from .harness import Measure

FAST = ("hagersten-alvsjo_ung-fritid_vb_2020.txt",)

#: transformations the readers do not yet survive (issue 15): expected to fail until fixed,
#: and strict, so a fix that makes one pass must take it off this list
KNOWN_FAILING: set[str] = set()

#: texts whose model differs outside the rows in the full sweep, by transformation, and why:
#: exact, so a fix must lower the count here
KNOWN_OTHER = {
    # Kungsholmen 2021 (a space on every line end) runs '… rör hot och våld' on into 'Under
    # aktuell period …'; read again from the words, the line ends a paragraph
    "trailing spaces stripped": 1,
    "trailing space added": 1,
}


def _cases(names: list[str] | tuple[str, ...]) -> list[object]:
    known = pytest.mark.xfail(strict=True, reason="issue 15: not yet survived")
    return [pytest.param(n, marks=known) if n in KNOWN_FAILING else n for n in names]


def _report(measure: Measure) -> str:
    return f"{measure.name}: {dict(measure.counts)}, other {measure.other}\n" + "\n".join(measure.details)


def _assert_clean(measure: Measure) -> None:
    assert measure.units > 0, "the transformation reached no row"
    assert measure.silent() == 0 and measure.other == 0, _report(measure)


def test_identity_is_preserved_row_by_row() -> None:
    """The harness itself: the untransformed text compares equal, row by row."""
    example = corpus.load(FAST[0])
    outcome = harness.run_variant(example, transforms.identity(example))
    assert set(outcome.rows.values()) == {"preserved"} and not outcome.other
    assert len(outcome.rows) == len(example.rows) == 28  # 9 indicators + 19 activities


def test_a_changed_value_is_caught() -> None:
    """The harness can fail: a value edited in the text is a changed row, not a preserved one."""
    example = corpus.load("hasselby-vallingby_vb_2020.txt")
    variant = transforms.map_lines(example, lambda s: s.replace("22 st 4 st 18 st", "22 st 5 st 18 st"))
    outcome = harness.run_variant(example, variant)
    assert outcome.rows[("indicator", 409)] == "changed"
    assert list(outcome.rows.values()).count("preserved") == len(example.rows) - 1


@pytest.mark.parametrize("kind", _cases(transforms.PAGE_KINDS))
def test_page_break_before_every_row_line(kind: str) -> None:
    _assert_clean(harness.page_family(kind, FAST, "batch"))


@pytest.mark.parametrize("label", _cases(sorted(transforms.EXTRACTOR)))
def test_extractor_variant(label: str) -> None:
    _assert_clean(harness.extractor(label, FAST))


def test_other_district_name() -> None:
    _assert_clean(harness.districts(("sodermalm_t1_2020.txt",), limit=1))


def test_other_unit_names() -> None:
    measure = harness.units(FAST)
    assert measure.texts == len(transforms.UNIT_NAMES)
    _assert_clean(measure)


@pytest.mark.parametrize("label", sorted(transforms.REORDER))
def test_reordering_that_changes_nothing(label: str) -> None:
    _assert_clean(harness.reorder(label, FAST))


@pytest.mark.metamorphic_full
def test_full_unit_names_and_reordering() -> None:
    _assert_clean(harness.units(corpus.NAMES))
    for label in transforms.REORDER:
        _assert_clean(harness.reorder(label, corpus.NAMES))


@pytest.mark.metamorphic_full
@pytest.mark.parametrize("kind", transforms.PAGE_KINDS)
def test_full_page_break_sweep(kind: str) -> None:
    _assert_clean(harness.page_family(kind, corpus.NAMES, "sweep"))


@pytest.mark.metamorphic_full
@pytest.mark.parametrize("label", sorted(transforms.EXTRACTOR))
def test_full_extractor_variant(label: str) -> None:
    measure = harness.extractor(label, corpus.NAMES)
    assert measure.units > 0 and measure.silent() == 0, _report(measure)
    assert measure.other == KNOWN_OTHER.get(label, 0), _report(measure)


@pytest.mark.metamorphic_full
def test_full_every_district_name() -> None:
    _assert_clean(harness.districts(corpus.NAMES))


@settings(max_examples=40, deadline=None, derandomize=True)
@given(st.data())
def test_a_page_break_anywhere_in_any_example(data: st.DataObject) -> None:
    """A sample of the full sweep in every run: one break of any kind before any row line of
    any example, with any of the templates' page blocks (derandomized: the same sample each
    run, so a known gap cannot make CI flaky)."""
    example = corpus.load(data.draw(st.sampled_from(corpus.NAMES)))
    kind = data.draw(st.sampled_from([k for k in transforms.PAGE_KINDS if k != "formfeed"]))
    rows = [r for r in example.rows if transforms.applies(kind, r)]
    row = data.draw(st.sampled_from(rows))
    no = data.draw(st.sampled_from(row.lines))
    turn = data.draw(st.integers(0, 5))
    extra, _ = transforms.page_insert(example, row, kind, turn, example.lines[no - 1])
    outcome = harness.run_variant(example, transforms.insert_before(example, {no: extra}))
    silent = {key: o for key, o in outcome.rows.items() if o in ("changed", "lost")}
    assert not silent and not outcome.other, "\n".join(outcome.details)

"""Running the transformations over the examples and counting what happened to each row.

Two ways to run the page-break family: ``sweep`` parses once per inserted break (a break
before every line of every row, each on its own: exact, minutes), ``batch`` puts a break
before line k of every row at once and parses once per k (the same points, seconds). The
unit counted is the break point; in a sweep its outcome is the worst over all rows.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable

from attrs import define, field

from . import corpus, transforms
from .compare import OUTCOMES, Model, Outcome, classify, model
from .corpus import Example
from .transforms import Variant

_RANK = {name: i for i, name in enumerate(OUTCOMES)}


@define
class Measure:
    """Counts for one transformation over the examples."""

    name: str
    counts: Counter[str] = field(factory=Counter)
    #: transformed texts whose model differs outside the rows
    other: int = 0
    texts: int = 0
    details: list[str] = field(factory=list)

    @property
    def units(self) -> int:
        return sum(self.counts[o] for o in OUTCOMES)

    def add(self, outcome: Outcome, keep: int) -> None:
        self.texts += 1
        self.other += outcome.other
        if len(self.details) < keep:
            self.details.extend(outcome.details[: keep - len(self.details)])

    def silent(self) -> int:
        return self.counts["changed"] + self.counts["lost"]


_PLAIN: dict[str, Model] = {}


def expected(example: Example, variant: Variant) -> Model:
    """The model the transformed text should give; the same for every text that renames and
    leaves out nothing (page breaks, extractor variants), so that one is built once."""
    if variant.renames or variant.removed or variant.cleared or variant.reordered:
        return model(example.reports, None, variant.renames, variant.removed, variant.cleared, variant.reordered)
    if example.name not in _PLAIN:
        _PLAIN[example.name] = model(example.reports, None)
    return _PLAIN[example.name]


def run_variant(example: Example, variant: Variant) -> Outcome:
    reports = corpus.parse(variant.text(), example.name)
    return classify(example, variant, reports, expected(example, variant))


def page_family(kind: str, names: Iterable[str], mode: str = "batch", keep: int = 20) -> Measure:
    measure = Measure(f"page break: {kind}")
    for name in names:
        example = corpus.load(name)
        rows = [r for r in example.rows if transforms.applies(kind, r)]
        if mode == "sweep":
            turn = 0
            for row in rows:
                for no in row.lines:
                    variant = transforms.page_break(example, kind, [(row, no)])
                    outcome = run_variant(example, variant)
                    worst = max(outcome.rows.values(), key=_RANK.__getitem__, default="preserved")
                    measure.counts[worst] += 1
                    measure.add(outcome, keep)
                    turn += 1
        else:
            depth = max((len(r.lines) for r in rows), default=0)
            for k in range(depth):
                points = [(r, r.lines[k]) for r in rows if len(r.lines) > k]
                outcome = run_variant(example, transforms.page_break(example, kind, points))
                for row, _ in points:
                    measure.counts[outcome.rows.get((row.kind, row.first), "lost")] += 1
                measure.add(outcome, keep)
    return measure


def whole_text(label: str, build: Callable[[Example], Iterable[Variant]], names: Iterable[str], keep: int = 20) -> Measure:
    """A transformation of the whole text: each row of each variant counted."""
    measure = Measure(label)
    for name in names:
        example = corpus.load(name)
        for variant in build(example):
            outcome = run_variant(example, variant)
            measure.counts.update(outcome.rows.values())
            measure.add(outcome, keep)
    return measure


def extractor(label: str, names: Iterable[str], keep: int = 20) -> Measure:
    return whole_text(label, lambda e: [transforms.EXTRACTOR[label](e)], names, keep)


def districts(names: Iterable[str], keep: int = 20, limit: int | None = None) -> Measure:
    def build(example: Example) -> list[Variant]:
        year = next((r.year for r in example.reports if r.year), None)
        own = transforms._district(example)
        others = [d for d in transforms.districts_for(year) if d != own][:limit]
        return [transforms.rename_district(example, d) for d in others]

    return whole_text("other district names", build, names, keep)


def units(names: Iterable[str], keep: int = 20) -> Measure:
    """Each unit report's unit renamed to names of other shapes."""

    def build(example: Example) -> list[Variant]:
        own = [r.unit for r in example.reports if r.unit]
        return [transforms.rename_unit(example, old, new) for old in own for new in transforms.UNIT_NAMES]

    return whole_text("other unit names", build, names, keep)


def reorder(label: str, names: Iterable[str], keep: int = 20) -> Measure:
    return whole_text(label, transforms.REORDER[label], names, keep)

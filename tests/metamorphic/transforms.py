"""Transformations of an example text that another PDF, template or extractor would produce.

Each builds a ``Variant``: the new lines and, for each, the original line it came from
(``None`` for an inserted line), so line numbers in the parsed model can be mapped back.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence

from attrs import frozen

import kfcompare

from .corpus import Example, Row


@frozen
class Variant:
    lines: tuple[str, ...]
    #: for each new line, the 1-based original line it came from; None for an inserted line
    origin: tuple[int | None, ...]
    newline: str = "\n"
    #: original text -> what the transformation wrote instead, applied to expected strings
    renames: tuple[tuple[str, str], ...] = ()
    #: original lines the transformation removed (rows and goals there are not expected)
    removed: frozenset[int] = frozenset()
    #: goals (by original first line) whose text fields the transformation removed
    cleared: frozenset[int] = frozenset()
    #: parts moved or left out: a goal's last line is not compared
    reordered: bool = False

    def text(self) -> str:
        return self.newline.join(self.lines) + self.newline


def identity(example: Example) -> Variant:
    return Variant(example.lines, tuple(range(1, len(example.lines) + 1)))


def insert_before(example: Example, inserts: Mapping[int, Sequence[str]]) -> Variant:
    """Insert lines before original lines (1-based)."""
    lines: list[str] = []
    origin: list[int | None] = []
    for no, line in enumerate(example.lines, 1):
        extra = inserts.get(no, ())
        lines.extend(extra)
        origin.extend([None] * len(extra))
        lines.append(line)
        origin.append(no)
    return Variant(tuple(lines), tuple(origin))


def map_lines(example: Example, change: Callable[[str], str], **kwargs: object) -> Variant:
    """Every line rewritten on its own; numbering kept."""
    return Variant(
        tuple(change(line) for line in example.lines), tuple(range(1, len(example.lines) + 1)), **kwargs
    )  # type: ignore[arg-type]


# ---------------------------------------------------------------- page breaks


def _district(example: Example) -> str:
    return next((r.district for r in example.reports if r.district), "Södermalm")


def page_blocks(example: Example) -> list[list[str]]:
    """Page header/footer blocks of the real templates, as they land in the text.

    The 2020 family: 'Tjänsteutlåtande' / 'Sid N (M)' / 'start.stockholm' / a phone number,
    'Sida 3 av 40', 'SID 24 (36)', a board's name with its diarienummer. The 2012 plans: the
    district in spaced capitals, 'SID N (M)' and the Word file name.
    """
    district = _district(example)
    if example.vp2012:
        return [
            ["", " ", "  ", "HÄSSELBY -VÄLL INGBY  ", "", "STADSDELSFÖRVALTNING ", "", " ", "SID 13 (62) ", "",
             "10. Verksamhetsplan r 2012 fr Hsselby-Vllingby stadsdelsnmnd 12-06.doc ", ""],
            ["", " ", "SID 24 (62) ", ""],
            ["", "", "Tjänsteutlåtande", "Sid 9 (128)", ""],
        ]
    return [
        ["", "", "", "Tjänsteutlåtande", "Sid 9 (128)", "", "start.stockholm", "08- 508 042 45", ""],
        ["", "", "", "Tjänsteutlåtande", "Sid 28 (28)", "", "start.stockholm", ""],
        ["", "", "Sida 3 av 40", ""],
        ["", "", "SID 24 (36)", ""],
        ["", "", f"{district} stadsdelsförvaltning", "Tjänsteutlåtande", "Dnr SDN 2020/123", "Sid 12 (40)", ""],
        ["", "", "", "Tjänsteutlåtande", "Sid 4 (36)", "", "start.stockholm", "Telefon 08-508 08 000", ""],
    ]


#: what is inserted before a row line: (name, needs a header, builder)
PAGE_KINDS = ("page+header", "page", "header", "formfeed")


def page_insert(example: Example, row: Row, kind: str, turn: int, line: str) -> tuple[list[str], str | None]:
    """The lines to insert before ``line`` of ``row`` (and a replacement for that line)."""
    blocks = page_blocks(example)
    block = blocks[turn % len(blocks)]
    if kind == "page":
        return block, None
    if kind == "page+header":
        return block + list(row.header) + [""], None
    if kind == "header":
        return list(row.header) + [""], None
    if kind == "formfeed":
        return [], "\f" + line
    raise ValueError(kind)


def applies(kind: str, row: Row) -> bool:
    return bool(row.header) or kind not in ("page+header", "header")


def page_break(example: Example, kind: str, points: Iterable[tuple[Row, int]]) -> Variant:
    """A page break of ``kind`` before each of the given (row, line number) points."""
    inserts: dict[int, list[str]] = {}
    replaced: dict[int, str] = {}
    for turn, (row, no) in enumerate(points):
        extra, replacement = page_insert(example, row, kind, turn, example.lines[no - 1])
        inserts[no] = extra
        if replacement is not None:
            replaced[no] = replacement
    variant = insert_before(example, inserts)
    if replaced:
        lines = tuple(replaced.get(o, l) if o is not None else l for l, o in zip(variant.lines, variant.origin))
        variant = Variant(lines, variant.origin)
    return variant


# ---------------------------------------------------------------- extractor variants

_GROUP = re.compile(r"(?<=\d) (?=\d{3}(?!\d))")
_PERCENT = re.compile(r"(?<=\d) (?=%)")
_MINUS = re.compile(r"(?<![\w\-−–])-(?=\d)")
_LONG_WORD = re.compile(r"\b([A-Za-zÅÄÖåäö]{5})([a-zåäö]{5,})")


def _blank_after_every_line(example: Example) -> Variant:
    lines: list[str] = []
    origin: list[int | None] = []
    for no, line in enumerate(example.lines, 1):
        lines.extend((line, ""))
        origin.extend((no, None))
    return Variant(tuple(lines), tuple(origin))


def _soft_hyphens(example: Example) -> Variant:
    """Optional hyphens inside long words, and at line ends where a word is broken."""
    out = []
    for i, line in enumerate(example.lines):
        line = _LONG_WORD.sub("\\1\u00ad\\2", line)
        nxt = example.lines[i + 1] if i + 1 < len(example.lines) else ""
        if line[-1:].isalpha() and nxt[:1].islower():
            line += "\u00ad"
        out.append(line)
    return Variant(tuple(out), tuple(range(1, len(out) + 1)))


EXTRACTOR: dict[str, Callable[[Example], Variant]] = {
    "trailing spaces stripped": lambda e: map_lines(e, str.rstrip),
    "trailing space added": lambda e: map_lines(e, lambda s: s + " " if s.strip() and not s.endswith(" ") else s),
    "blank line after every line": _blank_after_every_line,
    "runs of spaces collapsed": lambda e: map_lines(e, lambda s: re.sub(" {2,}", " ", s)),
    "CRLF": lambda e: Variant(e.lines, tuple(range(1, len(e.lines) + 1)), newline="\r\n"),
    "NBSP in numbers": lambda e: map_lines(e, lambda s: _PERCENT.sub("\u00a0", _GROUP.sub("\u00a0", s))),
    "thin space in numbers": lambda e: map_lines(e, lambda s: _GROUP.sub("\u2009", s)),
    "U+2212 as minus": lambda e: map_lines(e, lambda s: _MINUS.sub("\u2212", s)),
    "en dash as minus": lambda e: map_lines(e, lambda s: _MINUS.sub("\u2013", s)),
    "ligatures fi fl": lambda e: map_lines(e, lambda s: s.replace("fi", "\ufb01").replace("fl", "\ufb02")),
    "soft hyphens": _soft_hyphens,
}


# ---------------------------------------------------------------- other districts

#: Stockholm's district boards by the years they existed (Hägersten-Liljeholmen and Älvsjö
#: became Hägersten-Älvsjö in 2020)
DISTRICTS = (
    ("Rinkeby-Kista", None, None),
    ("Spånga-Tensta", None, None),
    ("Hässelby-Vällingby", None, None),
    ("Bromma", None, None),
    ("Kungsholmen", None, None),
    ("Norrmalm", None, None),
    ("Östermalm", None, None),
    ("Södermalm", None, None),
    ("Enskede-Årsta-Vantör", None, None),
    ("Skarpnäck", None, None),
    ("Farsta", None, None),
    ("Älvsjö", None, 2019),
    ("Hägersten-Liljeholmen", None, 2019),
    ("Hägersten-Älvsjö", 2020, None),
    ("Skärholmen", None, None),
)


def districts_for(year: int | None) -> list[str]:
    return [
        name
        for name, first, last in DISTRICTS
        if year is None or ((first is None or year >= first) and (last is None or year <= last))
    ]


def rename_district(example: Example, new: str) -> Variant:
    """The report's own district name replaced everywhere it is printed (genitive included)."""
    old = _district(example)
    return _renamed(example, old, new, ((old, new),))


def _renamed(example: Example, old: str, new: str, renames: tuple[tuple[str, str], ...]) -> Variant:
    """``old`` replaced by ``new``, also where it is wrapped over lines, at a space or inside a
    word with a hyphen ('Häs-' / 'selby-Vällingby'); the line breaks are kept after the new
    name, so every line keeps its number."""
    lower = old[:1].lower() + old[1:]
    wrap = r"(?:-?[ \t]*\n\s*)?"
    body = wrap.join(r"\s+" if c == " " else re.escape(c) for c in old[1:])
    pattern = re.compile(rf"(?<![\w-])[{re.escape(old[0])}{re.escape(lower[0])}]{wrap}{body}(?=s?(?![\w-]))")

    def put(match: re.Match[str]) -> str:
        breaks = match.group().count("\n")
        return new + (" " + "\n" * breaks if breaks else "")

    text = pattern.sub(put, "\n".join(example.lines))
    lines = list(text.split("\n"))
    assert len(lines) == len(example.lines)
    if len(new) < len(old):
        _refill(lines, example.lines)
    return Variant(tuple(lines), tuple(range(1, len(lines) + 1)), renames=renames)


#: a line at least this long is prose or a title (the 2012 titles wrap at about 56), not a
#: narrow table cell: a real report typeset with a shorter name fills it with the next
#: line's words
_PROSE = 40


def _refill(lines: list[str], before: Sequence[str]) -> None:
    """Lines a shorter name left short filled with the first words of the line that goes on
    after them (lower case, the next non-blank line), as the report's typesetting would:
    a 2012 plan tells a title from its text by where its lines end. The next line keeps at
    least one word, so every line keeps its number and no blank line appears."""
    for i, (line, old) in enumerate(zip(lines, before)):
        if line == old or len(old.rstrip()) < _PROSE or line.rstrip().endswith((".", ":", "!", "?", "-")):
            continue
        j = next((k for k in (i + 1, i + 2) if k < len(lines) and lines[k].strip()), None)
        if j is None or not lines[j].lstrip()[:1].islower():
            continue
        width, end = len(old.rstrip()), line[len(line.rstrip()) :]
        head, words = line.rstrip(), lines[j].split()
        lead = lines[j][: len(lines[j]) - len(lines[j].lstrip())]
        tail_end = lines[j][len(lines[j].rstrip()) :]
        taken = 0
        while taken < len(words) - 1 and len(head) + 1 + len(words[taken]) <= width:
            head += " " + words[taken]
            taken += 1
        if taken:
            lines[i] = head + end
            lines[j] = lead + " ".join(words[taken:]) + tail_end


def name_pattern(name: str) -> re.Pattern[str]:
    """A name as a whole word, also in the genitive ('Södermalms budget')."""
    return re.compile(rf"(?<![\w-]){re.escape(name)}(?=s?(?![\w-]))")


# ---------------------------------------------------------------- other units

#: unit names of other shapes than the examples' ('Enheten för …', '…enheten')
UNIT_NAMES = ("Enheten för stöd och service till barn och unga", "Äldreomsorgsavdelningen", "Förskoleområde Norr")


def rename_unit(example: Example, old: str, new: str) -> Variant:
    """A unit's name replaced wherever it is printed, also with a lower-case first letter and
    wrapped over lines."""
    lower = old[:1].lower() + old[1:]
    pairs = ((old, new), (lower, new)) if lower != old else ((old, new),)
    return _renamed(example, old, new, pairs)


# ---------------------------------------------------------------- reordering that changes nothing


def rearrange(example: Example, segments: Sequence[tuple[int, int]], cleared: Iterable[int] = ()) -> Variant:
    """The text made of original line ranges (1-based, inclusive) in the given order."""
    lines: list[str] = []
    origin: list[int | None] = []
    for first, last in segments:
        for no in range(first, last + 1):
            lines.append(example.lines[no - 1])
            origin.append(no)
    kept = set(o for o in origin if o is not None)
    removed = frozenset(n for n in range(1, len(example.lines) + 1) if n not in kept)
    return Variant(tuple(lines), tuple(origin), removed=removed, cleared=frozenset(cleared), reordered=True)


def _marker_line(example: Example, goal: kfcompare.Goal) -> int:
    """The goal's marker line ('Nämndmål:'), at or just above its first line."""
    first = goal.provenance.first_line
    for no in range(first, max(0, first - 3), -1):
        if example.lines[no - 1].strip().endswith(":"):
            return no
    return first


def _goals(example: Example) -> Iterator[tuple[kfcompare.Goal, kfcompare.Goal | None]]:
    """Every goal with its parent, in printed order (one report's goals after another's)."""

    def walk(goal: kfcompare.Goal, parent: kfcompare.Goal | None) -> Iterator[tuple[kfcompare.Goal, kfcompare.Goal | None]]:
        yield goal, parent
        for child in goal.goals:
            yield from walk(child, goal)

    for report in example.reports:
        for goal in report.goals:
            yield from walk(goal, None)


def swap_goals(example: Example) -> list[Variant]:
    """Two neighbouring sibling goals printed the other way round (each with all below it)."""
    out = []
    n = len(example.lines)
    for goal, _ in _goals(example):
        children = goal.goals
        if len(children) >= 2 and goal.level.value in ("kf", "area"):
            a, b = children[-2], children[-1]
            a1, b1 = _marker_line(example, a), _marker_line(example, b)
            a2, b2 = b1 - 1, b.provenance.last_line
            out.append(rearrange(example, [(1, a1 - 1), (b1, b2), (a1, a2), (b2 + 1, n)]))
            if len(out) >= 2:
                break
    return out


def drop_board_goals(example: Example) -> list[Variant]:
    """A KF goal printed with no nämndmål below it."""
    n = len(example.lines)
    for goal, _ in _goals(example):
        if goal.level.value == "area" and goal.goals:
            start = _marker_line(example, goal.goals[0])
            return [rearrange(example, [(1, start - 1), (goal.provenance.last_line + 1, n)])]
    return []


def one_row_table(example: Example) -> list[Variant]:
    """An indicator table with one row: the rows after a goal's first indicator dropped."""
    n = len(example.lines)
    out = []
    for goal, _ in _goals(example):
        rows = goal.indicators
        if len(rows) >= 2 and len(out) < 2:
            first, last = rows[1].provenance.first_line, rows[-1].provenance.last_line
            between = example.lines[rows[0].provenance.last_line : last]
            if any(re.match(r"^\s*(?:Aktivitet\s+Startdatum|Analys$)", line) for line in between[: first - rows[0].provenance.last_line]):
                continue
            out.append(rearrange(example, [(1, first - 1), (last + 1, n)]))
    return out


def activities_after_title(example: Example) -> list[Variant]:
    """A nämndmål whose activity table follows its title (and assessment) directly."""
    n = len(example.lines)
    for goal, _ in _goals(example):
        if goal.level.value != "board" or not goal.activities or not (goal.description or goal.indicators):
            continue
        first = goal.provenance.first_line
        header = next(
            (no for no in range(first, goal.activities[0].provenance.first_line)
             if re.match(r"^\s*Aktivitet\s+Startdatum", example.lines[no - 1])),
            None,
        )
        assessment = next(
            (no for no in range(first, first + 8) if re.match(r"^\s*(?:Uppfylls \w+|Ingen)\s*$", example.lines[no - 1])),
            None,
        )
        if header is None or assessment is None:
            continue
        return [rearrange(example, [(1, assessment + 1), (header, n)], cleared=[first])]
    return []


REORDER: dict[str, Callable[[Example], list[Variant]]] = {
    "goals in another order": swap_goals,
    "a KF goal with no nämndmål": drop_board_goals,
    "an indicator table with one row": one_row_table,
    "an activity table after the goal title": activities_after_title,
}

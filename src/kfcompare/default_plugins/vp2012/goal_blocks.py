"""The goal part of a 2012 plan: inriktningsmål → KF:s mål → nämndmål, with their tables.

The text is cut into blocks at the markers; each block is then given to the goal it
belongs to. KF tables belong to the KF goal of the area, Nämndens tables to the nämndmål
above them; a header repeated after a page break continues the open table.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from attrs import define, field

from ...model import Goal, GoalLevel, ParseWarning, Provenance, Section
from ...text.joined import join_hyphenated
from ...text.lines import Line
from ...text.paragraphs import paragraphs_by_items
from ..goal_drafts import GoalDraft
from .markers import AREA_MARK, BOARD_MARK, KF_MARK, RESULT_MARK, SECTION_MARK
from .tables import TableSpec, parse_table, table_spec

_AREA_NUMBER = re.compile(r"^(\d+(?:\.\d+)+)\s+(.*)$")
_KF_NUMBER = re.compile(r"^(\d+)\.\s+(.*)$")
#: a title line at least this long may wrap onto a lower-case line
_WRAP_WIDTH = 50


@define
class Block:
    kind: str  # "kf", "area", "board", "result", "table", "section"
    marker: Line
    body: list[Line] = field(factory=list)
    spec: TableSpec | None = None

    @property
    def last(self) -> int:
        """The last line with text: separator lines after a block are not part of it."""
        return next((line.no for line in reversed(self.body) if not line.blank), self.marker.no)


def _joined(lines: Sequence[Line]) -> str:
    return join_hyphenated(lines).text


def blocks(lines: Sequence[Line]) -> list[Block]:
    """The lines cut at markers; a repeated table header continues the table before it."""
    found: list[Block] = []
    for line in lines:
        kind, spec = _classify(line.text)
        if kind is None:
            if found:
                found[-1].body.append(line)
            continue
        previous = found[-1] if found else None
        if kind == "table" and previous is not None and previous.kind == "table" and previous.spec == spec:
            continue
        found.append(Block(kind, line, spec=spec))
    return found


#: the first letters of every marker and table header: most lines are ruled out by one test
_MARK_INITIALS = frozenset("KNFB")


def _classify(text: str) -> tuple[str | None, TableSpec | None]:
    if text[:1] not in _MARK_INITIALS:
        return None, None
    if KF_MARK.match(text):
        return "kf", None
    if AREA_MARK.match(text):
        return "area", None
    if BOARD_MARK.match(text):
        return "board", None
    if RESULT_MARK.match(text):
        return "result", None
    if SECTION_MARK.match(text):
        return "section", None
    spec = table_spec(text)
    return ("table", spec) if spec else (None, None)


def split_title(lines: Sequence[Line]) -> tuple[list[Line], list[Line]]:
    """Title lines and the rest: a title continues after a hyphen, or in lower case after a
    full line or one that ends no sentence.

    A length-only rule would glue the short sub-heading after a title onto it.
    """
    text = [line for line in lines if not line.blank]
    if not text:
        return [], []
    title = [text[0]]
    for line in text[1:]:
        prev = title[-1].text
        lower = line.text[:1].islower() or line.text[:1] == "("
        # a title line a district's name made shorter still goes on in lower case; a finished
        # sentence before a lower-case line needs the full width to go on
        unfinished = not prev.endswith((".", ":", "!", "?"))
        if prev.endswith("-") or (lower and (len(prev) >= _WRAP_WIDTH or unfinished)):
            title.append(line)
        else:
            break
    return title, text[len(title) :]


@define
class Walker:
    path: str
    top: list[GoalDraft] = field(factory=list)
    sections: list[Section] = field(factory=list)
    warnings: list[ParseWarning] = field(factory=list)
    kf: GoalDraft | None = None
    area: GoalDraft | None = None
    board: GoalDraft | None = None

    def warn(self, message: str, line: int, code: str = "structure") -> None:
        self.warnings.append(ParseWarning(message, line, self.path, code))

    def open_chain(self) -> list[GoalDraft]:
        return [d for d in (self.kf, self.area, self.board) if d is not None]

    def extend_to(self, line: int) -> None:
        for draft in self.open_chain():
            draft.last_line = max(draft.last_line, line)

    def current(self) -> GoalDraft | None:
        chain = self.open_chain()
        return chain[-1] if chain else None

    def goal(self, block: Block) -> None:
        title_lines, rest = split_title(block.body)
        title = join_hyphenated(title_lines).text
        level = {"kf": GoalLevel.KF, "area": GoalLevel.AREA, "board": GoalLevel.BOARD}[block.kind]
        number = None
        if block.kind == "kf":
            marked = KF_MARK.match(block.marker.text).group(1)  # type: ignore[union-attr]
            printed = _KF_NUMBER.match(title)
            if printed:
                title = printed.group(2)
                if printed.group(1) != marked:
                    self.warn(f"inriktningsmål {marked} har rubriken {printed.group(1)}", block.marker.no)
            number = marked
        elif block.kind == "area":
            printed = _AREA_NUMBER.match(title)
            if printed:
                number, title = printed.group(1), printed.group(2)
            else:
                self.warn("KF:s mål utan tryckt nummer", block.marker.no)
        if not title:
            self.warn(f"{block.marker.text} utan titel", block.marker.no)
        draft = GoalDraft(level, title, number, block.marker.no, block.last, texts={"description": rest})
        self._place(draft, block)

    def _place(self, draft: GoalDraft, block: Block) -> None:
        if block.kind == "kf":
            self.top.append(draft)
            self.kf, self.area, self.board = draft, None, None
            return
        parent = self.kf if block.kind == "area" else (self.area or self.kf)
        if block.kind == "board" and self.area is None:
            self.warn("NÄMNDMÅL: utanför KF:s mål för verksamhetsområdet", block.marker.no)
        if parent is None:
            self.warn(f"{block.marker.text} före första inriktningsmålet; läst som ett mål på översta nivån", block.marker.no)
            self.top.append(draft)
        else:
            parent.children.append(draft)
        if block.kind == "area":
            self.area, self.board = draft, None
        else:
            self.board = draft
        self.extend_to(block.last)

    def result(self, block: Block) -> None:
        target = self.current()
        if target is None or target.texts.get("expected_result"):
            self.warn("'Förväntat resultat' utan ett mål att höra till; inte läst", block.marker.no)
            return
        target.texts["expected_result"] = [line for line in block.body if not line.blank]
        self.extend_to(block.last)

    def table(self, block: Block) -> None:
        assert block.spec is not None
        board_table = block.spec.title.startswith("Nämndens")
        owner = (self.board or self.area) if board_table else self.area
        owner = owner or self.current()
        if owner is None:
            self.warn(f"tabell '{block.spec.title}' före första målet; inte läst", block.marker.no)
            return
        if board_table and self.board is None:
            self.warn(f"tabell '{block.spec.title}' utan nämndmål ovanför; läst under KF:s mål", block.marker.no)
        found = parse_table(block.spec, block.body, self.path)
        owner.indicators.extend(found.indicators)
        owner.activities.extend(found.activities)
        self.warnings.extend(found.warnings)
        self.extend_to(block.last)

    def section(self, block: Block) -> None:
        body = [line for line in block.body if not line.blank]
        self.sections.append(Section(block.marker.text, paragraphs_by_items(body), Provenance(self.path, block.marker.no, block.last)))


def parse_goal_part(lines: Sequence[Line], path: str) -> tuple[list[Goal], list[Section], list[ParseWarning]]:
    """Goals, the sections among them, and what could not be settled."""
    walker = Walker(path)
    for block in blocks(lines):
        if block.kind in ("kf", "area", "board"):
            walker.goal(block)
        elif block.kind == "result":
            walker.result(block)
        elif block.kind == "table":
            walker.table(block)
        else:
            walker.section(block)
    return [draft.freeze(path, _joined) for draft in walker.top], walker.sections, walker.warnings

"""What the goal, indicator and activity readers share: markers, assessments, the context, prose.

The goal part is read by position: a line is either structural (a goal marker, a text
heading, a table header) or content. Everything here compares ``.strip()``-ed text because
page starts, lost bullets and icon glyphs leave leading spaces on any line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from attrs import define, field

from ...model import Assessment, GoalLevel, ParseWarning
from ...text.lines import Line
from ...text.wraps import Guesses
from .line_kinds import STRUCTURAL, TEXT, classify

MARKER_RE = re.compile(
    r"^(?P<marker>KF:s inriktningsmål|KF:s mål för verksamhetsområdet|Nämndmål|Enhetsmål):\s*(?P<rest>.*)$"
)
MARKER_LEVELS = {
    "KF:s inriktningsmål": GoalLevel.KF,
    "KF:s mål för verksamhetsområdet": GoalLevel.AREA,
    "Nämndmål": GoalLevel.BOARD,
    "Enhetsmål": GoalLevel.UNIT,
}
ASSESSMENT_RE = re.compile(r"^(?:Uppfylls (helt|delvis|inte)|(Ingen))$")

#: body prose is set at most ~104 characters wide, table prose (row analyses) wider
TABLE_PROSE_WIDTH = 105


def marker(line: Line) -> re.Match[str] | None:
    return MARKER_RE.match(line.text)


def assessment(line: Line) -> Assessment | None:
    match = ASSESSMENT_RE.match(line.text)
    if match is None:
        return None
    return Assessment.INGEN if match.group(2) else Assessment(match.group(1))


def looks_double_spaced(lines: Sequence[Line]) -> bool:
    """Unit extracts put an empty line after every prose line; detect that variant.

    Counted on long lines only: tables keep single spacing in that variant too.
    """
    long_lines = 0
    followed = 0
    for i, line in enumerate(lines[:-1]):
        if len(line.text) >= 60:
            long_lines += 1
            followed += lines[i + 1].raw == ""
    return long_lines >= 5 and followed >= 0.6 * long_lines


@define
class Context:
    """What every reader of one goal part needs: the path, the layout variant, warnings."""

    path: str
    lines: Sequence[Line]
    double_spaced: bool = False
    tertial: bool = False
    warnings: list[ParseWarning] = field(factory=list)
    #: where a text whose line ends carried no break signal was joined by a guess: a row
    #: joined there is flagged UNCERTAIN_JOIN (see text.wraps.restore_wrap_signal)
    guesses: Guesses = Guesses()
    #: each line's kind (see line_kinds.classify); found here when the caller has not
    kinds: Sequence[str] = field(factory=list)
    #: what the table readers found probing a line as a row start, by index: a row after an
    #: analysis is probed by the analysis reader first and by the table reader again
    probes: dict[int, object] = field(init=False, factory=dict)

    def __attrs_post_init__(self) -> None:
        if not self.kinds:
            self.kinds = classify(self.lines)

    def warn(self, message: str, line: int | None, code: str = "goals") -> None:
        self.warnings.append(ParseWarning(message, line=line, path=self.path, code=code))

    def structural(self, i: int) -> bool:
        """Line ``i`` ends any running text, cell or table row."""
        return self.kinds[i] in STRUCTURAL

    def next_nonblank(self, i: int) -> int:
        kinds = self.kinds
        while i < len(kinds) and kinds[i] == "blank":
            i += 1
        return i

    def block_end(self, i: int) -> int:
        """End (exclusive) of the run of non-blank, non-structural lines starting at ``i``."""
        kinds = self.kinds
        while i < len(kinds) and kinds[i] in TEXT:
            i += 1
        return i


def read_prose(ctx: Context, j: int, starts_row: Callable[[int], bool]) -> tuple[list[Line], int]:
    """Prose blocks from ``j`` until a structural line or a block where a table row starts.

    The first block is always taken: it follows a heading. Blocks are kept apart by an
    empty line so paragraphs survive joining.
    """
    lines = ctx.lines
    taken: list[Line] = []
    while True:
        k = ctx.next_nonblank(j)
        if k >= len(lines) or ctx.structural(k) or (taken and starts_row(k)):
            return taken, j
        end = ctx.block_end(k)
        if taken:
            taken.append(Line(lines[k].no, ""))
        taken.extend(lines[k:end])
        j = end

"""Each line's kind in an ILS file, found once by one pattern and shared by every reader.

The layout (where reports and their parts start), the goal reader (goal markers, text
headings, table headers) and the table readers all ask what a line is, many times over
for the same lines; a list look-up is far cheaper than matching again each time.
``LINE_KINDS`` is the pattern the one pass of ``kfcompare.text.read_lines`` matches on every
line of a file: page noise, headings and every kind below in one match.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from ...budget import HEADER_WORDS as BUDGET_HEADER_WORDS
from ...text.lines import PAGE_NOISE_RE, Line

#: the text headings of a goal and the model field each opens
HEADINGS = {"Beskrivning": "description", "Förväntat resultat": "expected_result", "Analys": "analysis"}

#: every kind but 'blank', 'text' and 'heading', as one pattern: the group that matches names it
_KIND = re.compile(
    r"(?P<summary>Sammanfattande analys$)"
    r"|(?P<goals>Uppföljning av Kommunfullmäktiges inriktningsmål$)"
    # a goal opens with one of these; a report without the goals heading starts its goal part here
    r"|(?P<marker>(?:KF:s inriktningsmål|KF:s mål för verksamhetsområdet|Nämndmål|Enhetsmål):)"
    r"|(?P<indicators>Indikator\s+Periodens\b)"
    r"|(?P<activities>Aktivitet\s+Startdatum\s+Slutdatum\b)"
    r"|(?P<economy>Uppföljning av ekonomi$)"
    # headings of the closing text sections, exactly as a line ('Övrigt avfall som …' is prose)
    r"|(?P<closing>(?:Investeringar|Medel för lokaländamål|Övrigt|Systematiskt kvalitetsarbete)$)"
    # a covid heading closes the economy part; inside 'Övrigt' it is one of Övrigt's sub-headings
    r"|(?P<pandemic>(?i:(?:(?:Konsekvenser|Effekter) av (?:den )?(?:pågående |rådande )?(?:corona)?"
    r"(?:pandemin?|covid[- ]?19)|Covid[- ]?(?:19)?:? ?konsekvenser):?$))"
)

#: the words the layout prints in its narrow table headers and text targets, where they
#: are often split over lines and may stand whole nowhere else in a report: an extract that
#: lost its line-end spaces is read again knowing them (see text.wraps.restore_wrap_signal)
LAYOUT_WORDS = frozenset(
    (
        "Indikator Periodens utfall Utfall män pojkar kvinnor flickor Prognos helår Årsmål "
        "Period Aktivitet Startdatum Slutdatum Avvikelse Tas fram av nämnd styrelse Tertial"
    ).split()
    + sorted(BUDGET_HEADER_WORDS)
)

#: the one pattern of the file's first pass: page noise is dropped there, a text heading
#: is a whole line, and every other kind is a group of _KIND
LINE_KINDS = re.compile(
    rf"(?P<noise>{PAGE_NOISE_RE.pattern})|(?P<heading>(?:{'|'.join(HEADINGS)})$)|{_KIND.pattern}"
)

#: the kinds that end any running text, cell or table row in the goal part
STRUCTURAL = frozenset({"marker", "heading", "indicators", "activities"})
#: the non-blank kinds the goal part reads as text (a stray layout heading is text there)
TEXT = frozenset({"text", "summary", "goals", "economy", "closing", "pandemic"})


def classify(lines: Sequence[Line]) -> list[str]:
    """Each line's kind: 'blank', 'heading', 'text' or a group name of the pattern above."""
    kinds = []
    for line in lines:
        text = line.text
        if not text:
            kinds.append("blank")
        elif text in HEADINGS:
            kinds.append("heading")
        else:
            match = _KIND.match(text)
            kinds.append(match.lastgroup if match else "text")  # type: ignore[arg-type]
    return kinds


#: the last line of an indicator table's header ('årsmål Period'), and how far to look for it
_HEADER_END = re.compile(r"\bPeriod$")
_HEADER_LINES = 40


def indicator_header_end(lines: Sequence[Line], i: int) -> int | None:
    """The index of the last line of the indicator table header that starts at ``i`` (the
    line ending in 'Period'), or None when none follows within the header's reach."""
    for k in range(i + 1, min(i + _HEADER_LINES, len(lines))):
        if _HEADER_END.search(lines[k].text):
            return k
    return None


def furniture(lines: Sequence[Line], kinds: Sequence[str]) -> Callable[[int], int]:
    """For ``text.wraps.restore_wrap_signal``: the index after a table header starting at a
    line (its own index if none starts there), which a cell cut by a page break goes on after."""

    def past(i: int) -> int:
        if kinds[i] == "activities":
            return i + 1
        end = indicator_header_end(lines, i) if kinds[i] == "indicators" else None
        return i if end is None else end + 1

    return past

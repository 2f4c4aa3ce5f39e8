"""The unit a unit-level report is about, from how its text names units.

Unit reports name their own unit in several shapes: 'Enheten för prevention och
familjebehandling', a compound ('Familjeenheten', 'Vuxenenheten'), or a name defined once
('I enheten ung fritid ingår …') and used after. They also name other units in passing
('uppdrag från familjeenheten'), in lower case. So only capitalised uses count, with extra
weight where a report speaks of itself: the opening of the summary and the goal titles
('Enhetsmål: Familjeenhetens ekonomi är …').
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator

from .ranking import Guess, choose
from .wording import Flat

#: 'Enheten för sysselsättning', 'Enheten för prevention och familjebehandling(s)'
_FOR = re.compile(r"\b([Ee])nheten för ([a-zåäö]+(?: (?:och|&) [a-zåäö]+)?)\b")
#: 'Familjeenheten', 'Familjeenhetens', 'Barn- och ungdomsenheten'
_COMPOUND = re.compile(r"\b([A-ZÅÄÖa-zåäö][a-zåäö]+(?:- och [a-zåäö]+)?enhet)(?:en|ens)\b")
#: 'I enheten ung fritid ingår …': a name the report defines, then uses as 'enheten ung fritid'
_DEFINED = re.compile(r"\b[Ii] enheten ((?:[a-zåäö]+ ){0,2}[a-zåäö]+) (?:ingår|finns|består)\b")
#: 'Enhetsmål: ' at a word start; the word start is checked apart (see _word_start), because a
#: pattern that opens with a literal is found by a fast search and one that opens with \b is not
_GOAL_TITLE = re.compile(r"Enhetsmål: ")
_WORD_CHAR = re.compile(r"\w")

SELF_WEIGHT = 3
PROPER_WEIGHT = 1


def detect_unit(flat: Flat, summary_at: int = 0, summary_lines: int = 6) -> Guess:
    """The unit named most, and most prominently, in a unit report's flattened text.

    ``summary_at`` is the index, among the non-blank lines, of the summary heading; the
    lines after it open the report.
    """
    text = flat.text
    prominent = {m.end() for m in _GOAL_TITLE.finditer(text) if _word_start(text, m.start())}
    opening = range(flat.offset_of_index(summary_at), flat.offset_of_index(summary_at + summary_lines))
    scores: Counter[str] = Counter()
    for start, name, capital in _mentions(text):
        if capital:
            scores[name] += SELF_WEIGHT if start in prominent or start in opening else PROPER_WEIGHT
    return choose(_merge_possessives(scores), minimum=2)


def _word_start(text: str, at: int) -> bool:
    return at == 0 or not _WORD_CHAR.match(text, at - 1)


def _mentions(text: str) -> Iterable[tuple[int, str, bool]]:
    """(offset, normalised name, counts) for every unit-name mention; lower case is in passing."""
    stretches = _stretches(text)
    for m in _scan(_FOR, text, stretches):
        yield m.start(), f"Enheten för {m.group(2)}", m.group(1) == "E"
    for m in _scan(_COMPOUND, text, stretches):
        word = m.group(1)
        yield m.start(), word[:1].upper() + word[1:] + "en", word[:1].isupper()
    definitions = {m.start(1) - len("enheten "): m.group(1) for m in _scan(_DEFINED, text, stretches)}
    for defined in set(definitions.values()):
        for m in _scan(re.compile(rf"\b([Ee])nheten {re.escape(defined)}\b"), text, stretches):
            # the definition is the report speaking of itself, whatever its case
            yield m.start(), f"Enheten {defined}", m.group(1) == "E" or m.start() in definitions


#: every unit-name pattern above matches only these characters, and always 'nhet'
_NAME_STRETCH = re.compile(r"[A-Za-zÅÄÖåäö &-]+")


def _stretches(text: str) -> list[tuple[int, int]]:
    """The runs of name characters that hold 'nhet': the only places a mention can be.

    Scanning the patterns over these runs instead of the whole report gives the same matches
    at a fraction of the cost (the patterns open with \\b or a class, so the regex engine
    tries them at every position). Each run ends one character late so \\b at its end sees
    the real next character.
    """
    return [(m.start(), m.end() + 1) for m in _NAME_STRETCH.finditer(text) if "nhet" in m.group()]


def _scan(pattern: re.Pattern[str], text: str, stretches: list[tuple[int, int]]) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, looking only inside ``stretches``."""
    for start, end in stretches:
        yield from pattern.finditer(text, start, end)


def _merge_possessives(scores: Counter[str]) -> Counter[str]:
    """'Enheten för familjebehandlings ekonomi' counts for 'Enheten för familjebehandling'."""
    merged: Counter[str] = Counter()
    for name, score in scores.items():
        base = name[:-1] if name.endswith("s") and name[:-1] in scores else name
        merged[base] += score
    return merged

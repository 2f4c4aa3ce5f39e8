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
from collections.abc import Iterable

from .ranking import Guess, choose
from .wording import Flat

#: 'Enheten för sysselsättning', 'Enheten för prevention och familjebehandling(s)'
_FOR = re.compile(r"\b([Ee])nheten för ([a-zåäö]+(?: (?:och|&) [a-zåäö]+)?)\b")
#: 'Familjeenheten', 'Familjeenhetens', 'Barn- och ungdomsenheten'
_COMPOUND = re.compile(r"\b([A-ZÅÄÖa-zåäö][a-zåäö]+(?:- och [a-zåäö]+)?enhet)(?:en|ens)\b")
#: 'I enheten ung fritid ingår …': a name the report defines, then uses as 'enheten ung fritid'
_DEFINED = re.compile(r"\b[Ii] enheten ((?:[a-zåäö]+ ){0,2}[a-zåäö]+) (?:ingår|finns|består)\b")
_GOAL_TITLE = re.compile(r"\bEnhetsmål: ")

SELF_WEIGHT = 3
PROPER_WEIGHT = 1


def detect_unit(flat: Flat, summary_at: int = 0, summary_lines: int = 6) -> Guess:
    """The unit named most, and most prominently, in a unit report's flattened text.

    ``summary_at`` is the index, among the non-blank lines, of the summary heading; the
    lines after it open the report.
    """
    text = flat.text
    prominent = {m.end() for m in _GOAL_TITLE.finditer(text)}
    opening = range(flat.offset_of_index(summary_at), flat.offset_of_index(summary_at + summary_lines))
    scores: Counter[str] = Counter()
    for start, name, capital in _mentions(text):
        if capital:
            scores[name] += SELF_WEIGHT if start in prominent or start in opening else PROPER_WEIGHT
    return choose(_merge_possessives(scores), minimum=2)


def _mentions(text: str) -> Iterable[tuple[int, str, bool]]:
    """(offset, normalised name, counts) for every unit-name mention; lower case is in passing."""
    for m in _FOR.finditer(text):
        yield m.start(), f"Enheten för {m.group(2)}", m.group(1) == "E"
    for m in _COMPOUND.finditer(text):
        word = m.group(1)
        yield m.start(), word[:1].upper() + word[1:] + "en", word[:1].isupper()
    definitions = {m.start(1) - len("enheten "): m.group(1) for m in _DEFINED.finditer(text)}
    for defined in set(definitions.values()):
        for m in re.finditer(rf"\b([Ee])nheten {re.escape(defined)}\b", text):
            # the definition is the report speaking of itself, whatever its case
            yield m.start(), f"Enheten {defined}", m.group(1) == "E" or m.start() in definitions


def _merge_possessives(scores: Counter[str]) -> Counter[str]:
    """'Enheten för familjebehandlings ekonomi' counts for 'Enheten för familjebehandling'."""
    merged: Counter[str] = Counter()
    for name, score in scores.items():
        base = name[:-1] if name.endswith("s") and name[:-1] in scores else name
        merged[base] += score
    return merged

"""The unit a unit-level report is about, from where its text names units.

Unit reports name their own unit in several shapes: 'Enheten för prevention och
familjebehandling', a compound ('Familjeenheten', 'Vuxenenheten', 'Äldreomsorgsavdelningen'),
an area ('Förskoleområde Norr'), an adjective ('Socialpsykiatriska enheten') or a name defined once ('I enheten ung fritid ingår …') and
used after. They also name other units, capitalised or not, anywhere in the text
('uppdrag från familjeenheten', 'Familjeenheten har under 2021 provat …' in another unit's
goal). So a name is the report's own only where the report speaks of itself:

- the opening of its summary, as the subject of a sentence ('Enheten för sysselsättning
  består av …'), in 'hur och i vilken omfattning Enheten för … bidragit' or in a definition
  ('I enheten ung fritid ingår …');
- the start of a goal title ('Enhetsmål: Familjeenhetens ekonomi är …');
- the caption of a budget table ('Familjeenheten Budget Utfall Avvikelse').

Any other mention is in passing: it never makes the unit, and is only kept as a hint for
the warning when the report names no unit of its own.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator

from attrs import frozen

from ...text.joined import Joined
from .layout import SUMMARY_TITLE
from .name_choice import Guess, choose

#: 'Enheten för sysselsättning', 'Enheten för prevention och familjebehandling(s)',
#: 'Enheten för ekonomiskt bistånd', 'Enheten för sociala frågor'
#: 'Enheten för stöd och service till barn och unga'
_FOR = re.compile(
    r"\b([Ee])nheten för ((?:[a-zåäö]+(?:iskt|ligt|iska|liga|ala|ella) )?[a-zåäö]+(?: (?:och|&) [a-zåäö]+)?"
    r"(?: till [a-zåäö]+(?: (?:och|&) [a-zåäö]+)?)?)\b"
)
#: the genitive s of 'Enheten för familjebehandlings ekonomi', 'Enheten för arbete och välfärds'; not
#: the s of a word that ends in one ('kris', 'analys', 'kurs', 'process', 'fokus')
_POSSESSIVE = re.compile(r"(?<=[^iyrsu])s$")
#: 'Familjeenheten', 'Familjeenhetens', 'Barn- och ungdomsenheten'
_COMPOUND = re.compile(r"\b([A-ZÅÄÖa-zåäö][a-zåäö]+(?:- och [a-zåäö]+)?enhet)(?:en|ens)\b")
#: 'Äldreomsorgsavdelningen', 'Äldreomsorgsavdelningens'
_DEPARTMENT = re.compile(r"\b([A-ZÅÄÖa-zåäö][a-zåäö]+avdelning)(?:en|ens)\b")
#: 'Förskoleområde Norr': an area named by a capitalised word
_AREA = re.compile(r"\b([A-ZÅÄÖ][a-zåäö]+område) ([A-ZÅÄÖ][a-zåäö]+)\b")
#: nouns of '-en' adjectives that end like a compound unit name: 'Erfarenheten visar …'
_NOT_UNITS = (
    "erfarenhet",
    "öppenhet",
    "medvetenhet",
    "nyfikenhet",
    "angelägenhet",
    "benägenhet",
    "belägenhet",
    "förtrogenhet",
    "bundenhet",
    "förmögenhet",
    "tillgivenhet",
    "sammanhållenhet",
    "slutenhet",
    "vakenhet",
)
#: 'Socialpsykiatriska enheten', 'Sociala enhetens': an adjective of these endings only, so
#: 'Hela enheten' or 'Denna enheten' name nothing
_ADJECTIVE = re.compile(r"\b([A-ZÅÄÖa-zåäö][a-zåäö]*(?:iska|ska|ala|ella)) enhet(?:en|ens)\b")
#: 'I enheten ung fritid ingår …': a name the report defines, then uses as 'enheten ung fritid'
_DEFINED = re.compile(r"\b[Ii] enheten ((?:[a-zåäö]+ ){0,2}[a-zåäö]+) (?:ingår|finns|består)\b")
#: 'Enhetsmål: ' at a word start; the word start is checked apart (see _word_start), because a
#: pattern that opens with a literal is found by a fast search and one that opens with \b is not
_GOAL_TITLE = re.compile(r"Enhetsmål: ")
_WORD_CHAR = re.compile(r"\w")
#: what stands before a name that is the subject of the summary's own sentence
_SENTENCE_END = re.compile(r"(?:[.!?:]|\b(?:hur|omfattning))\s*$")
#: what follows a name that captions a budget table: 'Familjeenheten (tkr) Budget Utfall …'
_CAPTION_REST = re.compile(r"\s*(?:\([^)]*\)\s*)?(?:Budget|Utfall|Prognos)\b")
#: how far back a sentence end is looked for before a name
_LOOK_BACK = 12


@frozen
class Mention:
    start: int
    end: int
    #: the name as a unit is called: 'Enheten för sysselsättning', 'Familjeenheten'
    name: str
    #: capitalised, or a definition: the shape a report uses for a unit's name
    proper: bool


@frozen
class UnitGuess:
    """The report's own unit, from where it speaks of itself; the other units it names."""

    name: str | None
    #: the names in self-naming places, most first; more than one leaves the unit unclear
    own: Guess
    #: capitalised names elsewhere, most named first: a hint for the warning, never the unit
    mentioned: tuple[str, ...] = ()


def detect_unit(flat: Joined, summary_at: int = 0, summary_lines: int = 6) -> UnitGuess:
    """The unit a unit report names as its own, or None with what it names in passing.

    Only one name may stand where the report speaks of itself: two leave it unclear.

    ``summary_at`` is the index, among the non-blank lines, of the summary heading; the
    ``summary_lines`` lines after it open the report.
    """
    text = flat.text
    titles = {m.end() for m in _GOAL_TITLE.finditer(text) if _word_start(text, m.start())}
    opening = range(flat.offset_of_index(summary_at), flat.offset_of_index(summary_at + summary_lines))
    line_starts = set(flat.offsets)
    own: Counter[str] = Counter()
    passing: Counter[str] = Counter()
    for mention in _mentions(text, opening):
        if not mention.proper:
            continue
        if _names_itself(text, mention, titles, opening, line_starts):
            own[mention.name] += 1
        else:
            passing[mention.name] += 1
    guess = choose(own)
    mentioned = tuple(name for name, _ in passing.most_common() if name not in own)
    # a report that speaks of itself under two names is unclear, however the count falls
    return UnitGuess(guess.name if len(guess.scores) == 1 else None, guess, mentioned)


def _names_itself(text: str, mention: Mention, titles: set[int], opening: range, line_starts: set[int]) -> bool:
    """Whether the mention stands where a report names its own unit."""
    at = mention.start
    if at in titles:
        return True
    if at in line_starts and _CAPTION_REST.match(text, mention.end):
        return True
    if at not in opening:
        return False
    if text.startswith(("I ", "i "), at):  # a definition, 'I enheten ung fritid ingår'
        return True
    first = opening.start + len(SUMMARY_TITLE) + 1 if text.startswith(SUMMARY_TITLE, opening.start) else opening.start
    if text.startswith("I ", at - 2):  # 'I Förskoleområde Norr ingår …' opens a sentence
        at -= 2
    return at == first or bool(_SENTENCE_END.search(text, max(opening.start, at - _LOOK_BACK), at))


def _word_start(text: str, at: int) -> bool:
    return at == 0 or not _WORD_CHAR.match(text, at - 1)


def _mentions(text: str, opening: range) -> Iterable[Mention]:
    """Every unit-name mention; a lower-case one is in passing unless it is a definition."""
    stretches = _stretches(text)
    for m in _scan(_FOR, text, stretches, "nheten för "):
        name = _POSSESSIVE.sub("", m.group(2))
        yield Mention(m.start(), m.end(), f"Enheten för {name}", m.group(1) == "E")
    for m in _scan(_COMPOUND, text, stretches, "enhet"):
        word = m.group(1)
        if word.lower().endswith(_NOT_UNITS) or word.lower() == "egenhet":
            continue
        yield Mention(m.start(), m.end(), word[:1].upper() + word[1:] + "en", word[:1].isupper())
    for m in _scan(_DEPARTMENT, text, stretches, "avdelning"):
        word = m.group(1)
        yield Mention(m.start(), m.end(), word[:1].upper() + word[1:] + "en", word[:1].isupper())
    for m in _scan(_AREA, text, stretches, "område "):
        place = m.group(2)
        if place.endswith("s") and f"{m.group(1)} {place[:-1]}" in text:
            place = place[:-1]  # the genitive of a name the text also prints bare
        yield Mention(m.start(), m.end(), f"{m.group(1)} {place}", True)
    for m in _scan(_ADJECTIVE, text, stretches, "a enhet"):
        word = m.group(1)
        yield Mention(m.start(), m.end(), f"{word[:1].upper()}{word[1:]} enheten", word[:1].isupper())
    definitions = {
        m.start(): m.group(1)
        for m in _scan(_DEFINED, text, stretches, " enheten ")
        if opening.start <= m.start() < opening.stop
    }
    for at, defined in definitions.items():
        yield Mention(at, at + len("I enheten ") + len(defined), f"Enheten {defined}", True)
    for defined in set(definitions.values()):
        for m in _scan(re.compile(rf"\b([Ee])nheten {re.escape(defined)}\b"), text, stretches, defined):
            if m.start() - 2 not in definitions:
                yield Mention(m.start(), m.end(), f"Enheten {defined}", m.group(1) == "E")


#: every unit-name pattern above matches only these characters, and always one of these words
_NAME_STRETCH = re.compile(r"[A-Za-zÅÄÖåäö &-]+")
_UNIT_WORDS = re.compile("nhet|avdelning|område ")


def _stretches(text: str) -> list[tuple[int, int]]:
    """The runs of name characters that hold 'nhet': the only places a mention can be.

    Scanning the patterns over these runs instead of the whole report gives the same matches
    at a fraction of the cost (the patterns open with \\b or a class, so the regex engine
    tries them at every position). Each run ends one character late so \\b at its end sees
    the real next character.
    """
    return [(m.start(), m.end() + 1) for m in _NAME_STRETCH.finditer(text) if _UNIT_WORDS.search(m.group())]


def _scan(
    pattern: re.Pattern[str], text: str, stretches: list[tuple[int, int]], needle: str
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, looking only inside the ``stretches`` that hold ``needle``,
    a piece of text every match of ``pattern`` holds (a substring test is far cheaper than
    trying the pattern at every position)."""
    for start, end in stretches:
        if text.find(needle, start, end) >= 0:
            yield from pattern.finditer(text, start, end)

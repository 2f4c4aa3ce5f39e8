"""Which district a report belongs to, from how the text names districts.

Reports name other districts in passing (projects run 'tillsammans med' or 'ägs av' another
district, lists of districts, 'Xs stadsdelsförvaltning på uppdrag …'), and goal titles copied
from an older plan keep a pre-merger name. So each mention is weighed: a board phrase
('X stadsdelsnämnd/-förvaltning/-område', 'Xs budget') counts most, a bare name a little, a
name in passing not at all; and a district that did not exist in the report's year is not
the reporting district.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from attrs import frozen

from .name_choice import Guess, choose


@frozen
class District:
    name: str
    #: first and last year the district board existed; None: open-ended
    first_year: int | None = None
    last_year: int | None = None

    def existed(self, year: int | None) -> bool:
        if year is None:
            return True
        return (self.first_year is None or year >= self.first_year) and (
            self.last_year is None or year <= self.last_year
        )


#: Stockholm's district boards since the 2007 reorganisation; Hägersten-Liljeholmen and
#: Älvsjö merged into Hägersten-Älvsjö on 1 January 2020.
DISTRICTS: tuple[District, ...] = (
    District("Bromma"),
    District("Enskede-Årsta-Vantör", 2007),
    District("Farsta"),
    District("Hägersten-Älvsjö", 2020),
    District("Hägersten-Liljeholmen", 2007, 2019),
    District("Hässelby-Vällingby", 2007),
    District("Kungsholmen"),
    District("Norrmalm"),
    District("Rinkeby-Kista", 2007),
    District("Skarpnäck"),
    District("Skärholmen"),
    District("Spånga-Tensta"),
    District("Södermalm", 2007),
    District("Älvsjö", None, 2019),
    District("Östermalm"),
)
_BY_NAME = {d.name: d for d in DISTRICTS}

#: longest names first so 'Hägersten-Älvsjö' is not read as 'Älvsjö'
_NAMES = "|".join(re.escape(d.name) for d in sorted(DISTRICTS, key=lambda d: -len(d.name)))
#: the leading lookahead on the names' first letters only lets the scan skip ahead fast; the
#: lookbehind alone made every position of the text a full attempt
_INITIALS = "".join(sorted({d.name[0] for d in DISTRICTS}))
_MENTION = re.compile(rf"(?=[{_INITIALS}])(?<![\w-])({_NAMES})(s?)(?![\w-])")
_NAME = re.compile(_NAMES)
_BOARD = re.compile(
    r"\s(?:stadsdelsnämnd|stadsdelsförvaltning|stadsdelsområde|stadsdelsnämndsområde|budget)\b(?!er)"
)
#: words before a name that make it someone else's: partners ('(tillsammans) med'), owners, lists
_PASSING_BEFORE = re.compile(
    r"(?:ägs av|med|och|samt|stadsdelsförvaltningarna|stadsdelsnämnderna|stadsdelsområdena|,)\s*$"
)
#: and after it: a list goes on, or the district works 'på uppdrag' of the reporting one
_PASSING_AFTER = re.compile(
    rf"^s?(?:\s*,|\s+och\s+(?:{_NAMES})|\s+(?:stadsdelsförvaltning|stadsdelsnämnd)\s+på uppdrag)"
)

BOARD_WEIGHT = 5
BARE_WEIGHT = 1


def weigh_mentions(text: str) -> Counter[str]:
    """Each district's weight in ``text``: board phrases, bare names, nothing in passing."""
    weights: Counter[str] = Counter()
    for match in _mentions(text):
        before = text[max(0, match.start() - 40) : match.start()]
        after = text[match.start(2) : match.end() + 60]
        if _PASSING_BEFORE.search(before) or _PASSING_AFTER.match(after):
            continue
        board = _BOARD.match(text, match.end())
        weights[match.group(1)] += BOARD_WEIGHT if board else BARE_WEIGHT
    return weights


def _mentions(text: str) -> Iterator[re.Match[str]]:
    """``_MENTION.finditer(text)``, tried only where a name stands.

    A bare alternation of the names is found far faster than the pattern with its
    lookarounds, which the regex engine attempts at every position; no name is a prefix of
    another, so where the full pattern fails, the scan goes on from the next character
    exactly as finditer would.
    """
    pos = 0
    while (name := _NAME.search(text, pos)) is not None:
        match = _MENTION.match(text, name.start())
        if match is None:
            pos = name.start() + 1
            continue
        yield match
        pos = match.end()


def detect_district(text: str, year: int | None) -> tuple[Guess, tuple[str, ...]]:
    """The reporting district of a flattened report text (None when nothing decides), and
    the names left out because their board did not exist in the report's year."""
    weights = weigh_mentions(text)
    out = tuple(sorted(name for name in weights if not _BY_NAME[name].existed(year)))
    return choose({n: w for n, w in weights.items() if n not in out}), out

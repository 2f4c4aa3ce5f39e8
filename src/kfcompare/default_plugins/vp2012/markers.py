"""The lines of a 2012 plan: page-header noise and the structural markers.

Every text line is followed by an empty line and words are hyphenated at line ends, so
nothing structural may hang on blank lines, and wrapped text is rejoined by one rule
(``kfcompare.text.join_hyphenated``) shared by titles, paragraphs, table names and cells.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ...text.lines import PAGE_NOISE, Line

KF_MARK = re.compile(r"^KF:s INRIKTNINGSMÅL (\d+):$")
AREA_MARK = re.compile(r"^KF:s MÅL FÖR VERKSAMHETSOMRÅDET:$")
BOARD_MARK = re.compile(r"^NÄMNDMÅL:$")
RESULT_MARK = re.compile(r"^Förväntat resultat$")
#: unmarked headings that end the goal text before them (budget commentary, appendix list)
SECTION_MARK = re.compile(r"^(?:Nämndens ekonomiska förutsättningar \d{4}|Bilagor)$")
COMMENT_MARK = re.compile(r"^Kommentar:$")

_SID = re.compile(r"^SID \d+ \(\d+\)$")
_DOC_FOOTER = re.compile(r"^\d+\. .*\.doc$")
#: page noise of every extract and the 2012 document footer, as one pattern
_NOISE = re.compile("|".join(f"(?:{p.pattern})" for p in (*PAGE_NOISE, _DOC_FOOTER)))
_CAPS = re.compile(r"^[A-ZÅÄÖ][A-ZÅÄÖ \-]+$")
#: how far above a 'SID n (m)' line the upper-case letterhead may stand
_HEADER_REACH = 20


def clean_lines(lines: Sequence[str]) -> list[Line]:
    """Numbered lines without empty lines and page-header blocks.

    Lines that hold only spaces are kept: tables use them as row separators. Decided on the
    stripped texts, so that only the lines kept (about half: every text line is followed by
    an empty one) become Line objects.
    """
    texts = [raw.strip() for raw in lines]
    noise = {i for i, text in enumerate(texts) if _NOISE.match(text)}
    for i, text in enumerate(texts):
        if text.startswith("SID ") and _SID.match(text):
            noise.add(i)
            for j in range(max(0, i - _HEADER_REACH), i):
                if _CAPS.match(texts[j]):
                    noise.add(j)
    return [Line(i + 1, raw) for i, raw in enumerate(lines) if raw != "" and i not in noise]

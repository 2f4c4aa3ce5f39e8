"""The lines of a 2012 plan: page-header noise and the structural markers.

Every text line is followed by an empty line and words are hyphenated at line ends, so
nothing structural may hang on blank lines, and wrapped text is rejoined by one rule
(``kfcompare.text.join_hyphenated``) shared by titles, paragraphs, table names and cells.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ...text.lines import PAGE_NOISE_RE, Line, read_lines
from ...text.wraps import without_uniform_trailing_space

KF_MARK = re.compile(r"^KF:s INRIKTNINGSMÅL (\d+):$")
AREA_MARK = re.compile(r"^KF:s MÅL FÖR VERKSAMHETSOMRÅDET:$")
BOARD_MARK = re.compile(r"^NÄMNDMÅL:$")
RESULT_MARK = re.compile(r"^Förväntat resultat$")
#: unmarked headings that end the goal text before them (budget commentary, appendix list)
SECTION_MARK = re.compile(r"^(?:Nämndens ekonomiska förutsättningar \d{4}|Bilagor)$")
COMMENT_MARK = re.compile(r"^Kommentar:$")

_SID = re.compile(r"^SID \d+ \(\d+\)$")
_DOC_FOOTER = re.compile(r"^\d+\. .*\.doc$")
#: the one pattern of a plan's first pass: page noise of every extract and the 2012 document
#: footer are dropped there; 'SID n (m)' is a kind of its own, since its letterhead goes too
LINE_KINDS = re.compile(rf"(?P<sid>{_SID.pattern})|(?P<noise>{PAGE_NOISE_RE.pattern}|{_DOC_FOOTER.pattern})")
_CAPS = re.compile(r"^[A-ZÅÄÖ][A-ZÅÄÖ \-]+$")
#: how many kept lines above a 'SID n (m)' line the upper-case letterhead may stand
_HEADER_REACH = 10


def clean_lines(lines: Sequence[str]) -> list[Line]:
    """Numbered lines without empty lines and page-header blocks, in the text layer's one pass.

    Lines that hold only spaces are kept: tables use them as row separators. The upper-case
    letterhead lines up to ``_HEADER_REACH`` lines above a 'SID n (m)' line go with it.
    """
    kept, kinds = read_lines(lines, LINE_KINDS, keep_empty=False)
    kept = without_uniform_trailing_space(kept)
    sids = [i for i, kind in enumerate(kinds) if kind == "sid"]
    if not sids:
        return kept
    # counted in kept lines, not line numbers: an extract with an empty line after every
    # line puts the letterhead twice as many numbers above
    letterhead = {k for i in sids for k in range(max(0, i - _HEADER_REACH), i)}
    return [
        line
        for k, (line, kind) in enumerate(zip(kept, kinds))
        if kind != "sid" and not (k in letterhead and _CAPS.match(line.text))
    ]

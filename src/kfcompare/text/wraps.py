"""Line ends as a break signal, and the signal read again from the words when it is lost.

An ILS extract ends a line broken at a space with a trailing space ('mottagande ' + 'av')
and one broken inside a word with none ('Faststäl' + 'ls'); ``join_wrapped`` and
``join_cells`` read that. An extractor that strips every trailing space, or adds one to every
line, removes the signal. The words of the text itself bring most of it back: a break
between two words the text uses elsewhere, whose join it never uses, is a break at a space;
a break whose join is a word the text uses, and whose halves are not both words, is inside
a word. What the words cannot settle is a guess, and the lines where it was made are named
so the readers can flag the rows joined over them.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Callable, Iterable, Sequence

import attrs
from attrs import frozen

from .lines import Line

#: the flag of a row joined over lines whose ends carried no break signal
UNCERTAIN_JOIN = "uncertain-join"

#: fewest non-blank lines, and fewest lines that wrap mid-sentence, before an extract's
#: line ends count as telling nothing (a short text may simply have no break at a space)
_SIGNAL_LINES = 20
_SIGNAL_WRAPS = 10

#: punctuation around a word that does not belong to it ('(barn', 'nämnd.', '"Bekämpa')
_AROUND = ".,;:!?()[]{}\"'«»“”‘’"
#: a line ending in one of these ends a word
_WORD_END = tuple(".,;:!?)]\"'»”’")
#: a line ending in one of these continues the same word on the next ('ABC-' + 'metoden',
#: '18-' + '24', 'barn/' + 'avd.'), unless it ends a suspended compound part ('vård-' + 'och')
_JOINING = ("-", "/")
#: the words after a suspended compound part ('vård- och omsorg'); the reports also print
#: 'språk-och' without the space, so the break before one is a guess
_AFTER_SUSPENDED = ("och", "eller", "samt")
#: the widest a table cell's line prints (a longer line is prose)
_CELL_WIDTH = 50
#: a line ending in one of these ends a sentence or a clause
_SENTENCE_END = tuple(".!?:;")
#: words a title, heading or sentence never ends with: a line ending in one goes on
#: ('tillsammans med' + 'Socialnämnden', 'Alla inom' + 'Ung fritid'); the paragraph rules share it
GOES_ON = frozenset(
    (
        "och samt eller i av för med till om på som att en ett den det de från inom under vid mot "
        "genom hos utan efter över mellan kring enligt bland både vilket vilka där när hur än per "
        "via sin sitt sina deras dess är har blir kan ska"
    ).split()
)


def missing_wrap_signal(lines: Sequence[Line]) -> int | None:
    """The number of the first line whose wrap cannot be told apart, when the extract's line
    ends carry no break signal; None when they do.

    The signal is missing when no non-blank line ends in white space, or every one does,
    and the text wraps mid-sentence often enough for that to mean something.
    """
    nonblank = [line for line in lines if line.text]
    if len(nonblank) < _SIGNAL_LINES:
        return None
    ending = sum(1 for line in nonblank if line.raw[-1].isspace())
    if 0 < ending < len(nonblank):
        return None
    # a line that ends in a letter followed by one starting in lower case wraps mid-sentence
    wraps = [
        line.no
        for line, after in zip(nonblank, nonblank[1:])
        if line.text[-1].isalpha() and after.text[0].islower()
    ]
    return wraps[0] if len(wraps) >= _SIGNAL_WRAPS else None


def without_uniform_trailing_space(lines: Sequence[Line]) -> list[Line]:
    """The lines with their trailing white space dropped when every non-blank line has some.

    A space on every line end tells nothing (see ``missing_wrap_signal``); dropped, a join
    falls back on what the words show: a line ending in a hyphen before a lower-case word is
    a split word ('styrel-' + 'se'), unless an enumeration goes on ('konferens-' + 'och').
    Other texts are returned as they are.
    """
    nonblank = [line for line in lines if line.text]
    if len(nonblank) < _SIGNAL_LINES or not all(line.raw[-1].isspace() for line in nonblank):
        return list(lines)
    return [Line(line.no, line.raw.rstrip(), line.cells) if line.text else line for line in lines]


@frozen
class Guesses:
    """Where the joins of a text whose break signal was read again are guesses."""

    #: lines whose break to the next the words could not settle (read as one at a space)
    unsure: frozenset[int] = frozenset()
    #: lines that end a block in a word: the cell may end there or go on after a page gap
    #: (read as ending), which only matters where a reader joins it to a later block
    open_ends: frozenset[int] = frozenset()

    #: the words the text uses, for a reader that joins a block to a later one itself
    vocabulary: Vocabulary | None = None

    def read_break(self, above: str, below: str) -> str:
        """How a break a reader found between two stripped lines reads (see ``break_kind``);
        'unsure' when the text's signal was not lost."""
        if self.vocabulary is None:
            return "unsure"
        return break_kind(above, below, self.vocabulary)

    @property
    def restored(self) -> bool:
        """Whether the text's line ends were read again at all (not the readers' default)."""
        return bool(self.unsure or self.open_ends)

    def joined_over(self, no: int) -> bool:
        """Whether a cell or label that goes on after line ``no`` was joined there by a guess."""
        return no in self.unsure or no in self.open_ends


@frozen
class RestoredWraps:
    """An extract's lines with the break signal read again from its words."""

    #: the lines, each ending in one space where the break after it is read as one between
    #: words and in none where it is read as inside a word or ends a block
    lines: tuple[Line, ...]
    guesses: Guesses


@frozen
class Vocabulary:
    """The words a text uses whole (see ``vocabulary``), lower-cased."""

    #: how often each word stands whole, in any case
    words: Counter[str]
    #: words seen with a capital inside a sentence: names ('Stockholm', 'ANDT')
    names: Counter[str]
    #: words seen written in lower case
    plain: Counter[str]
    #: every word, sorted: a prefix is looked up by bisection
    ordered: tuple[str, ...] = ()
    #: pairs of words seen side by side on a line ('stockholmsenkäten uppger')
    pairs: Counter[tuple[str, str]] = attrs.Factory(Counter)

    def begins_word(self, prefix: str) -> bool:
        """Whether a longer word the text uses starts with ``prefix``."""
        k = bisect.bisect_right(self.ordered, prefix)
        return k < len(self.ordered) and self.ordered[k].startswith(prefix)


def vocabulary(lines: Iterable[Line], known: Iterable[str] = ()) -> Vocabulary:
    """The words that stand whole in the text, plus ``known`` once each.

    A word is whole where nothing on the line can continue it: between two others on a
    line, first on a line that starts a block, last on a line whose punctuation ends it.
    The first or last word of a wrapped line may be half of a split word and is not counted.
    """
    words: Counter[str] = Counter(word.lower() for word in known)
    names: Counter[str] = Counter()
    plain: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    before_blank = True
    for line in lines:
        text = line.text
        if not text:
            before_blank = True
            continue
        tokens = text.split()
        starts_whole = before_blank or line.raw[0].isspace()
        ends_whole = text.endswith(_WORD_END)
        first = 0 if starts_whole else 1
        last = len(tokens) if ends_whole else len(tokens) - 1
        if len(tokens) == 1 and not (starts_whole and ends_whole):
            last = first  # a lone token: whole only when both its ends are
        previous = ""  # the whole word before this one on the line, if any
        for k in range(first, last):
            word = tokens[k].strip(_AROUND)
            if not word.isalpha():
                previous = ""
                continue
            lower = word.lower()
            if previous:
                pairs[previous, lower] += 1
            previous = lower if tokens[k] == word else ""  # punctuation parts it from the next
            words[lower] += 1
            if word[0].islower():
                plain[lower] += 1
            elif k > 0 and not tokens[k - 1].endswith(_SENTENCE_END) and _has_letter(tokens[k - 1]):
                names[lower] += 1
        before_blank = False
    return Vocabulary(words, names, plain, tuple(sorted(words)), pairs)


def _has_letter(token: str) -> bool:
    return any(char.isalpha() for char in token)


def _tail_word(text: str) -> str:
    """The letters a line ends with ('nämnd/s' ends with 's')."""
    k = len(text)
    while k and text[k - 1].isalpha():
        k -= 1
    return text[k:].lower()


def _head_word(text: str) -> str:
    return _head_letters(text).lower()


def _head_letters(text: str) -> str:
    """The letters a line starts with, as printed."""
    k = 0
    while k < len(text) and text[k].isalpha():
        k += 1
    return text[:k]


def break_kind(
    above: str, below: str, vocabulary: Vocabulary, run: str = "", opens: bool = False, short: bool = False
) -> str:
    """How the break between two stripped non-blank lines reads: 'space' (between words),
    'word' (inside a word), 'end' (a block ends: a title before a new sentence) or 'unsure'
    (read as 'space'). ``run`` is the word ``above`` ends in when it was itself joined to
    the line before inside a word ('energie' + 'ffektivis' + 'ering'); ``opens``: ``above``
    starts a block or a sentence; ``short``: ``above`` ends well before the margin that the
    line before it reached, so its paragraph ends there unless a lower-case word goes on."""
    end = above[-1]
    if end in _JOINING:
        # 'vård-' + 'och omsorg', also where the extract lost the space after 'och' ('ochfamilj…')
        suspended = end == "-" and above[-2:-1].isalpha() and _head_word(below).startswith(_AFTER_SUSPENDED)
        return "unsure" if suspended else "word"
    first = below[0]
    if first.isupper() and end.isalnum():
        if short:
            return "end"
        if _tail_word(above) in GOES_ON:
            return "space"
        return _before_capital(above, _head_letters(below), vocabulary, opens)
    if not first.islower() or not end.isalpha():
        return "space"  # a digit or sign starts a word; punctuation ends one
    words = vocabulary.words
    tail, head = run or _tail_word(above), _head_word(below)
    joined = tail + head
    known_tail, known_head = words[tail] > 0, words[head] > 0
    if vocabulary.pairs[tail, head] > words[joined]:
        return "space"  # the two words stand side by side elsewhere ('stockholmsenkäten uppger')
    if words[joined] > 0 and not (known_tail and known_head):
        return "word"
    if known_tail and known_head:
        return "space" if words[joined] == 0 else "unsure"
    if not known_head and vocabulary.begins_word(joined):
        return "word"  # the start of a longer word the text uses ('energie' + 'ffektivis')
    return "space" if known_tail or known_head or tail in GOES_ON else "unsure"


def _before_capital(above: str, head: str, vocabulary: Vocabulary, opens: bool) -> str:
    """A capital after a line that ends without punctuation: a name goes on in the same
    sentence ('elever i' + 'Stockholm'); a word the text writes in lower case inside its
    sentences starts a new one after a full-width line, which ended a title or heading
    ('… i den offentliga miljön' + 'Arbetet för att …'), as does any word after a full-width
    line that is a whole title (it opened a block). In a narrow cell it is a guess."""
    if len(head) > 1 and head.isupper():
        return "space"  # an abbreviation ('ANDT', 'IT')
    head = head.lower()
    names, plain = vocabulary.names[head], vocabulary.plain[head]
    if names > plain:
        return "space"
    if len(above) > _CELL_WIDTH and (plain > 0 or (opens and names == 0)):
        return "end"
    return "unsure"


#: the most blank lines a cell or sentence is read to go on over (a page gap, its page
#: noise dropped)
_GAP = 6


def restore_wrap_signal(
    lines: Sequence[Line], known: Iterable[str] = (), furniture: Callable[[int], int] | None = None
) -> RestoredWraps:
    """``lines`` with a trailing space wherever the words read the break as one between
    words; ``known`` adds the layout's own words (header words that only ever print split);
    ``furniture(i)`` is the index after a repeated table header starting at line ``i`` (or
    ``i``), which a cell cut by a page break goes on after.

    Call it on an extract where ``missing_wrap_signal`` found none. A line that starts with
    white space keeps that as its own signal. Over a gap (blank lines, a repeated header)
    only a lower-case or parenthesised continuation is read (a cell or sentence cut by a
    page break); a block that ends in a word before anything else may end there or go on
    further down, which the words cannot tell: its line is named an open end. One pass
    counts the words, one decides.
    """
    stripped = [Line(line.no, line.raw.rstrip(), line.cells) if line.text else line for line in lines]
    vocab = vocabulary(stripped, known)
    restored: list[Line] = []
    unsure: set[int] = set()
    open_ends: set[int] = set()
    run = ""  # the word the current line ends in, when it began on lines before
    opens = True  # the current line starts a block or a sentence
    margin = _margin(stripped)
    before = 0  # the length of the line before, when it is in the same block
    for i, line in enumerate(stripped):
        if not line.text or line.cells is not None:
            restored.append(line)
            run, opens, before = "", True, 0
            continue
        after, gap = _next_text(stripped, i, furniture)
        if after is not None and after.raw[0].isspace():
            kind = _before_indent(line.text)  # the next line's leading space tells
        elif after is None or (gap and not _goes_on(after.text)):
            kind = _over_gap(line.text)
        else:
            short = before >= margin * 0.85 and len(line.text) < margin * 0.6
            kind = break_kind(line.text, after.text, vocab, run, opens, short)
        if kind == "unsure":
            unsure.add(line.no)
        elif kind == "open":
            open_ends.add(line.no)
        restored.append(Line(line.no, line.raw + " ", line.cells) if kind in ("space", "unsure") else line)
        if kind == "word" and after is not None and " " not in after.text:
            run = (run or _tail_word(line.text)) + _head_word(after.text)
        else:
            run = ""
        opens = kind == "end" or line.text.endswith(_SENTENCE_END)
        before = len(line.text)
    return RestoredWraps(tuple(restored), Guesses(frozenset(unsure), frozenset(open_ends), vocab))


def _margin(lines: Sequence[Line]) -> int:
    """How wide the text's prose lines run: the upper quartile of the lines wider than a
    table cell (the page's right margin, as the extract shows it)."""
    widths = sorted(len(line.text) for line in lines if len(line.text) > _CELL_WIDTH)
    return widths[len(widths) * 3 // 4] if widths else 10**6


def _before_indent(text: str) -> str:
    """Before a line that starts with a space (a new cell or item, or a continuation the
    extractor indented): a comma or a word a sentence cannot end with goes on."""
    goes_on = text.endswith(",") or (text[-1].isalpha() and _tail_word(text) in GOES_ON)
    return "space" if goes_on else "signalled"


def _goes_on(text: str) -> bool:
    """Whether a line after a gap reads as going on with the text before it: lower case, or
    a parenthesis (a paragraph does not open with one)."""
    return text[0].islower() or text[0] == "("


def _over_gap(text: str) -> str:
    """A block that ends in a comma or in a word a sentence cannot end with goes on after
    the gap; one that ends in another word may ('open'); one that ends otherwise ends."""
    if text.endswith(",") or (text[-1].isalpha() and _tail_word(text) in GOES_ON):
        return "space"
    return "open" if text[-1].isalpha() else "end"


def _next_text(lines: Sequence[Line], i: int, furniture: Callable[[int], int] | None) -> tuple[Line | None, bool]:
    """The next non-blank line after line ``i`` within a page gap, past one repeated header,
    and whether a gap parts them. Bounded: at most ``_GAP`` blank lines and one header are
    looked past, so the pass stays linear whatever the text repeats."""
    k, blanks, crossed = i + 1, 0, False
    while k < len(lines):
        past = furniture(k) if furniture is not None and not crossed else k
        if past > k:
            k, crossed = past, True
            continue
        if lines[k].text:
            return lines[k], bool(blanks or crossed)
        blanks += 1
        if blanks > _GAP:
            break
        k += 1
    return None, True

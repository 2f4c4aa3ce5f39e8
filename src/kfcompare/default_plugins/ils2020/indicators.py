"""Indicator tables: the header's columns, rows cut by page breaks, analyses after rows.

A row is a name block followed by value blocks, the last ending with the Period cell. The
header is repeated after every page break and can cut a row's name or its analysis; what
follows a repeated header and is not a row continues whatever the header interrupted.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from attrs import define, field, frozen

from ...model import INDICATOR_COLUMNS, ColumnAssignment, GoalLevel, Indicator, Provenance, Value
from ...text.dates import PERIOD_WORD
from ...text.joined import join_cells
from ...text import parse_value
from ...text.lines import Line, join_wrapped
from ...text.wraps import UNCERTAIN_JOIN
from ...text.paragraphs import paragraphs_by_blanks
from ...values import count_of
from ...text.numbers import KNOWN_UNIT_RE, VALUE_TOKEN_RE, starts_with_value
from .row_cells import Cell, SplitRow, ends_with_period, split_cells
from .column_choice import MAX_READINGS, RowFacts, assign
from .goal_part import Context, read_prose
from .line_kinds import indicator_header_end

#: header cells, matched on the header text with all white space removed
_HEADER_CELLS = (
    ("previous", re.compile(r"Periodensutfall(?:VB|T\d|Tertial\d)\d{4}")),
    ("outcome", re.compile(r"Periodensutfall")),
    ("outcome_men", re.compile(r"Utfallmän/?pojkar")),
    ("outcome_women", re.compile(r"Utfallkvinnor/?flickor")),
    ("forecast", re.compile(r"Prognos(?:helår)?")),
    ("kf_target", re.compile(r"KF:sårsmål")),
    ("target", re.compile(r"Årsmål")),
)
_PREVIOUS_LABEL = re.compile(r"Periodens\s*utfall\s*((?:VB|T\d|Tertial\s*\d)\s*\d{4})")
#: a table line longer than this is prose, not a name or value cell
_CELL_LINE_MAX = 90
_MAX_VALUE_BLOCKS = 8
_MAX_NAME_BLOCKS = 3
#: the name column is narrow: a longer line is prose
_NAME_LINE_MAX = 45
#: an analysis saying the outcome is missing ('något utfall inte kommer kunna rapporteras')
_NO_OUTCOME = re.compile(r"\b(?:inget|något)\s+utfall\b|\bundantas\b", re.I)
#: the words of a Period cell before its year ('VB 2020', 'Tertial 1 2020')
_PERIOD_START = re.compile(rf"{PERIOD_WORD}$")
_TOKEN = re.compile(r"\S+")


@frozen
class Header:
    columns: tuple[str, ...]
    previous_label: str | None
    #: empty cells survive as extra spaces in this extract (its lines keep trailing spaces)
    exact_spacing: bool
    end: int  # index after the header's last line


def read_header(ctx: Context, i: int) -> Header:
    """The columns a header at ``i`` prints, in order; the 2020 default if unreadable."""
    lines = ctx.lines
    last = indicator_header_end(lines, i)
    if last is None:
        ctx.warn("indikatortabellens huvud saknar kolumnen 'Period'; standardkolumnerna används", lines[i].no)
        return Header(INDICATOR_COLUMNS, None, False, i + 1)
    joined = join_wrapped([line.raw for line in lines[i : last + 1]])
    squashed = "".join(joined.split())
    columns = _header_columns(squashed)
    if not columns:
        ctx.warn("indikatortabellens huvud kunde inte läsas; standardkolumnerna används", lines[i].no)
        columns = list(INDICATOR_COLUMNS)
    label = _PREVIOUS_LABEL.search(joined)
    previous_label = " ".join(label.group(1).split()) if label else None
    # a text read again without its line-end spaces cannot say: its rows' own gaps decide
    exact = lines[last].raw[-1:].isspace() or ctx.guesses.restored
    return Header(tuple(columns), previous_label, exact, last + 1)


def _header_columns(squashed: str) -> list[str]:
    found: list[tuple[int, str]] = []
    taken: list[tuple[int, int]] = []
    for name, pattern in _HEADER_CELLS:
        for match in pattern.finditer(squashed):
            span = (match.start(), match.end())
            if any(a < span[1] and span[0] < b for a, b in taken):
                continue
            taken.append(span)
            found.append((span[0], name))
            break
    return [name for _, name in sorted(found)]


def header_column(title: str) -> str | None:
    """The model column one header cell's title names ('Perio dens utfall VB 2019' is
    'previous'); None for a title no column has."""
    found = _header_columns("".join(title.split()))
    return found[0] if len(found) == 1 else None


@frozen
class RawRow:
    name_lines: tuple[Line, ...]
    split: SplitRow
    first_line: int
    last_line: int
    end: int  # index after the row
    #: (column, value) of each printed cell, when the source placed them by position (PDF)
    placed: tuple[tuple[str, Value], ...] | None = None
    #: why the source could not tell the placed cells' columns apart (Swedish), if it could not
    doubt: str | None = None
    #: name lines whose break over a gap the words settled (see ``_read_on``)
    settled: frozenset[int] = frozenset()


def probe_row(ctx: Context, i: int) -> RawRow | None:
    """The row starting at ``i`` if a name and value blocks ending in a Period are there."""
    if i not in ctx.probes:
        ctx.probes[i] = _probe_row(ctx, i)
    return ctx.probes[i]  # type: ignore[return-value]


def _probe_row(ctx: Context, i: int) -> RawRow | None:
    lines = ctx.lines
    if lines[i].cells is not None:
        return _placed_row(lines[i], i)
    end = ctx.block_end(i)
    block = lines[i:end]
    if not block or any(len(line.text) > _CELL_LINE_MAX for line in block):
        return None
    name_lines, first_values = _split_first_block(block)
    if name_lines is None:
        return None
    cut = None if first_values else _cut_continues(ctx, end)
    if cut is not None:
        # a row printed on its name's line whose last cell a page break cut ('Tas fram' /
        # page / 'av nämnd'): the cell goes on in the next block
        k = cut
        more = ctx.block_end(k)
        joined_names, joined_values = _split_first_block([*block, *lines[k:more]])
        if joined_names is not None and joined_values:
            name_lines, first_values, end = joined_names, joined_values, more
    value_blocks: list[list[tuple[str, int]]] = [first_values] if first_values else []
    settled: set[int] = set()
    j = end if first_values else _name_blocks_end(ctx, end, name_lines, settled)
    while not ends_with_period(join_cells(value_blocks).text):
        if len(value_blocks) >= _MAX_VALUE_BLOCKS:
            return None
        k = _past_repeated_header(ctx, ctx.next_nonblank(j))
        if k >= len(lines) or ctx.structural(k):
            return None
        j = ctx.block_end(k)
        if any(len(line.text) > _CELL_LINE_MAX for line in lines[k:j]):
            return None
        values = [(line.raw, line.no) for line in lines[k:j]]
        if value_blocks and _word_cut(value_blocks[-1][-1], values[0]):
            value_blocks[-1].extend(values)  # a page break inside a word: one cell, as printed
        else:
            value_blocks.append(values)
    split = split_cells(join_cells(value_blocks))
    if split.period is None or any(_is_prose(cell) for cell in split.cells):
        return None
    last = max(no for b in value_blocks for _, no in b)
    return RawRow(tuple(name_lines), split, name_lines[0].no, last, j, settled=frozenset(settled))


def _placed_row(line: Line, i: int) -> RawRow | None:
    """A row whose source placed its cells by position (PDF): each cell names its column
    ('name', 'period' or a model column); a cell under no known column makes the row doubtful."""
    cells = line.cells or ()
    if not any(cell.column == "name" for cell in cells):
        return None
    name = Line(line.no, " ".join(cell.text for cell in cells if cell.column == "name"))
    period = next((Value(cell.text, line=line.no) for cell in cells if cell.column == "period"), None)
    placed = tuple(
        (cell.column, parse_value(cell.text, line=line.no))
        for cell in cells
        if cell.column is not None and cell.column not in ("name", "period")
    )
    found = tuple(Cell(value, False, 0, "number" if value.number is not None else "text") for _, value in placed)
    unknown = [cell.text for cell in cells if cell.column is None]
    doubt = getattr(line, "doubt", None) or (f"celler under en okänd kolumnrubrik: {unknown}" if unknown else None)
    return RawRow((name,), SplitRow(found, period, 0), line.no, line.no, i + 1, placed, doubt)


def _name_blocks_end(ctx: Context, j: int, name_lines: list[Line], settled: set[int]) -> int:
    """Extend the name over following short blocks that do not open with a value.

    Some extracts put an empty line after a name's first line ('Antal familjer som mottar'
    / '' / 'föräldrastöd genom ABC-' / 'utbildning').
    """
    for _ in range(_MAX_NAME_BLOCKS - 1):
        k = _past_repeated_header(ctx, ctx.next_nonblank(j))
        if k >= len(ctx.lines) or ctx.structural(k):
            break
        end = ctx.block_end(k)
        block = ctx.lines[k:end]
        text = join_cells([[(line.raw, line.no) for line in block]]).text
        if starts_with_value(text) or starts_with_value(_with_next_block(ctx, end, text)):
            break  # a value, also one a page break cut ('Ny' / 'indikator 2020')
        if any(len(line.text) > _NAME_LINE_MAX for line in block):
            break
        if _PERIOD_START.match(text) or (name_lines[-1].text.endswith(".") and text[:1].isupper()):
            break  # a Period cut by a page break ('VB' / '2020'), or a new sentence: not the name
        if block[0].raw[:1].isspace() and block[0].text[:1].isupper() and not name_lines[-1].text.endswith(("-", ",")):
            break  # a capital set in by a space opens a name cell: the next row's (' Andel …')
        _read_on(ctx, name_lines, block[0], settled)
        name_lines.extend(block)
        j = end
    return j


def _word_cut(before: tuple[str, int], after: tuple[str, int]) -> bool:
    """Two value lines a page break parted inside a cell: far apart, and a word cut ('livsmed'
    / page / 'el': a letter or '/' before, a lower-case letter after, no space between) or a
    number parted from its unit ('22,73' / page / '%': a unit never opens a cell)."""
    (raw, no), (next_raw, next_no) = before, after
    if next_no - no <= 2:
        return False
    if (raw[-1:].isalpha() or raw[-1:] == "/") and next_raw[:1].islower():
        return True  # 'livsmed' / 'el', 'nämnd/' / 'styrelse'
    first = next_raw.split(None, 1)[:1]
    return raw.rstrip()[-1:].isdigit() and bool(first) and KNOWN_UNIT_RE.fullmatch(first[0]) is not None


def _cut_continues(ctx: Context, end: int) -> int | None:
    """Where a cell cut at the end of the block ending at ``end`` goes on: the next block, when
    a page break (a page gap or a repeated header) parts them and the block ends mid-sentence
    or mid-word; else None."""
    lines = ctx.lines
    k = ctx.next_nonblank(end)
    header = k < len(lines) and ctx.kinds[k] == "indicators"
    k = _past_repeated_header(ctx, k)
    if k >= len(lines) or ctx.structural(k) or (not header and lines[k].no - lines[end - 1].no <= 2):
        return None
    before, after = lines[end - 1], lines[k]
    if not (before.raw[-1:].isspace() or _word_cut((before.raw, before.no), (after.raw, after.no))):
        return None
    return k


def _with_next_block(ctx: Context, end: int, text: str) -> str:
    """A block's text with the next block's, when a page break may have cut a cell between them."""
    k = _cut_continues(ctx, end)
    if k is None:
        return text
    return " ".join([text, *(line.text for line in ctx.lines[k : ctx.block_end(k)])])


def _past_repeated_header(ctx: Context, k: int) -> int:
    """The first line after a table header repeated at ``k`` by a page break inside a row."""
    if k < len(ctx.lines) and ctx.kinds[k] == "indicators":
        return ctx.next_nonblank(read_header(ctx, k).end)
    return k


def _split_first_block(block: Sequence[Line]) -> tuple[list[Line] | None, list[tuple[str, int]]]:
    """Name lines and any values printed on the name's line ('Antal barn per grupp 12,5')."""
    first = block[0]
    tokens = list(_TOKEN.finditer(first.raw))
    for k, token in enumerate(tokens):
        if k == 0 or not VALUE_TOKEN_RE.match(token.group(0)):
            continue
        tail = [(first.raw[token.start() :], first.no)] + [(line.raw, line.no) for line in block[1:]]
        split = split_cells(join_cells([tail]))
        if split.cells and all(_plain_cell(cell) for cell in split.cells):
            name = Line(first.no, first.raw[: token.start()])
            return [name], tail
        break
    return list(block), []


def _plain_cell(cell: Cell) -> bool:
    if cell.kind == "text":
        return True
    unit = cell.value.unit
    return cell.kind == "number" and (unit is None or KNOWN_UNIT_RE.fullmatch(unit) is not None)


def _is_prose(cell: Cell) -> bool:
    if cell.kind != "other":
        return False
    words = cell.raw.split()
    return len(words) > 3 or words[0][:1].isupper()


@define
class _Draft:
    name_lines: list[Line]
    raw: RawRow
    analysis_lines: list[Line] = field(factory=list)
    last_line: int = 0
    #: name lines whose break to a tail after a page break the words settled (_read_on)
    settled: set[int] = field(factory=set)

    def name(self) -> str:
        return join_wrapped([line.raw for line in self.name_lines])


def read_table(ctx: Context, i: int, level: GoalLevel | None) -> tuple[list[Indicator], int]:
    """Every row of the indicator table whose header is at ``i``; returns the index after it."""
    lines = ctx.lines
    header = read_header(ctx, i)
    drafts: list[_Draft] = []
    j = header.end
    after_header = False
    in_analysis = False
    while True:
        j = ctx.next_nonblank(j)
        if j >= len(lines):
            break
        line = lines[j]
        if ctx.kinds[j] == "indicators":
            header = read_header(ctx, j)
            j = header.end
            after_header = True
            continue
        if line.text == "Analys" and drafts:
            j = _read_analysis(ctx, j + 1, drafts[-1])
            in_analysis = True
            continue
        if ctx.structural(j):
            break
        row = probe_row(ctx, j)
        if row is not None:
            drafts.append(_Draft(list(row.name_lines), row, last_line=row.last_line, settled=set(row.settled)))
            j = row.end
            after_header = in_analysis = False
            continue
        if not drafts or not (after_header or in_analysis):
            break
        end = ctx.block_end(j)
        target = drafts[-1]
        if in_analysis:
            j = _read_analysis(ctx, j, target)
        else:
            _read_on(ctx, target.name_lines, lines[j], target.settled)
            target.name_lines.extend(lines[j:end])
            target.last_line = lines[end - 1].no
            j = end
            if _cut_continues(ctx, end) is not None:
                continue  # the name's tail goes on after a page break: still after the header
        after_header = False
    return [_indicator(ctx, draft, header, level) for draft in drafts], j


def _read_on(ctx: Context, name_lines: list[Line], tail: Line, settled: set[int]) -> None:
    """A name's tail found after a gap (a page break, the empty line some extracts put inside
    a name), in a text that lost its line-end spaces: the break before it is read from the
    words, as the text layer reads neighbouring lines ('stockholmsenkäten' / values / header /
    'uppger att …', 'stadens' / '' / 'ANDT-förebyggande'). A settled break goes in ``settled``."""
    if not name_lines:
        return
    last = name_lines[-1]
    if last.no not in ctx.guesses.open_ends:
        return
    kind = ctx.guesses.read_break(last.text, tail.text)
    if kind != "word":
        name_lines[-1] = Line(last.no, last.raw.rstrip() + " ", last.cells)
    if kind != "unsure":
        settled.add(last.no)


def _read_analysis(ctx: Context, j: int, draft: _Draft) -> int:
    """Prose after 'Analys' up to the next row or structural line."""
    taken, j = read_prose(ctx, j, lambda k: probe_row(ctx, k) is not None)
    if taken:
        if draft.analysis_lines:
            draft.analysis_lines.append(Line(taken[0].no, ""))
        draft.analysis_lines.extend(taken)
        draft.last_line = max(draft.last_line, taken[-1].no)
    return j


def _indicator(ctx: Context, draft: _Draft, header: Header, level: GoalLevel | None) -> Indicator:
    split = draft.raw.split
    period = split.period.raw if split.period else None
    placed, flags, alternatives = _place(ctx, draft, header, level)
    if ctx.guesses.restored and _joined_over_lines(ctx, draft):
        flags = (*flags, UNCERTAIN_JOIN)
    analysis = paragraphs_by_blanks(draft.analysis_lines) if draft.analysis_lines else None
    unknown = [cell.raw for cell in split.cells if cell.kind == "other"]
    if unknown:
        ctx.warn(f"indikatorcell(er) som inte känns igen, sparade som text: {unknown}", draft.raw.first_line, "indicator")
    return Indicator(
        name=draft.name(),
        provenance=Provenance(ctx.path, draft.raw.first_line, max(draft.last_line, draft.raw.last_line)),
        period=period,
        flags=flags,
        alternatives=alternatives,
        analysis=analysis or None,
        **placed,  # type: ignore[arg-type]  # keys are header columns, Indicator's Value columns only
    )


def _joined_over_lines(ctx: Context, draft: _Draft) -> bool:
    """Whether the row's name or one of its value cells wraps onto the next line at a break
    the words could not settle (``ctx.guesses``): a name line anywhere, a value line only
    where it meets the next (a value block ending in a word ends there: 'nämnd' / 'VB 2020').
    Only the row's own lines are read."""
    guesses = ctx.guesses
    if any(guesses.joined_over(line.no) and line.no not in draft.settled for line in draft.name_lines[:-1]):
        return True
    name_end = draft.name_lines[-1].no if draft.name_lines else draft.raw.first_line
    k = min(draft.raw.end, len(ctx.lines)) - 1
    while k >= 0 and ctx.lines[k].no > name_end:
        line = ctx.lines[k]
        if line.no < draft.raw.last_line and line.no in guesses.unsure:
            return True
        k -= 1
    return False


def _place(
    ctx: Context, draft: _Draft, header: Header, level: GoalLevel | None
) -> tuple[dict[str, Value], tuple[str, ...], tuple[ColumnAssignment, ...]]:
    cells = draft.raw.split.cells
    columns = header.columns
    from_page = draft.raw.placed
    if from_page is not None:
        found = dict(from_page)
        if draft.raw.doubt is None:
            return found, (), ()
        ctx.warn(f"indikatorn {draft.name()!r}: kolumnerna är osäkra på sidan: {draft.raw.doubt}", draft.raw.first_line, "ambiguous-columns")
        return found, ("ambiguous-columns",), ()
    exact = _exact_slots(draft.raw.split, len(columns)) if header.exact_spacing else None
    if exact is not None:
        return {columns[k]: cell.value for k, cell in exact}, (), ()
    period = draft.raw.split.period.raw if draft.raw.split.period else ""
    tertial = period.startswith(("Tertial", "T1", "T2"))
    count = draft.name().startswith("Antal")
    analysis = " ".join(line.text for line in draft.analysis_lines)
    no_outcome = bool(_NO_OUTCOME.search(analysis))
    facts = RowFacts(level, ctx.tertial, tertial, tertial or not period[:1].isdigit(), count, no_outcome)
    choice = assign(columns, cells, facts)
    placed = {name: cell.value for name, cell in choice.cells}
    if not choice.ambiguous and not ctx.guesses.restored and _spacing_lost(draft.raw.split, header, len(columns)):
        ctx.warn(
            f"indikatorn {draft.name()!r}: {count_of(len(cells), 'värde', 'värden')} i {len(columns)} kolumner, men "
            "raden saknar de extra mellanslag som i den här texten visar tomma celler; den troligaste läsningen "
            "används — kontrollera raden i rapporten",
            draft.raw.first_line,
            "ambiguous-columns",
        )
        return placed, ("ambiguous-columns",), ()
    if not choice.ambiguous:
        return placed, (), ()
    if choice.bounded:
        ctx.warn(
            f"indikatorn {draft.name()!r}: {len(cells)} värden kan fördelas på {len(columns)} kolumner på fler än "
            f"{MAX_READINGS} sätt; de lästes var för sig utan att prövas mot varandra — kontrollera raden i rapporten",
            draft.raw.first_line,
            "ambiguous-columns",
        )
        return placed, ("ambiguous-columns",), ()
    ctx.warn(
        f"indikatorn {draft.name()!r}: {count_of(len(cells), 'värde', 'värden')} kan stå i flera av tabellens kolumner; "
        "den troligaste läsningen används och de andra sparas som alternativ",
        draft.raw.first_line,
        "ambiguous-columns",
    )
    return placed, ("ambiguous-columns",), choice.alternatives


def _spacing_lost(split: SplitRow, header: Header, width: int) -> bool:
    """Whether a row of an extract that keeps empty cells as extra spaces has empty cells
    but not one extra space: its spacing was lost, and which cells are empty is a guess.
    (A text read again without its line-end spaces only tries that spacing: not asked.)"""
    if not header.exact_spacing or len(split.cells) >= width:
        return False
    return split.gap_after == 0 and all(cell.gap_before == 0 for cell in split.cells)


def _exact_slots(split: SplitRow, width: int) -> list[tuple[int, Cell]] | None:
    """Column index per cell when the extra spaces account for every empty column."""
    slots = []
    k = 0
    for cell in split.cells:
        k += cell.gap_before
        slots.append((k, cell))
        k += 1
    if k + split.gap_after != width:
        return None
    return slots

"""The shared text layer: lines, page noise, joined text with its line map, paragraphs, dates."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kfcompare import read_source
from kfcompare.text import (
    Cell,
    Line,
    is_page_noise,
    join_cells,
    join_flat,
    join_hyphenated,
    join_wrapped,
    numbered,
    paragraphs_by_blanks,
    paragraphs_by_items,
    paragraphs_by_sentences,
    parse_date,
    read_lines,
    strip_page_noise,
)
from kfcompare.text.lines import undoubled
from kfcompare.text.numbers import has_decimal_token, is_number_token, parse_value, starts_with_value

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.mark.parametrize(
    "text",
    [
        "Tjänsteutlåtande",
        "Sid 5 (72)",
        "SID 24 (36)",
        "Sida 3 av 40",
        "start.stockholm",
        "Telefon: 08-508 12 000",
        "08-508 12 000",
        "Dnr SDN 2020/123",
        "Södermalms stadsdelsförvaltning Dnr 1.2.3-45/2020",
    ],
)
def test_page_noise_of_every_template(text: str) -> None:
    assert is_page_noise(text)


@pytest.mark.parametrize("text", ["Sid 5 har en tabell", "Dnr-numret anges i beslutet.", "08 är ett tal", ""])
def test_prose_is_no_page_noise(text: str) -> None:
    assert not is_page_noise(text)


def test_read_lines_drops_the_page_block_and_keeps_numbers() -> None:
    source = read_source(EXAMPLES / "sodermalm_t1_2020.txt")
    lines, kinds = read_lines(source.lines)
    by_no = {line.no: line for line in lines}
    # lines 47-50 of the Södermalm report are a page footer: Tjänsteutlåtande, Sid 5 (72), start.stockholm
    assert 47 not in by_no and 48 not in by_no and 50 not in by_no
    assert by_no[49].blank and kinds[lines.index(by_no[49])] == "blank"
    assert lines == strip_page_noise(numbered(source.lines))
    assert all(kind in ("text", "blank") for kind in kinds)


def test_read_lines_classifies_once_with_the_formats_pattern() -> None:
    import re

    kinds_re = re.compile(r"(?P<marker>Nämndmål:)|(?P<noise>Extra sidfot$)")
    lines, kinds = read_lines(["Nämndmål: 1.1", "", "Extra sidfot", "  prosa  "], kinds_re)
    assert [(line.no, kind) for line, kind in zip(lines, kinds)] == [(1, "marker"), (2, "blank"), (4, "text")]
    assert lines[-1].text == "prosa" and lines[-1].raw == "  prosa  "


def test_line_cells_are_optional() -> None:
    plain = Line(3, " 12,5 ")
    placed = Line(3, " 12,5 ", (Cell("12,5", 310.0, 332.5, "outcome"),))
    assert plain.cells is None and plain.text == "12,5" and not plain.blank
    assert placed.cells is not None and placed.cells[0].column == "outcome"
    assert plain != placed and plain == Line(3, " 12,5 ")


def test_join_wrapped_keeps_word_breaks() -> None:
    assert join_wrapped(["Andel barn som lever i ", "familjer"]) == "Andel barn som lever i familjer"
    assert join_wrapped(["Faststäl", "ls 2020"]) == "Fastställs 2020"


def test_join_cells_maps_every_character_to_its_line() -> None:
    joined = join_cells([[("87,8 ", 10), ("%", 11)], [("VB 2020", 13)]])
    assert joined.text == "87,8 % VB 2020"
    assert [joined.line_at(i) for i in (0, 4, 5, 6, 7)] == [10, 11, 11, 13, 13]
    assert joined.spans_join(0, 6) and not joined.spans_join(0, 6, tight=True)
    tight = join_cells([[("12,7 barn/a", 4), ("vd.", 5)]])
    assert tight.text == "12,7 barn/avd." and tight.spans_join(5, 14, tight=True)


def test_join_flat_rejoins_a_name_wrapped_at_its_hyphen() -> None:
    source = read_source(EXAMPLES / "hagersten-alvsjo_ung-fritid_vb_2020.txt")
    lines = numbered(source.lines)[397:399]  # lines 398-399: '… att Hägersten-' / 'Liljeholmen är …'
    flat = join_flat(lines)
    at = flat.text.index("Hägersten-Liljeholmen")
    assert flat.line_at(at) == 398 and flat.numbers == (398,)


def test_join_hyphenated_rejoins_split_words_and_keeps_compounds() -> None:
    lines = [Line(1, "ökad till-"), Line(2, "gänglighet i Hässelby-"), Line(3, "Vällingby")]
    joined = join_hyphenated(lines)
    assert joined.text == "ökad tillgänglighet i Hässelby-Vällingby"
    assert joined.lines_between(0, len(joined.text)) == (1, 2, 3)


def test_paragraph_rules() -> None:
    goal_text = [Line(1, "Barn ska må bra och "), Line(2, ""), Line(3, "trivas."), Line(4, ""), Line(5, "Nytt stycke.")]
    assert paragraphs_by_blanks(goal_text) == "Barn ska må bra och trivas.\nNytt stycke."
    section = [Line(1, "Investeringar"), Line(2, "Inga investeringar gjordes.")]
    assert paragraphs_by_sentences(section) == "Investeringar\nInga investeringar gjordes."
    plan = [Line(1, "Nämnden ska:"), Line(2, " Öka tillgäng-"), Line(3, "ligheten.")]
    assert paragraphs_by_items(plan) == "Nämnden ska:\nÖka tillgängligheten."


def test_dates() -> None:
    assert parse_date("2020-03-31") == dt.date(2020, 3, 31)
    assert parse_date("2020-02-30") is None


def test_number_grammar_shapes() -> None:
    assert parse_value("\u20133").number == Decimal(-3)
    assert parse_value("0,43 \n%").unit == "%"
    assert parse_value("Tas fram av nämnd").number is None
    assert is_number_token("\u2212071,5") and not is_number_token("1 071")
    assert has_decimal_token("Intäkter -21,0 3,4") and not has_decimal_token("Budget 2020, Prognos")
    assert starts_with_value("Tas fram av nämnd VB 2020") and not starts_with_value("Antal barn 12")


@given(st.lists(st.text(max_size=30), max_size=20))
def test_joined_line_map_covers_every_character(raws: list[str]) -> None:
    joined = join_cells([[(raw, no) for no, raw in enumerate(raws, 1)]])
    for offset in range(len(joined.text)):
        no = joined.line_at(offset)
        assert no is not None and 1 <= no <= len(raws)
        assert not raws[no - 1].strip() == ""  # only lines that gave text are mapped to


_POOL = ["Södermalms stadsdelsförvaltning", "Sid 5 (72)", "Tjänsteutlåtande", "", "   ", "Barn ska må bra.", "Nämndmål:"]


def _noise_by_sets(raws: list[str]) -> list[int]:
    """The rule stated over the whole list (an independent oracle for the one pass): page
    noise, and a line naming the organisation right beside a page-noise line."""
    from kfcompare.text.lines import PAGE_NOISE_RE, PAGE_ORGANISATION_RE

    texts = [raw.strip() for raw in raws]
    noise = {i for i, text in enumerate(texts) if text and PAGE_NOISE_RE.match(text)}
    beside = {j for i in noise for j in (i - 1, i + 1) if 0 <= j < len(texts) and j not in noise}
    noise |= {j for j in beside if PAGE_ORGANISATION_RE.match(texts[j])}
    return [i + 1 for i in range(len(raws)) if i not in noise]


@given(st.lists(st.sampled_from(_POOL), max_size=30))
def test_one_pass_drops_page_noise_and_the_organisation_beside_it(raws: list[str]) -> None:
    lines, kinds = read_lines(raws)
    assert [line.no for line in lines] == _noise_by_sets(raws)
    assert len(kinds) == len(lines)
    assert strip_page_noise(numbered(raws)) == lines
    # the same, for the extract with an empty line after every line
    doubled = [raw for pair in zip(raws, [""] * len(raws)) for raw in pair]
    lines, _ = read_lines(doubled, undouble=True)
    assert lines == strip_page_noise(undoubled(numbered(doubled)))


def test_the_boards_name_beside_a_page_footer_is_noise() -> None:
    raws = ["Södermalms stadsdelsförvaltning", "Sid 5 (72)", "Södermalms stadsdelsförvaltning", "", "Södermalms stadsdelsförvaltning"]
    lines, _ = read_lines(raws)
    # the heading on a line of its own (line 5) stays; the two beside the footer go
    assert [line.no for line in lines] == [4, 5]


@given(st.lists(st.sampled_from(["Hägersten-", "Liljeholmen", "barn-", "och unga", "  två  mellanslag ", "", "-", "\tFlik"]), max_size=25))
def test_join_flat_places_every_line_where_its_text_stands(raws: list[str]) -> None:
    lines = numbered(raws)
    flat = join_flat(lines)
    texts = {line.no: " ".join(line.text.split()) for line in lines if line.text}
    assert list(flat.numbers) == sorted(flat.numbers) and set(flat.numbers) <= set(texts)
    for offset, no in zip(flat.offsets, flat.numbers):
        assert flat.text.startswith(texts[no], offset) and flat.line_at(offset) == no
    # a line left out of the map continued a name wrapped at its hyphen: no space before it
    for no in set(texts) - set(flat.numbers):
        assert texts[no][:1].isupper() and f"-{texts[no]}" in flat.text


@given(st.text(alphabet=st.sampled_from(list("0123456789 ,.-\u2212\u2013+%stkrVBTertial/ämnd\u00a0")), max_size=60))
def test_a_row_of_any_characters_splits_into_cells_it_prints(text: str) -> None:
    from kfcompare.default_plugins.ils2020.row_cells import split_cells

    split = split_cells(join_cells([[(text, 7)]]))
    flat = " ".join(text.split())
    for cell in split.cells:
        assert cell.value.raw and cell.value.raw in flat and cell.value.line == 7
    assert split.period is None or split.period.raw in flat


def test_a_summary_paragraph_ends_after_a_goal_title_it_names() -> None:
    """2021 unit summaries print a goal's title, then how it went, with a space on every
    line end: the title is its own paragraph (Kungsholmen's Enheten för prevention …)."""
    from kfcompare.text.paragraphs import paragraphs_by_sentences

    lines = numbered(
        [
            "Förebyggande och tidiga insatser ger barn och unga goda uppväxtvillkor ",
            "Målsättningen för 2021 var att halvera kön till föräldrastödsprogrammet Komet halveras ",
            "under 2021. Enheten har delvis uppnått målet. ",
        ]
    )
    title = "Förebyggande och tidiga insatser ger barn och unga goda uppväxtvillkor"
    assert paragraphs_by_sentences(lines).count("\n") == 0
    assert paragraphs_by_sentences(lines, frozenset({title})).split("\n")[0] == title

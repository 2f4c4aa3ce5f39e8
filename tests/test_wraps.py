"""The line-end signal read again from the words of a text that lost it (text.wraps)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import kfcompare
from kfcompare.errors import KfcompareError
from kfcompare.text.lines import numbered
from kfcompare.text.wraps import break_kind, restore_wrap_signal, vocabulary

#: prose in which the words below stand whole (between others on a line)
PROSE = [
    "Det har fastställs en plan för mottagande av praktikanter i Stockholm under året.",
    "Vi ska arbeta med energieffektivisering i alla verksamheter och arbetet går vidare.",
    "Många elever i Stockholm och i Bromma deltar, och arbetet för unga fortsätter nu.",
]


def _vocab() -> object:
    return vocabulary(numbered(PROSE))


def test_a_break_between_two_words_the_text_uses_is_a_space() -> None:
    assert break_kind("ska öka sitt mottagande", "av praktikanter", _vocab()) == "space"  # type: ignore[arg-type]


def test_a_break_whose_join_is_a_word_the_text_uses_is_inside_it() -> None:
    assert break_kind("95 % Faststäl", "ls 2020", _vocab()) == "word"  # type: ignore[arg-type]


def test_a_word_split_over_three_lines_is_joined_piece_by_piece() -> None:
    vocab = _vocab()
    assert break_kind("2 % energie", "ffektivis", vocab) == "word"  # type: ignore[arg-type]
    assert break_kind("ffektivis", "ering relativt", vocab, run="energieffektivis") == "word"  # type: ignore[arg-type]


def test_a_capital_goes_on_after_a_name_and_ends_a_title_before_a_new_sentence() -> None:
    vocab = _vocab()
    assert break_kind("Andel elever i", "Stockholm som", vocab) == "space"  # type: ignore[arg-type]
    title = "Unga får stöd av vuxna och är trygga i den offentliga miljön"
    assert break_kind(title, "Arbetet för att nå målet", vocab) == "end"  # type: ignore[arg-type]
    # in a narrow cell the same capital is a guess
    assert break_kind("Antal platser", "Arbetet", vocab) == "unsure"  # type: ignore[arg-type]


def test_hyphens_join_a_word_and_a_suspended_part_is_a_guess() -> None:
    vocab = _vocab()
    assert break_kind("unga vuxna 18-", "24 år", vocab) == "word"  # type: ignore[arg-type]
    assert break_kind("ABC-", "utbildning", vocab) == "word"  # type: ignore[arg-type]
    assert break_kind("vård-", "och omsorgsboende", vocab) == "unsure"  # type: ignore[arg-type]


def test_two_unknown_halves_are_a_guess() -> None:
    assert break_kind("xq", "zv", _vocab()) == "unsure"  # type: ignore[arg-type]


def test_restored_lines_keep_their_text_and_the_guesses_are_named() -> None:
    lines = numbered([*PROSE, "", "Antal aspiranter som", "fått platser för", "xq", "zv", "", "12 st"])
    restored = restore_wrap_signal(lines)
    assert [line.text for line in restored.lines] == [line.text for line in lines]
    by_no = {line.no: line.raw for line in restored.lines}
    assert by_no[5] == "Antal aspiranter som " and by_no[6] == "fått platser för "
    assert restored.guesses.unsure == frozenset({7})  # 'xq' / 'zv'
    assert 8 in restored.guesses.open_ends  # 'zv' ends a block in a word: it may go on later


def test_a_cell_cut_by_a_repeated_header_goes_on_after_it() -> None:
    lines = numbered(["Arbetet i Stockholm och", "", "HEADER", "", "fortsätter under året."])
    restored = restore_wrap_signal(lines, furniture=lambda i: i + 1 if lines[i].text == "HEADER" else i)
    assert restored.lines[0].raw == "Arbetet i Stockholm och "


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from("ab Åå-/.,:\u00a0\t1"), max_size=12), max_size=30))
def test_any_text_is_restored_without_changing_its_words(raw: list[str]) -> None:
    lines = numbered(raw)
    restored = restore_wrap_signal(lines, known=["ab"])
    assert [(line.no, line.text) for line in restored.lines] == [(line.no, line.text) for line in lines]
    numbers = {line.no for line in lines}
    assert restored.guesses.unsure <= numbers and restored.guesses.open_ends <= numbers
    # read again, a restored text reads the same
    again = restore_wrap_signal(restored.lines, known=["ab"])
    assert again == restored


_EXAMPLE = (Path(__file__).parent.parent / "examples" / "hagersten-alvsjo_ung-fritid_vb_2020.txt").read_text(
    encoding="utf-8"
)


@settings(max_examples=40, deadline=None)
@given(
    st.integers(min_value=0, max_value=1200),
    st.integers(min_value=30, max_value=400),
    st.lists(st.integers(min_value=0, max_value=399), max_size=8),
)
def test_any_stretch_of_a_stripped_report_parses_or_fails_with_the_librarys_error(
    start: int, length: int, cuts: list[int]
) -> None:
    """A window of a real report without its line-end spaces, with lines cut in two at
    random: the signal is read again and the text gives a model or kfcompare's own error."""
    lines = [line.rstrip() for line in _EXAMPLE.split("\n")][start : start + length]
    for cut in sorted(set(cuts), reverse=True):
        if cut < len(lines) and len(lines[cut]) > 2:
            half = len(lines[cut]) // 2
            lines[cut : cut + 1] = [lines[cut][:half], lines[cut][half:]]
    text = "KF:s inriktningsmål:\n1. Mål\n" + "\n".join(lines)
    try:
        reports = kfcompare.parse_text(text, path="window.txt")
    except KfcompareError:
        return
    for report in reports:
        for _, indicator in report.indicators():
            assert indicator.provenance.path == "window.txt"


def test_the_work_stays_linear_when_a_text_repeats_its_headers() -> None:
    """Thousands of repeated headers in a row: each line looks past one header at most, so
    the header test runs a bounded number of times per line."""
    lines = numbered(["Aktivitet Startdatum Slutdatum Avvikelse"] * 3000 + ["och sedan"])
    calls = 0

    def furniture(i: int) -> int:
        nonlocal calls
        calls += 1
        return i + 1 if lines[i].text.startswith("Aktivitet") else i

    restore_wrap_signal(lines, furniture=furniture)
    assert calls <= 3 * len(lines)

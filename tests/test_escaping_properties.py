"""Properties of decoding and escaping: any bytes give text with no control character left,
anything printed stays on its line, and no CSV text field can start a formula."""

from __future__ import annotations

import json
import re

from hypothesis import given
from hypothesis import strategies as st

from kfcompare._escaping import csv_text, printable, printable_lines
from kfcompare._source import decode

CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
#: text leaning on what matters here: controls, line ends, formula starts, multi-byte letters
TEXT = st.text(alphabet=st.sampled_from(list("aåÖ =+-@|\t\r\n\x1b\x07\x9b\u202e\x00\u2028€")) | st.characters(), max_size=200)


@given(st.binary(max_size=400))
def test_any_bytes_decode_to_text_without_controls_or_to_none(data: bytes) -> None:
    text, encoding, warnings = decode(data, "x.txt")
    if text is not None:
        assert not CONTROLS.search(text)
        assert "\r" not in text and "\f" not in text
        assert encoding in ("utf-8", "utf-8-sig", "cp1252")
        assert all(w.path == "x.txt" and (w.line or 1) >= 1 for w in warnings)


#: what a file's bytes can hold: text that encodes as UTF-8 (no lone surrogates)
ENCODABLE = st.text(alphabet=st.sampled_from(list("aåÖ =+-@|\t\r\n\x1b\x07\u202e€")) | st.characters(exclude_categories=("Cs",)), max_size=200)


@given(ENCODABLE)
def test_utf8_cut_anywhere_stays_utf8(text: str) -> None:
    data = ("Rapport åäö\n" + text).encode("utf-8")
    for end in range(len(data) - 3, len(data) + 1):
        decoded, encoding, _ = decode(data[:end], "x.txt")
        if decoded is not None:
            assert encoding == "utf-8" and decoded.startswith("Rapport å")


@given(TEXT)
def test_printable_is_one_line_without_controls(text: str) -> None:
    shown = printable(text)
    assert "\n" not in shown and not CONTROLS.search(shown) and "\t" not in shown


@given(st.lists(TEXT, max_size=5))
def test_printable_lines_keeps_json_valid_and_equal(values: list[str]) -> None:
    document = json.dumps(values, ensure_ascii=False)
    shown = printable_lines(document)
    assert not CONTROLS.search(shown)
    assert json.loads(shown) == values


@given(TEXT)
def test_csv_text_never_starts_a_formula(text: str) -> None:
    field = csv_text(text)
    assert not field.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert field.removeprefix("'") == text or field == text

"""Fuzzing every format: report-like text and mutated corpus files give a model or our own error.

The property is the library's promise to a controller pointing it at a shared folder: any
text produces Reports or a KfcompareError naming the file, never another exception.
Run longer locally with ``HYPOTHESIS_PROFILE=long``.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kfcompare import KfcompareError, Report, Source, parse_source
from kfcompare._source import decode

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
CORPUS = {p.name: p.read_text(encoding="utf-8").split("\n") for p in sorted(EXAMPLES.glob("*.txt"))}

PAGE_NOISE = ["", "", "", "Tjänsteutlåtande", "Sid 9 (128)", "", "start.stockholm", "08- 508 042 45", ""]
MARKERS = [
    "KF:s inriktningsmål:",
    " KF:s mål för verksamhetsområdet:",
    "Nämndmål:",
    "Enhetsmål:",
    " Uppfylls helt",
    " Uppfylls delvis",
    " Ingen",
    "Beskrivning",
    "Förväntat resultat",
    "Analys",
    "Uppföljning av Kommunfullmäktiges inriktningsmål",
    "Uppföljning av ekonomi",
    "Övrigt",
    " Aktivitet Startdatum Slutdatum Avvikelse",
    "KF:s INRIKTNINGSMÅL 1:",
    "KF:s MÅL FÖR VERKSAMHETSOMRÅDET:",
    "NÄMNDMÅL:",
    "KF:s indikatorer Årsmål KF:s årsmål Periodicitet",
    "Nämndens aktiviteter Startdatum Slutdatum",
    "Mnkr Budget 2020 Prognos 2020 Avvikelse",
]
HEADER_2020 = CORPUS["hasselby-vallingby_vb_2020.txt"][315:338]
CELLS = st.sampled_from(
    ["2,22 %", "2,2 %", "2,23", "%", "1 071,1", "-15,0", "22 st", "9 000 st", "Tas", "fram av", "nämnd",
     "öka", "minska", "Fastställs 2020", "Ny indikator 2020", "VB", "2020", "Tertial 1", "År", "0,0", "överskott",
     "2020-01-01 2020-12-31", "2020-01-01 2020-12-31 Avvikelse", "Intäkter", "Kostnader", "Netto", "varav"]
)


@st.composite
def indicator_row(draw: st.DrawFn) -> list[str]:
    name = draw(st.lists(st.sampled_from(["Andel barn som lever i ", "familjer som har ", "ekonomiskt bistånd"]), min_size=1, max_size=3))
    cells = draw(st.lists(CELLS, max_size=8))
    sep = draw(st.sampled_from([" ", "  ", "\n"]))
    return [*name, "", sep.join(cells), draw(st.sampled_from(["VB ", "Tertial 1 ", ""])), "2020", ""]


@st.composite
def report_like(draw: st.DrawFn) -> str:
    lines: list[str] = []
    for _ in range(draw(st.integers(1, 25))):
        choice = draw(st.integers(0, 5))
        if choice == 0:
            lines.extend([draw(st.sampled_from(MARKERS)), draw(st.sampled_from(["1.", "1.1", "1.1.1.", "2.4.1 Titel", ""])) + " Ett mål", ""])
        elif choice == 1:
            lines.extend(HEADER_2020)
        elif choice == 2:
            lines.extend(draw(indicator_row()))
        elif choice == 3:
            lines.extend(PAGE_NOISE)
        elif choice == 4:
            lines.append(draw(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=60)))
        else:
            lines.append(" ".join(draw(st.lists(CELLS, max_size=6))))
    return "\n".join(lines)


def outcome(text: str) -> list[Report] | KfcompareError:
    try:
        reports = parse_source(Source.from_text(text, "fuzz.txt"))
    except KfcompareError as exc:
        assert "fuzz.txt" in str(exc)  # the error names the file
        return exc
    assert reports and all(isinstance(r, Report) for r in reports)
    return reports


@given(report_like())
@settings(suppress_health_check=[HealthCheck.too_slow])
def test_report_like_text_gives_model_or_own_error(text: str) -> None:
    outcome(text)


@given(st.text())
def test_arbitrary_text_gives_model_or_own_error(text: str) -> None:
    outcome(text)


@st.composite
def mutated_corpus(draw: st.DrawFn) -> str:
    name = draw(st.sampled_from(sorted(CORPUS)))
    lines = list(CORPUS[name])
    start = draw(st.integers(0, max(0, len(lines) - 400)))
    lines = lines[start : start + draw(st.integers(50, 400))]
    for _ in range(draw(st.integers(1, 12))):
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        op = draw(st.sampled_from(["drop", "dup", "swap", "noise", "cut", "space"]))
        if op == "drop":
            del lines[i]
        elif op == "dup":
            lines.insert(i, lines[i])
        elif op == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "noise":
            lines[i:i] = PAGE_NOISE
        elif op == "cut":
            lines[i] = lines[i][: draw(st.integers(0, len(lines[i])))]
        else:
            lines[i] = " " + lines[i]
    return "\n".join(lines)


@given(mutated_corpus())
@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
def test_mutated_reports_give_model_or_own_error(text: str) -> None:
    outcome(text)


@given(st.binary())
def test_any_bytes_decode_or_are_binary(data: bytes) -> None:
    text, encoding, warnings = decode(data, "x")
    assert text is None or ("\r" not in text and "\f" not in text)
    assert (text is None) == (encoding is None)

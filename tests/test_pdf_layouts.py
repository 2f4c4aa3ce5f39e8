"""PDFs of reports the project has not seen, typeset here with reportlab at other fonts,
sizes, column widths and page shapes: every printed cell is read back in its column, no row
is flagged, and a PDF without text or with a password gets a clear error."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("reportlab")

import kfcompare  # noqa: E402
from kfcompare import ParseError  # noqa: E402
from pdf_builder import Layout, activity_table, encrypted, indicator_table, report, scanned_page  # noqa: E402

COLUMNS = ("outcome", "outcome_men", "outcome_women", "previous", "forecast", "target", "kf_target")

ROWS = [
    ["Andel barn som lever i familjer som har ekonomiskt bistånd", "3,1 %", "", "", "3,3 %", "3,1 %", "3,2 %", "2,7 %", "Tertial 1 2020"],
    ["Antal tillhandahållna platser för feriejobb", "743", "", "", "952", "", "700 st", "Tas fram av nämnd", "2020"],
    ["Antal ungdomar som fått feriejobb i stadens regi", "743 st", "349 st", "394 st", "952 st", "", "950 st", "9 000 st", "2020"],
    ["Andel stockholmare som upplever trygghet i den stadsdel där man bor", "", "", "", "53 %", "", "77 %", "77 %", "2020"],
    ["Nöjdhet med SIP-möten", "4,9", "", "", "", "4,9", "4,8", "", "Tertial 1 2020"],
]


def _read(tmp_path: Path, data: bytes) -> kfcompare.Report:
    path = tmp_path / "rapport.pdf"
    path.write_bytes(data)
    [found] = kfcompare.parse_file(path)
    return found


def _rows(found: kfcompare.Report) -> list[list[str]]:
    out = []
    for _, ind in found.indicators():
        cells = [getattr(ind, c).raw if getattr(ind, c) is not None else "" for c in COLUMNS]
        out.append([ind.name, *cells, ind.period or ""])
        assert ind.flags == (), ind.name
    return out


@pytest.mark.parametrize(
    "layout",
    [
        Layout(),
        Layout(font="Times-Roman", size=11, table_size=9.5, widths=(5.0, 1.6, 1.4, 1.4, 1.6, 1.3, 1.3, 1.7, 1.9)),
        Layout(font="Courier", size=9, table_size=7, widths=(3.6, 1.7, 1.5, 1.5, 1.7, 1.5, 1.5, 1.8, 1.6), grid=False),
        Layout(landscape=True, size=12, table_size=10, widths=(8.0, 2.2, 2.0, 2.0, 2.2, 2.0, 2.0, 2.6, 2.4)),
    ],
    ids=["helvetica", "times-wide", "courier-narrow-no-grid", "landscape"],
)
def test_other_fonts_widths_and_page_shapes(tmp_path: Path, layout: Layout) -> None:
    found = _read(tmp_path, report([indicator_table(ROWS, layout)], layout))
    assert found.district == "Skarpnäck" and found.format == "pdf"
    assert [g.number for g in found.walk_goals()] == ["1", "1.1", "1.1.1"]
    assert _rows(found) == ROWS
    # the other template's running header and footer ('Sida 2 av 9') are not read as text
    texts = [g.analysis or "" for g in found.walk_goals()] + [g.description or "" for g in found.walk_goals()]
    texts += [section.text for section in found.sections]
    assert "Förvaltningen bedömer" in " ".join(texts)
    assert not [t for t in texts if "Sida" in t or "Tjänsteutlåtande" in t or "Skarpnäcks stadsdelsförvaltning" in t]


def test_a_table_over_three_pages_with_rows_cut_by_the_breaks(tmp_path: Path) -> None:
    rows = [
        [f"Andel brukare i verksamhet {k} som är nöjda med sitt inflytande över insatsens utformning och genomförande", f"{50 + k} %", f"{40 + k} %", f"{60 + k} %", "", "", "90 %", "", "Tertial 1 2020"]
        for k in range(1, 31)
    ]
    layout = Layout()
    found = _read(tmp_path, report([indicator_table(rows, layout, split_in_row=True)], layout))
    pages = {ind.provenance.page for _, ind in found.indicators()}
    assert len(pages) >= 3
    assert _rows(found) == rows


def test_a_cell_wrapped_over_four_lines(tmp_path: Path) -> None:
    target = "Tas fram av nämnd i samråd med förvaltningen"
    rows = [["Antal platser", "12", "", "", "", "", "14 st", target, "2020"], ROWS[2]]
    layout = Layout(widths=(4.0, 1.4, 1.2, 1.2, 1.4, 1.3, 1.3, 2.2, 1.6))
    data = report([indicator_table(rows, layout)], layout)
    found = _read(tmp_path, data)
    assert _rows(found) == rows
    # the KF target was printed over four lines of its cell
    from kfcompare.default_plugins.pdf.words import read_pages

    [page] = [p for p in read_pages(data, "x") if any(w.text == "samråd" for w in p.words)]
    [tas] = [w for w in page.words if w.text == "Tas"]
    firsts = [w for w in page.words if abs(w.x0 - tas.x0) < 1 and tas.y <= w.y < tas.y + 6 * w.size]
    assert [w.text for w in sorted(firsts, key=lambda w: w.y)][:4] == ["Tas", "nämnd", "samråd", "förvaltningen"]


def test_two_tables_on_one_page(tmp_path: Path) -> None:
    layout = Layout()
    activities = [
        ["Genomföra övning i krishantering", "2020-01-01", "2020-12-31", "Avvikelse"],
        ["Tillsammans med polisen ta fram en lokal samverkansöverenskommelse inklusive handlingsplan.", "2020-01-01", "2020-06-30", ""],
    ]
    found = _read(tmp_path, report([indicator_table(ROWS[:2], layout), activity_table(activities, layout)], layout))
    assert _rows(found) == ROWS[:2]
    [goal] = [g for g in found.walk_goals() if g.number == "1.1.1"]
    assert [(a.text, str(a.start), str(a.end), a.deviation) for a in goal.activities] == [
        ("Genomföra övning i krishantering", "2020-01-01", "2020-12-31", True),
        ("Tillsammans med polisen ta fram en lokal samverkansöverenskommelse inklusive handlingsplan.", "2020-01-01", "2020-06-30", False),
    ]
    assert goal.indicators[0].provenance.page == goal.activities[-1].provenance.page


def test_a_scanned_pdf_says_it_has_no_text(tmp_path: Path) -> None:
    path = tmp_path / "inskannad.pdf"
    path.write_bytes(scanned_page())
    with pytest.raises(ParseError) as caught:
        kfcompare.parse_file(path)
    message = str(caught.value)
    assert str(path) in message and "inget textlager" in message and "inskannad" in message and "OCR" in message


def test_an_encrypted_pdf_says_so(tmp_path: Path) -> None:
    path = tmp_path / "krypterad.pdf"
    path.write_bytes(encrypted())
    with pytest.raises(ParseError) as caught:
        kfcompare.parse_file(path)
    assert str(path) in str(caught.value) and "krypterad" in str(caught.value)


def test_a_value_printed_over_its_column_boundary_is_flagged_and_says_why(tmp_path: Path) -> None:
    layout = Layout()
    table = indicator_table([["Antal besök", "12", "", "", "", "", "X", "", "2020"], ROWS[2]], layout)
    # a plain string does not wrap: this target runs over into the KF target's column
    table._cellvalues[1][6] = "1 234 567 890 besök"
    table.setStyle([("FONTSIZE", (6, 1), (6, 1), layout.table_size), ("FONTNAME", (6, 1), (6, 1), layout.font)])
    found = _read(tmp_path, report([table], layout))
    indicators = [ind for _, ind in found.indicators()]
    assert [ind.name for ind in indicators] == ["Antal besök", ROWS[2][0]]
    assert indicators[0].flags == ("ambiguous-columns",) and indicators[1].flags == ()
    [warning] = [w for w in found.warnings if w.code == "ambiguous-columns"]
    assert "Antal besök" in warning.message and "'567' och '890'" in warning.message and "kolumner" in warning.message

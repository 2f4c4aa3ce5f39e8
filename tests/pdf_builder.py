"""Small follow-up reports typeset with reportlab, for layouts the corpus lacks: other fonts,
sizes and column widths, landscape pages, tables over three pages, long wrapped cells,
two tables on one page. Each builder returns the PDF's bytes; what it printed is known."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

HEADER = [
    "Indikator",
    "Periodens utfall",
    "Utfall män/ pojkar",
    "Utfall kvinnor/ flickor",
    "Periodens utfall T1 2020",
    "Prognos helår",
    "Årsmål",
    "KF:s årsmål",
    "Period",
]


@dataclass
class Layout:
    font: str = "Helvetica"
    size: float = 10
    table_size: float = 8
    landscape: bool = False
    #: column widths in cm: name column first, then the eight value columns
    widths: Sequence[float] = (4.2, 1.5, 1.3, 1.3, 1.5, 1.4, 1.4, 1.5, 1.6)
    grid: bool = True
    #: the running header and footer: another district's template than the corpus's
    header: str = "Tjänsteutlåtande"
    footer: str = "Skarpnäcks stadsdelsförvaltning"
    extra: list[object] = field(default_factory=list)


def _styles(layout: Layout) -> tuple[ParagraphStyle, ParagraphStyle]:
    body = ParagraphStyle("body", fontName=layout.font, fontSize=layout.size, leading=layout.size * 1.3, spaceAfter=layout.size * 0.6)
    cell = ParagraphStyle("cell", fontName=layout.font, fontSize=layout.table_size, leading=layout.table_size * 1.2)
    return body, cell


def indicator_table(rows: Sequence[Sequence[str]], layout: Layout, split_in_row: bool = False) -> Table:
    _, cell = _styles(layout)
    data = [[Paragraph(text, cell) for text in HEADER]]
    data += [[Paragraph(text, cell) for text in row] for row in rows]
    table = Table(data, colWidths=[w * cm for w in layout.widths], repeatRows=1, splitInRow=int(split_in_row))
    style = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3)]
    if layout.grid:
        style.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
    table.setStyle(TableStyle(style))
    return table


def activity_table(rows: Sequence[Sequence[str]], layout: Layout) -> Table:
    _, cell = _styles(layout)
    data = [[Paragraph(t, cell) for t in ("Aktivitet", "Startdatum", "Slutdatum", "Avvikelse")]]
    data += [[Paragraph(t, cell) for t in row] for row in rows]
    table = Table(data, colWidths=[8 * cm, 2.2 * cm, 2.2 * cm, 2 * cm], repeatRows=1)
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return table


def report(story_tables: Sequence[object], layout: Layout, prose_lines: int = 3) -> bytes:
    """A T1 2020 report of Skarpnäck with one KF goal, one area goal and one nämndmål whose
    analysis is followed by ``story_tables``."""
    body, _ = _styles(layout)
    prose = " ".join(["Förvaltningen bedömer att målet uppfylls under året genom ett fortsatt arbete."] * prose_lines)
    story: list[object] = [
        Paragraph("Skarpnäck stadsdelsnämnd", body),
        Paragraph("Tertialrapport 1 2020", body),
        Paragraph("Uppföljning av Kommunfullmäktiges inriktningsmål", body),
        Paragraph("KF:s inriktningsmål:", body),
        Paragraph("1. En modern storstad med möjligheter och valfrihet för alla", body),
        Paragraph(prose, body),
        Paragraph("KF:s mål för verksamhetsområdet:", body),
        Paragraph("1.1 I Stockholm är människor självförsörjande", body),
        Paragraph("Uppfylls helt", body),
        Paragraph("Analys", body),
        Paragraph(prose, body),
        Paragraph("Nämndmål:", body),
        Paragraph("1.1.1 Människor är självförsörjande", body),
        Paragraph("Uppfylls delvis", body),
        Paragraph("Beskrivning", body),
        Paragraph(prose, body),
        Paragraph("Analys", body),
        Paragraph(prose, body),
    ]
    for item in story_tables:
        story.append(item)
        story.append(Spacer(1, layout.size * 1.5))
    story.extend(layout.extra)
    # a closing section long enough for a second page: the running header and footer repeat
    story.append(Paragraph("Övrigt", body))
    story.extend(Paragraph(prose, body) for _ in range(14))
    buffer = io.BytesIO()
    size = landscape(A4) if layout.landscape else A4

    def page(canvas, doc) -> None:  # type: ignore[no-untyped-def]
        canvas.saveState()
        canvas.setFont(layout.font, 9)
        canvas.drawString(2 * cm, size[1] - 1.2 * cm, layout.header)
        canvas.drawString(2 * cm, size[1] - 1.6 * cm, f"Sida {doc.page} av 9")
        canvas.drawString(2 * cm, 1.2 * cm, layout.footer)
        canvas.restoreState()

    doc = SimpleDocTemplate(buffer, pagesize=size, topMargin=2.5 * cm, bottomMargin=2.2 * cm, leftMargin=2 * cm, rightMargin=2 * cm)
    doc.build(story, onFirstPage=page, onLaterPages=page)
    return buffer.getvalue()


def scanned_page() -> bytes:
    """A one-page PDF that is only an image: what a scanner gives."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    try:
        from PIL import Image
    except ImportError:  # pragma: no cover - reportlab brings pillow
        raise
    image = Image.new("L", (200, 100), 255)
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.drawImage(ImageReader(image), 100, 500, 300, 150)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def encrypted() -> bytes:
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, encrypt=pdfencrypt.StandardEncryption("hemligt", canPrint=0))
    pdf.drawString(100, 700, "Tertialrapport 1 2020")
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()

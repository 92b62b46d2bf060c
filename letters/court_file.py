"""The file for the court (Aktenvorlage, § 99 Abs. 1 VwGO) as PDF pieces: the cover sheet with the
table of contents, and an image document as PDF pages (``letters.pdf_join`` joins them and stamps
the page numbers). Pure: data in, PDF out; no database, no Qt. ``abh_desk.services.court_file``
puts them together page by page."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import BinaryIO

from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from letters.fonts import BOLD, REGULAR, register_fonts


@dataclass(frozen=True)
class ContentsLine:
    number: int
    dated: date | None
    title: str
    kind: str
    file_number: str
    first_page: int
    last_page: int


@dataclass(frozen=True)
class CourtFileCover:
    authority: str
    authority_address: str
    court: str
    court_reference: str
    person: str
    birth_date: str
    cases: tuple[str, ...]
    """Aktenzeichen and procedure of each case in the file."""
    compiled_on: date
    compiled_by: str
    total_pages: int
    contents: tuple[ContentsLine, ...]
    selection: str
    """Whole file, or the cases chosen."""


def _date(value: date | None) -> str:
    return value.strftime("%d.%m.%Y") if value else "–"


def render_front_matter(cover: CourtFileCover) -> bytes:
    """Cover sheet and table of contents (its pages count from 1; the stamps number them)."""
    register_fonts()
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out, pagesize=A4, leftMargin=22 * mm, rightMargin=18 * mm, topMargin=22 * mm, bottomMargin=22 * mm,
        title=f"Aktenvorlage {cover.person}", author=cover.authority,
    )  # fmt: skip
    body = ParagraphStyle("body", fontName=REGULAR, fontSize=10, leading=14)
    small = ParagraphStyle("small", parent=body, fontSize=8.5, leading=11)
    head = ParagraphStyle("head", parent=body, fontName=BOLD, fontSize=16, leading=22, spaceAfter=6)
    sub = ParagraphStyle("sub", parent=body, fontName=BOLD, fontSize=11, leading=16, spaceBefore=10)

    def p(text: str, style: ParagraphStyle = body) -> Paragraph:
        escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        return Paragraph(escaped.replace("\n", "<br/>"), style)

    story: list[object] = [
        p(cover.authority, sub),
        p(cover.authority_address, small),
        Spacer(1, 14 * mm),
        p("Aktenvorlage", head),
        p("Vorlage der Behördenakte an das Gericht (§ 99 Abs. 1 VwGO)"),
        Spacer(1, 8 * mm),
    ]
    facts = [
        ("Gericht", cover.court or "–"),
        ("Aktenzeichen des Gerichts", cover.court_reference or "–"),
        ("Betroffene Person", f"{cover.person}, geb. {cover.birth_date}"),
        ("Vorgänge", "\n".join(cover.cases) or "–"),
        ("Umfang", cover.selection),
        ("Seiten", f"{cover.total_pages} (fortlaufend gezählt, einschließlich dieses Deckblatts)"),
        ("Zusammengestellt am", f"{_date(cover.compiled_on)} von {cover.compiled_by}"),
    ]
    table = Table([[p(k, small), p(v)] for k, v in facts], colWidths=(48 * mm, 120 * mm), hAlign="LEFT")
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOTTOMPADDING", (0, 0), (-1, -1), 5)]))
    story += [table, Spacer(1, 10 * mm), p("Inhaltsverzeichnis", sub), Spacer(1, 2 * mm)]
    rows = [[p(h, small) for h in ("Nr.", "Datum", "Dokument", "Aktenzeichen", "Seiten")]]
    for line in cover.contents:
        pages = str(line.first_page) if line.first_page == line.last_page else f"{line.first_page}–{line.last_page}"
        title = line.title if line.kind == line.title else f"{line.title} ({line.kind})"
        rows.append(
            [p(str(line.number), small), p(_date(line.dated), small), p(title, small),
             p(line.file_number or "–", small), p(pages, small)]
        )  # fmt: skip
    contents = Table(rows, colWidths=(10 * mm, 22 * mm, 82 * mm, 34 * mm, 20 * mm), repeatRows=1, hAlign="LEFT")
    contents.setStyle(
        TableStyle(
            [
                ("LINEBELOW", (0, 0), (-1, 0), 0.6, "#000000"),
                ("LINEBELOW", (0, 1), (-1, -1), 0.2, "#999999"),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ALIGN", (-1, 0), (-1, -1), "RIGHT"),
            ]
        )
    )
    story.append(contents)
    doc.build(story)
    return out.getvalue()


def image_to_pdf(source: Path, target: BinaryIO) -> int:
    """Each page (frame) of a scanned image as an A4 page, scaled to fit with a margin; the number
    of pages. One frame is decoded at a time."""
    pdf = canvas.Canvas(target, pagesize=A4, pageCompression=1)
    margin = 10 * mm
    width, height = A4
    pages = 0
    with Image.open(source) as image:
        for frame in range(getattr(image, "n_frames", 1)):
            image.seek(frame)
            page = image.convert("L" if image.mode in ("1", "L", "LA", "I;16") else "RGB")
            scale = min((width - 2 * margin) / page.width, (height - 2 * margin) / page.height)
            shown_w, shown_h = page.width * scale, page.height * scale
            buffer = io.BytesIO()
            page.save(buffer, "JPEG", quality=85)  # a scan stays a scan: JPEG keeps the court file small
            pdf.drawImage(ImageReader(buffer), (width - shown_w) / 2, (height - shown_h) / 2, shown_w, shown_h)
            pdf.showPage()
            pages += 1
    pdf.save()
    return pages

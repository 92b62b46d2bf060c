"""Files as they come from an office scanner or a person's e-mail, made here: PDFs (reportlab),
JPEG, PNG and multi-page TIFF (Pillow) — and the bad ones the e-file must refuse."""

from __future__ import annotations

import io
import random
from pathlib import Path

from PIL import Image, ImageDraw
from pypdf import PdfReader, PdfWriter
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas


def pdf_bytes(pages: int = 1, label: str = "Reisepass", noise_kb: int = 0) -> bytes:
    """A PDF of ``pages`` pages, each saying ``label`` and its number; ``noise_kb`` of random
    image data on the first page makes it as large as a real scan."""
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4)
    for n in range(1, pages + 1):
        pdf.setFont("Helvetica", 18)
        pdf.drawString(72, 760, f"{label} Seite {n}")
        if noise_kb and n == 1:
            side = max(16, int((noise_kb * 1024 / 3) ** 0.5))
            noise = Image.frombytes("RGB", (side, side), random.Random(n).randbytes(side * side * 3))
            buffer = io.BytesIO()
            noise.save(buffer, "PNG")
            from reportlab.lib.utils import ImageReader

            pdf.drawImage(ImageReader(io.BytesIO(buffer.getvalue())), 72, 200, 400, 400)
        pdf.showPage()
    pdf.save()
    return out.getvalue()


def image(path: Path, kind: str, size: tuple[int, int] = (1240, 1754), frames: int = 1, text: str = "Pass") -> Path:
    """A scan-like image (white page, a dark box, ``text``) as JPEG, PNG or (multi-page) TIFF."""
    pages = []
    for n in range(frames):
        page = Image.new("RGB", size, "white")
        draw = ImageDraw.Draw(page)
        draw.rectangle((100, 100, size[0] - 100, 400), outline="black", width=8)
        draw.text((150, 200), f"{text} {n + 1}", fill="black")
        pages.append(page)
    if kind == "TIFF":
        pages[0].save(path, "TIFF", save_all=True, append_images=pages[1:], compression="tiff_deflate")
    else:
        pages[0].save(path, kind)
    return path


def encrypted_pdf(path: Path) -> Path:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes(2))))
    writer.encrypt("geheim")
    with path.open("wb") as out:
        writer.write(out)
    return path


def zip_bomb_tiff(path: Path) -> Path:
    """A few kilobytes that unpack to a 100-megapixel page (deflate-compressed, all white)."""
    Image.new("1", (20_000, 5_000), 1).save(path, "TIFF", compression="tiff_deflate")
    return path

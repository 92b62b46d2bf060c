"""What a file handed in at the counter really is (PDF, JPEG, PNG, TIFF), judged by its content,
not by its name: the magic bytes first, then the file read through as its kind. A file that is not
what its name says, an encrypted or broken PDF, an image that would unpack to more pixels than a
scan has (a decompression bomb), an empty file or one above the office's limit is refused with a
German sentence (``DocumentRefused``); nothing is stored then.

Reads the file from disk; never holds more than one page's pixels (an image is decoded frame by
frame) or, for a PDF, pypdf's lazily read objects."""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from pathlib import Path

from abh_desk.error_texts import Label
from abh_desk.errors import ValidationError

PDF, JPEG, PNG, TIFF = "application/pdf", "image/jpeg", "image/png", "image/tiff"
MEDIA_LABELS = {
    PDF: Label("document_content.media_pdf"),
    JPEG: Label("document_content.media_jpeg"),
    PNG: Label("document_content.media_png"),
    TIFF: Label("document_content.media_tiff"),
}
MAGIC = ((b"%PDF-", PDF), (b"\xff\xd8\xff", JPEG), (b"\x89PNG\r\n\x1a\n", PNG), (b"II*\x00", TIFF), (b"MM\x00*", TIFF))
#: What a refused file's first bytes show it to be, to say so.
FOREIGN_MAGIC = (
    (b"MZ", Label("document_content.label_windows_program")),
    (b"\x7fELF", Label("document_content.label_program")),
    (b"PK\x03\x04", Label("document_content.label_zip")),
    (b"\xd0\xcf\x11\xe0", Label("document_content.label_old_office")),
    (b"GIF8", Label("document_content.label_gif")),
    (b"Rar!", Label("document_content.label_rar")),
)
EXTENSIONS = {
    ".pdf": PDF,
    ".jpg": JPEG,
    ".jpeg": JPEG,
    ".jpe": JPEG,
    ".jfif": JPEG,
    ".png": PNG,
    ".tif": TIFF,
    ".tiff": TIFF,
}
#: A page scanned at 600 dpi in A3 has 70 million pixels; more on one page is no scan.
MAX_PIXELS_PER_PAGE = 80_000_000
MAX_PAGES = 2000
#: Where the end of a PDF is looked for (a truncated file has no ``%%EOF`` there).
PDF_TAIL = 2048


class DocumentRefused(ValidationError):
    """The file is not taken into the e-file; the message says why."""

    code = "dokument_abgelehnt"

    def __init__(self, key: str, /, **params: object) -> None:
        super().__init__(key, field="datei", **params)


@dataclass(frozen=True)
class Inspected:
    media_type: str
    size_bytes: int
    page_count: int

    @property
    def label(self) -> str:
        return MEDIA_LABELS[self.media_type]


def media_type_of(head: bytes) -> str:
    """The kind the first bytes show (``application/octet-stream`` for none the e-file knows)."""
    return next((kind for magic, kind in MAGIC if head.startswith(magic)), "application/octet-stream")


def _mb(size: int) -> str:
    return f"{size / 1_000_000:.1f}".replace(".", ",") + " MB"


def inspect_file(path: Path, max_bytes: int) -> Inspected:
    """The file's kind, size and pages, or DocumentRefused."""
    name = path.name
    try:
        size = path.stat().st_size
        with path.open("rb") as stream:
            head = stream.read(16)
    except OSError as exc:
        raise DocumentRefused("document_content.unreadable", name=name, reason=exc.strerror or exc) from exc
    if size == 0:
        raise DocumentRefused("document_content.empty", name=name)
    if size > max_bytes:
        raise DocumentRefused("document_content.too_large", name=name, size=_mb(size), max_size=_mb(max_bytes))
    media_type = media_type_of(head)
    if media_type not in MEDIA_LABELS:
        unknown = Label("document_content.label_unknown_kind")
        what = next((text for magic, text in FOREIGN_MAGIC if head.startswith(magic)), unknown)
        raise DocumentRefused("document_content.kind_not_accepted", name=name, what=what)
    named = EXTENSIONS.get(path.suffix.lower())
    if path.suffix and named != media_type:
        raise DocumentRefused("document_content.not_what_named", name=name, kind=MEDIA_LABELS[media_type])
    pages = _pdf_pages(path) if media_type == PDF else _image_pages(path, media_type)
    return Inspected(media_type, size, pages)


def _pdf_pages(path: Path) -> int:
    from pypdf import PdfReader  # the PDF library only when a PDF comes in, not at the window's start
    from pypdf.errors import PdfReadError, PyPdfError

    name = path.name
    with path.open("rb") as stream:
        stream.seek(max(0, path.stat().st_size - PDF_TAIL))
        if b"%%EOF" not in stream.read():
            raise DocumentRefused("document_content.pdf_incomplete", name=name)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = PdfReader(path, strict=False)
            if reader.is_encrypted:
                raise DocumentRefused("document_content.pdf_encrypted", name=name)
            pages = len(reader.pages)
            for page in reader.pages:
                page.mediabox  # noqa: B018 - each page's dictionary read once: a broken page tree fails here
    except DocumentRefused:
        raise
    except (PdfReadError, PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError, RecursionError) as exc:
        raise DocumentRefused("document_content.pdf_broken", name=name) from exc
    if pages == 0:
        raise DocumentRefused("document_content.pdf_no_page", name=name)
    if pages > MAX_PAGES:
        raise DocumentRefused("document_content.pdf_too_many_pages", name=name, pages=pages, max_pages=MAX_PAGES)
    return pages


def _image_pages(path: Path, media_type: str) -> int:
    from PIL import Image

    name, label = path.name, MEDIA_LABELS[media_type]
    bomb = DocumentRefused(
        "document_content.image_bomb", label=label, name=name, megapixels=MAX_PIXELS_PER_PAGE // 1_000_000
    )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                if image.format not in ("JPEG", "PNG", "TIFF"):
                    raise DocumentRefused("document_content.not_an_image_of_kind", name=name, label=label)
                frames = getattr(image, "n_frames", 1)
                if frames > MAX_PAGES:
                    raise DocumentRefused(
                        "document_content.image_too_many_pages",
                        label=label,
                        name=name,
                        frames=frames,
                        max_pages=MAX_PAGES,
                    )
                for frame in range(frames):
                    image.seek(frame)
                    width, height = image.size
                    if width * height > MAX_PIXELS_PER_PAGE:
                        raise bomb
                    image.load()  # decodes this page: a truncated or broken file fails here
            if media_type == PNG:
                with Image.open(path) as image:
                    image.verify()  # the PNG's checksums
    except DocumentRefused:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise bomb from exc
    except (OSError, SyntaxError, ValueError, EOFError, MemoryError) as exc:
        raise DocumentRefused("document_content.image_broken", label=label, name=name) from exc
    return frames

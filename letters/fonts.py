"""The embedded letter font: DejaVu Sans (regular, bold), shipped in ``resources/fonts/``.

DejaVu covers Latin Extended (Nguyễn, Şahin, Øyvind, Łukasz, Ğ); reportlab embeds a subset of the
TrueType font in every PDF, so the names print the same on any printer. Registered once per process.
"""

from __future__ import annotations

import threading
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from abh_desk.errors import ConfigurationError

FONT_DIR = Path(__file__).resolve().parents[1] / "resources" / "fonts"
REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}
_lock = threading.Lock()
_registered = False


def register_fonts() -> None:
    """Register DejaVu Sans with reportlab (idempotent, thread-safe)."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        for name, filename in _FILES.items():
            path = FONT_DIR / filename
            try:
                pdfmetrics.registerFont(TTFont(name, str(path)))
            except (OSError, TTFError) as exc:
                raise ConfigurationError("letters_fonts.font_broken", filename=filename, path=path, detail=exc) from exc
        for bold in (0, 1):
            for italic in (0, 1):
                addMapping(REGULAR, bold, italic, BOLD if bold else REGULAR)
        _registered = True


def missing_glyphs(text: str, font: str = REGULAR) -> list[str]:
    """Characters of ``text`` the font cannot draw (they would print as empty boxes)."""
    register_fonts()
    face = pdfmetrics.getFont(font).face
    return sorted({char for char in text if not char.isspace() and ord(char) not in face.charToGlyph})

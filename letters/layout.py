"""DIN 5008 Form B on A4: letterhead, address window, information block, marks, footer, page numbers.

Geometry in millimetres from the top-left corner of the page, as DIN 5008 states it (domain.md § 9):

* address field 20 mm from the left, 85 × 45 mm, top at 45 mm: a 17.7 mm Zusatz- und Vermerkzone
  (return address and notes, up to five lines, written bottom-up) above a 27.3 mm Anschriftzone
  (up to six lines); text starts at 25 mm, flush with the body;
* information block 125 mm from the left, 75 mm wide, top at 50 mm;
* fold marks at 105 and 210 mm, punch mark at 148.5 mm;
* body from 25 mm to 190 mm (right margin 20 mm).

A letter is a :class:`PageDecor` (what is drawn around the text) plus its flowables. Several letters
can share one PDF (batch); each restarts on a first page and gets its own "Seite x von y".
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache, partial
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, NextPageTemplate, PageBreak, PageTemplate

from abh_desk.errors import ValidationError

from .data import Address, Letterhead
from .fonts import BOLD, REGULAR, missing_glyphs, register_fonts

PAGE_WIDTH, PAGE_HEIGHT = A4

# --- DIN 5008 Form B, in mm from the top-left corner -------------------------------------------
ADDRESS_LEFT = 20.0
ADDRESS_TEXT_LEFT = 25.0
ADDRESS_WIDTH = 85.0
ADDRESS_TOP = 45.0
NOTE_ZONE_HEIGHT = 17.7
ADDRESS_ZONE_HEIGHT = 27.3
INFO_LEFT = 125.0
INFO_WIDTH = 75.0
INFO_TOP = 50.0
INFO_VALUE_OFFSET = 26.0
FOLD_MARKS = (105.0, 210.0)
PUNCH_MARK = 148.5
BODY_LEFT = 25.0
BODY_RIGHT_MARGIN = 20.0
BODY_WIDTH = 210.0 - BODY_LEFT - BODY_RIGHT_MARGIN
FIRST_BODY_TOP = 98.4
LATER_BODY_TOP = 27.0
BODY_BOTTOM = 266.0
PAGE_NUMBER_BASELINE = 271.5
FOOTER_RULE = 275.0

ADDRESS_FONT_SIZES = (10.0, 9.5, 9.0, 8.5, 8.0)
ADDRESS_LEADING = 4.2  # mm; six lines = 25.2 mm inside the 27.3 mm zone
NOTE_FONT_SIZE = 7.0
RETURN_FONT_SIZE = 6.5
MIN_RETURN_FONT_SIZE = 6.0  # below it the return address is hard to read through the window
NOTE_LEADING = 3.3  # mm; five lines = 16.5 mm inside the 17.7 mm zone
INFO_LABEL_SIZE = 7.5
INFO_VALUE_SIZES = (9.0, 8.5, 8.0, 7.5, 7.0)
INFO_LEADING = 4.4
FOOTER_SIZE = 6.5
GREY = colors.Color(0.35, 0.35, 0.35)


def _y(mm_from_top: float) -> float:
    """reportlab's y (points from the bottom) for a distance in mm from the top edge."""
    return float(PAGE_HEIGHT - mm_from_top * mm)


@lru_cache(maxsize=1)
def styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    body = ParagraphStyle(
        "body",
        fontName=REGULAR,
        fontSize=10,
        leading=13.6,
        spaceAfter=6.8,
        alignment=TA_LEFT,
        allowWidows=0,
        allowOrphans=0,
        bulletFontName=REGULAR,
        bulletFontSize=10,
    )
    return {
        "body": body,
        "subject": ParagraphStyle("subject", parent=body, fontName=BOLD, spaceAfter=4),
        "person": ParagraphStyle("person", parent=body, spaceAfter=13.6),
        "heading": ParagraphStyle("heading", parent=body, fontName=BOLD, spaceBefore=8, spaceAfter=4, keepWithNext=1),
        "subheading": ParagraphStyle(
            "subheading", parent=body, fontName=BOLD, spaceBefore=4, spaceAfter=3, keepWithNext=1
        ),
        "centered_heading": ParagraphStyle(
            "centered_heading", parent=body, fontName=BOLD, alignment=1, spaceBefore=10, spaceAfter=6, keepWithNext=1
        ),
        "numbered": ParagraphStyle("numbered", parent=body, leftIndent=7 * mm, bulletIndent=0, spaceAfter=5),
        "bullet": ParagraphStyle("bullet", parent=body, leftIndent=6 * mm, bulletIndent=1.5 * mm, spaceAfter=2.5),
        "small": ParagraphStyle("small", parent=body, fontSize=8, leading=10.5),
        "label": ParagraphStyle("label", parent=body, fontSize=9, leading=12, spaceAfter=0, textColor=GREY),
        "cell": ParagraphStyle("cell", parent=body, fontSize=9.5, leading=12.5, spaceAfter=0),
        "title": ParagraphStyle("title", parent=body, fontName=BOLD, fontSize=12.5, leading=16),
    }


@dataclass(frozen=True)
class PageDecor:
    """Everything drawn around a letter's text, already checked to fit."""

    letterhead: Letterhead
    info_rows: tuple[tuple[str, str, float], ...]  # label, value, font size
    draft: bool
    continuation: str  # header of later pages: "Aktenzeichen … · Datum …"
    address: Address | None = None
    address_font_size: float = ADDRESS_FONT_SIZES[0]
    title_lines: tuple[str, ...] = ()  # drawn where the address would be, for records without a window
    body_top: float = FIRST_BODY_TOP  # mm; records without a window start their text higher


def prepare_decor(
    letterhead: Letterhead,
    info_rows: Sequence[tuple[str, str]],
    *,
    draft: bool,
    continuation: str,
    address: Address | None = None,
    title_lines: Sequence[str] = (),
    body_top: float = FIRST_BODY_TOP,
) -> PageDecor:
    """Check that the address and the information block fit DIN 5008 and every character has a glyph."""
    register_fonts()
    address_size = ADDRESS_FONT_SIZES[0]
    if address is not None:
        lines = (letterhead.return_address, *address.notes, *address.lines)
        _check_glyphs(lines, "address")
        room = (ADDRESS_LEFT + ADDRESS_WIDTH - ADDRESS_TEXT_LEFT - 2.0) * mm
        fitting = _fitting_size(address.lines, REGULAR, ADDRESS_FONT_SIZES, room)
        if fitting is None:
            widest = max(address.lines, key=lambda line: stringWidth(line, REGULAR, ADDRESS_FONT_SIZES[-1]))
            raise ValidationError(
                "letters_layout.address_line_too_long", field="address", line=widest, width=f"{room / mm:.0f}"
            )
        address_size = fitting
    rows: list[tuple[str, str, float]] = []
    value_room = (INFO_WIDTH - INFO_VALUE_OFFSET) * mm
    for label, value in info_rows:
        if not value.strip():
            continue
        _check_glyphs((value,), "info")
        size = _fitting_size((value,), REGULAR, INFO_VALUE_SIZES, value_room)
        if size is None:
            raise ValidationError("letters_layout.info_too_long", field="info", value=value, label=label)
        rows.append((label, value, size))
    return PageDecor(
        letterhead=letterhead,
        info_rows=tuple(rows),
        draft=draft,
        continuation=continuation,
        address=address,
        address_font_size=address_size,
        title_lines=tuple(title_lines),
        body_top=body_top,
    )


def _check_glyphs(texts: Sequence[str], field: str) -> None:
    missing = missing_glyphs("".join(texts))
    if missing:
        raise ValidationError("letters_layout.glyphs_missing", field=field, characters=missing, shown=" ".join(missing))


def _fitting_size(lines: Sequence[str], font: str, sizes: Sequence[float], room: float) -> float | None:
    for size in sizes:
        if all(stringWidth(line, font, size) <= room for line in lines):
            return size
    return None


# --- drawing ------------------------------------------------------------------------------------


def return_address_lines(letterhead: Letterhead, room: float, free: int) -> tuple[str, ...]:
    """The Rücksendeangabe, readable (at least 6 pt): one line if it fits, else without the
    department, else on two lines where the zone has room for them."""
    head = letterhead
    full = head.return_address
    short = " · ".join(part for part in (head.authority, head.street, head.postcode_city) if part)
    for line in (full, short):
        if stringWidth(line, REGULAR, RETURN_FONT_SIZE) <= room:
            return (line,)
    if free >= 2:
        first = " · ".join(part for part in (head.authority, head.department) if part)
        second = " · ".join(part for part in (head.street, head.postcode_city) if part)
        return (first, second)
    return (short,)


def _draw_fitted(
    canv: Any,
    text: str,
    x: float,
    y: float,
    font: str,
    size: float,
    room: float,
    *,
    right: bool = False,
    smallest: float | None = None,
) -> None:
    """Draw one line, shrinking the font (down to 70 %, or to ``smallest``) if it would overflow ``room``."""
    width = stringWidth(text, font, size)
    if width > room:
        size = max(smallest or size * 0.7, size * room / width)
    canv.setFont(font, size)
    if right:
        canv.drawRightString(x, y, text)
    else:
        canv.drawString(x, y, text)


def draw_letterhead(canv: Any, letterhead: Letterhead) -> None:
    canv.setFillColor(colors.black)
    _draw_fitted(canv, letterhead.authority, BODY_LEFT * mm, _y(17), BOLD, 14, BODY_WIDTH * mm)
    if letterhead.department:
        _draw_fitted(canv, letterhead.department, BODY_LEFT * mm, _y(23), REGULAR, 10.5, BODY_WIDTH * mm)
    canv.setFillColor(GREY)
    _draw_fitted(
        canv, f"{letterhead.street} · {letterhead.postcode_city}", BODY_LEFT * mm, _y(28), REGULAR, 8, BODY_WIDTH * mm
    )
    canv.setFillColor(colors.black)


def draw_address_field(canv: Any, decor: PageDecor) -> None:
    address = decor.address
    if address is None:
        return
    x = ADDRESS_TEXT_LEFT * mm
    room = (ADDRESS_LEFT + ADDRESS_WIDTH - ADDRESS_TEXT_LEFT - 2.0) * mm
    # Zusatz- und Vermerkzone, written from the bottom up: return address on top, then the notes.
    returns = return_address_lines(decor.letterhead, room, free=5 - len(address.notes))
    note_lines = (*returns, *address.notes)
    zone_bottom = ADDRESS_TOP + NOTE_ZONE_HEIGHT
    first_baseline = zone_bottom - 1.3 - NOTE_LEADING * (len(note_lines) - 1)
    for index, line in enumerate(note_lines):
        baseline = _y(first_baseline + index * NOTE_LEADING)
        if index < len(returns):
            canv.setFillColor(GREY)
            _draw_fitted(canv, line, x, baseline, REGULAR, RETURN_FONT_SIZE, room, smallest=MIN_RETURN_FONT_SIZE)
            if index == len(returns) - 1:
                canv.setStrokeColor(GREY)
                canv.setLineWidth(0.3)
                width = max(stringWidth(part, REGULAR, RETURN_FONT_SIZE) for part in returns)
                canv.line(x, baseline - 1.0, x + min(room, width), baseline - 1.0)
            canv.setFillColor(colors.black)
        else:
            _draw_fitted(canv, line, x, baseline, REGULAR, NOTE_FONT_SIZE + 1, room)
    # Anschriftzone: up to six lines from the top of the zone.
    size = decor.address_font_size
    canv.setFont(REGULAR, size)
    top = zone_bottom + 1.0 + size * 0.3528 * 0.8  # first baseline: zone top + cap height
    for index, line in enumerate(address.lines):
        canv.drawString(x, _y(top + index * ADDRESS_LEADING), line)


def draw_title_lines(canv: Any, decor: PageDecor) -> None:
    """Records have no window: their title sits where the address would be."""
    canv.setFillColor(colors.black)
    for index, line in enumerate(decor.title_lines):
        _draw_fitted(
            canv,
            line,
            ADDRESS_TEXT_LEFT * mm,
            _y(INFO_TOP + 4.5 + index * 6.5),
            BOLD,
            13,
            (INFO_LEFT - ADDRESS_TEXT_LEFT - 5) * mm,
        )


def draw_info_block(canv: Any, decor: PageDecor) -> None:
    x_label = INFO_LEFT * mm
    x_value = (INFO_LEFT + INFO_VALUE_OFFSET) * mm
    for index, (label, value, size) in enumerate(decor.info_rows):
        baseline = _y(INFO_TOP + 3.0 + index * INFO_LEADING)
        canv.setFillColor(GREY)
        canv.setFont(REGULAR, INFO_LABEL_SIZE)
        canv.drawString(x_label, baseline, label)
        canv.setFillColor(colors.black)
        canv.setFont(REGULAR, size)
        canv.drawString(x_value, baseline, value)


def draw_marks(canv: Any) -> None:
    """Faltmarken at 105 and 210 mm, Lochmarke at 148.5 mm, on the left edge."""
    canv.setStrokeColor(GREY)
    canv.setLineWidth(0.4)
    for position in FOLD_MARKS:
        canv.line(4 * mm, _y(position), 9 * mm, _y(position))
    canv.line(4 * mm, _y(PUNCH_MARK), 11 * mm, _y(PUNCH_MARK))


def draw_footer(canv: Any, letterhead: Letterhead) -> None:
    canv.setStrokeColor(GREY)
    canv.setLineWidth(0.3)
    canv.line(BODY_LEFT * mm, _y(FOOTER_RULE), (BODY_LEFT + BODY_WIDTH) * mm, _y(FOOTER_RULE))
    columns: list[list[str]] = [
        [letterhead.authority, letterhead.department, letterhead.street, letterhead.postcode_city],
        ["Sprechzeiten", *letterhead.opening_hours] if letterhead.opening_hours else [],
        [  # a blank setting stays off the letter (never a placeholder of the example office)
            f"Telefon {letterhead.phone}" if letterhead.phone else "",
            f"E-Mail {letterhead.email}" if letterhead.email else "",
            letterhead.website,
        ],
    ]
    if letterhead.bank is not None:
        bank = letterhead.bank
        columns.append(["Bankverbindung", bank.bank, f"IBAN {bank.iban}", f"BIC {bank.bic}"])
    widths = [0.27, 0.25, 0.24, 0.24] if len(columns) == 4 else [0.36, 0.32, 0.32]
    x = BODY_LEFT * mm
    canv.setFillColor(GREY)
    for column, share in zip(columns, widths, strict=True):
        room = BODY_WIDTH * mm * share - 2 * mm
        for index, line in enumerate(part for part in column if part):
            font = BOLD if index == 0 and column[0] in ("Sprechzeiten", "Bankverbindung") else REGULAR
            _draw_fitted(canv, line, x, _y(FOOTER_RULE + 3.6 + index * 2.9), font, FOOTER_SIZE, room)
        x += BODY_WIDTH * mm * share
    canv.setFillColor(colors.black)


def draw_continuation_header(canv: Any, decor: PageDecor) -> None:
    canv.setFillColor(GREY)
    room = BODY_WIDTH * mm / 2 - 2 * mm
    _draw_fitted(canv, decor.letterhead.name, BODY_LEFT * mm, _y(15), REGULAR, 8, room)
    _draw_fitted(canv, decor.continuation, (BODY_LEFT + BODY_WIDTH) * mm, _y(15), REGULAR, 8, room, right=True)
    canv.setStrokeColor(GREY)
    canv.setLineWidth(0.3)
    canv.line(BODY_LEFT * mm, _y(17.5), (BODY_LEFT + BODY_WIDTH) * mm, _y(17.5))
    canv.setFillColor(colors.black)


def draw_watermark(canv: Any) -> None:
    canv.saveState()
    canv.setFillColor(colors.Color(0.55, 0.55, 0.55))
    canv.setFillAlpha(0.22)
    canv.setFont(BOLD, 118)
    canv.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2)
    canv.rotate(55)
    canv.drawCentredString(0, -40, "ENTWURF")
    canv.restoreState()


def draw_page_number(canv: Any, number: int, total: int) -> None:
    canv.setFillColor(colors.black)
    canv.setFont(REGULAR, 8.5)
    canv.drawRightString((BODY_LEFT + BODY_WIDTH) * mm, _y(PAGE_NUMBER_BASELINE), f"Seite {number} von {total}")


# --- the document machinery ---------------------------------------------------------------------


class LetterStart(Flowable):  # type: ignore[misc]  # reportlab has no type hints
    """Zero-size flowable at the start of each letter: draws its first page and marks the letter."""

    def __init__(self, decor: PageDecor) -> None:
        super().__init__()
        self.decor = decor

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0.0, 0.0

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        canvas.letter_seq += 1
        canvas.decor = self.decor
        canvas.first_page_of_letter = True
        canvas.saveState()
        draw_letterhead(canvas, self.decor.letterhead)
        draw_address_field(canvas, self.decor)
        draw_title_lines(canvas, self.decor)
        draw_info_block(canvas, self.decor)
        canvas.restoreState()


class LetterCanvas(Canvas):  # type: ignore[misc]  # reportlab has no type hints
    """Keeps the pages until ``save`` so each letter can print "Seite x von y" with its own total."""

    def __init__(self, *args: Any, creation_date: date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        stamp = f"D:{creation_date:%Y%m%d}000000+00'00'"
        self.setDateFormatter(lambda *_parts: stamp)
        self.letter_seq = 0
        self.decor: PageDecor | None = None
        self.first_page_of_letter = False
        self._pages: list[tuple[dict[str, Any], int]] = []

    def showPage(self) -> None:
        self._pages.append((dict(self.__dict__), self.letter_seq))
        self._startPage()

    def save(self) -> None:
        totals = Counter(seq for _, seq in self._pages)
        numbers: Counter[int] = Counter()
        for state, seq in self._pages:
            numbers[seq] += 1
            self.__dict__.update(state)
            if totals[seq] > 1:
                draw_page_number(self, numbers[seq], totals[seq])
            Canvas.showPage(self)
        Canvas.save(self)


def _finish_page(canv: Any, _doc: Any) -> None:
    decor: PageDecor | None = canv.decor
    draw_marks(canv)
    if decor is not None:
        draw_footer(canv, decor.letterhead)
        if not canv.first_page_of_letter:
            draw_continuation_header(canv, decor)
        if decor.draft:
            draw_watermark(canv)
    canv.first_page_of_letter = False


def _frame(top_mm: float, frame_id: str) -> Frame:
    return Frame(
        BODY_LEFT * mm,
        _y(BODY_BOTTOM),
        BODY_WIDTH * mm,
        (BODY_BOTTOM - top_mm) * mm,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id=frame_id,
    )


def build_pdf(
    letters: Sequence[tuple[PageDecor, Sequence[Flowable]]],
    *,
    title: str,
    author: str,
    subject: str,
    created: date,
) -> bytes:
    """Lay out one or more letters into one PDF. Deterministic: same input, same bytes."""
    register_fonts()
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=A4,
        title=title,
        author=author,
        subject=subject,
        creator="ABH Desk",
        keywords=[],
        invariant=1,
        lang="de-DE",
        initialFontName=REGULAR,
        initialFontSize=10,
        leftMargin=BODY_LEFT * mm,
        rightMargin=BODY_RIGHT_MARGIN * mm,
        topMargin=LATER_BODY_TOP * mm,
        bottomMargin=(297 - BODY_BOTTOM) * mm,
    )
    # One first-page template per body top, the first letter's first (the document starts with it).
    tops = list(dict.fromkeys(decor.body_top for decor, _ in letters))
    doc.addPageTemplates(
        [
            *(
                PageTemplate(
                    id=f"first-{top}",
                    frames=[_frame(top, f"first-{top}")],
                    onPageEnd=_finish_page,
                    autoNextPageTemplate="later",
                )
                for top in tops
            ),
            PageTemplate(id="later", frames=[_frame(LATER_BODY_TOP, "later")], onPageEnd=_finish_page),
        ]
    )
    story: list[Flowable] = []
    for index, (decor, flowables) in enumerate(letters):
        if index:
            story += [NextPageTemplate(f"first-{decor.body_top}"), PageBreak()]
        story.append(LetterStart(decor))
        story.extend(flowables)
    maker: Callable[..., LetterCanvas] = partial(LetterCanvas, creation_date=created)
    doc.build(story, canvasmaker=maker)
    return buffer.getvalue()

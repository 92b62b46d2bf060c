"""Printing a stored letter: its PDF pages rendered onto the printer the user chose, straight from
memory (no temporary file with personal data)."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QEventLoop, QIODevice, QRect, QSize, QTimer
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from abh_desk.errors import DomainError

RESOLUTION_DPI = 300
LOAD_TIMEOUT_MS = 10_000


def load_pdf(pdf: bytes) -> QPdfDocument:
    """A PDF from memory, loaded (QtPdf loads a device asynchronously; this waits for it)."""
    document = QPdfDocument()
    buffer = QBuffer(document)
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    loop = QEventLoop()
    document.statusChanged.connect(lambda _status: loop.quit())
    QTimer.singleShot(LOAD_TIMEOUT_MS, loop.quit)
    document.load(buffer)
    if document.status() == QPdfDocument.Status.Loading:
        loop.exec()
    if document.status() != QPdfDocument.Status.Ready or document.pageCount() == 0:
        raise DomainError("ui_printing.not_opened")
    return document


def print_pdf(pdf: bytes, printer: QPrinter) -> int:
    """Print every page of ``pdf`` at the printer's page size; returns the number of pages."""
    document = load_pdf(pdf)
    painter = QPainter()
    if not painter.begin(printer):
        raise DomainError("ui_printing.printer_not_ready")
    pages = document.pageCount()
    try:
        for page in range(pages):
            if page:
                printer.newPage()
            target = painter.viewport()
            size = document.pagePointSize(page)
            pixels = QSize(round(size.width() / 72 * RESOLUTION_DPI), round(size.height() / 72 * RESOLUTION_DPI))
            image = document.render(page, pixels)
            painter.drawImage(QRect(0, 0, target.width(), target.height()), image)
    finally:
        painter.end()
        document.close()
    return pages

"""A PDF preview (QtPdf) for letters held in memory: the stored bytes, never a temporary file."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QHideEvent, QResizeEvent, QShowEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QLabel, QWidget


class PdfPreview(QPdfView):
    """Shows one letter, all pages one below the other, fitted to the width.

    The document is only open while the preview is visible: a view destroyed with an open
    document (its window deleted after closing) crashed the interpreter in QtPdf's renderer.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]  # the stub wants a parent; Qt takes None
        self._document = QPdfDocument(self)
        self._buffer: QBuffer | None = None
        self._pdf: bytes | None = None
        self.setDocument(self._document)
        self.setPageMode(QPdfView.PageMode.MultiPage)
        self.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.setMinimumWidth(320)
        # Said on the empty grey area while there is no letter (else it looks broken).
        self.hint = QLabel(self.viewport())
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.hint.setStyleSheet("color: #303030; font-size: 14px; padding: 24px;")
        self.hint.hide()

    def show_pdf(self, pdf: bytes | None, hint: str = "") -> None:
        """The letter; without one, ``hint`` on the empty area (why there is nothing to see yet)."""
        self._pdf = pdf or None
        self._close()
        if self._pdf is not None and self.isVisible():
            self._open(self._pdf)
        self.hint.setText(hint)
        self.hint.setVisible(self._pdf is None and bool(hint))
        self.hint.resize(self.viewport().size())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.hint.resize(self.viewport().size())

    def page_count(self) -> int:
        return self._document.pageCount()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._pdf is not None and self._buffer is None:
            self._open(self._pdf)

    def hideEvent(self, event: QHideEvent) -> None:
        self._close()
        super().hideEvent(event)

    def _open(self, pdf: bytes) -> None:
        buffer = QBuffer(self)
        buffer.setData(QByteArray(pdf))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self._buffer = buffer
        self._document.load(buffer)

    def _close(self) -> None:
        self._document.close()
        if self._buffer is not None:
            self._buffer.close()
            self._buffer.deleteLater()
            self._buffer = None

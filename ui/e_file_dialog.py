"""One window for the whole file (Gesamtakte) of a person: the documents taken in, the letters the
office wrote and the card handover records in the file's order, with thumbnails; the chosen piece
beside them (QtPdf for a PDF, an image scaled to the width). From here the file for the court
(Aktenvorlage) is made, in the background with a progress bar."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from abh_desk.services.court_file import CourtFileResult
from abh_desk.errors import DomainError
from abh_desk.services.context import Progress, ServiceContext
from abh_desk.services.documents import remove_document
from abh_desk.services.e_file import DOCUMENT, EFile, FileEntry, entry_content, get_e_file
from ui import dialogs
from ui.messages import error_text, spoken
from ui.pdf_view import PdfPreview
from ui.printing import load_pdf
from ui.tasks import TaskRunner, run_with_progress
from ui.widgets import fit_on_screen, german_date, message_label

THUMB = QSize(72, 96)


def thumbnail(content: bytes, media_type: str) -> QImage:
    """The first page, small (runs on the database thread: QImage and QPdfDocument need no GUI)."""
    if media_type == "application/pdf":
        # Loaded as printing loads it: QtPdf reads a device asynchronously, so the buffer belongs to
        # the document and the load is waited for. A local buffer, dropped when this returned while
        # QtPdf still read it, is the suspect of a segfault seen in the e-file window's test.
        try:
            document = load_pdf(content)
        except DomainError:
            return QImage()
        try:
            return document.render(0, THUMB)
        finally:
            document.close()  # the document and its buffer go with the last reference, in this thread
    image = QImage.fromData(content)
    return image.scaled(THUMB, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)


class EFileDialog(QDialog):
    """``EFileDialog(ctx, person_id)``: the file opens at its first piece."""

    def __init__(
        self, ctx: ServiceContext, person_id: int, runner: TaskRunner | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx, self.person_id = ctx, person_id
        self.runner = runner or TaskRunner(self)
        self.file: EFile | None = None
        self.shown: tuple[str, int] | None = None
        self.setWindowTitle(self.tr("Whole file"))
        fit_on_screen(self, 1100, 700)
        self.header = QLabel()
        self.header.setStyleSheet("font-size: 15px; font-weight: 600;")
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.pieces = QListWidget()
        self.pieces.setIconSize(THUMB)
        self.pieces.setMinimumWidth(300)
        self.pieces.setSpacing(2)
        self.pieces.setWordWrap(True)
        self.pieces.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.pieces.currentRowChanged.connect(self._chosen)
        self.pdf = PdfPreview()
        self.image = QLabel()
        self.image.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.image_area = QScrollArea()
        self.image_area.setWidgetResizable(True)
        self.image_area.setWidget(self.image)
        self.pixmap: QPixmap | None = None
        self.viewer = QStackedWidget()
        self.viewer.addWidget(self.pdf)
        self.viewer.addWidget(self.image_area)
        self.viewer.addWidget(QLabel(self.tr("The file has no documents or letters yet.")))
        split = QSplitter()
        split.addWidget(self.pieces)
        split.addWidget(self.viewer)
        split.setStretchFactor(1, 1)
        self.details = QLabel()
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.message = message_label()
        self.court_button = QPushButton(self.tr("File for the &court…"))
        self.remove_button = QPushButton(self.tr("&Remove document…"))
        self.court_button.clicked.connect(self.make_court_file)
        self.remove_button.clicked.connect(self.remove_current)
        buttons = QHBoxLayout()
        buttons.addWidget(self.court_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(split, 1)
        layout.addWidget(self.details)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        for key, step in (("PgDown", 1), ("PgUp", -1)):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.activated.connect(lambda s=step: self._step(s))
        self.reload()

    # --- loading ------------------------------------------------------------------------------

    def reload(self) -> None:
        ctx, person_id = self.ctx, self.person_id
        self.runner.run(lambda: get_e_file(ctx, person_id), self._loaded, self.show_error, owner=self)

    def _loaded(self, file: EFile) -> None:
        self.file = file
        self.setWindowTitle(self.tr("Whole file – %1").replace("%1", file.person_name))
        self.header.setText(
            self.tr("%1 (* %2) · %3 pieces")
            .replace("%1", file.person_name)
            .replace("%2", file.birth_date)
            .replace("%3", str(len(file.entries)))
        )
        self.pieces.blockSignals(True)
        self.pieces.clear()
        for entry in file.entries:
            item = QListWidgetItem(self._label(entry))
            item.setToolTip(entry.title)
            self.pieces.addItem(item)
        self.pieces.blockSignals(False)
        self.court_button.setEnabled(bool(file.entries))
        if file.entries:
            self.pieces.setCurrentRow(0)
        else:
            self.viewer.setCurrentIndex(2)
            self.details.clear()
        self._load_thumbnails(list(enumerate(file.entries)))

    def _label(self, entry: FileEntry) -> str:
        pages = "" if entry.pages is None else " · " + self.tr("%1 page(s)").replace("%1", str(entry.pages))
        kind = f"{german_date(entry.dated)} · {spoken(entry.kind)}{pages}"
        return f"{spoken(entry.title)}\n{kind}\n{entry.file_number}".rstrip()

    def _load_thumbnails(self, todo: list[tuple[int, FileEntry]]) -> None:
        """One piece after the other, behind whatever the user asks for."""
        if not todo:
            return
        (row, entry), rest = todo[0], todo[1:]
        ctx, file = self.ctx, self.file

        def done(image: QImage) -> None:
            if self.file is not file or not self.isVisible():
                return  # reloaded or closed: this chain ends, the database thread is free
            if row < self.pieces.count() and not image.isNull():
                self.pieces.item(row).setIcon(QIcon(QPixmap.fromImage(image)))
            self._load_thumbnails(rest)

        self.runner.run(
            lambda: thumbnail(entry_content(ctx, entry.source, entry.id, log_read=False), entry.media_type),
            done,
            lambda _exc: done(QImage()),
            owner=self,
        )

    def current_entry(self) -> FileEntry | None:
        row = self.pieces.currentRow()
        return self.file.entries[row] if self.file and 0 <= row < len(self.file.entries) else None

    def _chosen(self, row: int) -> None:
        entry = self.current_entry()
        if entry is None:
            return
        self.remove_button.setEnabled(entry.source == DOCUMENT)
        self.details.setText(
            f"{entry.title} · {entry.kind} · {german_date(entry.dated)}"
            + (f" · {entry.file_number}" if entry.file_number else "")
            + (f" · SHA-256 {entry.sha256[:16]}…" if entry.sha256 else "")
        )
        ctx, key = self.ctx, (entry.source, entry.id)
        self.shown = key

        def show(content: bytes) -> None:
            if self.shown != key:
                return  # another piece was chosen meanwhile
            if entry.media_type == "application/pdf":
                self.viewer.setCurrentIndex(0)
                self.pdf.show_pdf(content)
            else:
                self.pixmap = QPixmap.fromImage(QImage.fromData(content))
                self.viewer.setCurrentIndex(1)
                self._fit_image()

        self.runner.run(lambda: entry_content(ctx, entry.source, entry.id), show, self.show_error, owner=self)

    def _fit_image(self) -> None:
        if self.pixmap is None or self.pixmap.isNull():
            self.image.clear()
            return
        width = max(200, self.image_area.viewport().width() - self.image_area.verticalScrollBar().sizeHint().width())
        self.image.setPixmap(
            self.pixmap.scaledToWidth(min(width, self.pixmap.width()), Qt.TransformationMode.SmoothTransformation)
        )

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)  # type: ignore[arg-type]
        if self.viewer.currentIndex() == 1:
            self._fit_image()

    def _step(self, step: int) -> None:
        if self.pieces.count():
            self.pieces.setCurrentRow(min(max(self.pieces.currentRow() + step, 0), self.pieces.count() - 1))

    # --- acts ---------------------------------------------------------------------------------

    def remove_current(self) -> None:
        entry = self.current_entry()
        if entry is None or entry.source != DOCUMENT:
            return
        reason = dialogs.ask_text(
            self,
            self.tr("Remove document"),
            self.tr("Why is „%1“ removed from the file? (logged)").replace("%1", entry.title),
        )
        if reason is None:
            return
        ctx = self.ctx
        self.runner.run(
            lambda: remove_document(ctx, entry.id, reason), lambda _r: self.reload(), self.show_error, owner=self
        )

    def make_court_file(self) -> None:
        if self.file is None:
            return
        choice = CourtFileOptions(self.file, self)
        if choice.exec() != QDialog.DialogCode.Accepted:
            return
        suggested = f"Aktenvorlage {self.file.person_name.replace(',', '')}.pdf"
        target = dialogs.ask_save_path(self, self.tr("Save the file for the court"), suggested)
        if target is None:
            return
        ctx, person_id = self.ctx, self.person_id
        cases, reference = choice.case_ids(), choice.reference.text()

        def work(progress: Progress) -> CourtFileResult:
            from abh_desk.services.court_file import build_court_file  # reportlab: only when a file is made

            return build_court_file(
                ctx, person_id, target, case_ids=cases, court_reference=reference, progress=progress
            )

        self.progress = run_with_progress(
            self.runner,
            self,
            self.tr("Compiling the file for the court…"),
            work,
            self._court_file_done,
            self.show_error,
        )

    def _court_file_done(self, result: CourtFileResult) -> None:
        self.message.setStyleSheet("color: #1a6b1a;")
        self.message.setText(
            self.tr("File for the court saved: %1 (%2 pages).")
            .replace("%1", str(result.target))
            .replace("%2", str(result.pages))
        )

    def show_error(self, exc: Exception) -> None:
        self.message.setStyleSheet("color: #b00020;")
        self.message.setText(error_text(exc))


class CourtFileOptions(QDialog):
    """Which cases go to the court (all by default) and the court's reference."""

    def __init__(self, file: EFile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.file = file
        self.setWindowTitle(self.tr("File for the court"))
        self.cases = QListWidget()
        for case in file.cases:
            item = QListWidgetItem(f"{case.file_number} – {case.procedure}")
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.cases.addItem(item)
        self.reference = QLineEdit()
        self.reference.setPlaceholderText(self.tr("e.g. 4 K 123/26"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Cases in the file for the court (all: the whole file):")))
        layout.addWidget(self.cases)
        layout.addWidget(QLabel(self.tr("The court's reference (optional):")))
        layout.addWidget(self.reference)
        layout.addWidget(buttons)

    def case_ids(self) -> set[int] | None:
        """None for the whole file (every case checked, and the person's own documents)."""
        chosen = {
            case.id
            for row, case in enumerate(self.file.cases)
            if self.cases.item(row).checkState() == Qt.CheckState.Checked
        }
        return None if len(chosen) == len(self.file.cases) else chosen

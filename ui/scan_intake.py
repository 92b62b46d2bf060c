"""Scans into the checklist at the counter, in one step: a file dialog, files dropped on a
checklist line (or beside the lines, for the case), or the newest scan in this workstation's
scanner folder (``scanner_folder`` in the settings). A scan for a line ticks it as received in the
same transaction; a scan taken from the scanner folder leaves it once it is stored."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QFileSystemWatcher, QObject, QStandardPaths, Signal
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QFileDialog, QPushButton, QTableView, QWidget

from abh_desk.config import load_settings
from abh_desk.domain.enums import ChecklistStatus
from abh_desk.services.case_file import ChecklistLine
from abh_desk.services.context import ServiceContext
from abh_desk.services.document_content import EXTENSIONS
from abh_desk.services.documents import Attached, attach_document
from ui.tasks import TaskRunner

FILE_FILTER = "Scans (*.pdf *.jpg *.jpeg *.png *.tif *.tiff);;Alle Dateien (*)"


def ask_scan_files(parent: QWidget | None, title: str, folder: Path | None = None) -> list[Path]:
    """The dialog service's way to choose files (tests replace it). It starts in ``folder`` (the
    scanner's), else in the user's documents — not in the program's folder."""
    start = (
        str(folder) if folder else QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    )
    names, _filter = QFileDialog.getOpenFileNames(parent, title, start, FILE_FILTER)
    return [Path(n) for n in names]


def newest_scan(folder: Path) -> Path | None:
    """The newest file in the scanner folder that could be a scan (by name; the content is checked
    when it is attached)."""
    try:
        files = [
            f
            for f in folder.iterdir()
            if f.is_file() and not f.name.startswith(".") and (f.suffix.lower() in EXTENSIONS or not f.suffix)
        ]
    except OSError:
        return None
    return max(files, key=lambda f: (f.stat().st_mtime, f.name), default=None)


class ScanIntake(QObject):
    """Wires the checklist's view and buttons of a case window to ``attach_document``."""

    sig_attached = Signal(object)
    """An ``Attached`` (the document and the case file after it)."""

    def __init__(
        self,
        ctx: ServiceContext,
        case_id: int,
        runner: TaskRunner,
        view: QTableView,
        current_line: Callable[[], ChecklistLine | None],
        on_error: Callable[[Exception], None],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.case_id, self.runner = ctx, case_id, runner
        self.view, self.current_line, self.on_error = view, current_line, on_error
        self.owner = parent
        self.scan_button = QPushButton(self.tr("Scan… (Ctrl+S)"))
        self.scan_button.setToolTip(
            self.tr("Attach a scanned file to the chosen document and tick it as received (or drop files here)")
        )
        self.scan_button.clicked.connect(self.choose_files)
        self.scanner_button = QPushButton(self.tr("From scanner"))
        self.scanner_button.clicked.connect(self.take_from_scanner)
        folder = load_settings().scanner_folder
        self.scanner_folder = Path(folder) if folder else None
        self.watcher = QFileSystemWatcher(self)
        if self.scanner_folder is not None and self.scanner_folder.is_dir():
            self.watcher.addPath(str(self.scanner_folder))
            self.watcher.directoryChanged.connect(lambda _path: self.refresh_scanner())
        self.refresh_scanner()
        view.setAcceptDrops(True)
        view.viewport().setAcceptDrops(True)
        view.viewport().installEventFilter(self)

    # --- the scanner folder -------------------------------------------------------------------

    def refresh_scanner(self) -> None:
        scan = newest_scan(self.scanner_folder) if self.scanner_folder else None
        self.scanner_button.setVisible(self.scanner_folder is not None)
        self.scanner_button.setEnabled(scan is not None)
        self.scanner_button.setText(
            self.tr("From scanner: %1").replace("%1", scan.name) if scan else self.tr("From scanner (no new scan)")
        )

    def take_from_scanner(self) -> None:
        scan = newest_scan(self.scanner_folder) if self.scanner_folder else None
        if scan is not None:
            self.attach([scan], self.current_line(), remove_after=True)

    # --- a file dialog and drag & drop --------------------------------------------------------

    def choose_files(self) -> None:
        files = ask_scan_files(self.owner, self.tr("Attach scan"), self.scanner_folder)  # read once, at start
        if files:
            self.attach(files, self.current_line())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        dragging = kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove)
        if dragging and isinstance(event, QDropEvent) and event.mimeData().hasUrls():
            event.acceptProposedAction()
            return True
        if kind == QEvent.Type.Drop and isinstance(event, QDropEvent):
            files = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
            row = self.view.indexAt(event.position().toPoint()).row()
            model = self.view.model()
            line = model.row(row) if row >= 0 and hasattr(model, "row") else None
            if files:
                self.attach(files, line)
                event.acceptProposedAction()
            return True
        return super().eventFilter(watched, event)

    def attach(self, files: list[Path], line: ChecklistLine | None, remove_after: bool = False) -> None:
        """Attach ``files`` one after the other: to ``line`` (ticking it where still missing) or to the case."""
        ctx, case_id = self.ctx, self.case_id
        tick = line is not None and line.status == ChecklistStatus.MISSING

        def work() -> list[Attached]:
            done = []
            for n, path in enumerate(files):
                done.append(
                    attach_document(
                        ctx,
                        path,
                        case_id=case_id,
                        checklist_item_id=line.id if line else None,
                        tick=tick and n == 0,
                        expected_version=line.version if line and tick and n == 0 else None,
                    )
                )
                if remove_after:
                    path.unlink(missing_ok=True)  # stored in the database: no copy left in the folder
            return done

        def succeeded(done: list[Attached]) -> None:
            self.refresh_scanner()
            if done:
                self.sig_attached.emit(done[-1])

        def failed(exc: Exception) -> None:
            self.refresh_scanner()
            self.on_error(exc)

        self.runner.run(work, succeeded, failed, owner=self.owner)

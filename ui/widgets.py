"""Small helpers shared by the screens: German dates, a configured table view."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QAbstractItemModel, QDate, QDateTime, QEvent, QObject, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QFocusEvent, QGuiApplication
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QScrollArea, QTableView, QWidget

from abh_desk.clock import OFFICE_ZONE


def picked_date(value: QDate) -> date:
    """A date edit's date as Python's (``QDate.toPython`` is typed as returning any object)."""
    result = value.toPython()
    assert isinstance(result, date)
    return result


def picked_moment(value: QDateTime) -> datetime:
    """A date-time edit's value as Python's naive datetime (the office's wall time)."""
    result = value.toPython()
    assert isinstance(result, datetime)
    return result


def qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def row_of(widget: QWidget) -> QWidget:
    """The widget that is a form row's field where ``widget`` sits in a small container of its own."""
    parent = widget.parentWidget()
    assert parent is not None, "the field is not in its container"
    return parent


def german_date(value: date | None) -> str:
    return value.strftime("%d.%m.%Y") if value else ""


def thousands(number: int) -> str:
    """1228 → "1.228", as German figures are written."""
    return f"{number:,}".replace(",", ".")


def moment_text(value: datetime) -> str:
    """A point in time as the office reads it: TT.MM.JJJJ HH:MM in Europe/Berlin, whatever zone
    the workstation is set to."""
    return value.astimezone(OFFICE_ZONE).strftime("%d.%m.%Y %H:%M")


class KeyTable(QTableView):
    """A table for the keyboard: Tab leaves it (to the next field, as everywhere else) instead of
    walking its cells, and a table reached by Tab or a shortcut has a row chosen, so Enter acts at once."""

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        model = self.model()
        keyboard = event.reason() in (
            Qt.FocusReason.TabFocusReason,
            Qt.FocusReason.BacktabFocusReason,
            Qt.FocusReason.ShortcutFocusReason,
            Qt.FocusReason.OtherFocusReason,
        )
        # Qt's own focusInEvent has already made the first cell current (without selecting it): a
        # row is chosen here unless one is selected, else it only had a frame round its first cell.
        selection = self.selectionModel()
        if (
            keyboard
            and model is not None
            and model.rowCount()
            and selection is not None
            and not selection.hasSelection()
        ):
            self.selectRow(max(self.currentIndex().row(), 0))


def table_view(model: QAbstractItemModel, widths: tuple[int, ...] = ()) -> QTableView:
    """A read-only table: whole rows selected, no row numbers, the last column stretched; Tab leaves it."""
    view = KeyTable()
    view.setTabKeyNavigation(False)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(24)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    view.setAlternatingRowColors(True)
    for column, width in enumerate(widths):
        view.setColumnWidth(column, width)
    return view


ERROR_STYLE = "color: #a4000f;"
DONE_STYLE = "color: #1d6b2f;"
"""A message that says something went well (saved, sent, stored) — green, not the error's red."""


def say_done(label: QLabel, text: str) -> None:
    """``text`` on a message line in the style of what went well."""
    label.setStyleSheet(DONE_STYLE)
    label.setText(text)


def say_wrong(label: QLabel, text: str) -> None:
    """``text`` on a message line in the style of an error or a refusal."""
    label.setStyleSheet(ERROR_STYLE)
    label.setText(text)


def message_label(style: str = ERROR_STYLE) -> QLabel:
    """A label for German messages: plain text (names are never read as markup), wrapped."""
    label = QLabel()
    label.setStyleSheet(style)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


#: What the window manager adds around a window (title bar and frame), which Qt's sizes leave out.
FRAME = QSize(16, 40)


def screen_area(widget: QWidget) -> QRect:
    """The screen's free area (without panels) where ``widget`` is shown."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def room_for(widget: QWidget) -> QSize:
    """The largest size a window may have on its screen, title bar and frame included."""
    area = screen_area(widget)
    return QSize(area.width() - FRAME.width(), area.height() - FRAME.height())


def fit_on_screen(widget: QWidget, width: int | None = None, height: int | None = None) -> None:
    """Give the window the size it wants (or ``width`` × ``height``) — but never more than its
    screen holds, so a 1366×768 office screen shows its buttons and status bar."""
    layout = widget.layout()
    if layout is not None:
        layout.activate()  # the size hints as they are now (a message just shown), not as they were
    hint = widget.sizeHint()
    wanted = QSize(width or hint.width(), height or hint.height())
    widget.resize(wanted.boundedTo(room_for(widget)).expandedTo(widget.minimumSizeHint().boundedTo(room_for(widget))))


class FitScrollArea(QScrollArea):
    """A scroll area that asks for the whole of its content (Qt's own asks for at most 24 lines):
    the window is as tall as its content where the screen allows, and scrolls where it does not."""

    def __init__(self, content: QWidget) -> None:
        super().__init__()
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(content)
        content.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()  # the content's wish changed (a message shown): the window's too
        return super().eventFilter(watched, event)

    def sizeHint(self) -> QSize:
        content = self.widget()
        if content is None:
            return super().sizeHint()
        bar = self.verticalScrollBar().sizeHint().width()
        return content.sizeHint() + QSize(bar + 2, 2)

    def minimumSizeHint(self) -> QSize:
        content = self.widget()
        width = content.minimumSizeHint().width() if content is not None else 0
        return QSize(width + self.verticalScrollBar().sizeHint().width() + 2, 160)


def fit_later(widget: QWidget) -> None:
    """``fit_on_screen`` once the layout has taken in what just changed (messages shown or hidden)."""
    QTimer.singleShot(0, lambda: fit_on_screen(widget))

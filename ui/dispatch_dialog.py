"""How a notice left the house: posting date, way and, for a Postzustellungsurkunde, the delivery
date on the certificate. The dispatch runs from the OK button; a refused date shows its message
under that date and the dialog stays open with what was entered."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QComboBox, QDateEdit, QWidget

from ui.form_dialog import FormDialog, date_edit
from ui.tasks import TaskRunner
from ui.widgets import picked_date

#: Runs the dispatch on the worker thread: (posted on, way's value, delivered on or None).
Send = Callable[[date, str, date | None], object]

PZU = "pzu"


class DispatchDialog(FormDialog):
    def __init__(
        self,
        title: str,
        runner: TaskRunner,
        today: date,
        methods: list[tuple[str, str]],
        send: Send,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, runner, parent)
        self.send = send
        self.posted: QDateEdit = date_edit(today)
        self.way = QComboBox()
        for value, label in methods:
            self.way.addItem(label, value)
        self.delivered: QDateEdit = date_edit(today)
        # The field names are those the service refuses with (notice_dispatch.dispatch).
        self.add("versandt_am", self.tr("Posted / handed over on"), self.posted)
        self.add("art", self.tr("Way"), self.way)
        self.add("zugestellt_am", self.tr("Delivered on (certificate)"), self.delivered)
        for field, edit in (("versandt_am", self.posted), ("zugestellt_am", self.delivered)):
            edit.dateChanged.connect(lambda _date, label=self.errors[field]: label.hide())
        self.way.currentIndexChanged.connect(lambda _index: self._follow_way())
        self._follow_way()

    def _follow_way(self) -> None:
        """The delivery date only for a Postzustellungsurkunde."""
        self.form.setRowVisible(self.form.rowCount() - 1, self.way.currentData() == PZU)

    def save(self) -> None:
        method = str(self.way.currentData())
        posted = picked_date(self.posted.date())
        delivered = picked_date(self.delivered.date()) if method == PZU else None
        send = self.send
        self.submit(lambda: send(posted, method, delivered))

""" "Meine Fälle" and the team view: open cases by ownership, paged like the search results."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from abh_desk.domain.enums import OPEN_CASE_STATUSES, CaseStatus
from abh_desk.services.caselists import CaseListRow, Scope, area_caseworkers, area_name, case_ids, case_list_rows
from abh_desk.services.context import ServiceContext
from ui.messages import error_text
from ui.paged_model import PagedTableModel
from ui.rows_model import Column
from ui.tasks import TaskRunner
from ui.widgets import german_date, table_view

ALL_STATUSES = frozenset(CaseStatus)


class CaseListPage(QWidget):
    sig_open_person = Signal(int)
    """The clerk activated a case: open its person (person id)."""
    sig_message = Signal(str)
    sig_open_case = Signal(int)

    def __init__(self, ctx: ServiceContext, runner: TaskRunner, scope: Scope) -> None:
        super().__init__()
        self.ctx = ctx
        self.runner = runner
        self.scope = scope
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 15px; font-weight: 600;")
        self.count = QLabel()
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("open cases"), "offen")
        self.status_filter.addItem(self.tr("all cases"), "alle")
        self.owner_filter = QComboBox()
        self.owner_filter.addItem(self.tr("all caseworkers"), "")
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.model = PagedTableModel[CaseListRow](
            runner,
            lambda ids: case_list_rows(ctx, ids),
            [
                Column(self.tr("File number"), lambda c: c.file_number),
                Column(self.tr("Person"), lambda c: c.person_name),
                Column(self.tr("Date of birth"), lambda c: c.birth_date),
                Column(self.tr("Procedure"), lambda c: c.procedure_name),
                Column(self.tr("Status"), lambda c: c.status_label),
                Column(self.tr("Applied on"), lambda c: german_date(c.applied_on)),
                Column(
                    self.tr("Caseworker"),
                    lambda c: c.owner + (self.tr(" (as deputy)") if c.deputised else ""),
                    lambda c: "#e3eefc" if c.deputised else None,
                ),
            ],
            row_id=lambda c: c.id,
        )
        self.view = table_view(self.model, (150, 200, 100, 320, 150, 100))
        filters = QHBoxLayout()
        filters.addWidget(self.title)
        filters.addStretch(1)
        filters.addWidget(self.status_filter)
        if scope == Scope.TEAM:
            filters.addWidget(self.owner_filter)
        filters.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.count)
        layout.addWidget(self.view)
        self.status_filter.currentIndexChanged.connect(lambda _i: self.reload())
        self.owner_filter.currentIndexChanged.connect(lambda _i: self.reload())
        self.refresh_button.clicked.connect(self.reload)
        self.view.activated.connect(self._activated)
        self._set_title()

    def _set_title(self) -> None:
        if self.scope == Scope.MINE:
            self.title.setText(self.tr("My cases (including those I deputise)"))
            return
        ctx = self.ctx

        def loaded(result: tuple[str, list[tuple[str, str]]]) -> None:
            name, workers = result
            self.title.setText(self.tr("Team: %1").replace("%1", name))
            self.owner_filter.blockSignals(True)
            for username, display in workers:
                self.owner_filter.addItem(display, username)
            self.owner_filter.blockSignals(False)

        self.runner.run(lambda: (area_name(ctx), area_caseworkers(ctx)), loaded, self._error, owner=self)

    def reload(self) -> None:
        ctx, scope = self.ctx, self.scope
        statuses = OPEN_CASE_STATUSES if self.status_filter.currentData() == "offen" else ALL_STATUSES
        owner = self.owner_filter.currentData() or None

        def done(ids: list[int]) -> None:
            self.model.set_ids(ids)
            self.count.setText(self.tr("%n case(s)", "", len(ids)))

        self.runner.run(lambda: case_ids(ctx, scope, statuses, owner), done, self._error, owner=self)

    def _activated(self, index: QModelIndex) -> None:
        row = self.model.row(index.row())
        if row is not None:
            self.sig_open_case.emit(row.id)

    def _error(self, exc: Exception) -> None:
        self.sig_message.emit(error_text(exc))

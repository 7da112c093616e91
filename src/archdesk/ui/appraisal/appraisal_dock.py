"""Appraisal (鉴定) dock: records due for appraisal, open batches and their decisions, destruction
lists awaiting approval, and executed lists — each tab with its actions.

The due list is the dock's own list (``ListDock``: reload on changes, Print / Export); a due record
opens in the editor on a double-click or Enter (``target``, the dock pattern's ``opened``). The other tabs live in
``batches_tab.py`` and ``lists_tab.py``. Like every widget, none of them touches the database:
service functions are imported inside the jobs that call them, on the worker thread.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
)

from archdesk.services.database import Database
from archdesk.ui.appraisal.batches_tab import BatchesTab
from archdesk.ui.appraisal.lists_tab import DestructionListsTab
from archdesk.ui.dock import ListDock, OpenRecord
from archdesk.ui.ops import Changes, Concern

if TYPE_CHECKING:
    from archdesk.services.appraisal import DueRecord
    from archdesk.services.reports import Document

DUE_LIMIT = 500


class AppraisalDock(ListDock):
    concerns = Concern.RECORDS | Concern.APPRAISAL | Concern.CODES
    right_aligned = (2,)

    def __init__(self, ops, parent=None) -> None:  # noqa: ANN001
        super().__init__(ops, "appraisalDock", parent)
        self.retention_names: dict[str, str] = {}
        self.due_count = 0
        self.open_batches: list[tuple[int, str]] = []
        body = self.widget()
        layout = body.layout()
        self.add_exports(
            self.list, name="due-for-appraisal", rows=lambda: self.items, document=_due_document,
            options=lambda: {"retention_names": dict(self.retention_names)},
        )  # fmt: skip
        self.count_label = QLabel()
        self.count_label.setObjectName("appraisalDueCount")
        layout.insertWidget(1, self.count_label)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        add_row = QHBoxLayout()
        self.batch_choice = QComboBox()
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self._add_to_batch)
        add_row.addWidget(self.batch_choice, 1)
        add_row.addWidget(self.add_button)
        layout.addLayout(add_row)
        self.batches = BatchesTab(ops, self)
        self.awaiting = DestructionListsTab(ops, ("draft", "approved"), self)
        self.executed = DestructionListsTab(ops, ("executed",), self)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("appraisalTabs")
        self.tabs.addTab(body, "")
        for tab in (self.batches, self.awaiting, self.executed):
            self.tabs.addTab(tab, "")
        self.setWidget(self.tabs)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Appraisal"))
        super().retranslate_ui()
        if not hasattr(self, "tabs"):
            return
        for index, title in enumerate(
            (self.tr("Due"), self.tr("Batches"), self.tr("Awaiting approval"), self.tr("Executed lists"))
        ):
            self.tabs.setTabText(index, title)
        self.add_button.setText(self.tr("Add selected to batch"))
        self._show_count()
        for tab in (self.batches, self.awaiting, self.executed):
            tab.retranslate_ui()

    def reload(self) -> None:
        super().reload()
        if hasattr(self, "tabs"):
            for tab in (self.batches, self.awaiting, self.executed):
                tab.reload()

    def fetch(self, db: Database) -> tuple[list[DueRecord], int, list[tuple[int, str]]]:  # worker thread
        from archdesk.services.appraisal import count_due, due_for_appraisal, list_batches

        batches = [(b.id, b.title) for b in list_batches(db, open_only=True)]
        return due_for_appraisal(db, limit=DUE_LIMIT), count_due(db), batches

    def _show(self, answer: list | tuple) -> None:
        # The worker's answer is (due records, their full count, open batches); a re-show after a
        # language change passes the records alone.
        if isinstance(answer, tuple):
            items, self.due_count, self.open_batches = answer
        else:
            items = answer
        if hasattr(self, "batch_choice"):
            self.batch_choice.clear()
            for batch_id, title in self.open_batches:
                self.batch_choice.addItem(f"{batch_id} · {title}", batch_id)
            self.add_button.setEnabled(bool(self.open_batches))
        super()._show(items)
        self._show_count()

    def _show_count(self) -> None:
        if not hasattr(self, "count_label"):
            return
        if self.due_count > len(self.items):
            text = self.tr("{count:,} records due for appraisal; the first {shown:,} are listed")
        else:
            text = self.tr("{count:,} records due for appraisal")
        self.count_label.setText(text.format(count=self.due_count, shown=len(self.items)))

    def headers(self) -> list[str]:
        return [
            self.tr("Due since"),
            self.tr("Reference code"),
            self.tr("Year"),
            self.tr("Retention"),
            self.tr("Title"),
        ]

    def row(self, item: DueRecord) -> list[str]:
        retention = self.retention_names.get(item.retention_code, item.retention_label)
        return [item.eligible_on.isoformat(), item.reference_code, str(item.year), retention, item.title]

    def empty_text(self) -> str:
        return self.tr("No records are due for appraisal.")

    def selected_due(self) -> list[int]:
        rows = sorted(self.list.indexOfTopLevelItem(item) for item in self.list.selectedItems())
        return [self.items[row].id for row in rows]

    def target(self, item: DueRecord) -> OpenRecord:
        """A due record opens in the record editor, to be appraised."""
        return OpenRecord(item.id)

    def _add_to_batch(self) -> None:
        batch_id, ids = self.batch_choice.currentData(), self.selected_due()
        if batch_id is None or not ids:
            return

        def add(db: Database) -> int:
            from archdesk.services.appraisal import add_to_batch

            return add_to_batch(db, batch_id, ids)

        self.ops.mutate(self, add, changes=Changes(appraisal=True))


def _due_document(rows: list[DueRecord], language: str, **options: object) -> Document:  # worker thread
    from archdesk.services.reports.lists import appraisal_due_document

    return appraisal_due_document(rows, language, **options)

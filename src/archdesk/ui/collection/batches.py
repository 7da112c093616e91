"""The transfer batch list (移交批次): each department hand-over and what came of it.

A row opens the records the batch brought in (the records table narrows to that batch); **Open
batch…** shows the batch itself: its records and returned rows, its 移交验收单 to print again, the
corrected rows to take into it, and withdrawal of a batch still pending (``batch_detail.py``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from archdesk.services.database import Database
from archdesk.services.listing import RecordFilter
from archdesk.ui.dock import ListDock
from archdesk.ui.i18n import current_language
from archdesk.ui.ops import Concern, Ops

if TYPE_CHECKING:
    from archdesk.services.collection.batches import BatchSummary
    from archdesk.services.reports import Document

BATCH_STATUS = {
    "open": QT_TRANSLATE_NOOP("TransfersDock", "open"),
    "accepted": QT_TRANSLATE_NOOP("TransfersDock", "accepted"),
    "partly_returned": QT_TRANSLATE_NOOP("TransfersDock", "partly returned"),
    "returned": QT_TRANSLATE_NOOP("TransfersDock", "returned"),
}


class TransfersDock(ListDock):
    """移交批次 as a dock of the main window (toggled from View; its objectName keeps its place)."""

    concerns = Concern.RECORDS
    right_aligned = (0, 4, 5, 6)

    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(ops, "transfersDock", parent)
        self.list.setObjectName("transferBatchesView")
        self.open_action = QAction(self)
        self.open_action.setObjectName("openBatchAction")
        self.open_action.triggered.connect(self.open_batch)
        self.add_actions(self.list, [self.open_action])
        self.add_exports(self.list, name="transfer-batches", rows=lambda: self.items, document=_document)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Transfers"))
        self.open_action.setText(self.tr("Open batch…"))
        super().retranslate_ui()

    def open_batch(self) -> None:
        """The selected batch in its own window: records, returned rows, note, corrected rows, withdrawal."""
        from archdesk.ui.collection.batch_detail import BatchDialog

        chosen = self.selected_items()
        if not chosen:
            return
        dialog = BatchDialog(self.ops, chosen[0].id, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()

    def fetch(self, db: Database) -> list[BatchSummary]:
        from archdesk.services.collection.batches import list_batches  # worker thread, after start-up

        return list_batches(db)

    def headers(self) -> list[str]:
        return [
            self.tr("Batch"), self.tr("Received"), self.tr("Department"), self.tr("File"), self.tr("Rows"),
            self.tr("Accepted"), self.tr("Returned"), self.tr("Status"), self.tr("Operator"),
        ]  # fmt: skip

    def row(self, item: BatchSummary) -> list[str]:
        status = QCoreApplication.translate("TransfersDock", BATCH_STATUS.get(item.status, item.status))
        return [
            str(item.id), item.received_on.isoformat(), item.department, item.file_name, str(item.rows),
            str(item.accepted), str(item.returned), status, item.operator,
        ]  # fmt: skip

    def needs_attention(self, item: BatchSummary) -> bool:
        return item.returned > 0

    def empty_text(self) -> str:
        return self.tr("No transfers imported yet.")

    def target(self, item: BatchSummary) -> RecordFilter:
        return RecordFilter(transfer_batch_id=item.id)

    def _show(self, items: list[BatchSummary]) -> None:
        super()._show(items)
        for row, batch in enumerate(items):
            if batch.notes:
                self.list.topLevelItem(row).setToolTip(3, batch.notes_text(current_language()))


def _document(rows: list[BatchSummary], language: str, **options: object) -> Document:  # worker thread
    from archdesk.services.reports.lists import batches_document

    return batches_document(rows, language, **options)

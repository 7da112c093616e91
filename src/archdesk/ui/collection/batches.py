"""The transfer batch list (移交批次): each department hand-over and what came of it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QDockWidget, QHeaderView, QTableView, QVBoxLayout, QWidget

from archdesk.services.database import Database
from archdesk.ui.i18n import Retranslatable
from archdesk.ui.ops import Changes, Ops
from archdesk.ui.reports.list_export import ListExports

if TYPE_CHECKING:
    from archdesk.services.collection.batches import BatchSummary

Index = QModelIndex | QPersistentModelIndex


class BatchesModel(QAbstractTableModel):
    """Rows are the service's frozen ``BatchSummary`` values."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.batches: list[BatchSummary] = []
        self.retranslate()

    def retranslate(self) -> None:
        """(Re)read the headings and status names in the current language."""
        self.headings = [
            self.tr("Batch"), self.tr("Received"), self.tr("Department"), self.tr("File"), self.tr("Rows"),
            self.tr("Accepted"), self.tr("Returned"), self.tr("Status"), self.tr("Operator"),
        ]  # fmt: skip
        self.statuses = {
            "open": self.tr("open"),
            "accepted": self.tr("accepted"),
            "partly_returned": self.tr("partly returned"),
            "returned": self.tr("returned"),
        }
        if self.batches:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.batches) - 1, len(self.headings) - 1))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.headings) - 1)

    def set_batches(self, batches: list[BatchSummary]) -> None:
        self.beginResetModel()
        self.batches = list(batches)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.batches)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.headings)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.headings)
        ):
            return self.headings[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        b = self.batches[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return b.notes or None
        values = (b.id, b.received_on.isoformat(), b.department, b.file_name, b.rows, b.accepted, b.returned,
                  self.statuses.get(b.status, b.status), b.operator)  # fmt: skip
        return values[index.column()]


class BatchesWidget(Retranslatable, QWidget):
    """Lists transfer batches; ``refresh()`` reloads, and it reloads itself when records change.

    ``load=False`` leaves the first load to the owner (the main window loads its docks once the
    records table's first page is in).
    """

    def __init__(
        self, db: Database, *, ops: Ops | None = None, parent: QWidget | None = None, load: bool = True
    ) -> None:
        super().__init__(parent)
        self.setObjectName("transferBatches")
        self.ops = ops or Ops(db, parent=self)
        self.model = BatchesModel(self)
        self.view = QTableView()
        self.view.setObjectName("transferBatchesView")
        self.view.setModel(self.model)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.doubleClicked.connect(self._open)
        self.view.setToolTip(self.tr("Double-click a batch to open it: its records and returned rows"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.exports = ListExports(
            self, self.view, self.ops, name="transfer-batches", rows=lambda: self.model.batches,
            builder="batches_document", layout=layout,
        )  # fmt: skip
        self.ops.hub.changed.connect(self._changed)
        if load:
            self.refresh()

    def refresh(self) -> None:
        self.ops.query(self, _list_batches, success=self.model.set_batches)

    def _open(self, index: QModelIndex) -> None:
        from archdesk.ui.collection.batch_detail import BatchDialog

        dialog = BatchDialog(self.ops, self.model.batches[index.row()].id, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()

    def retranslate_ui(self) -> None:
        self.model.retranslate()
        self.exports.retranslate_ui()

    def _changed(self, changes: Changes) -> None:
        if changes.concerns("records"):
            self.refresh()


class TransfersDock(Retranslatable, QDockWidget):
    """移交批次 as a dock of the main window (toggled from View; its objectName keeps its place)."""

    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("transfersDock")
        self.batches = BatchesWidget(ops.db, ops=ops, parent=self, load=False)
        self.setWidget(self.batches)
        self.retranslate_ui()

    def reload(self) -> None:
        self.batches.refresh()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Transfers"))


def _list_batches(db: Database) -> list[BatchSummary]:  # worker thread
    from archdesk.services.collection.batches import list_batches

    return list_batches(db)

"""The Batches tab of the Appraisal dock: open a batch (鉴定), decide on its records, close it, and
make a destruction list of its destroy decisions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
)

from archdesk.services.database import Database
from archdesk.ui.ops import Changes, Ops
from archdesk.ui.tree_rows import fill_tree

if TYPE_CHECKING:
    from archdesk.services.appraisal import BatchRecord, BatchSummary

DECISIONS = ("keep", "extend", "destroy", "transfer")


def _tree(columns: int) -> QTreeWidget:
    tree = QTreeWidget()
    tree.setRootIsDecorated(False)
    tree.setAlternatingRowColors(True)
    tree.setUniformRowHeights(True)
    tree.setColumnCount(columns)
    return tree


class BatchesTab(QWidget):
    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("appraisalBatches")
        self.ops = ops
        self.batches: list[BatchSummary] = []
        self.records: list[BatchRecord] = []
        self.title = QLineEdit()
        self.members = QLineEdit()
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self._open_batch)
        new_row = QHBoxLayout()
        for widget in (self.title, self.members, self.open_button):
            new_row.addWidget(widget)
        self.batch_list = _tree(6)
        self.batch_list.currentItemChanged.connect(lambda *_: self._load_records())
        self.record_list = _tree(5)
        self.record_list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.decision = QComboBox()
        self.retention = QLineEdit()
        self.retention.setMaximumWidth(70)
        self.opinion = QLineEdit()
        self.decide_button = QPushButton()
        self.decide_button.clicked.connect(self._decide)
        decide_row = QHBoxLayout()
        for widget in (self.decision, self.retention, self.opinion, self.decide_button):
            decide_row.addWidget(widget, 1 if widget is self.opinion else 0)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self._close)
        self.list_button = QPushButton()
        self.list_button.clicked.connect(self._make_list)
        batch_row = QHBoxLayout()
        batch_row.addWidget(self.close_button)
        batch_row.addWidget(self.list_button)
        batch_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(new_row)
        layout.addWidget(self.batch_list, 1)
        layout.addLayout(batch_row)
        layout.addWidget(self.record_list, 2)
        form = QFormLayout()
        form.addRow(decide_row)
        layout.addLayout(form)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.title.setPlaceholderText(self.tr("Batch title, e.g. 2026 appraisal of expired records"))
        self.members.setPlaceholderText(self.tr("Committee members, comma separated"))
        self.open_button.setText(self.tr("Open batch"))
        self.batch_list.setHeaderLabels(
            [self.tr("No."), self.tr("Title"), self.tr("Date"), self.tr("Members"), self.tr("Records"),
             self.tr("Undecided")]
        )  # fmt: skip
        self.record_list.setHeaderLabels(
            [self.tr("Reference code"), self.tr("Title"), self.tr("Year"), self.tr("Decision"), self.tr("Opinion")]
        )
        current = self.decision.currentIndex()
        self.decision.clear()
        for code in DECISIONS:
            self.decision.addItem(self._decision_name(code), code)
        self.decision.setCurrentIndex(max(current, 0))
        self.retention.setPlaceholderText(self.tr("New period"))
        self.opinion.setPlaceholderText(self.tr("Opinion of the committee"))
        self.decide_button.setText(self.tr("Decide"))
        self.close_button.setText(self.tr("Close batch"))
        self.list_button.setText(self.tr("Make destruction list"))
        self._show_batches(self.batches)

    def _decision_name(self, code: str | None) -> str:
        names = {
            "keep": self.tr("Keep permanently"),
            "extend": self.tr("Extend retention"),
            "destroy": self.tr("Destroy"),
            "transfer": self.tr("Transfer"),
        }
        return names.get(code or "", self.tr("Not decided"))

    # -- loading ----------------------------------------------------------------------------------

    def reload(self) -> None:
        def fetch(db: Database) -> list:
            from archdesk.services.appraisal import list_batches

            return list_batches(db, open_only=True)

        self.ops.query(self, fetch, self._show_batches)

    def _show_batches(self, batches: list) -> None:
        chosen = self.current_batch()
        self.batches = batches
        rows = [(batch.id, [str(batch.id), batch.title, batch.appraised_on.isoformat(), batch.members,
                            str(batch.records), str(batch.undecided)]) for batch in batches]  # fmt: skip
        fill_tree(self.batch_list, rows, keep=chosen, resize=5)
        self._load_records()

    def current_batch(self) -> int | None:
        item = self.batch_list.currentItem()
        return self.batches[self.batch_list.indexOfTopLevelItem(item)].id if item is not None else None

    def _load_records(self) -> None:
        batch_id = self.current_batch()
        enabled = batch_id is not None
        for button in (self.decide_button, self.close_button, self.list_button):
            button.setEnabled(enabled)
        if batch_id is None:
            self._show_records([])
            return

        def fetch(db: Database) -> list:
            from archdesk.services.appraisal import batch_records

            return batch_records(db, batch_id)

        self.ops.query(self, fetch, self._show_records)

    def _show_records(self, records: list) -> None:
        self.records = records
        rows = [(record.reference_code, [record.reference_code, record.title, str(record.year),
                                         self._decision_name(record.decision), record.opinion]) for record in records]  # fmt: skip
        fill_tree(self.record_list, rows, resize=4, choose_first=False)

    # -- actions ----------------------------------------------------------------------------------

    def _open_batch(self) -> None:
        title, members = self.title.text(), self.members.text()

        def create(db: Database) -> int:
            from archdesk.services.appraisal import create_batch

            return create_batch(db, title, members)

        def created(_batch_id: int) -> None:
            self.title.clear()
            self.members.clear()

        self.ops.mutate(self, create, changes=Changes(appraisal=True), success=created)

    def _decide(self) -> None:
        batch_id = self.current_batch()
        rows = sorted(self.record_list.indexOfTopLevelItem(i) for i in self.record_list.selectedItems())
        codes = [self.records[row].reference_code for row in rows]
        if batch_id is None or not codes:
            return
        decision, opinion = self.decision.currentData(), self.opinion.text()
        retention = self.retention.text().strip() or None

        def decide(db: Database) -> list[int]:
            from archdesk.services.appraisal import decide as decide_records

            return decide_records(db, batch_id, codes, decision, opinion, retention=retention)

        self.ops.mutate(self, decide, changes=Changes(appraisal=True))

    def _close(self) -> None:
        batch_id = self.current_batch()

        def close(db: Database) -> int:
            from archdesk.services.appraisal import close_batch

            return close_batch(db, batch_id)

        self.ops.mutate(self, close, changes=Changes(appraisal=True, records=True, boxes=True))

    def _make_list(self) -> None:
        batch_id = self.current_batch()

        def make(db: Database) -> int:
            from archdesk.services.appraisal import create_destruction_list

            return create_destruction_list(db, batch_id)

        self.ops.mutate(self, make, changes=Changes(appraisal=True))

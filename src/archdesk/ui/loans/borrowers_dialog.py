"""Borrowers (借阅人): quick search, a new borrower, and the selected borrower's history of loans."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from archdesk.services.database import Database
from archdesk.ui.ops import Changes, Ops


class BorrowersDialog(QDialog):
    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("BorrowersDialog")
        self.setWindowTitle(self.tr("Borrowers"))
        self.ops = ops
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search by name, department, organisation, contact or ID number"))
        self.list = QTreeWidget()
        self.list.setRootIsDecorated(False)
        self.list.setHeaderLabels([self.tr("Name"), self.tr("Department / organisation"), self.tr("Contact"),
                                   self.tr("Clearance"), self.tr("Active")])  # fmt: skip
        self.history = QTreeWidget()
        self.history.setRootIsDecorated(False)
        self.history.setHeaderLabels([self.tr("Lent on"), self.tr("Reference code"), self.tr("Title"),
                                      self.tr("Status"), self.tr("Returned on")])  # fmt: skip
        self.name, self.department, self.organisation = QLineEdit(), QLineEdit(), QLineEdit()
        self.contact, self.identity, self.clearance = QLineEdit(), QLineEdit(), QLineEdit()
        self.department.setPlaceholderText(self.tr("Department code, e.g. BGS"))
        self.clearance.setPlaceholderText(self.tr("Highest classification seen without approval, e.g. NB"))
        self.active = QCheckBox(self.tr("Active"))
        self.active.setChecked(True)
        self.add_button = QPushButton(self.tr("Add borrower"))
        self.add_button.clicked.connect(self.add)
        form_box = QGroupBox(self.tr("New borrower"))
        form = QFormLayout(form_box)
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Department:"), self.department)
        form.addRow(self.tr("Outside organisation:"), self.organisation)
        form.addRow(self.tr("Contact:"), self.contact)
        form.addRow(self.tr("ID number:"), self.identity)
        form.addRow(self.tr("Clearance:"), self.clearance)
        form.addRow(self.active, self.add_button)
        self.history_label = QLabel(self.tr("History of the selected borrower"))
        top = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self.search)
        left.addWidget(self.list, 1)
        top.addLayout(left, 3)
        top.addWidget(form_box, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 2)
        layout.addWidget(self.history_label)
        layout.addWidget(self.history, 1)
        self.timer = QTimer(self, singleShot=True, interval=200)  # search as the archivist types, not per key
        self.timer.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _t: self.timer.start())
        self.list.currentItemChanged.connect(self._show_history)
        self.resize(900, 620)
        self.borrowers: list = []
        self.reload()

    def reload(self) -> None:
        text = self.search.text()

        def fetch(db: Database) -> list:
            from archdesk.services.use.borrowers import find_borrowers

            return find_borrowers(db, text)

        self.ops.query(self, fetch, self._show)

    def _show(self, borrowers: list) -> None:
        self.borrowers = borrowers
        self.list.clear()
        yes, no = self.tr("yes"), self.tr("no")
        for b in borrowers:
            item = QTreeWidgetItem([b.name, b.department, b.contact, b.clearance, yes if b.active else no])
            item.setData(0, Qt.ItemDataRole.UserRole, b.id)
            self.list.addTopLevelItem(item)
        for column in range(4):
            self.list.resizeColumnToContents(column)

    def _show_history(self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None = None) -> None:
        self.history.clear()
        if current is None:
            return
        borrower_id = current.data(0, Qt.ItemDataRole.UserRole)

        def fetch(db: Database) -> list:
            from archdesk.services.use.queries import borrower_history

            return borrower_history(db, borrower_id)

        self.ops.query(self, fetch, self._history_in)

    def _history_in(self, loans: list) -> None:
        from archdesk.ui.loans.loans_dock import status_text

        self.history.clear()
        for loan in loans:
            self.history.addTopLevelItem(QTreeWidgetItem([
                loan.lent_on.isoformat() if loan.lent_on else "", loan.reference_code, loan.title,
                status_text(loan.status), loan.returned_on.isoformat() if loan.returned_on else "",
            ]))  # fmt: skip

    def add(self) -> None:
        values = dict(
            name=self.name.text(), department=self.department.text(), organisation=self.organisation.text(),
            contact=self.contact.text(), identity_number=self.identity.text(), clearance=self.clearance.text(),
            active=self.active.isChecked(),
        )  # fmt: skip

        def add(db: Database) -> int:
            from archdesk.services.use.borrowers import BorrowerInput, add_borrower

            return add_borrower(db, BorrowerInput(**values))

        def added(_borrower_id: int) -> None:
            for field in (self.name, self.department, self.organisation, self.contact, self.identity, self.clearance):
                field.clear()
            self.search.setText(values["name"].strip())
            self.reload()

        self.ops.mutate(self, add, changes=Changes(loans=True), success=added)

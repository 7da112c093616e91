"""The destruction-list tabs of the Appraisal dock: lists awaiting approval (record the approval with
its witnesses, then execute) and executed lists; each list prints to PDF or Excel."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
)

from archdesk.services.database import Database
from archdesk.ui.i18n import current_language
from archdesk.ui.ops import Changes, Ops
from archdesk.ui.reports.list_export import export_to_file
from archdesk.ui.tree_rows import fill_tree

if TYPE_CHECKING:
    from archdesk.services.appraisal import ListSummary


class DestructionListsTab(QWidget):
    """Lists in ``statuses``; the approval form and Execute appear only for lists not yet executed."""

    def __init__(self, ops: Ops, statuses: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops, self.statuses = ops, statuses
        self.pending = "executed" not in statuses
        self.setObjectName("appraisalListsAwaiting" if self.pending else "appraisalListsExecuted")
        self.lists: list[ListSummary] = []
        self.view = QTreeWidget()
        self.view.setRootIsDecorated(False)
        self.view.setAlternatingRowColors(True)
        self.view.currentItemChanged.connect(lambda *_: self._enable())
        self.pdf_button, self.excel_button = QPushButton(), QPushButton()
        self.pdf_button.clicked.connect(lambda: self._export("pdf"))
        self.excel_button.clicked.connect(lambda: self._export("xlsx"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.pdf_button)
        buttons.addWidget(self.excel_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.approver, self.witnesses, self.applicant = QLineEdit(), QLineEdit(), QLineEdit()
        self.place, self.method = QLineEdit(), QLineEdit()
        self.approve_button, self.execute_button = QPushButton(), QPushButton()
        self.remove_attachments = QCheckBox()
        self.form = QFormLayout()
        self.labels = [QLabel() for _ in range(5)]
        if self.pending:
            self.approve_button.clicked.connect(self._approve)
            self.execute_button.clicked.connect(self._execute)
            for label, field in zip(self.labels, (self.approver, self.witnesses, self.applicant, self.place,
                                                  self.method), strict=True):  # fmt: skip
                self.form.addRow(label, field)
            self.form.addRow(self.approve_button)
            execute_row = QHBoxLayout()
            execute_row.addWidget(self.remove_attachments)
            execute_row.addStretch(1)
            execute_row.addWidget(self.execute_button)
            self.form.addRow(execute_row)
            layout.addLayout(self.form)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.view.setHeaderLabels(
            [self.tr("Number"), self.tr("Title"), self.tr("Kind"), self.tr("Status"), self.tr("Records"),
             self.tr("Approved by"), self.tr("Witnesses"), self.tr("Executed on")]
        )  # fmt: skip
        self.pdf_button.setText(self.tr("Export PDF…"))
        self.excel_button.setText(self.tr("Export Excel…"))
        if self.pending:
            labels = (self.tr("Approved by"), self.tr("Witnesses"), self.tr("Applicant"), self.tr("Place"),
                      self.tr("Method"))  # fmt: skip
            for label, text in zip(self.labels, labels, strict=True):
                label.setText(text)
            self.witnesses.setPlaceholderText(self.tr("At least two, comma separated"))
            self.applicant.setPlaceholderText(self.tr("As recorded on the list"))
            self.approve_button.setText(self.tr("Record approval"))
            self.execute_button.setText(self.tr("Execute destruction…"))
            self.remove_attachments.setText(self.tr("Also remove attached files (their hashes are kept)"))
        self._show(self.lists)

    def _status_name(self, status: str) -> str:
        return {
            "draft": self.tr("Awaiting approval"),
            "approved": self.tr("Approved"),
            "executed": self.tr("Executed"),
            "cancelled": self.tr("Cancelled"),
        }.get(status, status)

    def reload(self) -> None:
        statuses = self.statuses

        def fetch(db: Database) -> list:
            from archdesk.services.appraisal import list_destruction_lists

            return [summary for summary in list_destruction_lists(db) if summary.status in statuses]

        self.ops.query(self, fetch, self._show)

    def _show(self, lists: list) -> None:
        chosen = self.current_list()
        self.lists = lists
        kinds = {"general": self.tr("General"), "accounting": self.tr("Accounting")}
        rows = [(summary.id, [summary.number, summary.title, kinds.get(summary.kind, summary.kind),
                              self._status_name(summary.status), str(summary.records), summary.approved_by,
                              summary.witnesses, summary.executed_on.isoformat() if summary.executed_on else ""])
                for summary in lists]  # fmt: skip
        fill_tree(self.view, rows, keep=chosen, resize=7)
        self._enable()

    def current_list(self) -> int | None:
        item = self.view.currentItem()
        return self.lists[self.view.indexOfTopLevelItem(item)].id if item is not None else None

    def _current(self) -> ListSummary | None:
        item = self.view.currentItem()
        return self.lists[self.view.indexOfTopLevelItem(item)] if item is not None else None

    def _enable(self) -> None:
        current = self._current()
        for button in (self.pdf_button, self.excel_button):
            button.setEnabled(current is not None)
        self.approve_button.setEnabled(current is not None and current.status == "draft")
        self.execute_button.setEnabled(current is not None and current.status == "approved")

    def _export(self, fmt: str) -> None:
        list_id, language = self.current_list(), current_language()
        if list_id is None:
            return

        def build(db: Database):  # noqa: ANN202
            from archdesk.services.reports.destruction import destruction_list_document

            return destruction_list_document(db, list_id, language)

        export_to_file(self, self.ops, build, fmt, name=f"destruction-list-{self._current().number}")

    def _approve(self) -> None:
        list_id = self.current_list()
        values = (self.approver.text(), self.witnesses.text(), self.applicant.text() or None, self.place.text(),
                  self.method.text())  # fmt: skip
        if list_id is None:
            return

        def approve(db: Database) -> None:
            from archdesk.services.appraisal import approve_destruction_list

            approver, witnesses, applicant, place, method = values
            approve_destruction_list(db, list_id, approver, witnesses, applicant=applicant, place=place, method=method)

        self.ops.mutate(self, approve, changes=Changes(appraisal=True))

    def _execute(self) -> None:
        current = self._current()
        if current is None:
            return
        question = self.tr(
            "Destroy the {count} records of list {number}? This is done once and cannot be undone."
        ).format(count=current.records, number=current.number)
        answer = QMessageBox.question(self, self.tr("Execute destruction"), question)
        if answer != QMessageBox.StandardButton.Yes:
            return
        list_id, remove = current.id, self.remove_attachments.isChecked()

        def execute(db: Database, progress) -> object:  # noqa: ANN001
            from archdesk.services.appraisal import execute_destruction_list

            return execute_destruction_list(db, list_id, remove_attachments=remove, progress=progress)

        self.ops.mutate(
            self, execute, changes=Changes(appraisal=True, records=True, boxes=True, locations=True),
            progress_label=self.tr("Destroying records…"),
        )  # fmt: skip

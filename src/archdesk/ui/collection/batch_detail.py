"""One transfer batch opened from the Transfers dock: its records, the rows it returned with their
problems, its 移交验收单 printed again, and the department's corrected rows imported into it."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from archdesk.services.dates import iso_date
from archdesk.ui.i18n import current_language
from archdesk.ui.ops import Changes, Ops
from archdesk.ui.reports.preview import preview_document


class BatchDialog(QDialog):
    """``BatchDialog(ops, batch_id)``; loads the batch on the worker and shows it."""

    def __init__(self, ops: Ops, batch_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("batchDialog")
        self.ops, self.batch_id = ops, batch_id
        self.details = None
        self.setWindowTitle(self.tr("Transfer batch {id}").format(id=batch_id))
        self.heading = QLabel()
        self.heading.setObjectName("batchHeading")
        self.heading.setWordWrap(True)
        self.records = QTableWidget(0, 4)
        self.records.setObjectName("batchRecords")
        self.records.setHorizontalHeaderLabels([self.tr("Reference code"), self.tr("Title"), self.tr("Date"),
                                                self.tr("Status")])  # fmt: skip
        self.returned = QTableWidget(0, 0)
        self.returned.setObjectName("batchReturned")
        for table in (self.records, self.returned):
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            table.horizontalHeader().setStretchLastSection(True)
            table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.records, self.tr("Records"))
        self.tabs.addTab(self.returned, self.tr("Returned rows"))
        self.note_button = QPushButton(self.tr("Print the acceptance note…"))
        self.note_button.setObjectName("reprintAcceptanceNote")
        self.note_button.clicked.connect(self._print_note)
        self.returned_button = QPushButton(self.tr("Print the returned rows…"))
        self.returned_button.clicked.connect(self._print_returned)
        self.corrected_button = QPushButton(self.tr("Import corrected rows…"))
        self.corrected_button.setObjectName("importCorrectedRows")
        self.corrected_button.clicked.connect(self._import_corrected)
        self.withdraw_button = QPushButton(self.tr("Withdraw the batch…"))
        self.withdraw_button.setObjectName("withdrawBatch")
        self.withdraw_button.setToolTip(self.tr("Only while every record of the batch is still pending (暂存)"))
        self.withdraw_button.clicked.connect(self._withdraw)
        self.status = QLabel()
        self.status.setObjectName("batchStatus")
        buttons = QHBoxLayout()
        for button in (self.note_button, self.returned_button, self.corrected_button, self.withdraw_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self.resize(900, 560)
        self.reload()

    def reload(self) -> None:
        batch_id = self.batch_id

        def load(db):  # noqa: ANN001, ANN202 - worker thread
            from archdesk.services.collection.returned import batch_details

            return batch_details(db, batch_id)

        self.ops.query(self, load, success=self._show)

    def _show(self, details) -> None:  # noqa: ANN001
        self.details = details
        self.heading.setText(
            self.tr("{file} from {department}, received {received}: {rows} rows, {accepted} accepted, "
                    "{returned} returned.").format(
                file=details.file_name, department=details.department or "—", received=details.received_on.isoformat(),
                rows=details.rows, accepted=details.accepted, returned=details.returned,
            )
        )  # fmt: skip
        self.records.setRowCount(len(details.records))
        for row, record in enumerate(details.records):
            values = (record.reference_code, record.title, iso_date(record.date) or "", record.status)
            for column, value in enumerate(values):
                self.records.setItem(row, column, QTableWidgetItem(value))
        language = current_language()
        headers = [self.tr("Row"), *details.headers, self.tr("Issue")]
        self.returned.setColumnCount(len(headers))
        self.returned.setHorizontalHeaderLabels(headers)
        self.returned.setRowCount(len(details.returned_rows))
        for row, returned in enumerate(details.returned_rows):
            issues = "；".join(f"{i.column}: {i.render(language)}" for i in returned.issues)
            for column, value in enumerate((str(returned.row), *returned.cells)):
                self.returned.setItem(row, column, QTableWidgetItem(value))
            self.returned.setItem(row, len(headers) - 1, QTableWidgetItem(issues))
        self.tabs.setTabText(1, self.tr("Returned rows ({count})").format(count=len(details.returned_rows)))
        self.returned_button.setEnabled(bool(details.returned_rows))
        self.corrected_button.setEnabled(details.returned > 0)
        self.withdraw_button.setEnabled(bool(details.records) and all(r.status == "pending" for r in details.records))

    def _print_note(self) -> None:
        details, language = self.details, current_language()
        from archdesk.services.collection.rejects import batch_note_document

        preview_document(self, self.ops, lambda _db: batch_note_document(details, language))

    def _print_returned(self) -> None:
        details, language = self.details, current_language()
        from archdesk.services.collection.rejects import batch_returned_document

        preview_document(self, self.ops, lambda _db: batch_returned_document(details, language))

    def _withdraw(self) -> None:
        count = len(self.details.records) if self.details else 0
        answer = QMessageBox.question(
            self, self.tr("Withdraw the batch"),
            self.tr("Remove the {count} pending records of batch {batch}? Their rows count as returned.").format(
                count=count, batch=self.batch_id),
        )  # fmt: skip
        if answer != QMessageBox.StandardButton.Yes:
            return
        batch_id = self.batch_id

        def withdraw(db):  # noqa: ANN001, ANN202 - worker thread
            from archdesk.services.collection.returned import withdraw_batch

            return withdraw_batch(db, batch_id)

        def done(removed: int) -> None:
            self.status.setText(self.tr("Batch {batch} withdrawn: {count} records removed.").format(
                batch=batch_id, count=removed))  # fmt: skip
            self.reload()

        self.ops.mutate(self, withdraw, changes=Changes.everything(), success=done)

    def _import_corrected(self) -> None:
        from archdesk.services.collection.reader import SUPPORTED_SUFFIXES  # the user is choosing a file now

        patterns = " ".join(f"*{s}" for s in SUPPORTED_SUFFIXES)
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("The corrected rows"), "", self.tr("Spreadsheets ({patterns})").format(patterns=patterns)
        )
        if not path or self.details is None:
            return
        batch_id, department = self.batch_id, self.details.department_code or None

        def take(db, progress):  # noqa: ANN001, ANN202 - worker thread
            from archdesk.services.collection.transfer import accept_import, preview_import

            preview = preview_import(db, path, department=department, progress=progress)
            return accept_import(db, preview, into_batch=batch_id, progress=progress)

        def done(result) -> None:  # noqa: ANN001
            self.status.setText(
                self.tr("{imported} corrected rows taken into batch {batch}; {returned} returned again.").format(
                    imported=result.imported, batch=batch_id, returned=result.invalid
                )
            )
            self.reload()

        self.ops.mutate(self, take, changes=Changes.everything(), success=done,
                        progress_label=self.tr("Importing records…"))  # fmt: skip

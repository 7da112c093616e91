"""The movement ledger (出入库登记) window: every change of place, newest first, with filters, and
Export PDF / Excel of what the filters show."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
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
from archdesk.ui.i18n import current_language
from archdesk.ui.ops import URGENT, Ops
from archdesk.ui.reports.list_export import export_to_file

if TYPE_CHECKING:
    from archdesk.services.ledger import LedgerEntry, LedgerFilter

REASONS = ("shelved", "moved", "boxed", "unboxed", "loan", "return", "destruction", "transfer")


class LedgerDialog(QDialog):
    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ledgerDialog")
        self.ops = ops
        self.entries: list[LedgerEntry] = []
        self.resize(1000, 560)
        layout = QVBoxLayout(self)
        filters = QHBoxLayout()
        self.reason = QComboBox()
        self.reason.setObjectName("ledgerReason")
        self.code = QLineEdit()
        self.code.setObjectName("ledgerCode")
        self.since, self.until = QDateEdit(), QDateEdit()
        for edit, value in ((self.since, QDate.currentDate().addYears(-1)), (self.until, QDate.currentDate())):
            edit.setCalendarPopup(True)
            edit.setDate(value)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.since_label, self.until_label = QLabel(), QLabel()
        for widget in (self.reason, self.code, self.since_label, self.since, self.until_label, self.until):
            filters.addWidget(widget)
        self.apply = QPushButton()
        self.apply.setObjectName("ledgerApply")
        self.apply.clicked.connect(self.reload)
        self.pdf = QPushButton()
        self.excel = QPushButton()
        self.pdf.clicked.connect(lambda: self.export("pdf"))
        self.excel.clicked.connect(lambda: self.export("xlsx"))
        for widget in (self.apply, self.pdf, self.excel):
            filters.addWidget(widget)
        layout.addLayout(filters)
        self.table = QTreeWidget()
        self.table.setObjectName("ledgerTable")
        self.table.setRootIsDecorated(False)
        self.table.setAlternatingRowColors(True)
        self.table.setUniformRowHeights(True)
        layout.addWidget(self.table, 1)
        self.count = QLabel()
        layout.addWidget(self.count)
        self.code.returnPressed.connect(self.reload)
        ops.hub.changed.connect(
            lambda changes: changes.concerns("boxes", "locations", "loans", "records") and self.reload()
        )
        self.retranslate_ui()
        self.reload()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        from archdesk.messages import render, term

        self.setWindowTitle(self.tr("Movement ledger"))
        language = current_language()
        chosen = self.reason.currentData()
        self.reason.clear()
        self.reason.addItem(self.tr("Every reason"), "")
        for reason in REASONS:
            self.reason.addItem(render(term(f"movement.{reason}"), language), reason)
        self.reason.setCurrentIndex(max(self.reason.findData(chosen or ""), 0))
        self.code.setPlaceholderText(self.tr("Box, reference code or shelf"))
        self.since_label.setText(self.tr("From"))
        self.until_label.setText(self.tr("to"))
        self.apply.setText(self.tr("Show"))
        self.pdf.setText(self.tr("Export PDF…"))
        self.excel.setText(self.tr("Export Excel…"))
        self.table.setHeaderLabels(
            [self.tr("When"), self.tr("Direction"), self.tr("Reason"), self.tr("Box"), self.tr("Reference code"),
             self.tr("From"), self.tr("To"), self.tr("Operator"), self.tr("Notes")]
        )  # fmt: skip
        self._show(self.entries)

    def ledger_filter(self) -> LedgerFilter:
        from datetime import datetime, timedelta

        from archdesk.services.ledger import LedgerFilter

        since = datetime.combine(self.since.date().toPython(), datetime.min.time())
        until = datetime.combine(self.until.date().toPython(), datetime.min.time()) + timedelta(days=1)
        return LedgerFilter(
            since=since, until=until, reason=self.reason.currentData() or "", code=self.code.text().strip()
        )

    def reload(self) -> None:
        flt = self.ledger_filter()

        def fetch(db: Database) -> list[LedgerEntry]:
            from archdesk.services.ledger import ledger_entries

            return ledger_entries(db, flt)

        self.ops.query(self, fetch, self._show, priority=URGENT)

    def _show(self, entries: list[LedgerEntry]) -> None:
        from archdesk.services.reports.ledger import direction_text, reason_text

        self.entries = entries
        language = current_language()
        self.table.clear()
        self.table.addTopLevelItems(
            [
                QTreeWidgetItem(
                    [
                        f"{e.occurred_at:%Y-%m-%d %H:%M}",
                        direction_text(e.direction, language),
                        reason_text(e.reason, language),
                        e.box,
                        e.reference_code,
                        e.from_location,
                        e.to_location,
                        e.operator,
                        e.notes,
                    ]
                )  # fmt: skip
                for e in entries
            ]
        )
        for column in range(self.table.columnCount() - 1):
            self.table.resizeColumnToContents(column)
        self.count.setText(self.tr("{count} entries").format(count=len(entries)))

    def export(self, fmt: str) -> str | None:
        entries, language = list(self.entries), current_language()

        def build(db: Database) -> Any:
            from archdesk.services.reports.ledger import ledger_document
            from archdesk.services.reports.lists import organisation_name

            return ledger_document(entries, language, organisation=organisation_name(db))

        return export_to_file(self, self.ops, build, fmt, name="movement-ledger")

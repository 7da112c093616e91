"""Loans (借阅) dock: open loans, the soonest due first; overdue ones stand out (read-only for now)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from archdesk.services.database import Database
from archdesk.ui.catalogue.list_dock import ListDock
from archdesk.ui.reports.list_export import ListExports

if TYPE_CHECKING:
    from archdesk.services.loans import LoanSummary

LOAN_STATUS = {
    "requested": QT_TRANSLATE_NOOP("LoansDock", "Requested"),
    "approved": QT_TRANSLATE_NOOP("LoansDock", "Approved"),
    "lent": QT_TRANSLATE_NOOP("LoansDock", "Lent"),
    "returned": QT_TRANSLATE_NOOP("LoansDock", "Returned"),
    "rejected": QT_TRANSLATE_NOOP("LoansDock", "Rejected"),
    "cancelled": QT_TRANSLATE_NOOP("LoansDock", "Cancelled"),
}


class LoansDock(ListDock):
    concerns = ("loans",)

    def __init__(self, ops, parent=None) -> None:  # noqa: ANN001
        super().__init__(ops, "loansDock", parent)
        self.exports = ListExports(
            self, self.list, ops, name="loans", rows=lambda: self.items, builder="loans_document",
            layout=self.widget().layout(),
        )  # fmt: skip
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Loans"))
        super().retranslate_ui()

    def fetch(self, db: Database) -> list[LoanSummary]:
        from archdesk.services.loans import list_loans  # worker thread, after start-up

        return list_loans(db)

    def headers(self) -> list[str]:
        return [self.tr("Due"), self.tr("Reference code"), self.tr("Borrower"), self.tr("Status"), self.tr("Title")]

    def row(self, item: LoanSummary) -> list[str]:
        due = item.due_on.isoformat() if item.due_on else ""
        status = QCoreApplication.translate("LoansDock", LOAN_STATUS.get(item.status, item.status))
        return [due, item.reference_code, item.borrower, status, item.title]

    def needs_attention(self, item: LoanSummary) -> bool:
        return item.overdue(date.today())

    def empty_text(self) -> str:
        return self.tr("No records are out on loan.")

"""Loans (借阅) dock: open loans, the soonest due first; overdue ones stand out (read-only for now)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from archdesk.services.database import Database
from archdesk.ui.dock import ListDock, OpenRecord
from archdesk.ui.ops import Concern

if TYPE_CHECKING:
    from archdesk.services.loans import LoanSummary
    from archdesk.services.reports import Document

LOAN_STATUS = {
    "requested": QT_TRANSLATE_NOOP("LoansDock", "Requested"),
    "approved": QT_TRANSLATE_NOOP("LoansDock", "Approved"),
    "lent": QT_TRANSLATE_NOOP("LoansDock", "Lent"),
    "returned": QT_TRANSLATE_NOOP("LoansDock", "Returned"),
    "rejected": QT_TRANSLATE_NOOP("LoansDock", "Rejected"),
    "cancelled": QT_TRANSLATE_NOOP("LoansDock", "Cancelled"),
}


class LoansDock(ListDock):
    concerns = Concern.LOANS

    def __init__(self, ops, parent=None) -> None:  # noqa: ANN001
        super().__init__(ops, "loansDock", parent)
        self.add_exports(self.list, name="loans", rows=lambda: self.items, document=_document)
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

    def target(self, item: LoanSummary) -> OpenRecord:
        return OpenRecord(item.record_id)


def _document(rows: list[LoanSummary], language: str, **options: object) -> Document:  # worker thread
    from archdesk.services.reports.lists import loans_document

    return loans_document(rows, language, **options)

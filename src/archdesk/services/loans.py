"""Use (利用): loans of records. Read-only list for the Loans dock until lending has its own issue."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from archdesk.models import Borrower, Loan, Record
from archdesk.services.database import Database

#: Loans still open: asked for, approved or out of the store.
OPEN_STATUSES = ("requested", "approved", "lent")


@dataclass(frozen=True)
class LoanSummary:
    id: int
    reference_code: str
    title: str
    borrower: str
    mode: str
    status: str
    lent_on: date | None
    due_on: date | None
    returned_on: date | None
    record_id: int = 0  # the record lent (a row of the Loans dock opens it)

    def overdue(self, today: date) -> bool:
        """Lent and not back by the due date."""
        return self.status == "lent" and self.due_on is not None and self.due_on < today


def list_loans(db: Database, *, open_only: bool = True, limit: int = 500) -> list[LoanSummary]:
    """Loans, the soonest due first (open ones only unless ``open_only`` is false). Runs on the calling thread."""
    with db.reading() as session:
        stmt = (
            select(
                Loan.id,
                Record.reference_code,
                Record.title,
                Borrower.name,
                Loan.mode,
                Loan.status,
                Loan.lent_on,
                Loan.due_on,
                Loan.returned_on,
                Loan.record_id,
            )
            .join(Record, Record.id == Loan.record_id)
            .join(Borrower, Borrower.id == Loan.borrower_id)
        )
        if open_only:
            stmt = stmt.where(Loan.status.in_(OPEN_STATUSES))
        stmt = stmt.order_by(Loan.due_on.is_(None), Loan.due_on, Loan.id).limit(limit)
        return [LoanSummary(*row) for row in session.execute(stmt)]

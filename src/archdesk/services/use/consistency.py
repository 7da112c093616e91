"""``archdesk check``: a record's on-loan status (出借) agrees with its loans.

The status is derived from the loans (set and cleared with them, in one unit of work), so a record
marked on loan with no loan out, or a loan out on a record not marked so, is a fault to report.
"""

from __future__ import annotations

from typing import Protocol

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from archdesk.messages import msg, term
from archdesk.models import Loan, Record
from archdesk.statuses import LoanStatus, RecordStatus


class Findings(Protocol):
    def add(self, subject: str, message: str) -> None: ...


def check_loan_status(session: Session, found: Findings) -> None:
    """Add a finding (subject: the 档号) for every record whose status disagrees with its loans."""
    out = exists().where(Loan.record_id == Record.id, Loan.status == str(LoanStatus.LENT))
    for (code,) in session.execute(
        select(Record.reference_code)
        .where(Record.status == str(RecordStatus.ON_LOAN), ~out)
        .order_by(Record.reference_code)
    ):
        found.add(code, msg("loans.status_without_loan"))
    for code, loan_id, status in session.execute(
        select(Record.reference_code, Loan.id, Record.status)
        .join(Loan, Loan.record_id == Record.id)
        .where(Loan.status == str(LoanStatus.LENT), Record.status != str(RecordStatus.ON_LOAN))
        .order_by(Record.reference_code)
    ):
        found.add(code, msg("loans.loan_without_status", loan=loan_id, status=term(f"status.{status}")))

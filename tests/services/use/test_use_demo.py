"""The demo's use data agrees with its records: a loan behind every 出借, one waiting, one refused."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from archdesk.models import Loan, LoanRequest, Record
from archdesk.services.demo import add_demo_data
from archdesk.services.integrity import check_archive
from archdesk.services.use.queries import list_requests, overdue_loans


def test_every_demo_record_on_loan_has_a_loan_out_and_the_check_agrees(archive):
    add_demo_data(archive, 3000)

    with archive.reading() as s:
        on_loan = set(s.scalars(select(Record.id).where(Record.status == "on_loan")))
        lent = set(s.scalars(select(Loan.record_id).where(Loan.status == "lent")))
        returned = s.scalar(select(func.count()).select_from(Loan).where(Loan.status == "returned"))
        renewed = s.scalar(select(func.count()).select_from(Loan).where(Loan.renewals > 0, Loan.status == "lent"))
        statuses = set(s.scalars(select(LoanRequest.status)))
    assert on_loan and on_loan == lent
    assert returned > 100 and renewed > 0
    assert statuses == {"lent", "closed", "waiting", "refused"}
    assert len(list_requests(archive)) == 1 and len(list_requests(archive, statuses=("refused",))) == 1
    assert overdue_loans(archive, today=date.today())
    loans = next(r for r in check_archive(archive).results if r.name == "loans")
    assert loans.status == "ok"


def test_the_check_reports_a_record_whose_status_disagrees_with_its_loans(archive):
    add_demo_data(archive, 1500)
    with archive.reading() as s:
        lent_id = s.scalar(select(Loan.record_id).where(Loan.status == "lent").limit(1))
        loose_id = s.scalar(select(Record.id).where(Record.status == "in_custody").limit(1))
        codes = set(s.scalars(select(Record.reference_code).where(Record.id.in_((lent_id, loose_id)))))
    with archive.engine.begin() as conn:  # what a bug (or a hand edit) could leave behind
        conn.execute(Record.__table__.update().where(Record.id == lent_id).values(status="in_custody"))
        conn.execute(Record.__table__.update().where(Record.id == loose_id).values(status="on_loan"))

    loans = next(r for r in check_archive(archive).results if r.name == "loans")

    assert loans.status == "problems" and {f.subject for f in loans.findings} == codes

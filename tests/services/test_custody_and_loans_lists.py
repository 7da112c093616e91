"""The read-only lists of the Shelf locations and Loans docks."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from archdesk.models import Borrower, Box, Category, Fonds, Loan, Location, Record, RetentionPeriod
from archdesk.services.catalogue import RecordInput, create_record
from archdesk.services.custody import list_locations
from archdesk.services.loans import list_loans
from archdesk.services.uow import UnitOfWork


def test_locations_are_listed_in_address_order_with_their_boxes_and_records(archive):
    first = create_record(archive, RecordInput(title="会议纪要", category="WS", year=2020, retention="D30"))
    second = create_record(archive, RecordInput(title="通知", category="WS", year=2020, retention="D30"))
    with UnitOfWork(archive) as uow:
        s = uow.session
        full = Location(code="K01-A-01-A-01-2", storeroom="K01")
        empty = Location(code="K01-A-01-A-01-1", storeroom="K01", capacity=40)
        s.add_all([full, empty])
        s.flush()
        box = Box(
            code="Z001-WS·2020-D30-0001",
            fonds_id=s.scalar(select(Fonds.id)),
            category_id=s.scalar(select(Category.id).where(Category.code == "WS")),
            year=2020,
            retention_id=s.scalar(select(RetentionPeriod.id).where(RetentionPeriod.code == "D30")),
            box_number=1,
            location_id=full.id,
        )
        s.add(box)
        s.flush()
        for record_id in (first.id, second.id):
            s.get(Record, record_id).box_id = box.id
        uow.commit()

    locations = list_locations(archive)

    assert [(x.code, x.boxes, x.records) for x in locations] == [
        ("K01-A-01-A-01-1", 0, 0),
        ("K01-A-01-A-01-2", 1, 2),
    ]
    assert locations[0].capacity == 40


def test_open_loans_come_soonest_due_first_and_an_overdue_loan_says_so(archive):
    record = create_record(archive, RecordInput(title="合同", category="WS", year=2021, retention="D30"))
    with UnitOfWork(archive) as uow:
        reader = Borrower(name="李明")
        uow.session.add(reader)
        uow.session.flush()
        for status, due in (("lent", date(2026, 3, 1)), ("lent", date(2026, 2, 1)), ("returned", date(2026, 1, 1))):
            uow.session.add(
                Loan(record_id=record.id, borrower_id=reader.id, status=status, lent_on=date(2026, 1, 1), due_on=due)
            )
        uow.commit()

    loans = list_loans(archive)

    assert [loan.due_on for loan in loans] == [date(2026, 2, 1), date(2026, 3, 1)]
    assert loans[0].borrower == "李明" and loans[0].reference_code == record.reference_code
    assert loans[0].overdue(date(2026, 2, 2)) and not loans[1].overdue(date(2026, 2, 2))
    assert len(list_loans(archive, open_only=False)) == 3


def test_a_page_of_loans_is_the_soonest_due_of_all_that_match_with_undated_requests_last(archive):
    record = create_record(archive, RecordInput(title="合同", category="WS", year=2021, retention="D30"))
    loans = (  # status, due date (None: a request not yet handed over)
        ("requested", None), ("lent", date(2026, 3, 1)), ("returned", date(2025, 12, 1)),
        ("lent", date(2026, 1, 1)), ("approved", date(2026, 2, 1)), ("lent", date(2026, 4, 1)),
    )  # fmt: skip
    with UnitOfWork(archive) as uow:
        reader, other = Borrower(name="李明"), Borrower(name="王芳")
        uow.session.add_all([reader, other])
        uow.session.flush()
        for n, (status, due) in enumerate(loans):
            lent_on = date(2025, 11, 1) if due else None
            borrower = other if n == 5 else reader
            uow.session.add(
                Loan(record_id=record.id, borrower_id=borrower.id, status=status, lent_on=lent_on, due_on=due)
            )
        uow.commit()

    assert [x.due_on for x in list_loans(archive, limit=3)] == [date(2026, 1, 1), date(2026, 2, 1), date(2026, 3, 1)]
    assert [x.due_on for x in list_loans(archive, limit=5)][3:] == [date(2026, 4, 1), None]
    overdue = list_loans(archive, statuses=("lent",), due_before=date(2026, 3, 15), limit=1)
    assert [(x.status, x.due_on) for x in overdue] == [("lent", date(2026, 1, 1))]
    mine = list_loans(archive, borrower_id=reader.id, open_only=False, limit=2)  # a borrower's latest first
    assert [(x.status, x.borrower) for x in mine] == [("approved", "李明"), ("lent", "李明")]

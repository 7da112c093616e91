"""Return (partial, checked), renewal (limit, overdue block and override), overdue days, borrowers."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from archdesk.models import Loan, LoanRequest, Movement, Record
from archdesk.services.errors import NotAllowed, ValidationError
from archdesk.services.use.borrowers import BorrowerInput, add_borrower, find_borrowers, update_borrower
from archdesk.services.use.lending import lend
from archdesk.services.use.queries import borrower_history, overdue_count, overdue_loans, renewals_of, request_detail
from archdesk.services.use.returns import ReturnCheck, open_loan_for, record_use_effect, renew_loan, return_loans


def _three(archive, shelf, today=date(2026, 3, 2), days=14):
    ids = [shelf.records["plain"], shelf.records["plain2"], shelf.records["plain3"]]
    return lend(archive, shelf.borrowers["li"], ids, today=today, days=days)


def test_a_partial_return_leaves_the_request_open_and_the_rest_out(archive, shelf):
    result = _three(archive, shelf)

    closed = return_loans(archive, [ReturnCheck(result.loans[0], pages=10)], today=date(2026, 3, 5))

    assert closed == []
    with archive.reading() as s:
        statuses = [s.get(Record, rid).status for rid in (shelf.records["plain"], shelf.records["plain2"])]
        assert statuses == ["in_custody", "on_loan"]
        assert s.get(LoanRequest, result.request).status == "lent"
        back = s.get(Loan, result.loans[0])
        assert (back.status, back.returned_on, back.return_condition) == ("returned", date(2026, 3, 5), "intact")
    closed = return_loans(archive, [ReturnCheck(lid) for lid in result.loans[1:]], today=date(2026, 3, 6))
    assert closed == [result.request]


def test_pages_missing_on_return_mark_the_return_damaged_with_what_is_missing(archive, shelf):
    result = _three(archive, shelf)

    return_loans(archive, [ReturnCheck(result.loans[0], pages=8, notes="封面破损")])

    detail = request_detail(archive, result.request)
    with archive.reading() as s:
        loan = s.get(Loan, result.loans[0])
        assert loan.return_condition == "damaged" and loan.returned_pages == 8
        assert "封面破损" in loan.notes and "8 of 10 pages" in loan.notes
    assert detail.records[0].status == "returned"


def test_returning_writes_an_in_row_to_the_records_shelf(archive, shelf):
    result = _three(archive, shelf)

    return_loans(archive, [ReturnCheck(result.loans[1])])

    with archive.reading() as s:
        rows = s.execute(
            select(Movement.record_id, Movement.to_location_id, Movement.reason).where(Movement.direction == "in")
        ).all()
    assert rows == [(shelf.records["plain2"], shelf.location_id, "return")]


def test_a_loan_is_returned_once_and_a_bad_page_count_changes_nothing(archive, shelf):
    result = _three(archive, shelf)
    with pytest.raises(ValidationError):
        return_loans(archive, [ReturnCheck(result.loans[0]), ReturnCheck(result.loans[1], pages=-1)])
    with archive.reading() as s:
        assert s.get(Loan, result.loans[0]).status == "lent"  # the whole return was rolled back
    return_loans(archive, [ReturnCheck(result.loans[0])])
    with pytest.raises(NotAllowed):
        return_loans(archive, [ReturnCheck(result.loans[0])])


def test_return_by_scan_finds_the_open_loan_of_a_reference_code(archive, shelf):
    result = _three(archive, shelf)

    assert open_loan_for(archive, shelf.codes["plain2"]) == result.loans[1]
    with pytest.raises(NotAllowed):
        open_loan_for(archive, shelf.codes["secret"])


def test_a_renewal_extends_from_the_due_date_up_to_the_limit(archive, shelf):
    result = _three(archive, shelf, today=date(2026, 3, 2), days=14)  # due 16 March

    due = renew_loan(archive, result.loans[0], today=date(2026, 3, 10), default_days=14)

    assert due == date(2026, 3, 30)
    with pytest.raises(NotAllowed) as refused:
        renew_loan(archive, result.loans[0], today=date(2026, 3, 20))
    assert str(refused.value) == f"loan {result.loans[0]} has been renewed 1 time(s); the limit is 1"
    assert renew_loan(archive, result.loans[0], today=date(2026, 3, 20), limit=2, days=7) == date(2026, 4, 6)
    assert [(r.previous_due_on, r.due_on) for r in renewals_of(archive, result.loans[0])] == [
        (date(2026, 3, 16), date(2026, 3, 30)),
        (date(2026, 3, 30), date(2026, 4, 6)),
    ]


def test_an_overdue_loan_is_renewed_only_with_the_archivists_reason(archive, shelf):
    result = _three(archive, shelf, today=date(2026, 3, 2), days=14)  # due 16 March

    with pytest.raises(NotAllowed) as refused:
        renew_loan(archive, result.loans[0], today=date(2026, 3, 19))
    assert "3 day(s) overdue" in str(refused.value)

    due = renew_loan(archive, result.loans[0], today=date(2026, 3, 19), reason="借阅人出差，电话确认", default_days=14)

    assert due == date(2026, 4, 2)  # counted from today, not from the past due date
    assert renewals_of(archive, result.loans[0])[0].override_reason == "借阅人出差，电话确认"


def test_reading_room_use_is_not_renewed(archive, shelf):
    result = lend(archive, shelf.borrowers["li"], [shelf.records["plain"]], mode="reading_room", today=date(2026, 3, 2))
    with pytest.raises(NotAllowed):
        renew_loan(archive, result.loans[0], today=date(2026, 3, 2))


@pytest.mark.parametrize(
    ("lent_on", "days", "today", "overdue"),
    [
        (date(2026, 1, 20), 10, date(2026, 2, 2), 3),  # due 30 Jan, across the month end
        (date(2025, 12, 17), 14, date(2026, 1, 2), 2),  # due 31 Dec, across the year end
        (date(2024, 2, 15), 14, date(2024, 3, 1), 1),  # due 29 Feb of a leap year
        (date(2026, 3, 2), 14, date(2026, 3, 16), None),  # due today: not overdue
    ],
)
def test_days_overdue_count_calendar_days_across_month_and_year_ends(archive, shelf, lent_on, days, today, overdue):
    result = lend(archive, shelf.borrowers["li"], [shelf.records["plain"]], today=lent_on, days=days)

    found = overdue_loans(archive, today=today)

    if overdue is None:
        assert found == [] and overdue_count(archive, today=today) == 0
    else:
        assert [(o.loan_id, o.days_overdue, o.reference_code, o.contact) for o in found] == [
            (result.loans[0], overdue, shelf.codes["plain"], "6021")
        ]
        assert overdue_count(archive, today=today) == 1


def test_a_returned_loan_is_no_longer_overdue(archive, shelf):
    result = _three(archive, shelf, today=date(2026, 1, 1), days=5)
    return_loans(archive, [ReturnCheck(result.loans[0])], today=date(2026, 2, 1))

    assert [o.loan_id for o in overdue_loans(archive, today=date(2026, 2, 1))] == list(result.loans[1:])


def test_the_use_effect_is_recorded_on_the_request_afterwards(archive, shelf):
    result = _three(archive, shelf)
    record_use_effect(archive, result.request, "为编写《校史》提供依据")

    assert request_detail(archive, result.request).use_effect == "为编写《校史》提供依据"


def test_borrowers_are_found_by_name_department_or_contact_and_keep_their_history(archive, shelf):
    assert [b.name for b in find_borrowers(archive, "办公室")] == ["李明"]
    assert [b.name for b in find_borrowers(archive, "市志")] == ["王芳"]
    assert [b.name for b in find_borrowers(archive, "6021")] == ["李明"]
    result = _three(archive, shelf)

    history = borrower_history(archive, shelf.borrowers["li"])

    assert sorted(h.id for h in history) == sorted(result.loans)
    assert borrower_history(archive, shelf.borrowers["wang"]) == []


def test_an_inactive_borrower_cannot_borrow_and_a_borrower_needs_a_name(archive, shelf):
    update_borrower(archive, shelf.borrowers["wang"], BorrowerInput(name="王芳", organisation="市志办", active=False))
    with pytest.raises(NotAllowed):
        lend(archive, shelf.borrowers["wang"], [shelf.records["plain"]])
    with pytest.raises(ValidationError):
        add_borrower(archive, BorrowerInput(name="  "))
    with pytest.raises(ValidationError):
        add_borrower(archive, BorrowerInput(name="钱", clearance="XX"))

"""Lending: approval by clearance and restriction, approver not the borrower, what cannot be lent,
due dates per use, one request in one transaction, record status and ledger following the loans."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from archdesk.messages import CHINESE
from archdesk.models import Loan, LoanRequest, Movement, Record
from archdesk.services.errors import NotAllowed, ValidationError
from archdesk.services.use.lending import approve_request, hand_over, lend, refuse_request, submit_request
from archdesk.services.use.queries import list_requests, request_detail

TODAY = date(2026, 3, 2)


def _status(archive, record_id: int) -> str:
    with archive.reading() as s:
        return s.get(Record, record_id).status


def test_an_unclassified_record_is_lent_at_once_due_after_the_default_period(archive, shelf):
    result = lend(archive, shelf.borrowers["wang"], [shelf.records["plain"]], today=TODAY, default_days=14)

    assert result.status == "lent" and len(result.loans) == 1
    assert result.due_on == date(2026, 3, 16)
    assert _status(archive, shelf.records["plain"]) == "on_loan"


def test_reading_room_use_is_due_the_same_day_whatever_the_period(archive, shelf):
    result = lend(archive, shelf.borrowers["li"], [shelf.records["plain"]], mode="reading_room", days=30, today=TODAY)

    assert result.due_on == TODAY


def test_the_period_asked_for_overrides_the_default(archive, shelf):
    result = lend(archive, shelf.borrowers["li"], [shelf.records["plain"]], days=7, today=TODAY, default_days=14)

    assert result.due_on == date(2026, 3, 9)


def test_a_record_within_the_borrowers_clearance_needs_no_approver(archive, shelf):
    result = lend(archive, shelf.borrowers["li"], [shelf.records["internal"]], today=TODAY)  # NB within NB

    assert result.status == "lent"


def test_a_record_above_the_borrowers_clearance_is_refused_without_an_approver(archive, shelf):
    with pytest.raises(NotAllowed) as refused:
        lend(archive, shelf.borrowers["li"], [shelf.records["plain"], shelf.records["secret"]], today=TODAY)

    assert shelf.codes["secret"] in str(refused.value) and "clearance" in str(refused.value)
    assert "须经审批" in refused.value.render(CHINESE)
    assert _status(archive, shelf.records["plain"]) == "in_custody"  # nothing of the request was kept
    with archive.reading() as s:
        assert s.scalar(select(func.count()).select_from(LoanRequest)) == 0


def test_a_borrower_without_clearance_needs_approval_even_for_an_internal_record(archive, shelf):
    with pytest.raises(NotAllowed):
        lend(archive, shelf.borrowers["wang"], [shelf.records["internal"]], today=TODAY)


def test_a_restricted_record_needs_an_approver_whatever_the_clearance(archive, shelf):
    with pytest.raises(NotAllowed) as refused:
        lend(archive, shelf.borrowers["zhao"], [shelf.records["restricted"]], today=TODAY)

    assert "restricted" in str(refused.value)
    result = lend(archive, shelf.borrowers["zhao"], [shelf.records["restricted"]], approver="孙主任", today=TODAY)
    assert result.status == "lent"
    detail = request_detail(archive, result.request)
    assert detail.approver == "孙主任" and detail.approved_on == TODAY


def test_the_approver_is_never_the_borrower(archive, shelf):
    with pytest.raises(NotAllowed) as refused:
        lend(archive, shelf.borrowers["li"], [shelf.records["secret"]], approver=" 李 明 ", today=TODAY)

    assert "cannot be the borrower" in str(refused.value)


def test_a_request_needing_approval_waits_then_is_approved_and_handed_over(archive, shelf):
    waiting = submit_request(
        archive, shelf.borrowers["li"], [shelf.records["secret"], shelf.records["plain"]], today=TODAY
    )

    assert waiting.status == "waiting" and waiting.loans == () and waiting.needs_approval == (shelf.codes["secret"],)
    assert [r.id for r in list_requests(archive)] == [waiting.request]
    assert _status(archive, shelf.records["plain"]) == "in_custody"
    with pytest.raises(NotAllowed):
        hand_over(archive, waiting.request, today=TODAY)  # not approved yet
    with pytest.raises(NotAllowed):
        approve_request(archive, waiting.request, "李明")

    approve_request(archive, waiting.request, "孙主任", approved_on=TODAY)
    lent = hand_over(archive, waiting.request, today=TODAY, default_days=10)

    assert len(lent.loans) == 2 and lent.due_on == date(2026, 3, 12)
    assert _status(archive, shelf.records["secret"]) == "on_loan"
    assert list_requests(archive) == []


def test_a_refusal_is_kept_with_its_reason_and_the_records_stay(archive, shelf):
    waiting = submit_request(archive, shelf.borrowers["wang"], [shelf.records["confidential"]], today=TODAY)
    with pytest.raises(ValidationError):
        refuse_request(archive, waiting.request, "孙主任", "  ")

    refuse_request(archive, waiting.request, "孙主任", "与利用目的无关")

    refused = list_requests(archive, statuses=("refused",))
    assert [(r.id, r.approver, r.refusal_reason) for r in refused] == [(waiting.request, "孙主任", "与利用目的无关")]
    assert _status(archive, shelf.records["confidential"]) == "in_custody"
    with pytest.raises(NotAllowed):
        approve_request(archive, waiting.request, "孙主任")


@pytest.mark.parametrize(
    ("name", "reason"),
    [("destroyed", "has been destroyed"), ("transferred", "has been transferred out"),
     ("pending", "is not yet accepted into custody")],
)  # fmt: skip
def test_the_unlendable_is_refused_with_the_reason(archive, shelf, name, reason):
    with pytest.raises(NotAllowed) as refused:
        lend(archive, shelf.borrowers["zhao"], [shelf.records["plain"], shelf.records[name]], today=TODAY)

    assert str(refused.value) == f"{shelf.codes[name]} {reason}"
    assert _status(archive, shelf.records["plain"]) == "in_custody"


def test_a_record_cannot_be_lent_twice(archive, shelf):
    lend(archive, shelf.borrowers["li"], [shelf.records["plain"]], today=TODAY)

    with pytest.raises(NotAllowed) as refused:
        lend(archive, shelf.borrowers["zhao"], [shelf.records["plain2"], shelf.records["plain"]], today=TODAY)

    assert str(refused.value) == f"{shelf.codes['plain']} is out on loan already"
    assert _status(archive, shelf.records["plain2"]) == "in_custody"


def test_the_same_record_twice_in_one_request_is_one_loan(archive, shelf):
    result = lend(archive, shelf.borrowers["li"], [shelf.records["plain"], shelf.records["plain"]], today=TODAY)

    assert len(result.loans) == 1


def test_lending_writes_an_out_row_from_the_records_shelf_per_record(archive, shelf):
    ids = [shelf.records["plain"], shelf.records["plain2"], shelf.records["plain3"]]
    lend(archive, shelf.borrowers["li"], ids, today=TODAY)

    with archive.reading() as s:
        rows = s.execute(
            select(Movement.record_id, Movement.direction, Movement.from_location_id, Movement.reason)
        ).all()
    assert sorted(rows) == [(rid, "out", shelf.location_id, "loan") for rid in sorted(ids)]


def test_a_failure_inside_the_callers_unit_of_work_rolls_back_the_whole_request(archive, shelf):
    from archdesk.services.uow import UnitOfWork

    with pytest.raises(RuntimeError), UnitOfWork(archive) as uow:
        lend(archive, shelf.borrowers["li"], [shelf.records["plain"], shelf.records["plain2"]], today=TODAY, uow=uow)
        raise RuntimeError("power cut")

    with archive.reading() as s:
        assert s.scalar(select(func.count()).select_from(Loan)) == 0
        assert s.scalar(select(func.count()).select_from(Movement)) == 0
    assert _status(archive, shelf.records["plain"]) == "in_custody"


def test_a_period_out_of_range_is_refused(archive, shelf):
    with pytest.raises(ValidationError):
        lend(archive, shelf.borrowers["li"], [shelf.records["plain"]], days=0, today=TODAY)

"""Requests (借阅申请), approval (审批) and lending (借出).

``lend`` is the whole counter transaction for one borrower and several records: refuse what cannot be
lent, check approval, hand everything over, write the ledger, in one unit of work. ``submit_request``
does the same but leaves a request that still needs an approver waiting (the Loans dock's
"Waiting for approval"); ``approve_request`` / ``refuse_request`` and ``hand_over`` finish it.
A record's status follows its loans: 出借 when handed over, 在档 again when returned (``returns.py``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from archdesk.messages import msg
from archdesk.models import Borrower, Box, Loan, LoanRequest, Record
from archdesk.services.database import Database
from archdesk.services.errors import NotAllowed, NotFound, ValidationError
from archdesk.services.ledger import write_movement
from archdesk.services.uow import UnitOfWork, unit_of_work
from archdesk.services.use.rules import approval_reasons, lend_refusals, same_person
from archdesk.statuses import LoanMode, LoanStatus, MovementDirection, RecordStatus, RequestStatus

#: Settings › Default loan period when the UI passes none (domain decisions: 14 days take-out).
DEFAULT_LOAN_DAYS = 14
MAX_LOAN_DAYS = 365
#: 利用目的 offered by default (domain notes §6); the list is editable, any text is kept as typed.
PURPOSES = ("work", "history", "research", "economy", "education", "other")


@dataclass(frozen=True)
class LendResult:
    """What a request came to: its number, status, the loans handed over and their due date."""

    request: int
    status: str
    loans: tuple[int, ...]
    due_on: date | None
    #: Records still needing an approver (the request waits), as rendered-later messages' reference codes.
    needs_approval: tuple[str, ...] = ()


def due_date(mode: str, lent_on: date, days: int | None, default_days: int = DEFAULT_LOAN_DAYS) -> date:
    """Reading-room use is due the same day; any other use after ``days`` (the request's), else the default."""
    if mode == LoanMode.READING_ROOM:
        return lent_on
    return lent_on + timedelta(days=days if days is not None else default_days)


def _check_days(days: int | None) -> None:
    if days is not None and not 1 <= days <= MAX_LOAN_DAYS:
        raise ValidationError("days", msg("loans.bad_days", days=days))


def _borrower(session: Session, borrower_id: int) -> Borrower:
    borrower = session.get(Borrower, borrower_id)
    if borrower is None:
        raise NotFound("borrower", borrower_id)
    if not borrower.active:
        raise NotAllowed(msg("loans.borrower_inactive", name=borrower.name))
    return borrower


def _refuse_unlendable(session: Session, record_ids: Sequence[int]) -> None:
    known = set(session.scalars(select(Record.id).where(Record.id.in_(record_ids))))
    for record_id in record_ids:
        if record_id not in known:
            raise NotFound("record", record_id)
    refusals = lend_refusals(session, record_ids)
    if refusals:
        raise NotAllowed(refusals[next(r for r in record_ids if r in refusals)])


def _check_approver(approver: str, borrower: Borrower) -> None:
    if same_person(approver, borrower.name):
        raise NotAllowed(msg("loans.approver_is_borrower", name=borrower.name))


def record_ids_for_codes(db: Database, reference_codes: Sequence[str]) -> list[int]:
    """The ids of records by 档号, in the order given; an unknown code is refused (NotFound-like, one line)."""
    with db.reading() as session:
        found = dict(
            session.execute(
                select(Record.reference_code, Record.id).where(Record.reference_code.in_(reference_codes))
            ).all()
        )
    for code in reference_codes:
        if code not in found:
            raise NotAllowed(msg("loans.record_unknown", reference_code=code))
    return [found[code] for code in reference_codes]


def submit_request(
    db: Database,
    borrower_id: int,
    record_ids: Sequence[int],
    *,
    purpose: str = "work",
    mode: str = LoanMode.TAKE_OUT,
    days: int | None = None,
    approver: str = "",
    approved_on: date | None = None,
    today: date | None = None,
    default_days: int = DEFAULT_LOAN_DAYS,
    wait_for_approval: bool = True,
    notes: str = "",
    uow: UnitOfWork | None = None,
) -> LendResult:
    """Open a request for ``record_ids`` and hand them over at once when nothing needs approval (or
    ``approver`` is given); otherwise the request waits for approval (or, with ``wait_for_approval``
    false, the whole request is refused with the first record's reason). One unit of work: a refused
    record refuses the whole request and nothing is written. Any thread (the caller's)."""
    today = today or date.today()
    ids = list(dict.fromkeys(record_ids))  # the same record twice in one request is one loan
    if not ids:
        raise ValidationError("record", msg("loans.no_records"))
    if mode not in set(LoanMode):
        raise ValidationError("mode", msg("loans.unknown_mode", mode=mode))
    _check_days(days)
    approver = approver.strip()
    with unit_of_work(db, uow) as work:
        session = work.session
        borrower = _borrower(session, borrower_id)
        _refuse_unlendable(session, ids)
        if approver:
            _check_approver(approver, borrower)
        needing = approval_reasons(session, borrower.clearance_level_id, ids)
        if needing and not approver and not wait_for_approval:
            raise NotAllowed(needing[next(r for r in ids if r in needing)])
        waiting = bool(needing) and not approver
        request = LoanRequest(
            borrower_id=borrower.id, purpose=purpose.strip(), mode=str(mode), days=days,
            status=str(RequestStatus.WAITING if waiting else RequestStatus.APPROVED), requested_on=today,
            approver=approver, approved_on=(approved_on or today) if approver else None, handled_by=work.actor,
            notes=notes, refusal_reason="", use_effect="",
        )  # fmt: skip
        session.add(request)
        session.flush()
        loan_status = LoanStatus.REQUESTED if waiting else LoanStatus.APPROVED
        loans = [
            Loan(request_id=request.id, record_id=record_id, borrower_id=borrower.id, purpose=request.purpose,
                 mode=request.mode, status=str(loan_status), approved_by=approver, handled_by=work.actor)
            for record_id in ids
        ]  # fmt: skip
        session.add_all(loans)
        session.flush()
        work.audit("request", "loan_request", request.id, msg("audit.loan_request.made", request=request.id, count=len(ids)),
                   after={"borrower": borrower.id, "records": ids, "mode": request.mode, "approver": approver})  # fmt: skip
        if waiting:
            codes = tuple(session.scalars(select(Record.reference_code).where(Record.id.in_(list(needing)))))
            return LendResult(request.id, request.status, (), None, codes)
        return _hand_over(work, request, loans, today, default_days)


def lend(db: Database, borrower_id: int, record_ids: Sequence[int], **options) -> LendResult:  # noqa: ANN003
    """Lend ``record_ids`` to the borrower now, in one unit of work; a record that needs approval without
    an ``approver`` refuses the whole request (``NotAllowed``). Options as for :func:`submit_request`."""
    return submit_request(db, borrower_id, record_ids, wait_for_approval=False, **options)


def approve_request(
    db: Database, request_id: int, approver: str, *, approved_on: date | None = None, uow: UnitOfWork | None = None
) -> None:
    """The approver (never the borrower) signs a waiting request; it can then be handed over."""
    approver = approver.strip()
    if not approver:
        raise ValidationError("approver", msg("loans.approver_required"))
    with unit_of_work(db, uow) as work:
        request = _waiting(work.session, request_id)
        _check_approver(approver, work.session.get(Borrower, request.borrower_id))
        request.status, request.approver = str(RequestStatus.APPROVED), approver
        request.approved_on = approved_on or date.today()
        for loan in _loans_of(work.session, request.id, LoanStatus.REQUESTED):
            loan.status, loan.approved_by = str(LoanStatus.APPROVED), approver
        work.audit("approve", "loan_request", request.id, msg("audit.loan_request.approved", request=request.id, approver=approver),
                   after={"approver": approver, "approved_on": request.approved_on.isoformat()})  # fmt: skip


def refuse_request(db: Database, request_id: int, approver: str, reason: str, *, uow: UnitOfWork | None = None) -> None:
    """不予批准: the request is kept, with who refused it and why; its records stay where they are."""
    approver, reason = approver.strip(), reason.strip()
    if not approver:
        raise ValidationError("approver", msg("loans.approver_required"))
    if not reason:
        raise ValidationError("notes", msg("loans.refusal_reason_required"))
    with unit_of_work(db, uow) as work:
        request = _waiting(work.session, request_id)
        request.status, request.approver, request.refusal_reason = str(RequestStatus.REFUSED), approver, reason
        request.approved_on = date.today()
        for loan in _loans_of(work.session, request.id, LoanStatus.REQUESTED):
            loan.status, loan.approved_by, loan.notes = str(LoanStatus.REJECTED), approver, reason
        work.audit("refuse", "loan_request", request.id, msg("audit.loan_request.refused", request=request.id, approver=approver),
                   after={"approver": approver, "reason": reason})  # fmt: skip


def hand_over(
    db: Database,
    request_id: int,
    *,
    today: date | None = None,
    default_days: int = DEFAULT_LOAN_DAYS,
    uow: UnitOfWork | None = None,
) -> LendResult:
    """Lend the records of an approved request (the rules are checked again: things may have moved since)."""
    with unit_of_work(db, uow) as work:
        request = work.session.get(LoanRequest, request_id)
        if request is None:
            raise NotFound("loan", request_id)
        if request.status != RequestStatus.APPROVED:
            raise NotAllowed(msg("loans.request_not_approved", request=request_id, status=_word(request.status)))
        loans = _loans_of(work.session, request.id, LoanStatus.APPROVED)
        _borrower(work.session, request.borrower_id)
        _refuse_unlendable(work.session, [loan.record_id for loan in loans])
        return _hand_over(work, request, loans, today or date.today(), default_days)


def _hand_over(work: UnitOfWork, request: LoanRequest, loans: list[Loan], today: date, default_days: int) -> LendResult:
    session = work.session
    due = due_date(request.mode, today, request.days, default_days)
    ids = [loan.record_id for loan in loans]
    places = dict(
        session.execute(
            select(Record.id, Box.location_id).outerjoin(Box, Box.id == Record.box_id).where(Record.id.in_(ids))
        ).all()
    )
    for record in session.scalars(select(Record).where(Record.id.in_(ids))):
        record.status = str(RecordStatus.ON_LOAN)
    for loan in loans:
        loan.status, loan.lent_on, loan.due_on, loan.handled_by = str(LoanStatus.LENT), today, due, work.actor
        write_movement(work, MovementDirection.OUT, record_id=loan.record_id, from_location_id=places.get(loan.record_id),
                       reason="loan", notes=f"request {request.id}")  # fmt: skip
    request.status = str(RequestStatus.LENT)
    work.audit("lend", "loan_request", request.id, msg("loans.audit_lent", count=len(loans), request=request.id),
               after={"loans": [loan.id for loan in loans], "due_on": due.isoformat()})  # fmt: skip
    return LendResult(request.id, request.status, tuple(loan.id for loan in loans), due)


def _waiting(session: Session, request_id: int) -> LoanRequest:
    request = session.get(LoanRequest, request_id)
    if request is None:
        raise NotFound("loan", request_id)
    if request.status != RequestStatus.WAITING:
        raise NotAllowed(msg("loans.request_not_waiting", request=request_id, status=_word(request.status)))
    return request


def _loans_of(session: Session, request_id: int, status: LoanStatus) -> list[Loan]:
    return list(
        session.scalars(select(Loan).where(Loan.request_id == request_id, Loan.status == str(status)).order_by(Loan.id))
    )


def _word(status: str):  # noqa: ANN202
    return msg(f"term.loans.request.{status}")

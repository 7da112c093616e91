"""Return (退还) and renewal (续借) of loans, and the use's effect (利用效果) recorded afterwards.

A return is checked with the borrower: pages counted, damage noted (归还检查 完好/缺损). Some records of
a request may come back before the others (partial return); the request is closed when the last one is
back. A renewal extends the due date up to a limit (Settings, default 1), never once overdue unless the
archivist gives a reason; each renewal is kept (``loan_renewal``) and audited.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select

from archdesk.messages import msg, term
from archdesk.models import Box, Loan, LoanRenewal, LoanRequest, Record
from archdesk.services.database import Database
from archdesk.services.errors import NotAllowed, NotFound, ValidationError
from archdesk.services.ledger import write_movement
from archdesk.services.uow import UnitOfWork, unit_of_work
from archdesk.services.use.lending import DEFAULT_LOAN_DAYS, _check_days
from archdesk.statuses import LoanMode, LoanStatus, MovementDirection, RecordStatus, RequestStatus, ReturnCondition

#: Settings › Renewals allowed when the UI passes none (domain decisions: one renewal).
DEFAULT_RENEWAL_LIMIT = 1


@dataclass(frozen=True)
class ReturnCheck:
    """One record handed back: its loan, the pages counted (None: not counted), damage noted."""

    loan_id: int
    damaged: bool = False
    pages: int | None = None
    notes: str = ""


def condition_from_text(text: str) -> tuple[bool, str]:
    """``--condition`` as typed: "intact"/"完好"/"" is intact; "damaged"/"缺损" or any other text is
    damage, the text kept as the note."""
    words = text.strip()
    if words.casefold() in ("", "intact", "ok", "完好"):
        return False, ""
    if words.casefold() in ("damaged", "缺损"):
        return True, ""
    return True, words


def _lent(session, loan_id: int) -> Loan:  # noqa: ANN001
    loan = session.get(Loan, loan_id)
    if loan is None:
        raise NotFound("loan", loan_id)
    if loan.status != LoanStatus.LENT:
        raise NotAllowed(msg("loans.not_lent", loan=loan_id, status=msg(f"term.loans.status.{loan.status}")))
    return loan


def return_loans(
    db: Database, checks: Sequence[ReturnCheck], *, today: date | None = None, uow: UnitOfWork | None = None
) -> list[int]:
    """Take back the records of ``checks`` (all of a request, or some: a partial return), in one unit of work.

    Fewer pages counted than the record has marks the return 缺损 with what is missing. Each record goes
    back to 在档 and its ledger row (in) is written; a request whose records are all back is closed.
    Returns the ids of the requests closed. Any thread (the caller's)."""
    today = today or date.today()
    closed: list[int] = []
    with unit_of_work(db, uow) as work:
        session = work.session
        requests: set[int] = set()
        for check in checks:
            if check.pages is not None and check.pages < 0:
                raise ValidationError("pages", msg("loans.bad_pages", pages=check.pages))
            loan = _lent(session, check.loan_id)
            record = session.get(Record, loan.record_id)
            notes = [check.notes.strip()] if check.notes.strip() else []
            damaged = check.damaged
            if check.pages is not None and record.pages is not None and check.pages < record.pages:
                damaged = True
                notes.append(str(msg("loans.missing_pages", pages=check.pages, expected=record.pages)))
            loan.status, loan.returned_on = str(LoanStatus.RETURNED), today
            loan.return_condition = str(ReturnCondition.DAMAGED if damaged else ReturnCondition.INTACT)
            loan.returned_pages = check.pages
            if notes:
                loan.notes = "；".join(filter(None, [loan.notes, *notes]))
            session.flush()
            still_out = session.scalar(
                select(func.count())
                .select_from(Loan)
                .where(Loan.record_id == record.id, Loan.status == str(LoanStatus.LENT))
            )
            if not still_out:
                record.status = str(RecordStatus.IN_CUSTODY)
            location = session.scalar(select(Box.location_id).where(Box.id == record.box_id)) if record.box_id else None
            write_movement(work, MovementDirection.IN, record_id=record.id, to_location_id=location, reason="return",
                           notes=f"loan {loan.id}")  # fmt: skip
            work.audit("return", "loan", loan.id, msg("audit.loan.returned", loan=loan.id, condition=term(f"loans.condition.{loan.return_condition}")),
                       after={"condition": loan.return_condition, "pages": check.pages, "notes": loan.notes})  # fmt: skip
            if loan.request_id is not None:
                requests.add(loan.request_id)
        session.flush()
        for request_id in sorted(requests):
            open_count = session.scalar(
                select(func.count())
                .select_from(Loan)
                .where(Loan.request_id == request_id, Loan.status == str(LoanStatus.LENT))
            )
            if not open_count:
                session.get(LoanRequest, request_id).status = str(RequestStatus.CLOSED)
                closed.append(request_id)
    return closed


def renew_loan(
    db: Database,
    loan_id: int,
    *,
    days: int | None = None,
    reason: str = "",
    limit: int = DEFAULT_RENEWAL_LIMIT,
    default_days: int = DEFAULT_LOAN_DAYS,
    today: date | None = None,
    uow: UnitOfWork | None = None,
) -> date:
    """续借: a new due date ``days`` (else the default period) after the later of today and the old due
    date. Refused past ``limit`` renewals, for reading-room use, and once overdue unless ``reason`` is
    given (the archivist's override, kept with the renewal). Returns the new due date."""
    today = today or date.today()
    _check_days(days)
    with unit_of_work(db, uow) as work:
        loan = _lent(work.session, loan_id)
        if loan.mode == LoanMode.READING_ROOM:
            raise NotAllowed(msg("loans.renew_reading_room", loan=loan_id))
        if loan.renewals >= limit:
            raise NotAllowed(msg("loans.renew_limit", loan=loan_id, renewals=loan.renewals, limit=limit))
        previous = loan.due_on or today
        if previous < today and not reason.strip():
            raise NotAllowed(msg("loans.renew_overdue", loan=loan_id, days=(today - previous).days))
        loan.due_on = max(today, previous) + timedelta(days=days if days is not None else default_days)
        loan.renewals += 1
        work.session.add(LoanRenewal(loan_id=loan.id, renewed_on=today, previous_due_on=previous, due_on=loan.due_on,
                                     override_reason=reason.strip(), operator=work.actor))  # fmt: skip
        work.audit("renew", "loan", loan.id, msg("audit.loan.renewed", loan=loan.id, due=loan.due_on),
                   before={"due_on": previous.isoformat()},
                   after={"due_on": loan.due_on.isoformat(), "renewals": loan.renewals, "reason": reason.strip()})  # fmt: skip
        return loan.due_on


def record_use_effect(db: Database, request_id: int, effect: str, *, uow: UnitOfWork | None = None) -> None:
    """利用效果: what the use achieved, written on the request afterwards (the use-effect register)."""
    with unit_of_work(db, uow) as work:
        request = work.session.get(LoanRequest, request_id)
        if request is None:
            raise NotFound("loan", request_id)
        before = request.use_effect
        request.use_effect = effect.strip()
        work.audit("use_effect", "loan_request", request_id, msg("audit.loan_request.use_effect", request=request_id),
                   before={"use_effect": before}, after={"use_effect": request.use_effect})  # fmt: skip


def open_loan_for(db: Database, reference_code: str) -> int:
    """The loan out for a record by its 档号 (a scanned barcode or a typed code): return by scan."""
    with db.reading() as session:
        loan_id = session.scalar(
            select(Loan.id).join(Record, Record.id == Loan.record_id)
            .where(Record.reference_code == reference_code.strip(), Loan.status == str(LoanStatus.LENT))
        )  # fmt: skip
    if loan_id is None:
        raise NotAllowed(msg("loans.no_open_loan", reference_code=reference_code.strip()))
    return loan_id


def restrict_record(db: Database, record_id: int, reason: str, *, uow: UnitOfWork | None = None) -> None:
    """Mark a record restricted (控制使用): from now on any use of it needs an approver."""
    from archdesk.models import UseRestriction

    with unit_of_work(db, uow) as work:
        if work.session.get(Record, record_id) is None:
            raise NotFound("record", record_id)
        restriction = work.session.get(UseRestriction, record_id)
        if restriction is None:
            restriction = UseRestriction(record_id=record_id, restricted_on=date.today())
            work.session.add(restriction)
        restriction.reason = reason.strip()
        work.audit(
            "restrict",
            "record",
            record_id,
            msg("audit.record.restricted", reason=restriction.reason),
            after={"reason": restriction.reason},
        )


def lift_restriction(db: Database, record_id: int, *, uow: UnitOfWork | None = None) -> None:
    """The record may be used again within the borrower's clearance."""
    from archdesk.models import UseRestriction

    with unit_of_work(db, uow) as work:
        restriction = work.session.get(UseRestriction, record_id)
        if restriction is not None:
            work.audit(
                "unrestrict",
                "record",
                record_id,
                msg("audit.record.unrestricted"),
                before={"reason": restriction.reason},
            )
            work.session.delete(restriction)

"""What may be lent, and what needs approval first.

Lendability is a list of rules (``LEND_RULES``): each takes the session and the record ids of a request
and returns, for the records it refuses, the reason as a message. Another topic adds its rule as one
more entry (the appraisal hold, for instance). Approval (审批) is separate: a record classified above
the borrower's clearance (密级 vs 可阅密级), or marked restricted, may be handed over only once an
approver other than the borrower has signed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from archdesk.messages import Message, msg
from archdesk.models import Loan, Record, SecurityLevel, UseRestriction
from archdesk.statuses import LoanStatus, RecordStatus

LendRule = Callable[[Session, Sequence[int]], dict[int, Message]]
_CHUNK = 500


def _chunks(ids: Sequence[int]) -> list[Sequence[int]]:
    return [ids[i : i + _CHUNK] for i in range(0, len(ids), _CHUNK)]


def _by_status(status: RecordStatus, message_id: str) -> LendRule:
    def rule(session: Session, record_ids: Sequence[int]) -> dict[int, Message]:
        found: dict[int, Message] = {}
        for chunk in _chunks(record_ids):
            rows = session.execute(
                select(Record.id, Record.reference_code).where(Record.id.in_(chunk), Record.status == str(status))
            )
            found.update({rid: msg(message_id, reference_code=code) for rid, code in rows})
        return found

    rule.__name__ = f"not_{status}"
    return rule


def out_already(session: Session, record_ids: Sequence[int]) -> dict[int, Message]:
    """A record with a loan still lent (or whose status says so) cannot be lent again."""
    found: dict[int, Message] = {}
    for chunk in _chunks(record_ids):
        rows = session.execute(
            select(Record.id, Record.reference_code)
            .where(Record.id.in_(chunk))
            .where(
                (Record.status == str(RecordStatus.ON_LOAN))
                | Record.id.in_(select(Loan.record_id).where(Loan.status == str(LoanStatus.LENT)))
            )
        )
        found.update({rid: msg("loans.record_out", reference_code=code) for rid, code in rows})
    return found


def under_appraisal(session: Session, record_ids: Sequence[int]) -> dict[int, Message]:
    """Records on a hold, in an open appraisal batch or on a destruction list not yet executed (鉴定)."""
    from archdesk.services.appraisal import appraisal_blocks  # appraisal imports nothing of use: no cycle

    return appraisal_blocks(session, record_ids)


#: Every rule a record must pass to be lent; the first refusal of a record is the one shown.
LEND_RULES: tuple[LendRule, ...] = (
    out_already,
    _by_status(RecordStatus.DESTROYED, "loans.record_destroyed"),
    _by_status(RecordStatus.TRANSFERRED, "loans.record_transferred"),
    _by_status(RecordStatus.PENDING, "loans.record_pending"),
    under_appraisal,
)


def lend_refusals(session: Session, record_ids: Sequence[int]) -> dict[int, Message]:
    """The records of ``record_ids`` that cannot be lent, each with its first reason (rules in order)."""
    refusals: dict[int, Message] = {}
    for rule in LEND_RULES:
        for record_id, reason in rule(session, record_ids).items():
            refusals.setdefault(record_id, reason)
    return refusals


def clearance_rank(session: Session, clearance_level_id: int | None) -> int:
    """The highest 密级 rank a borrower may see unapproved: their clearance, or only 公开 (the lowest) without one."""
    if clearance_level_id is not None:
        rank = session.scalar(select(SecurityLevel.rank).where(SecurityLevel.id == clearance_level_id))
        if rank is not None:
            return rank
    return session.scalar(select(SecurityLevel.rank).order_by(SecurityLevel.rank).limit(1)) or 0


def approval_reasons(session: Session, clearance_level_id: int | None, record_ids: Sequence[int]) -> dict[int, Message]:
    """The records that need an approver before this borrower may use them, each with the reason."""
    allowed = clearance_rank(session, clearance_level_id)
    reasons: dict[int, Message] = {}
    for chunk in _chunks(record_ids):
        rows = session.execute(
            select(
                Record.id, Record.reference_code, SecurityLevel.name, SecurityLevel.name_en, UseRestriction.record_id
            )
            .outerjoin(SecurityLevel, SecurityLevel.id == Record.security_level_id)
            .outerjoin(UseRestriction, UseRestriction.record_id == Record.id)
            .where(Record.id.in_(chunk))
            .where((SecurityLevel.rank > allowed) | UseRestriction.record_id.is_not(None))
        )
        for record_id, code, name, _name_en, restricted in rows:
            why = msg("loans.restricted") if restricted is not None else msg("loans.above_clearance", level=name)
            reasons[record_id] = msg("loans.needs_approval", reference_code=code, why=why)
    return reasons


def same_person(approver: str, borrower_name: str) -> bool:
    """Whether the approver's name is the borrower's (ignoring case and spaces): nobody approves their own use."""
    return "".join(approver.split()).casefold() == "".join(borrower_name.split()).casefold()

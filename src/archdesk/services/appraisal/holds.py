"""Holds (冻结): a legal or business hold on a record blocks its destruction whatever its date, until it
is lifted with a reason. An accounting voucher with unsettled claims (未结清的债权债务) is held with
the kind ``unsettled_claims`` and is never destroyed while that hold stands (会计档案管理办法).

:func:`appraisal_blocks` is the rule other actions ask (lending, moving out): a record on hold, in
an open appraisal batch or on a destruction list not yet executed cannot leave the store.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from archdesk.messages import Message, msg, term
from archdesk.models import Appraisal, AppraisalBatch, DestructionList, DestructionListItem, Hold, Record
from archdesk.models.base import utcnow
from archdesk.services.appraisal.common import chunks, ids_of_references, is_accounting, record_facts
from archdesk.services.database import Database
from archdesk.services.errors import NotAllowed, NotFound
from archdesk.services.uow import UnitOfWork, unit_of_work
from archdesk.statuses import AppraisalBatchStatus, DestructionListStatus, HoldKind

OPEN_LISTS = (DestructionListStatus.DRAFT.value, DestructionListStatus.APPROVED.value)


@dataclass(frozen=True)
class HoldView:
    id: int
    record_id: int
    reference_code: str
    title: str
    kind: str
    reason: str
    placed_at: datetime
    placed_by: str


def active_holds(session: Session, record_ids: Sequence[int]) -> dict[int, Hold]:
    """The standing hold of each record that has one (the oldest when there are several)."""
    holds: dict[int, Hold] = {}
    for chunk in chunks(list(record_ids)):
        for hold in session.scalars(
            select(Hold).where(Hold.record_id.in_(chunk), Hold.lifted_at.is_(None)).order_by(Hold.id.desc())
        ):
            holds[hold.record_id] = hold
    return holds


def place_hold(
    db: Database, reference_code: str, reason: str, *, kind: str = HoldKind.LEGAL, uow: UnitOfWork | None = None
) -> int:
    """Put a record on hold; returns the hold's id. One standing hold per record. Runs on the calling thread."""
    if not reason.strip():
        raise NotAllowed(msg("appraisal.hold_reason_required"))
    kind = HoldKind(kind)
    with unit_of_work(db, uow) as work:
        session = work.session
        (record_id,) = ids_of_references(session, [reference_code])
        existing = active_holds(session, [record_id]).get(record_id)
        if existing is not None:
            raise NotAllowed(msg("appraisal.already_held", reference_code=reference_code, reason=existing.reason))
        facts = record_facts(session, [record_id])[record_id]
        if kind is HoldKind.UNSETTLED_CLAIMS and not is_accounting(facts.category_code):
            raise NotAllowed(msg("appraisal.unsettled_claims_accounting_only", reference_code=reference_code))
        hold = Hold(record_id=record_id, kind=str(kind), reason=reason.strip(), placed_by=work.actor)
        session.add(hold)
        session.flush()
        work.audit(
            "hold",
            "record",
            record_id,
            msg("appraisal.audit.held", kind=term(f"appraisal.hold.{kind}"), reason=reason.strip()),
            after={"hold_id": hold.id},
        )
        return hold.id


def lift_hold(db: Database, reference_code: str, reason: str, *, uow: UnitOfWork | None = None) -> int:
    """Lift a record's standing hold with a reason; returns the hold's id. Runs on the calling thread."""
    if not reason.strip():
        raise NotAllowed(msg("appraisal.unhold_reason_required"))
    with unit_of_work(db, uow) as work:
        session = work.session
        (record_id,) = ids_of_references(session, [reference_code])
        hold = active_holds(session, [record_id]).get(record_id)
        if hold is None:
            raise NotAllowed(msg("appraisal.not_held", reference_code=reference_code))
        hold.lifted_at, hold.lifted_by, hold.lift_reason = utcnow(), work.actor, reason.strip()
        work.audit(
            "unhold",
            "record",
            record_id,
            msg("appraisal.audit.hold_lifted", reason=reason.strip()),
            before={"hold_id": hold.id},
        )
        return hold.id


def list_holds(db: Database) -> list[HoldView]:
    """Every standing hold, the newest first. Runs on the calling thread."""
    with db.reading() as session:
        rows = session.execute(
            select(Hold.id, Hold.record_id, Record.reference_code, Record.title, Hold.kind, Hold.reason,
                   Hold.placed_at, Hold.placed_by)  # labelled by their names: the HoldView fields
            .join(Record, Record.id == Hold.record_id)
            .where(Hold.lifted_at.is_(None))
            .order_by(Hold.id.desc())
        )  # fmt: skip
        return [HoldView(**row._mapping) for row in rows]


def appraisal_blocks(session: Session, record_ids: Sequence[int]) -> dict[int, Message]:
    """Records that must not be lent or moved out, each with the reason as a message.

    On hold → ``appraisal.blocked_hold``; in an open appraisal batch → ``appraisal.blocked_in_batch``;
    on a destruction list awaiting approval or execution → ``appraisal.blocked_on_list``. Records
    not named in the answer are free. Reads only, in the caller's session.
    """
    ids = list(dict.fromkeys(record_ids))
    blocks: dict[int, Message] = {}
    if not ids:
        return blocks
    codes: dict[int, str] = {}
    for chunk in chunks(ids):
        codes.update(session.execute(select(Record.id, Record.reference_code).where(Record.id.in_(chunk))).all())
        for record_id, number, list_id in session.execute(
            select(DestructionListItem.record_id, DestructionList.number, DestructionList.id)
            .join(DestructionList, DestructionList.id == DestructionListItem.destruction_list_id)
            .where(DestructionListItem.record_id.in_(chunk), DestructionList.status.in_(OPEN_LISTS))
        ):
            blocks[record_id] = msg(
                "appraisal.blocked_on_list", reference_code=codes.get(record_id, ""), number=number or list_id
            )
        for record_id, batch_id in session.execute(
            select(Appraisal.record_id, Appraisal.batch_id)
            .join(AppraisalBatch, AppraisalBatch.id == Appraisal.batch_id)
            .where(Appraisal.record_id.in_(chunk), AppraisalBatch.status == AppraisalBatchStatus.OPEN.value)
        ):
            blocks[record_id] = msg(
                "appraisal.blocked_in_batch", reference_code=codes.get(record_id, ""), batch=batch_id
            )
    for record_id, hold in active_holds(session, ids).items():
        blocks[record_id] = msg("appraisal.blocked_hold", reference_code=codes.get(record_id, ""), reason=hold.reason)
    return blocks


def require_record(session: Session, record_id: int) -> Record:
    record = session.get(Record, record_id)
    if record is None:
        raise NotFound("record", record_id)
    return record

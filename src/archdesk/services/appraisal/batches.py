"""Appraisal batches (鉴定): one sitting of the appraisal group, and its decision on each record.

A decision is keep (permanently), extend (to a new period; the next due date follows from it, the
record's own period is kept), destroy, or transfer (to another archive), always with the group's
opinion. Records in an open batch are on hold (``holds.appraisal_blocks``). Closing a batch needs a
decision on every record: it carries out the transfers (status transferred, box place released, a
ledger row) and leaves the destroy decisions to a destruction list.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from archdesk.messages import msg, term
from archdesk.models import Appraisal, AppraisalBatch, Box, DestructionList, Record, RetentionPeriod
from archdesk.services.appraisal.common import RecordFacts, chunks, ids_of_references, names, record_facts, status_term
from archdesk.services.appraisal.due import APPRAISABLE, eligible_from, extended_due, retention_ends
from archdesk.services.appraisal.holds import OPEN_LISTS, active_holds
from archdesk.services.database import Database
from archdesk.services.errors import NotAllowed
from archdesk.services.ledger import write_movement
from archdesk.services.uow import UnitOfWork, unit_of_work
from archdesk.statuses import AppraisalBatchStatus, AppraisalDecision, HoldKind, MovementDirection, RecordStatus


@dataclass(frozen=True)
class BatchSummary:
    id: int
    title: str
    appraised_on: date
    members: str
    status: str
    records: int
    undecided: int
    decisions: dict[str, int]


@dataclass(frozen=True)
class BatchRecord:
    """One record of a batch as the Appraisal dock lists it."""

    appraisal_id: int
    record_id: int
    reference_code: str
    title: str
    year: int
    retention_code: str
    decision: str | None
    opinion: str
    new_retention_code: str | None
    next_due_on: date | None


def batch_records(db: Database, batch_id: int) -> list[BatchRecord]:
    """The records of a batch in 档号 order, with their decisions. Runs on the calling thread."""
    new_period = aliased(RetentionPeriod)
    with db.reading() as session:
        rows = session.execute(
            select(Appraisal.id.label("appraisal_id"), Record.id.label("record_id"), Record.reference_code,
                   Record.title, Record.year, RetentionPeriod.code.label("retention_code"), Appraisal.decision,
                   Appraisal.reason.label("opinion"), new_period.code.label("new_retention_code"),
                   Appraisal.next_due_on.label("next_due_on"))
            .join(Record, Record.id == Appraisal.record_id)
            .join(RetentionPeriod, RetentionPeriod.id == Record.retention_id)
            .outerjoin(new_period, new_period.id == Appraisal.new_retention_id)
            .where(Appraisal.batch_id == batch_id)
            .order_by(Record.reference_code)
        )  # fmt: skip
        return [BatchRecord(**row._mapping) for row in rows]


def create_batch(
    db: Database,
    title: str,
    members: str | Sequence[str],
    *,
    appraised_on: date | None = None,
    scope: str = "",
    uow: UnitOfWork | None = None,
) -> int:
    """Open an appraisal batch with its committee (at least two members); returns its id."""
    if not title.strip():
        raise NotAllowed(msg("appraisal.batch_title_required"))
    committee = names(members)
    if len(committee) < 2:
        raise NotAllowed(msg("appraisal.members_required"))
    with unit_of_work(db, uow) as work:
        batch = AppraisalBatch(
            title=title.strip(), appraised_on=appraised_on or date.today(), scope=scope, members=", ".join(committee)
        )
        work.session.add(batch)
        work.session.flush()
        work.audit(
            "create",
            "appraisal_batch",
            batch.id,
            msg("appraisal.audit.batch_opened", title=batch.title),
            after={"members": committee},
        )
        return batch.id


def open_batch(session: Session, batch_id: int) -> AppraisalBatch:
    batch = session.get(AppraisalBatch, batch_id)
    if batch is None:
        raise NotAllowed(msg("appraisal.batch_not_found", batch=batch_id))
    if batch.status != AppraisalBatchStatus.OPEN:
        raise NotAllowed(msg("appraisal.batch_closed", batch=batch_id))
    return batch


def due_date(facts: RecordFacts, years: int | None, extension: Appraisal | None) -> date | None:
    """When the record may be destroyed: its extension's date, else its own period's; None when permanent."""
    if extension is not None and extension.next_due_on is not None:
        return extension.next_due_on
    return eligible_from(facts.year, years)


def latest_extensions(session: Session, record_ids: Sequence[int], *, excluding_batch: int | None = None) -> dict:
    """The latest extend decision of each record (other batches than ``excluding_batch``)."""
    latest: dict[int, Appraisal] = {}
    for chunk in chunks(list(record_ids)):
        stmt = select(Appraisal).where(
            Appraisal.record_id.in_(chunk), Appraisal.decision == AppraisalDecision.EXTEND.value
        )
        if excluding_batch is not None:
            stmt = stmt.where(Appraisal.batch_id != excluding_batch)
        for row in session.scalars(stmt.order_by(Appraisal.id)):
            latest[row.record_id] = row
    return latest


def refuse_destruction(session: Session, facts: dict[int, RecordFacts], on: date, batch_id: int | None) -> None:
    """Raise NotAllowed naming the first record that may not be destroyed on ``on``."""
    periods = {rid: (years, trigger) for rid, years, trigger in session.execute(
        select(RetentionPeriod.id, RetentionPeriod.years, RetentionPeriod.trigger_event))}  # fmt: skip
    holds = active_holds(session, list(facts))
    extensions = latest_extensions(session, list(facts), excluding_batch=batch_id)
    for record in facts.values():
        years, trigger = periods[record.retention_id]
        hold = holds.get(record.id)
        if hold is not None and hold.kind == HoldKind.UNSETTLED_CLAIMS:
            raise NotAllowed(msg("appraisal.unsettled_claims", reference_code=record.reference_code))
        if hold is not None:
            raise NotAllowed(msg("appraisal.held_since", reference_code=record.reference_code, reason=hold.reason))
        if years is None and trigger is None:
            raise NotAllowed(msg("appraisal.permanent", reference_code=record.reference_code))
        if trigger is not None and years is None:
            continue  # an event-based period: the archivist judged the event has happened
        extension = extensions.get(record.id)
        due = due_date(record, years, extension)
        if trigger is None and due is not None and due > on:
            until = retention_ends(record.year, years) if extension is None else date(due.year - 1, 12, 31)
            raise NotAllowed(msg("appraisal.too_early", reference_code=record.reference_code, until=until, due=due))


def decide(
    db: Database,
    batch_id: int,
    references: Sequence[str],
    decision: str,
    opinion: str,
    *,
    retention: str | None = None,
    transfer_to: str = "",
    uow: UnitOfWork | None = None,
) -> list[int]:
    """The group's decision on records (by 档号) in an open batch, all or none; returns the appraisal ids.

    Refused: an unknown decision or record, no opinion, a record destroyed or transferred already,
    in another open batch, or on a destruction list; destroy of a permanent record, of one whose
    retention has not run out by the batch's date, of one on hold (unsettled claims above all);
    extend without a fixed new period.
    """
    try:
        choice = AppraisalDecision(decision)
    except ValueError:
        raise NotAllowed(msg("appraisal.unknown_decision", decision=decision)) from None
    if not opinion.strip():
        raise NotAllowed(msg("appraisal.opinion_required"))
    with unit_of_work(db, uow) as work:
        session = work.session
        batch = open_batch(session, batch_id)
        new_period = _new_period(session, choice, retention)
        ids = ids_of_references(session, list(dict.fromkeys(references)))
        facts = record_facts(session, ids)
        for record in facts.values():
            if record.status not in APPRAISABLE:
                raise NotAllowed(msg("appraisal.not_appraisable", reference_code=record.reference_code,
                                     status=status_term(record.status)))  # fmt: skip
        existing = _rows_of_records(session, ids)
        for record_id, rows in existing.items():
            for found in rows:
                code, row = facts[record_id].reference_code, found.Appraisal
                if row.batch_id != batch_id and found.batch_status == AppraisalBatchStatus.OPEN:
                    raise NotAllowed(msg("appraisal.in_other_batch", reference_code=code, batch=row.batch_id))
                if row.batch_id == batch_id and found.list_status in OPEN_LISTS:
                    raise NotAllowed(msg("appraisal.decision_listed", reference_code=code, number=found.list_number))
        if choice is AppraisalDecision.DESTROY:
            refuse_destruction(session, facts, batch.appraised_on, batch_id)
        today = date.today()
        rows: list[tuple[int, Appraisal, str | None]] = []
        for record_id in ids:
            row = next((f.Appraisal for f in existing.get(record_id, ()) if f.Appraisal.batch_id == batch_id), None)
            if row is None:
                row = Appraisal(batch_id=batch_id, record_id=record_id, appraised_on=batch.appraised_on)
                session.add(row)
            rows.append((record_id, row, row.decision))
            row.decision, row.decided_on, row.reason = str(choice), today, opinion.strip()
            row.appraisers, row.transfer_to = batch.members, transfer_to.strip()
            row.new_retention_id = new_period.id if new_period else None
            row.next_due_on = extended_due(batch.appraised_on, new_period.years) if new_period else None
            row.destruction_list_id = None
        session.flush()  # once for all: the ids for the audit trail
        appraisal_ids = []
        for record_id, row, before in rows:
            appraisal_ids.append(row.id)
            work.audit("appraise", "record", record_id, msg("appraisal.audit.decided", batch=batch_id, decision=term(f"appraisal.decision.{choice}"), opinion=opinion.strip()),
                       before={"decision": before}, after={"decision": str(choice), "appraisal_id": row.id})  # fmt: skip
        return appraisal_ids


def _new_period(session: Session, choice: AppraisalDecision, code: str | None) -> RetentionPeriod | None:
    if choice is not AppraisalDecision.EXTEND:
        return None
    if not code:
        raise NotAllowed(msg("appraisal.retention_required"))
    period = session.scalar(select(RetentionPeriod).where(RetentionPeriod.code == code))
    if period is None:
        raise NotAllowed(msg("appraisal.unknown_retention", code=code))
    if period.years is None:
        raise NotAllowed(msg("appraisal.retention_not_limited", code=code))
    return period


def _rows_of_records(session: Session, ids: Sequence[int]) -> dict[int, list]:
    """Each record's appraisal rows, read by name: ``.Appraisal``, ``.batch_status``, ``.list_status``,
    ``.list_number``."""
    rows: dict[int, list] = {}
    for chunk in chunks(list(ids)):
        for found in session.execute(
            select(Appraisal, AppraisalBatch.status.label("batch_status"), DestructionList.status.label("list_status"),
                   DestructionList.number.label("list_number"))
            .outerjoin(AppraisalBatch, AppraisalBatch.id == Appraisal.batch_id)
            .outerjoin(DestructionList, DestructionList.id == Appraisal.destruction_list_id)
            .where(Appraisal.record_id.in_(chunk))
        ):  # fmt: skip
            rows.setdefault(found.Appraisal.record_id, []).append(found)
    return rows


def add_to_batch(db: Database, batch_id: int, record_ids: Sequence[int], *, uow: UnitOfWork | None = None) -> int:
    """Put records (by id) into an open batch to be decided later; returns how many were added."""
    with unit_of_work(db, uow) as work:
        session = work.session
        batch = open_batch(session, batch_id)
        facts = record_facts(session, record_ids)
        existing = _rows_of_records(session, list(facts))
        added = 0
        for record_id, record in facts.items():
            for found in existing.get(record_id, ()):
                if found.Appraisal.batch_id != batch_id and found.batch_status == AppraisalBatchStatus.OPEN:
                    raise NotAllowed(msg("appraisal.in_other_batch", reference_code=record.reference_code,
                                         batch=found.Appraisal.batch_id))  # fmt: skip
            if record.status not in APPRAISABLE:
                raise NotAllowed(msg("appraisal.not_appraisable", reference_code=record.reference_code,
                                     status=status_term(record.status)))  # fmt: skip
            if any(found.Appraisal.batch_id == batch_id for found in existing.get(record_id, ())):
                continue
            session.add(Appraisal(batch_id=batch_id, record_id=record_id, appraised_on=batch.appraised_on))
            added += 1
        work.audit("update", "appraisal_batch", batch_id, msg("appraisal.audit.added", count=added))
        return added


def close_batch(db: Database, batch_id: int, *, uow: UnitOfWork | None = None) -> int:
    """Close a batch whose every record is decided; carries out its transfers. Returns the records transferred."""
    with unit_of_work(db, uow) as work:
        session = work.session
        batch = open_batch(session, batch_id)
        undecided = session.scalar(
            select(func.count()).where(Appraisal.batch_id == batch_id, Appraisal.decision.is_(None))
        )
        if undecided:
            raise NotAllowed(msg("appraisal.undecided", count=undecided, batch=batch_id))
        transfers = list(
            session.execute(
                select(Record, Box.location_id)
                .join(Appraisal, Appraisal.record_id == Record.id)
                .outerjoin(Box, Box.id == Record.box_id)
                .where(Appraisal.batch_id == batch_id, Appraisal.decision == AppraisalDecision.TRANSFER.value)
            )
        )
        for record, location_id in transfers:
            if record.status == RecordStatus.ON_LOAN:
                raise NotAllowed(msg("appraisal.on_loan", reference_code=record.reference_code))
            record.status, record.box_id = RecordStatus.TRANSFERRED.value, None
            write_movement(work, MovementDirection.OUT, record_id=record.id, from_location_id=location_id,
                           reason="transfer")  # fmt: skip
            work.audit("status", "record", record.id, msg("appraisal.audit.transferred", batch=batch_id),
                       after={"status": "transferred"})  # fmt: skip
        batch.status, batch.closed_on = AppraisalBatchStatus.CLOSED.value, date.today()
        work.audit("close", "appraisal_batch", batch_id, msg("appraisal.audit.closed", count=len(transfers)))
        return len(transfers)


def list_batches(db: Database, *, open_only: bool = False) -> list[BatchSummary]:
    """Appraisal batches, the newest first, with their decision counts. Runs on the calling thread."""
    with db.reading() as session:
        stmt = select(AppraisalBatch).order_by(AppraisalBatch.id.desc())
        if open_only:
            stmt = stmt.where(AppraisalBatch.status == AppraisalBatchStatus.OPEN.value)
        batches = list(session.scalars(stmt))
        counts: dict[int, Counter] = {b.id: Counter() for b in batches}
        for batch_id, decision, count in session.execute(
            select(Appraisal.batch_id, Appraisal.decision, func.count())
            .where(Appraisal.batch_id.in_([b.id for b in batches] or [-1]))
            .group_by(Appraisal.batch_id, Appraisal.decision)
        ):
            counts[batch_id][decision or ""] += count
        return [
            BatchSummary(b.id, b.title, b.appraised_on, b.members, b.status, sum(counts[b.id].values()),
                         counts[b.id][""], {k: v for k, v in counts[b.id].items() if k})
            for b in batches
        ]  # fmt: skip

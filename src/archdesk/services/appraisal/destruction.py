"""Destruction lists (档案销毁清册): made from a batch's destroy decisions, approved, executed once.

A list holds records of one kind: accounting records (会计档案) go on their own list, printed with
the accounting columns. Approval records the approver (批准人) and at least two witnesses (监销人)
who are neither the applicant nor the approver. Execution, in one transaction, marks each record
destroyed (its catalogue entry stays, with the list's number and date), releases its box place,
writes a ledger row, and removes its attachments only if asked, keeping their names and hashes. It
is refused whole, naming the record, when any record was lent or put on hold since the decision,
or its retention has not run out; a list is executed once and never undone.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, or_, select, update
from sqlalchemy.orm import Session

from archdesk.messages import msg, term
from archdesk.models import (
    Appraisal,
    AppraisalBatch,
    Attachment,
    Box,
    DestroyedAttachment,
    DestructionList,
    DestructionListItem,
    Loan,
    Record,
)
from archdesk.models.base import utcnow
from archdesk.services.appraisal.batches import refuse_destruction
from archdesk.services.appraisal.common import chunks, is_accounting, names, record_facts, status_term
from archdesk.services.appraisal.holds import OPEN_LISTS
from archdesk.services.database import Database
from archdesk.services.digitisation import content
from archdesk.services.errors import Cancelled, NotAllowed
from archdesk.services.ledger import write_movement
from archdesk.services.uow import UnitOfWork, unit_of_work
from archdesk.statuses import AppraisalDecision, DestructionListStatus, LoanStatus, MovementDirection, RecordStatus

Progress = Callable[[int, int], bool]


@dataclass(frozen=True)
class ListSummary:
    id: int
    number: str
    title: str
    kind: str
    status: str
    batch_id: int | None
    records: int
    created_on: date
    applicant: str
    approved_by: str
    witnesses: str
    approved_on: date | None
    executed_on: date | None


@dataclass(frozen=True)
class Execution:
    list_id: int
    number: str
    executed_on: date
    records: int
    attachments_removed: int


def _list(session: Session, list_id: int) -> DestructionList:
    found = session.get(DestructionList, list_id)
    if found is None:
        raise NotAllowed(msg("appraisal.list_not_found", list=list_id))
    return found


def _next_number(session: Session, year: int) -> str:
    count = session.scalar(select(func.count()).where(DestructionList.number.like(f"XH-{year}-%"))) or 0
    return f"XH-{year}-{count + 1:03d}"


def create_destruction_list(
    db: Database, batch_id: int, *, applicant: str = "", title: str = "", uow: UnitOfWork | None = None
) -> int:
    """A numbered list of the batch's destroy decisions not yet listed; returns its id.

    When the batch has both accounting and other records, the first call lists the others and a
    second call the accounting ones (each kind has its own form). A record already on an open list
    (from another batch) is refused by name.
    """
    with unit_of_work(db, uow) as work:
        session = work.session
        batch = session.get(AppraisalBatch, batch_id)
        if batch is None:
            raise NotAllowed(msg("appraisal.batch_not_found", batch=batch_id))
        open_list = DestructionList.status.in_(OPEN_LISTS)
        decisions = list(
            session.execute(
                select(Appraisal)
                .outerjoin(DestructionList, DestructionList.id == Appraisal.destruction_list_id)
                .where(
                    Appraisal.batch_id == batch_id,
                    Appraisal.decision == AppraisalDecision.DESTROY.value,
                    or_(Appraisal.destruction_list_id.is_(None), ~open_list),
                )
                .order_by(Appraisal.id)
            ).scalars()
        )
        facts = record_facts(session, [d.record_id for d in decisions])
        decisions = [d for d in decisions if facts[d.record_id].status != RecordStatus.DESTROYED]
        if not decisions:
            raise NotAllowed(msg("appraisal.nothing_to_list", batch=batch_id))
        general = [d for d in decisions if not is_accounting(facts[d.record_id].category_code)]
        chosen, kind = (general, "general") if general else (decisions, "accounting")
        ids = [d.record_id for d in chosen]
        for chunk in chunks(ids):
            clash = session.execute(
                select(DestructionListItem.record_id, DestructionList.number)
                .join(DestructionList, DestructionList.id == DestructionListItem.destruction_list_id)
                .where(DestructionListItem.record_id.in_(chunk), open_list)
                .limit(1)
            ).first()
            if clash is not None:
                raise NotAllowed(msg("appraisal.on_two_lists", reference_code=facts[clash[0]].reference_code,
                                     number=clash[1]))  # fmt: skip
        chosen.sort(key=lambda d: facts[d.record_id].reference_code)
        number = _next_number(session, date.today().year)
        listing = DestructionList(
            number=number, batch_id=batch_id, kind=kind, title=title.strip() or batch.title,
            applicant=applicant.strip() or work.actor, status=DestructionListStatus.DRAFT.value,
        )  # fmt: skip
        session.add(listing)
        session.flush()
        session.add_all(
            DestructionListItem(destruction_list_id=listing.id, record_id=d.record_id, appraisal_id=d.id,
                                position=position, reason=d.reason)
            for position, d in enumerate(chosen, 1)
        )  # fmt: skip
        for chunk in chunks([d.id for d in chosen]):
            session.execute(update(Appraisal).where(Appraisal.id.in_(chunk)).values(destruction_list_id=listing.id))
        work.audit("create", "destruction_list", listing.id, msg("appraisal.audit.list_made", number=number, count=len(chosen)),
                   after={"number": number, "kind": kind, "records": len(chosen)})  # fmt: skip
        return listing.id


def approve_destruction_list(
    db: Database,
    list_id: int,
    approver: str,
    witnesses: str | Sequence[str],
    *,
    applicant: str | None = None,
    place: str = "",
    method: str = "",
    approved_on: date | None = None,
    uow: UnitOfWork | None = None,
) -> None:
    """Record the approval (批准人) and the witnesses (监销人, at least two, neither applicant nor approver)."""
    approver = approver.strip()
    if not approver:
        raise NotAllowed(msg("appraisal.approver_required"))
    people = names(witnesses)
    with unit_of_work(db, uow) as work:
        listing = _list(work.session, list_id)
        _require_status(listing, DestructionListStatus.DRAFT)
        applicant_name = (applicant or "").strip() or listing.applicant
        if len(people) < 2:
            raise NotAllowed(msg("appraisal.two_witnesses", count=len(people)))
        for person in people:
            if person == applicant_name:
                raise NotAllowed(msg("appraisal.witness_is_applicant", name=person))
            if person == approver:
                raise NotAllowed(msg("appraisal.witness_is_approver", name=person))
        listing.applicant, listing.approved_by, listing.witnesses = applicant_name, approver, ", ".join(people)
        listing.approved_on = approved_on or date.today()
        listing.place, listing.method = place.strip() or listing.place, method.strip() or listing.method
        listing.status = DestructionListStatus.APPROVED.value
        work.audit("approve", "destruction_list", list_id, msg("appraisal.audit.approved", approver=approver, witnesses=listing.witnesses),
                   after={"approved_by": approver, "witnesses": people, "applicant": applicant_name})  # fmt: skip


def _require_status(listing: DestructionList, wanted: DestructionListStatus) -> None:
    if listing.status == wanted:
        return
    number = listing.number or listing.id
    if listing.status == DestructionListStatus.EXECUTED:
        raise NotAllowed(msg("appraisal.list_executed", number=number, date=listing.executed_on))
    if listing.status == DestructionListStatus.CANCELLED:
        raise NotAllowed(msg("appraisal.list_cancelled", number=number))
    if wanted is DestructionListStatus.APPROVED:
        raise NotAllowed(msg("appraisal.list_not_approved", number=number))
    raise NotAllowed(msg("appraisal.list_not_draft", number=number, status=term(f"appraisal.list.{listing.status}")))


def _items(session: Session, list_id: int) -> list:
    """The list's items (rows: id, record_id, appraised_on) with the date of the decision each carries
    out (the appraisal's, not its entry's). Plain rows, not ORM objects: ten thousand of them."""
    return list(
        session.execute(
            select(DestructionListItem.id, DestructionListItem.record_id, Appraisal.appraised_on)
            .outerjoin(Appraisal, Appraisal.id == DestructionListItem.appraisal_id)
            .where(DestructionListItem.destruction_list_id == list_id)
            .order_by(DestructionListItem.position)
        ).all()
    )


def _refuse_lent_since(session: Session, decided: dict[int, date], codes: dict[int, str]) -> None:
    """A record out on loan, or lent after its decision, is refused by name."""
    for chunk in chunks(list(decided)):
        for record_id, status, lent_on in session.execute(
            select(Loan.record_id, Loan.status, Loan.lent_on).where(
                Loan.record_id.in_(chunk),
                or_(Loan.status == LoanStatus.LENT.value, Loan.lent_on.is_not(None)),
            )
        ):
            if status == LoanStatus.LENT:
                raise NotAllowed(msg("appraisal.on_loan", reference_code=codes[record_id]))
            if lent_on is not None and lent_on > decided[record_id]:
                raise NotAllowed(msg("appraisal.lent_since", reference_code=codes[record_id], lent_on=lent_on,
                                     decided_on=decided[record_id]))  # fmt: skip


class _LedgerBatch:
    """The unit of work as ``write_movement`` sees it, with the ledger rows held back and added at once.

    ``write_movement`` flushes each row it adds (so a caller gets its id); ten thousand flushes made
    a 10,000-record execution take half a minute. The rows are still made by ``write_movement`` (the
    one place that says what a ledger row holds); they reach the session together, in one flush, in
    the same transaction. Anything else is the real unit of work's.
    """

    def __init__(self, uow: UnitOfWork) -> None:
        self._uow = uow
        self.rows: list[object] = []
        self.session = self

    def add(self, row: object) -> None:
        self.rows.append(row)

    def flush(self) -> None:
        pass  # the rows are flushed with the execution's other changes

    def __getattr__(self, name: str) -> object:
        real = self._uow.session if name not in ("actor", "db", "audit", "commit") else self._uow
        return getattr(real, name)

    def write_out(self) -> None:
        self._uow.session.add_all(self.rows)
        self.rows = []


def execute_destruction_list(
    db: Database,
    list_id: int,
    *,
    remove_attachments: bool = False,
    executed_on: date | None = None,
    progress: Progress | None = None,
    uow: UnitOfWork | None = None,
) -> Execution:
    """Carry out an approved list, all or nothing, once. Runs on the calling thread.

    ``progress(done, total)`` may return False to cancel (nothing is kept). Attachment files are
    deleted from disk only after the transaction committed, and only when this call owns it.
    """
    on = executed_on or date.today()
    files: list[str] = []
    own = uow is None
    with unit_of_work(db, uow) as work:
        session = work.session
        listing = _list(session, list_id)
        _require_status(listing, DestructionListStatus.APPROVED)
        items = _items(session, list_id)
        ids = [item.record_id for item in items]
        facts = record_facts(session, ids)
        for record in facts.values():
            if record.status == RecordStatus.ON_LOAN:
                raise NotAllowed(msg("appraisal.on_loan", reference_code=record.reference_code))
            if record.status != RecordStatus.IN_CUSTODY:
                raise NotAllowed(msg("appraisal.not_in_custody", reference_code=record.reference_code,
                                     status=status_term(record.status)))  # fmt: skip
        refuse_destruction(session, facts, on, None)
        codes = {rid: f.reference_code for rid, f in facts.items()}
        _refuse_lent_since(session, {item.record_id: item.appraised_on for item in items}, codes)
        locations = _box_locations(session, [f.box_id for f in facts.values() if f.box_id is not None])
        now = utcnow()
        summary = msg("appraisal.audit_destroyed", number=listing.number)
        removed = 0
        ledger = _LedgerBatch(work)
        for done, chunk in enumerate(chunks(items), 1):
            chunk_ids = [item.record_id for item in chunk]
            session.execute(
                update(Record).where(Record.id.in_(chunk_ids))
                .values(status=RecordStatus.DESTROYED.value, box_id=None, updated_at=now)
            )  # fmt: skip
            # The box each record left, in one executemany by primary key.
            session.execute(
                update(DestructionListItem),
                [{"id": item.id, "former_box_id": facts[item.record_id].box_id} for item in chunk],
            )
            for item in chunk:
                record = facts[item.record_id]
                write_movement(ledger, MovementDirection.OUT, record_id=record.id,
                               from_location_id=locations.get(record.box_id), reason="destruction",
                               notes=listing.number)  # fmt: skip
                work.audit("destroy", "record", record.id, summary,
                           before={"status": record.status, "box_id": record.box_id},
                           after={"status": "destroyed", "destruction_list": listing.number, "date": on.isoformat()})  # fmt: skip
            ledger.write_out()
            if remove_attachments:
                removed += _remove_attachments(session, chunk, files)
                # Their text leaves the search index with them (both content tables, SQLite).
                content.index_content(session, chunk_ids)
            if progress is not None and progress(min(done * 500, len(items)), len(items)) is False:
                raise Cancelled()
        listing.status, listing.executed_on, listing.executed_by = DestructionListStatus.EXECUTED.value, on, work.actor
        work.audit("execute", "destruction_list", list_id, msg("appraisal.audit.executed", count=len(items)),
                   after={"records": len(items), "attachments_removed": removed})  # fmt: skip
        result = Execution(list_id, listing.number, on, len(items), removed)
    if own:
        from archdesk.services.digitisation.attachments import delete_unshared_files

        delete_unshared_files(db, files)
    return result


def _box_locations(session: Session, box_ids: list[int]) -> dict[int, int | None]:
    found: dict[int, int | None] = {}
    for chunk in chunks(list(set(box_ids))):
        found.update(session.execute(select(Box.id, Box.location_id).where(Box.id.in_(chunk))).all())
    return found


def _remove_attachments(session: Session, chunk: Sequence, files: list[str]) -> int:
    by_record = {item.record_id: item for item in chunk}
    attachments = list(session.scalars(select(Attachment).where(Attachment.record_id.in_(list(by_record)))))
    for attachment in attachments:
        session.add(DestroyedAttachment(destruction_list_item_id=by_record[attachment.record_id].id,
                                        file_name=attachment.file_name, sha256=attachment.sha256,
                                        size_bytes=attachment.size_bytes))  # fmt: skip
        files.append(attachment.stored_path)
        session.delete(attachment)
    return len(attachments)


def cancel_destruction_list(db: Database, list_id: int, reason: str, *, uow: UnitOfWork | None = None) -> None:
    """Cancel a list before execution (kept, marked cancelled); its decisions may go on a new list."""
    with unit_of_work(db, uow) as work:
        listing = _list(work.session, list_id)
        if listing.status not in OPEN_LISTS:
            _require_status(listing, DestructionListStatus.DRAFT)
        listing.status, listing.notes = DestructionListStatus.CANCELLED.value, reason.strip()
        work.session.execute(
            update(Appraisal).where(Appraisal.destruction_list_id == list_id).values(destruction_list_id=None)
        )
        work.audit("cancel", "destruction_list", list_id, msg("appraisal.audit.cancelled", reason=reason.strip()))


def list_destruction_lists(db: Database, *, status: str | None = None) -> list[ListSummary]:
    """Destruction lists, the newest first (one status only when given). Runs on the calling thread."""
    with db.reading() as session:
        counts = (
            select(DestructionListItem.destruction_list_id.label("list_id"), func.count().label("n"))
            .group_by(DestructionListItem.destruction_list_id)
            .subquery()
        )
        stmt = (
            select(DestructionList, func.coalesce(counts.c.n, 0).label("records"))
            .outerjoin(counts, counts.c.list_id == DestructionList.id)
            .order_by(DestructionList.id.desc())
        )
        if status:
            stmt = stmt.where(DestructionList.status == status)
        return [
            ListSummary(id=d.id, number=d.number, title=d.title, kind=d.kind, status=d.status, batch_id=d.batch_id,
                        records=row.records, created_on=d.created_at.date(), applicant=d.applicant,
                        approved_by=d.approved_by, witnesses=d.witnesses, approved_on=d.approved_on,
                        executed_on=d.executed_on)
            for row in session.execute(stmt).all()
            for d in (row.DestructionList,)
        ]  # fmt: skip

"""The catalogue (著录): create, edit, accept and delete records, with validation and audit.

Every mutating function is one unit of work, or joins the caller's (``uow=``), and runs on the
calling thread (the UI calls them from its single database worker thread). An action on many
records (accept, delete, transfer out) is one call and one transaction: a record that refuses
refuses them all, and the message names it.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from archdesk.messages import Message, msg, term
from archdesk.models import (
    AuditEvent,
    Carrier,
    Category,
    Department,
    Fonds,
    Record,
    RetentionPeriod,
    SecurityLevel,
)
from archdesk.models.base import utcnow
from archdesk.services import search
from archdesk.services.database import Database
from archdesk.services.dates import precision_of
from archdesk.services.errors import NotAllowed, NotFound, ValidationError, ValidationErrors, field_label
from archdesk.services.refcode import (
    CodeParts,
    allocate_item_numbers,
    group_key,
    peek_next_item_number,
    render_reference_code,
)
from archdesk.services.uow import UnitOfWork, unit_of_work
from archdesk.services.view_queries import audit_entry, record_view_select
from archdesk.services.views import AuditEntry, RecordInput, RecordView, record_input, record_view_from_row
from archdesk.statuses import RecordStatus

TITLE_MAX = 1000
#: Fields that make up the reference code; they can change only while a record is still pending.
CLASSIFICATION_FIELDS = ("fonds", "category", "year", "retention", "department")


@dataclass(frozen=True)
class _Resolved:
    fonds: Fonds
    category: Category
    retention: RetentionPeriod
    department: Department | None
    security_level: SecurityLevel | None
    carrier: Carrier | None

    def parts(self, year: int) -> CodeParts:
        return CodeParts(
            fonds=self.fonds.code,
            category=self.category.code,
            year=year,
            retention=self.retention.code,
            department=self.department.code if self.department else "",
            department_name=self.department.name if self.department else "",
        )


def _by_code(session: Session, model: type, code: str) -> Any:
    return session.scalar(select(model).where(model.code == code))


def _resolve(session: Session, data: RecordInput) -> _Resolved:
    """Check every field of a record form; raise ValidationErrors naming each bad field."""
    errors: list[ValidationError] = []
    today = date.today()
    if not data.title.strip():
        errors.append(ValidationError("title", msg("record.title_required")))
    elif len(data.title) > TITLE_MAX:
        errors.append(ValidationError("title", msg("record.too_long", limit=TITLE_MAX)))
    if not 1000 <= data.year <= today.year:
        errors.append(ValidationError("year", msg("record.year_range", first=1000, last=today.year)))
    if data.date is not None:
        if data.date > today:
            errors.append(ValidationError("date", msg("record.date_future", date=data.date.isoformat())))
        elif data.date.year > data.year:
            errors.append(
                ValidationError("date", msg("record.date_after_year", year=data.year, date=data.date.isoformat()))
            )
    if data.pages is not None and data.pages < 0:
        errors.append(ValidationError("pages", msg("record.pages_negative")))
    for name, limit in (("document_number", 100), ("responsible_party", 200)):
        if len(getattr(data, name)) > limit:
            errors.append(ValidationError(name, msg("record.too_long", limit=limit)))

    def lookup(field: str, model: type, code: str, required: bool) -> Any:
        if not code:
            if required:
                errors.append(ValidationError(field, msg("record.value_required")))
            return None
        found = _by_code(session, model, code)
        if found is None:
            errors.append(ValidationError(field, msg("record.unknown_code", code=code)))
        return found

    fonds = _by_code(session, Fonds, data.fonds) if data.fonds else session.scalar(select(Fonds).order_by(Fonds.id))
    if fonds is None:
        problem = msg("record.unknown_fonds", code=data.fonds) if data.fonds else msg("record.no_fonds")
        errors.append(ValidationError("fonds", problem))
    category = lookup("category", Category, data.category, True)
    retention = lookup("retention", RetentionPeriod, data.retention, True)
    department = lookup("department", Department, data.department, False)
    security = lookup("security_level", SecurityLevel, data.security_level, False)
    carrier = lookup("carrier", Carrier, data.carrier, False)
    if errors:
        raise ValidationErrors(errors)
    return _Resolved(fonds, category, retention, department, security, carrier)


def _status(value: str) -> Message:
    """A record status in the glossary's words (在档, In custody)."""
    return term(f"status.{value}")


def _field_term(key: str) -> Message:
    """The glossary's word for a snapshot key (``category_id`` → 门类)."""
    return field_label(key.removesuffix("_id"))


def _snapshot(record: Record) -> dict[str, Any]:
    """JSON-safe values of a record for the audit log."""
    keys = (
        "reference_code fonds_id category_id year retention_id department_id item_number document_number "
        "responsible_party title title_supplied date pages security_level_id carrier_id notes status box_id "
        "volume_id transfer_batch_id original_retention"
    ).split()
    values: dict[str, Any] = {}
    for key in keys:
        value = getattr(record, key)
        values[key] = value.isoformat() if isinstance(value, date) else value
    return values


def _apply(record: Record, data: RecordInput, resolved: _Resolved) -> None:
    record.fonds_id = resolved.fonds.id
    record.category_id = resolved.category.id
    record.year = data.year
    record.retention_id = resolved.retention.id
    record.department_id = resolved.department.id if resolved.department else None
    record.document_number = data.document_number.strip()
    record.responsible_party = data.responsible_party.strip()
    record.title = data.title.strip()
    record.title_supplied = data.title_supplied
    record.date = data.date
    record.date_precision = precision_of(data.date)  # 1997-07 stays a month (services/dates.py)
    record.pages = data.pages
    record.security_level_id = resolved.security_level.id if resolved.security_level else None
    record.carrier_id = resolved.carrier.id if resolved.carrier else None
    record.notes = data.notes


def _number(session: Session, record: Record, data: RecordInput, resolved: _Resolved) -> None:
    pattern = resolved.category.refcode_pattern
    parts = resolved.parts(data.year)
    record.item_number = allocate_item_numbers(session, group_key(pattern, parts))
    record.reference_code = render_reference_code(pattern, parts, record.item_number)


def _view(session: Session, record_id: int) -> RecordView:
    row = session.execute(record_view_select().where(Record.id == record_id)).first()
    if row is None:
        raise NotFound("record", record_id)
    return record_view_from_row(row)


def preview_reference_code(db: Database, data: RecordInput) -> str:
    """The reference code a new record with these values would get (nothing is allocated)."""
    with db.reading() as session:
        resolved = _resolve(session, data)
        pattern = resolved.category.refcode_pattern
        parts = resolved.parts(data.year)
        return render_reference_code(pattern, parts, peek_next_item_number(session, group_key(pattern, parts)))


def check_record(db: Database, data: RecordInput) -> list[ValidationError]:
    """Every problem the catalogue finds with these values (nothing is written): the form shows them
    beside its own (a date it could not read) all at once."""
    with db.reading() as session:
        try:
            _resolve(session, data)
        except ValidationErrors as found:
            return found.errors
    return []


def create_record(
    db: Database, data: RecordInput, *, accept: bool = False, uow: UnitOfWork | None = None
) -> RecordView:
    """Add a record; it gets the next item number of its group and its reference code.

    A new record is pending (暂存) unless ``accept`` is true (在档).
    """
    with unit_of_work(db, uow) as work:
        resolved = _resolve(work.session, data)
        status = RecordStatus.IN_CUSTODY if accept else RecordStatus.PENDING
        record = Record(status=status, accepted_at=utcnow() if accept else None)
        _apply(record, data, resolved)
        _number(work.session, record, data, resolved)
        work.session.add(record)
        work.session.flush()
        search.index_records(work.session, [record.id])
        summary = msg("audit.record.created", reference_code=record.reference_code)
        work.audit("create", "record", record.id, summary, after=_snapshot(record))
        return _view(work.session, record.id)


def update_record(db: Database, record_id: int, *, uow: UnitOfWork | None = None, **changes: Any) -> RecordView:
    """Change fields of a record (names as in RecordInput).

    The classification (fonds, category, year, retention, department) makes the reference code,
    so it can change only while the record is pending; the record then gets a new item number
    in its new group (the old number is not reused).
    """
    unknown = sorted(set(changes) - {f.name for f in fields(RecordInput)})
    if unknown:
        raise ValidationError(unknown[0], msg("record.not_a_field"))
    with unit_of_work(db, uow) as work:
        record = work.session.get(Record, record_id)
        if record is None:
            raise NotFound("record", record_id)
        current = record_input(_view(work.session, record_id))
        data = replace(current, **changes)
        if data == current:
            return _view(work.session, record_id)
        reclassified = any(getattr(data, f) != getattr(current, f) for f in CLASSIFICATION_FIELDS)
        if reclassified and record.status != RecordStatus.PENDING:
            raise NotAllowed(msg("record.accepted_keeps_code", reference_code=record.reference_code))
        if record.status == RecordStatus.DESTROYED:
            raise NotAllowed(msg("record.destroyed_kept", reference_code=record.reference_code))
        before = _snapshot(record)
        resolved = _resolve(work.session, data)
        _apply(record, data, resolved)
        if reclassified:
            _number(work.session, record, data, resolved)
        work.session.flush()
        search.index_records(work.session, [record.id])
        after = _snapshot(record)
        changed = {k: v for k, v in after.items() if before.get(k) != v}
        summary = msg(
            "audit.record.edited",
            reference_code=record.reference_code,
            fields=[_field_term(key) for key in sorted(changed)],
        )
        work.audit("update", "record", record.id, summary, before={k: before[k] for k in changed}, after=changed)
        return _view(work.session, record.id)


def _records(session: Session, record_ids: list[int]) -> list[Record]:
    """The records with these ids, in the order given; an id that is gone is NotFound."""
    by_id = {r.id: r for r in session.scalars(select(Record).where(Record.id.in_(record_ids)))}
    missing = next((record_id for record_id in record_ids if record_id not in by_id), None)
    if missing is not None:
        raise NotFound("record", missing)
    return [by_id[record_id] for record_id in dict.fromkeys(record_ids)]


def delete_pending_records(db: Database, record_ids: list[int], *, uow: UnitOfWork | None = None) -> int:
    """Delete records never accepted, all or none: if one of them was accepted (even meanwhile, from
    another window), nothing is deleted and the refusal names it. Returns how many were deleted.

    Files attached to them go with them, each audited; the stored copies are deleted once the
    deletion has committed, unless another attachment holds the same file (in a caller's unit of
    work, whose commit is not seen here, the copies are left in the folder, as destruction does)."""
    from archdesk.services.digitisation import attachments

    stored: list[str] = []
    with unit_of_work(db, uow) as work:
        records = _records(work.session, record_ids)
        for record in records:
            if record.status != RecordStatus.PENDING or record.accepted_at is not None:
                raise NotAllowed(
                    msg(
                        "record.accepted_not_deleted",
                        reference_code=record.reference_code,
                        status=_status(record.status),
                    )
                )
        search.remove_records(work.session, [record.id for record in records])
        stored = attachments.remove_for_deleted_records(work, {record.id: record.reference_code for record in records})
        for record in records:
            before = _snapshot(record)
            work.session.delete(record)
            summary = msg("audit.record.deleted", reference_code=record.reference_code)
            work.audit("delete", "record", record.id, summary, before=before)
        deleted = len(records)
    if uow is None:
        attachments.delete_unshared_files(db, stored)
    return deleted


def delete_record(db: Database, record_id: int, *, uow: UnitOfWork | None = None) -> None:
    """Delete a record that was never accepted. Accepted records are transferred out or destroyed."""
    delete_pending_records(db, [record_id], uow=uow)


def accept_records(db: Database, record_ids: list[int], *, uow: UnitOfWork | None = None) -> int:
    """Accept pending records into custody (暂存 → 在档), all or none: a record no longer pending
    (accepted meanwhile, say) refuses the whole action and is named. Returns how many changed."""
    with unit_of_work(db, uow) as work:
        records = _records(work.session, record_ids)
        for record in records:
            if record.status != RecordStatus.PENDING:
                raise NotAllowed(
                    msg("record.not_pending", reference_code=record.reference_code, status=_status(record.status))
                )
        now = utcnow()
        for record in records:
            record.status = RecordStatus.IN_CUSTODY
            record.accepted_at = now
            work.audit(
                "accept",
                "record",
                record.id,
                msg("audit.record.accepted", reference_code=record.reference_code),
                before={"status": RecordStatus.PENDING.value},
                after={"status": RecordStatus.IN_CUSTODY.value},
            )
        return len(records)


#: Status changes the catalogue itself makes (移出 and back); lending and destruction have their own services.
CATALOGUE_TRANSITIONS = {
    (RecordStatus.IN_CUSTODY, RecordStatus.TRANSFERRED),
    (RecordStatus.TRANSFERRED, RecordStatus.IN_CUSTODY),
}


def change_status(
    db: Database, record_ids: list[int], status: str, reason: str, *, uow: UnitOfWork | None = None
) -> int:
    """Transfer records out of custody (在档 → 移出) or bring them back, all or none. A reason is
    required and kept in the audit log."""
    if not reason.strip():
        raise ValidationError("reason", msg("record.reason_required"))
    try:
        target = RecordStatus(status)
    except ValueError:
        raise ValidationError("status", msg("record.unknown_code", code=status)) from None
    with unit_of_work(db, uow) as work:
        records = _records(work.session, record_ids)
        if target is RecordStatus.TRANSFERRED:  # moving out: not while on hold, appraised or on a destruction list
            from archdesk.services.appraisal import appraisal_blocks

            blocks = appraisal_blocks(work.session, [record.id for record in records])
            if blocks:
                raise NotAllowed(next(iter(blocks.values())))
        for record in records:
            if (record.status, target) not in CATALOGUE_TRANSITIONS:
                raise NotAllowed(
                    msg(
                        "record.bad_transition",
                        reference_code=record.reference_code,
                        before=_status(record.status),
                        after=_status(target),
                    )
                )
        for record in records:
            work.audit(
                "status",
                "record",
                record.id,
                msg(
                    "audit.record.status",
                    reference_code=record.reference_code,
                    before=_status(record.status),
                    after=_status(target),
                    reason=reason.strip(),
                ),
                before={"status": record.status},
                after={"status": target.value, "reason": reason.strip()},
            )
            record.status = target
        return len(records)


def get_record(db: Database, record_id: int) -> RecordView:
    with db.reading() as session:
        return _view(session, record_id)


def record_with_reference_code(db: Database, code: str) -> int | None:
    """The id of the record whose reference code is exactly ``code`` (typed or scanned), if any."""
    code = code.strip()
    if not code or any(c.isspace() for c in code):
        return None
    with db.reading() as session:
        return session.scalar(select(Record.id).where(Record.reference_code == code).order_by(Record.id).limit(1))


def record_history(db: Database, record_id: int) -> list[AuditEntry]:
    """The audit events of one record, oldest first."""
    with db.reading() as session:
        events = session.scalars(
            select(AuditEvent)
            .where(AuditEvent.entity == "record", AuditEvent.entity_id == record_id)
            .order_by(AuditEvent.occurred_at, AuditEvent.id)
        ).all()
        return [audit_entry(e) for e in events]

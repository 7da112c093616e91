"""The catalogue (著录): create, edit, accept and delete records, with validation and audit.

Every public function is one unit of work and runs on the calling thread (the UI calls them
from its single database worker thread).
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

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
from archdesk.services.errors import NotAllowed, NotFound, ValidationError, ValidationErrors
from archdesk.services.refcode import (
    CodeParts,
    allocate_item_numbers,
    group_key,
    peek_next_item_number,
    render_reference_code,
)
from archdesk.services.uow import UnitOfWork
from archdesk.services.view_queries import audit_entry, record_view_select
from archdesk.services.views import AuditEntry, RecordInput, RecordView, record_input, record_view_from_row

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
        errors.append(ValidationError("title", "a title is required"))
    elif len(data.title) > TITLE_MAX:
        errors.append(ValidationError("title", f"a title may have at most {TITLE_MAX} characters"))
    if not 1000 <= data.year <= today.year:
        errors.append(ValidationError("year", f"the year must be between 1000 and {today.year}"))
    if data.date is not None:
        if data.date > today:
            errors.append(ValidationError("date", "the date cannot be in the future"))
        elif data.date.year > data.year:
            errors.append(ValidationError("date", f"a record of {data.year} cannot be dated {data.date:%Y-%m-%d}"))
    if data.pages is not None and data.pages < 0:
        errors.append(ValidationError("pages", "the page count cannot be negative"))
    if len(data.document_number) > 100:
        errors.append(ValidationError("document_number", "a document number may have at most 100 characters"))
    if len(data.responsible_party) > 200:
        errors.append(ValidationError("responsible_party", "the responsible party may have at most 200 characters"))

    def lookup(field: str, model: type, code: str, required: bool) -> Any:
        if not code:
            if required:
                errors.append(ValidationError(field, "a value is required"))
            return None
        found = _by_code(session, model, code)
        if found is None:
            errors.append(ValidationError(field, f"unknown code {code!r}"))
        return found

    fonds = _by_code(session, Fonds, data.fonds) if data.fonds else session.scalar(select(Fonds).order_by(Fonds.id))
    if fonds is None:
        errors.append(ValidationError("fonds", f"unknown fonds {data.fonds!r}" if data.fonds else "no fonds"))
    category = lookup("category", Category, data.category, True)
    retention = lookup("retention", RetentionPeriod, data.retention, True)
    department = lookup("department", Department, data.department, False)
    security = lookup("security_level", SecurityLevel, data.security_level, False)
    carrier = lookup("carrier", Carrier, data.carrier, False)
    if errors:
        raise ValidationErrors(errors)
    return _Resolved(fonds, category, retention, department, security, carrier)


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


def create_record(db: Database, data: RecordInput, *, accept: bool = False) -> RecordView:
    """Add a record; it gets the next item number of its group and its reference code.

    A new record is pending (暂存) unless ``accept`` is true (在档).
    """
    with UnitOfWork(db) as uow:
        resolved = _resolve(uow.session, data)
        record = Record(status="in_custody" if accept else "pending", accepted_at=utcnow() if accept else None)
        _apply(record, data, resolved)
        _number(uow.session, record, data, resolved)
        uow.session.add(record)
        uow.session.flush()
        search.index_records(uow.session, [record.id])
        uow.audit("create", "record", record.id, f"created {record.reference_code}", after=_snapshot(record))
        view = _view(uow.session, record.id)
        uow.commit()
        return view


def update_record(db: Database, record_id: int, **changes: Any) -> RecordView:
    """Change fields of a record (names as in RecordInput).

    The classification (fonds, category, year, retention, department) makes the reference code,
    so it can change only while the record is pending; the record then gets a new item number
    in its new group (the old number is not reused).
    """
    unknown = sorted(set(changes) - {f.name for f in fields(RecordInput)})
    if unknown:
        raise ValidationError(unknown[0], "not a field of a record")
    with UnitOfWork(db) as uow:
        record = uow.session.get(Record, record_id)
        if record is None:
            raise NotFound("record", record_id)
        current = record_input(_view(uow.session, record_id))
        data = replace(current, **changes)
        if data == current:
            return _view(uow.session, record_id)
        reclassified = any(getattr(data, f) != getattr(current, f) for f in CLASSIFICATION_FIELDS)
        if reclassified and record.status != "pending":
            raise NotAllowed(
                f"{record.reference_code} is accepted: its fonds, category, year, retention and department "
                "make its reference code and cannot change"
            )
        if record.status == "destroyed":
            raise NotAllowed(f"{record.reference_code} is destroyed: its catalogue entry is kept as it was")
        before = _snapshot(record)
        resolved = _resolve(uow.session, data)
        _apply(record, data, resolved)
        if reclassified:
            _number(uow.session, record, data, resolved)
        uow.session.flush()
        search.index_records(uow.session, [record.id])
        after = _snapshot(record)
        changed = {k: v for k, v in after.items() if before.get(k) != v}
        uow.audit(
            "update",
            "record",
            record.id,
            f"edited {record.reference_code}: {', '.join(sorted(changed))}",
            before={k: before[k] for k in changed},
            after=changed,
        )
        view = _view(uow.session, record.id)
        uow.commit()
        return view


def delete_record(db: Database, record_id: int) -> None:
    """Delete a record that was never accepted. Accepted records are withdrawn or destroyed by status."""
    with UnitOfWork(db) as uow:
        record = uow.session.get(Record, record_id)
        if record is None:
            raise NotFound("record", record_id)
        if record.status != "pending" or record.accepted_at is not None:
            raise NotAllowed(
                f"{record.reference_code} was accepted into the archive and cannot be deleted; "
                "withdraw it or destroy it through appraisal instead"
            )
        before = _snapshot(record)
        search.remove_records(uow.session, [record.id])
        uow.session.delete(record)
        uow.audit("delete", "record", record_id, f"deleted pending record {before['reference_code']}", before=before)
        uow.commit()


def accept_records(db: Database, record_ids: list[int]) -> int:
    """Accept pending records into custody (暂存 → 在档). Returns how many changed."""
    with UnitOfWork(db) as uow:
        records = uow.session.scalars(select(Record).where(Record.id.in_(record_ids))).all()
        accepted = 0
        for record in records:
            if record.status != "pending":
                continue
            record.status = "in_custody"
            record.accepted_at = utcnow()
            uow.audit(
                "accept",
                "record",
                record.id,
                f"accepted {record.reference_code}",
                before={"status": "pending"},
                after={"status": "in_custody"},
            )
            accepted += 1
        uow.commit()
        return accepted


#: Status changes the catalogue itself makes; lending and destruction have their own services.
_CATALOGUE_TRANSITIONS = {("in_custody", "transferred"), ("transferred", "in_custody")}


def change_status(db: Database, record_ids: list[int], status: str, reason: str) -> int:
    """Withdraw records from custody (在档 → 移出) or bring them back. A reason is required."""
    if not reason.strip():
        raise ValidationError("reason", "a reason is required")
    with UnitOfWork(db) as uow:
        records = uow.session.scalars(select(Record).where(Record.id.in_(record_ids))).all()
        for record in records:
            if (record.status, status) not in _CATALOGUE_TRANSITIONS:
                raise NotAllowed(f"{record.reference_code} cannot go from {record.status} to {status} here")
            uow.audit(
                "status",
                "record",
                record.id,
                f"{record.reference_code}: {record.status} → {status}: {reason}",
                before={"status": record.status},
                after={"status": status, "reason": reason},
            )
            record.status = status
        uow.commit()
        return len(records)


def get_record(db: Database, record_id: int) -> RecordView:
    with db.reading() as session:
        return _view(session, record_id)


def record_history(db: Database, record_id: int) -> list[AuditEntry]:
    """The audit events of one record, oldest first."""
    with db.reading() as session:
        events = session.scalars(
            select(AuditEvent)
            .where(AuditEvent.entity == "record", AuditEvent.entity_id == record_id)
            .order_by(AuditEvent.occurred_at, AuditEvent.id)
        ).all()
        return [audit_entry(e) for e in events]

"""The SQL behind the views of ``views.py``: the joined SELECT of a RecordView, and audit entries."""

from __future__ import annotations

from sqlalchemy import Select, select
from sqlalchemy.orm import aliased

from archdesk.messages.stored import message_from_json
from archdesk.models import (
    AuditEvent,
    Box,
    Carrier,
    Category,
    Department,
    Fonds,
    Location,
    Record,
    RetentionPeriod,
    SecurityLevel,
)
from archdesk.services.views import AuditEntry

_category = aliased(Category)
_retention = aliased(RetentionPeriod)
_department = aliased(Department)
_security = aliased(SecurityLevel)
_carrier = aliased(Carrier)
_box = aliased(Box)
_location = aliased(Location)
_fonds = aliased(Fonds)

#: Columns of RecordView as SQL expressions over Record and its code tables, each labelled with the
#: RecordView field it fills (rows are read by name, never by position).
RECORD_VIEW_COLUMNS = (
    Record.id.label("id"),
    Record.reference_code.label("reference_code"),
    _fonds.code.label("fonds_code"),
    _category.code.label("category_code"),
    _category.name.label("category_name"),
    Record.year.label("year"),
    _retention.code.label("retention_code"),
    _retention.label.label("retention_label"),
    _department.code.label("department_code"),
    _department.name.label("department_name"),
    Record.item_number.label("item_number"),
    Record.document_number.label("document_number"),
    Record.responsible_party.label("responsible_party"),
    Record.title.label("title"),
    Record.title_supplied.label("title_supplied"),
    Record.date.label("date"),
    Record.pages.label("pages"),
    _security.code.label("security_level_code"),
    _security.name.label("security_level_name"),
    _carrier.code.label("carrier_code"),
    Record.notes.label("notes"),
    Record.status.label("status"),
    _box.code.label("box_code"),
    _location.code.label("location_code"),
    Record.transfer_batch_id.label("transfer_batch_id"),
    Record.original_retention.label("original_retention"),
    Record.created_at.label("created_at"),
    Record.updated_at.label("updated_at"),
    Record.date_precision.label("date_precision"),  # read into RecordView.date (services/dates.py)
)


def record_view_select() -> Select:
    """SELECT of every RecordView column with the outer joins it needs; add WHERE/ORDER as needed."""
    return (
        select(*RECORD_VIEW_COLUMNS)
        .select_from(Record)
        .join(_fonds, _fonds.id == Record.fonds_id)
        .join(_category, _category.id == Record.category_id)
        .join(_retention, _retention.id == Record.retention_id)
        .outerjoin(_department, _department.id == Record.department_id)
        .outerjoin(_security, _security.id == Record.security_level_id)
        .outerjoin(_carrier, _carrier.id == Record.carrier_id)
        .outerjoin(_box, _box.id == Record.box_id)
        .outerjoin(_location, _location.id == _box.location_id)
    )


def audit_entry(event: AuditEvent) -> AuditEntry:
    return AuditEntry(
        id=event.id,
        occurred_at=event.occurred_at,
        actor=event.actor,
        action=event.action,
        summary=event.summary,
        before=event.before,
        after=event.after,
        message=message_from_json(event.message),
    )

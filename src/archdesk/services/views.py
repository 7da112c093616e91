"""Plain, frozen views of records and code tables that services hand to the UI and CLI.

No ORM object leaves the services: a view is built inside the session and is safe to keep on
the GUI thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import aliased

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


@dataclass(frozen=True)
class CodeItem:
    id: int
    code: str
    name: str
    name_en: str = ""


@dataclass(frozen=True)
class RecordView:
    id: int
    reference_code: str
    fonds_code: str
    category_code: str
    category_name: str
    year: int
    retention_code: str
    retention_label: str
    department_code: str
    department_name: str
    item_number: int
    document_number: str
    responsible_party: str
    title: str
    title_supplied: bool
    date: date | None
    pages: int | None
    security_level_code: str
    security_level_name: str
    carrier_code: str
    notes: str
    status: str
    box_code: str
    location_code: str
    transfer_batch_id: int | None
    original_retention: str
    created_at: datetime
    updated_at: datetime

    @property
    def display_title(self) -> str:
        """The title as the catalogue prints it: a supplied title (自拟题名) in [ ]."""
        return f"[{self.title}]" if self.title_supplied else self.title


@dataclass(frozen=True)
class AuditEntry:
    id: int
    occurred_at: datetime
    actor: str
    action: str
    summary: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None


_category = aliased(Category)
_retention = aliased(RetentionPeriod)
_department = aliased(Department)
_security = aliased(SecurityLevel)
_carrier = aliased(Carrier)
_box = aliased(Box)
_location = aliased(Location)
_fonds = aliased(Fonds)

#: Columns of RecordView, in order, as SQL expressions over Record and its code tables.
RECORD_VIEW_COLUMNS = (
    Record.id,
    Record.reference_code,
    _fonds.code,
    _category.code,
    _category.name,
    Record.year,
    _retention.code,
    _retention.label,
    _department.code,
    _department.name,
    Record.item_number,
    Record.document_number,
    Record.responsible_party,
    Record.title,
    Record.title_supplied,
    Record.date,
    Record.pages,
    _security.code,
    _security.name,
    _carrier.code,
    Record.notes,
    Record.status,
    _box.code,
    _location.code,
    Record.transfer_batch_id,
    Record.original_retention,
    Record.created_at,
    Record.updated_at,
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


def record_view_from_row(row: Any) -> RecordView:
    values = list(row)
    # Outer-joined codes come back as None; the view uses "" for "none".
    for index in (8, 9, 17, 18, 19, 22, 23):
        if values[index] is None:
            values[index] = ""
    return RecordView(*values)


def audit_entry(event: AuditEvent) -> AuditEntry:
    return AuditEntry(
        id=event.id,
        occurred_at=event.occurred_at,
        actor=event.actor,
        action=event.action,
        summary=event.summary,
        before=event.before,
        after=event.after,
    )

"""The audit events of anything (a storeroom, a box, a stocktake, a category …), as the History reads them.

``catalogue.record_history`` is the same for one record; this one serves every other entity, so
a set-up dialog, the custody dock or a test reads an entity's events in the window's language.
"""

from __future__ import annotations

from sqlalchemy import select

from archdesk.models import AuditEvent
from archdesk.services.database import Database
from archdesk.services.view_queries import audit_entry
from archdesk.services.views import AuditEntry


def entity_history(db: Database, entity: str, entity_id: int | None = None, *, limit: int = 500) -> list[AuditEntry]:
    """The latest ``limit`` events of ``entity`` (one of them when ``entity_id`` is given), oldest first."""
    statement = select(AuditEvent).where(AuditEvent.entity == entity)
    if entity_id is not None:
        statement = statement.where(AuditEvent.entity_id == entity_id)
    with db.reading() as session:
        events = session.scalars(statement.order_by(AuditEvent.id.desc()).limit(limit)).all()
        return [audit_entry(e) for e in reversed(events)]

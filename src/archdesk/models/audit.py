"""The audit log: every change, who made it, when, and the values before and after.

The log is tamper-evident (``services/audit_chain.py``): rows are append-only (database triggers
refuse UPDATE and DELETE) and hash-chained — each event stores the hash of the event before it,
the hash of its after-image and its own hash. ``audit_seal`` keeps, for every record an event
touched, a digest of the record's state as audited; the digests of one event are folded into
that event's hash, so ``archdesk check`` can compare each record with its last audited state.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from archdesk.models.base import Base, utcnow


class AuditEvent(Base):
    __tablename__ = "audit_event"
    __table_args__ = (Index("ix_audit_event_entity", "entity", "entity_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    occurred_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(40))  # create, update, delete, accept, status, ...
    entity: Mapped[str] = mapped_column(String(40))  # table name
    entity_id: Mapped[int | None] = mapped_column(Integer)
    summary: Mapped[str] = mapped_column(Text, default="")  # in English, for logs and older readers
    # The summary as a message id and parameters (messages/stored.py), read in the user's language.
    message: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    # The chain (SHA-256, hex): the previous event's hash ("" for the first), the after-image's, this event's.
    prev_hash: Mapped[str] = mapped_column(String(64), default="")
    after_hash: Mapped[str] = mapped_column(String(64), default="")
    hash: Mapped[str] = mapped_column(String(64), default="")


class AuditSeal(Base):
    """The state of one record as an audit event left it (``state`` is ``deleted`` once it is gone)."""

    __tablename__ = "audit_seal"
    __table_args__ = (
        Index("ix_audit_seal_event", "event_id", "record_id"),
        Index("ix_audit_seal_record", "record_id", "id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("audit_event.id"))
    record_id: Mapped[int] = mapped_column(Integer)  # no foreign key: the seal outlives a deleted record
    reference_code: Mapped[str] = mapped_column(String(80), default="")
    state: Mapped[str] = mapped_column(String(96))

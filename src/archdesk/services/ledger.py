"""The movement ledger (出入库登记): one append-only row for every change of place of a box or a record.

Custody (shelving, moving, boxing), use (lending, returning) and disposition (withdrawal for
destruction or transfer) all write their rows through :func:`write_movement` (or
:func:`write_movements` for many at once), inside the unit of work of the action that moved the
thing, so the ledger and the catalogue never disagree. Each row has its audit event in the same
transaction. The table's triggers (revision 0005_custody) refuse UPDATE and DELETE.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import insert, select
from sqlalchemy.orm import aliased

from archdesk.messages import ENGLISH, Message, catalogue, msg, render, term
from archdesk.messages.stored import message_to_json
from archdesk.models import AuditEvent, Box, Location, Movement, Record
from archdesk.models.base import utcnow
from archdesk.services.database import Database
from archdesk.services.uow import UnitOfWork
from archdesk.statuses import MovementDirection

#: The reasons the custody, loans and appraisal services write (``term.movement.<reason>``).
REASONS = ("shelved", "moved", "boxed", "unboxed", "loan", "return", "destruction", "transfer")


def write_movement(
    uow: UnitOfWork,
    direction: MovementDirection,
    *,
    record_id: int | None = None,
    box_id: int | None = None,
    from_location_id: int | None = None,
    to_location_id: int | None = None,
    reason: str = "",
    notes: str = "",
    occurred_at: datetime | None = None,
) -> Movement:
    """Add one ledger row in ``uow`` (flushed, so it has its id) and its audit event; the operator is
    the unit of work's actor.

    ``reason`` is a short code (``shelved``, ``moved``, ``loan``, ``return``, ``destruction``,
    ``transfer`` …) that the screens and forms translate through ``term.movement.<reason>``.
    ``occurred_at`` (default: now) lets a data import or the demo write history.
    """
    if record_id is None and box_id is None:
        raise ValueError("a movement moves a record or a box")
    movement = Movement(
        record_id=record_id,
        box_id=box_id,
        from_location_id=from_location_id,
        to_location_id=to_location_id,
        direction=str(direction),
        reason=reason,
        operator=uow.actor,
        notes=notes,
        occurred_at=occurred_at or utcnow(),
    )
    uow.session.add(movement)
    uow.session.flush()
    uow.audit("movement", "movement", movement.id, movement_summary(str(direction), reason),
              after=_audit_after(movement.__dict__))  # fmt: skip
    return movement


@dataclass(frozen=True)
class MovementRow:
    """One row for :func:`write_movements`."""

    direction: MovementDirection
    record_id: int | None = None
    box_id: int | None = None
    from_location_id: int | None = None
    to_location_id: int | None = None
    reason: str = ""
    notes: str = ""
    occurred_at: datetime | None = None


def write_movements(uow: UnitOfWork, rows: Sequence[MovementRow]) -> int:
    """Many ledger rows and their audit events with two bulk inserts (moving 500 boxes in one action)."""
    if not rows:
        return 0
    now = utcnow()
    values = []
    for row in rows:
        if row.record_id is None and row.box_id is None:
            raise ValueError("a movement moves a record or a box")
        values.append(
            dict(record_id=row.record_id, box_id=row.box_id, from_location_id=row.from_location_id,
                 to_location_id=row.to_location_id, direction=str(row.direction), reason=row.reason,
                 operator=uow.actor, notes=row.notes, occurred_at=row.occurred_at or now)
        )  # fmt: skip
    uow.session.flush()
    ids = uow.session.scalars(insert(Movement).returning(Movement.id, sort_by_parameter_order=True), values).all()
    uow.session.execute(
        insert(AuditEvent),
        [
            dict(actor=uow.actor, action="movement", entity="movement", entity_id=movement_id,
                 summary=render(summary, ENGLISH), message=message_to_json(summary), before=None,
                 after=_audit_after(value))
            for movement_id, value in zip(ids, values, strict=True)
            for summary in (movement_summary(value["direction"], value["reason"]),)
        ],
    )  # fmt: skip
    return len(ids)


def movement_summary(direction: str, reason: str) -> Message:
    """The audit summary of one ledger row: its direction and reason in the reader's language (a
    reason without a glossary word, typed by a caller, stays as it is)."""
    known = f"term.movement.{reason}" in catalogue()
    return msg("audit.movement.row", direction=term(f"movement.direction.{direction}"),
               reason=term(f"movement.{reason}") if known else reason)  # fmt: skip


def _audit_after(values: dict) -> dict:
    keys = ("record_id", "box_id", "from_location_id", "to_location_id", "direction", "reason", "notes")
    return {key: values.get(key) for key in keys}


@dataclass(frozen=True)
class LedgerEntry:
    """One ledger row as the ledger view and its printout show it."""

    id: int
    occurred_at: datetime
    direction: str
    reason: str
    box: str
    reference_code: str
    title: str
    from_location: str
    to_location: str
    operator: str
    notes: str


@dataclass(frozen=True)
class LedgerFilter:
    since: datetime | None = None
    until: datetime | None = None
    reason: str = ""
    direction: str = ""
    #: A box code, a reference code or a location code prefix (matches from or to).
    code: str = ""
    limit: int | None = 5000


def ledger_entries(db: Database, flt: LedgerFilter | None = None) -> list[LedgerEntry]:
    """The ledger, newest first, filtered by time, reason, direction and a code."""
    flt = flt or LedgerFilter()
    source, target = aliased(Location), aliased(Location)
    statement = (
        select(
            Movement.id,
            Movement.occurred_at,
            Movement.direction,
            Movement.reason,
            Box.code.label("box"),
            Record.reference_code,
            Record.title,
            source.code.label("from_location"),
            target.code.label("to_location"),
            Movement.operator,
            Movement.notes,
        )  # fmt: skip
        .outerjoin(Box, Box.id == Movement.box_id)
        .outerjoin(Record, Record.id == Movement.record_id)
        .outerjoin(source, source.id == Movement.from_location_id)
        .outerjoin(target, target.id == Movement.to_location_id)
        .order_by(Movement.occurred_at.desc(), Movement.id.desc())
    )
    if flt.since is not None:
        statement = statement.where(Movement.occurred_at >= flt.since)
    if flt.until is not None:
        statement = statement.where(Movement.occurred_at < flt.until)
    if flt.reason:
        statement = statement.where(Movement.reason == flt.reason)
    if flt.direction:
        statement = statement.where(Movement.direction == flt.direction)
    if flt.code:
        code = flt.code.strip()
        statement = statement.where(
            (Box.code == code) | (Record.reference_code == code)
            | source.code.startswith(code, autoescape=True) | target.code.startswith(code, autoescape=True)
        )  # fmt: skip
    if flt.limit:
        statement = statement.limit(flt.limit)
    with db.reading() as session:
        # Outer-joined names come back as None; the entry uses "" for "none".
        return [
            LedgerEntry(
                **{name: "" if value is None and name in _BLANK_WHEN_NONE else value for name, value in row.items()}
            )
            for row in session.execute(statement).mappings()
        ]


_BLANK_WHEN_NONE = ("box", "reference_code", "title", "from_location", "to_location")

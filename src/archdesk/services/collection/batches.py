"""What the import screens show: the transfer batches and what came of each, and the choices offered."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from archdesk.messages import ENGLISH, Message, msg, render
from archdesk.messages.stored import message_from_json, message_to_json
from archdesk.models import Category, Department, TransferBatch
from archdesk.services.database import Database

#: The English notes batches were given before their notes were messages, read back as those messages.
_LEGACY_NOTES = (
    (re.compile(r"(\d+) legacy retention values to review"), "import.note.review_retention"),
    (re.compile(r"withdrawn \((\d+) pending records removed\)"), "import.note.withdrawn"),
)


def with_note(notes: str, message: Message) -> str:
    """A batch's stored notes with one more of ArchDesk's own (kept as messages, so that each
    window shows them in its own language)."""
    return json.dumps([*_stored(notes), message_to_json(message)], ensure_ascii=False)


def _stored(notes: str) -> list:
    """The notes as stored items: message dicts, and text (what an archivist or an older version wrote)."""
    if not notes:
        return []
    try:
        items = json.loads(notes)
    except ValueError:
        items = None
    if isinstance(items, list):
        return items
    stored: list = []
    for part in notes.split("; "):
        for pattern, message_id in _LEGACY_NOTES:
            found = pattern.fullmatch(part)
            if found:
                stored.append(message_to_json(msg(message_id, count=int(found.group(1)))))
                break
        else:
            stored.append(part)
    return stored


def notes_text(notes: str, language: str) -> str:
    """A batch's notes as the archivist reads them, in ``language``."""
    parts = []
    for item in _stored(notes):
        message = message_from_json(item)
        parts.append(render(message, language) if message is not None else str(item))
    return ("; " if language == ENGLISH else "；").join(parts)


@dataclass(frozen=True)
class BatchSummary:
    """One transfer batch (移交批次) as listed: counts accepted and returned, status, who and when."""

    id: int
    department: str
    received_on: date
    file_name: str
    rows: int
    accepted: int
    returned: int
    status: str
    operator: str
    created_at: datetime
    notes: str  # as stored: ``notes_text`` renders it

    def notes_text(self, language: str) -> str:
        return notes_text(self.notes, language)


def list_batches(db: Database, *, limit: int = 1000) -> list[BatchSummary]:
    """The latest transfer batches, newest first. Runs on the database worker thread."""
    with db.reading() as session:
        rows = session.execute(
            select(TransferBatch, Department.code, Department.name)
            .outerjoin(Department, Department.id == TransferBatch.department_id)
            .order_by(TransferBatch.id.desc())
            .limit(limit)
        ).all()
        return [
            BatchSummary(
                b.id,
                f"{code} {name}" if code else "",
                b.received_on,
                b.file_name,
                b.row_count,
                b.accepted_count,
                b.returned_count,
                b.status,
                b.operator,
                b.created_at,
                b.notes,
            )
            for b, code, name in rows
        ]


def import_choices(db: Database) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(departments, categories) as (code, name) pairs for the import wizard's choosers."""
    with db.reading() as session:
        departments = [
            (c, n)
            for c, n in session.execute(select(Department.code, Department.name).where(Department.active.is_(True)))
        ]
        categories = [
            (c, n)
            for c, n in session.execute(
                select(Category.code, Category.name)
                .where(Category.active.is_(True))
                .order_by(Category.sort_order, Category.id)
            )
        ]
    return departments, categories


def code_choices(db: Database) -> dict[str, list[tuple[str, str]]]:
    """field → (code, label) pairs the wizard offers for an unknown value or a value for every row."""
    from archdesk.models import Carrier, RetentionPeriod, SecurityLevel

    with db.reading() as session:
        retention = session.execute(
            select(RetentionPeriod.code, RetentionPeriod.label)
            .where(RetentionPeriod.active.is_(True))
            .order_by(RetentionPeriod.sort_order)
        ).all()
        security = session.execute(select(SecurityLevel.code, SecurityLevel.name).order_by(SecurityLevel.id)).all()
        carriers = session.execute(select(Carrier.code, Carrier.name).order_by(Carrier.id)).all()
    departments, categories = import_choices(db)
    return {
        "retention": [tuple(r) for r in retention],
        "security_level": [tuple(r) for r in security],
        "carrier": [tuple(r) for r in carriers],
        "department": departments,
        "category": categories,
    }

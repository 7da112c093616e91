"""Full-text search (SQLite FTS5). The only module with SQLite-only SQL.

Placeholder interface, filled in by the search work of issue 2: the catalogue calls
``index_records`` / ``remove_records`` inside its unit of work to keep the index in step.
"""

from __future__ import annotations

from sqlalchemy.orm import Session


def index_records(session: Session, record_ids: list[int]) -> None:
    """(Re)index these records in the same transaction as their change."""


def remove_records(session: Session, record_ids: list[int]) -> None:
    """Drop these records from the index (before they are deleted)."""


def text_condition(query: str):  # noqa: ANN201
    """A condition on Record matching the query text (placeholder: substring match, portable)."""
    from sqlalchemy import or_

    from archdesk.models import Record

    pattern = f"%{query.strip()}%"
    return or_(
        Record.title.like(pattern),
        Record.document_number.like(pattern),
        Record.responsible_party.like(pattern),
        Record.notes.like(pattern),
    )

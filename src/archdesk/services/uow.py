"""Unit of work: one per user action, committed whole or rolled back whole."""

from __future__ import annotations

from types import TracebackType
from typing import Any

from sqlalchemy.orm import Session

from archdesk.models import AuditEvent
from archdesk.services.database import Database


class UnitOfWork:
    """``with UnitOfWork(db) as uow: ...; uow.commit()`` — anything not committed is rolled back."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.actor = db.actor
        self.session: Session

    def __enter__(self) -> UnitOfWork:
        self.session = self.db.writing_session()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        try:
            self.session.rollback()
        finally:
            self.session.close()

    def commit(self) -> None:
        self.session.commit()

    def audit(
        self,
        action: str,
        entity: str,
        entity_id: int | None,
        summary: str = "",
        *,
        before: dict[str, Any] | None = None,
        after: dict[str, Any] | None = None,
    ) -> None:
        """Write an audit event in the same transaction as the change it describes."""
        self.session.add(
            AuditEvent(
                actor=self.actor,
                action=action,
                entity=entity,
                entity_id=entity_id,
                summary=summary,
                before=before,
                after=after,
            )
        )

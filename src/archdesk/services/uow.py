"""Unit of work: one per user action, committed whole or rolled back whole.

Actions compose: every mutating service takes an optional ``uow`` and opens its work with
:func:`unit_of_work`. Called alone it commits its own transaction; called with the caller's unit of
work it joins it and commits nothing, so an action on many records (or several actions one after
another) commits whole or not at all::

    with UnitOfWork(db) as uow:
        for record_id in ids:
            delete_pending_record(db, record_id, uow=uow)   # any refusal rolls back every one
        uow.commit()
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from types import TracebackType
from typing import Any

from sqlalchemy.orm import Session

from archdesk.messages import ENGLISH, Message, render
from archdesk.messages.stored import message_to_json
from archdesk.models import AuditEvent
from archdesk.models.base import utcnow
from archdesk.services import audit_chain, failures
from archdesk.services.database import Database


class UnitOfWork:
    """``with UnitOfWork(db) as uow: ...; uow.commit()`` — anything not committed is rolled back."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.actor = db.actor
        self.session: Session
        # Events wait here until commit, where they are chained in order (services/audit_chain.py).
        self._events: list[AuditEvent] = []
        self._touched: set[int] = set()
        self._written: audit_chain.WrittenSeals | None = None

    def __enter__(self) -> UnitOfWork:
        holder = getattr(self.db, "read_only_for", None)
        if holder is not None:  # opened read-only: another ArchDesk holds the archive (writer_lock.py)
            from archdesk.messages import msg
            from archdesk.services.errors import NotAllowed

            raise NotAllowed(msg("safety.read_only_mode", operator=holder.operator, host=holder.host))
        self.session = self.db.writing_session()
        try:
            failures.ensure_sound(self.db, self.session)
            self._touched = audit_chain.prepare_session(self.session)
        except BaseException:
            self.session.close()
            raise
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        try:
            self.session.rollback()
        finally:
            self.session.close()

    def commit(self) -> None:
        """Chain the audit events (and seal the records changed), commit, then move the chain head
        kept beside an SQLite archive."""
        events, self._events = self._events, []
        written, self._written = self._written, None
        head = audit_chain.chain_and_seal(self.session, events, self._touched, self.actor, written)
        self._touched.clear()
        self.session.commit()
        if head is not None and self.db.file is not None:
            audit_chain.write_head(self.db.file, head)

    def sealed_as_written(self, seals: audit_chain.WrittenSeals) -> None:
        """Seal these records (just inserted in bulk) from the values written rather than reading
        them back at commit; a record changed again before the commit is still read back."""
        self._written = seals

    def audit(
        self,
        action: str,
        entity: str,
        entity_id: int | None,
        summary: Message | str = "",
        *,
        before: dict[str, Any] | None = None,
        after: dict[str, Any] | None = None,
    ) -> None:
        """Write an audit event in the same transaction as the change it describes.

        ``summary`` is a message (``msg("audit.record.created", reference_code=…)``): it is kept as
        its id and parameters, so the History tab reads it in the window's language, and in English
        in ``summary`` for logs. ``action`` is a word of ``audit.action.<action>`` (create, update…).
        The event is written (chained to the one before it) when the unit of work commits.
        """
        stored = message_to_json(summary) if isinstance(summary, Message) else None
        self._events.append(
            AuditEvent(
                occurred_at=utcnow(),
                actor=self.actor,
                action=action,
                entity=entity,
                entity_id=entity_id,
                summary=render(summary, ENGLISH),
                message=stored,
                before=before,
                after=after,
            )
        )


@contextmanager
def unit_of_work(db: Database, uow: UnitOfWork | None = None) -> Iterator[UnitOfWork]:
    """The caller's unit of work when given (nothing is committed here), else a new one committed
    when the block ends without an exception."""
    if uow is not None:
        yield uow
        return
    with UnitOfWork(db) as own:
        yield own
        own.commit()

"""Failures a user can meet, by kind: the disk is full, the archive is locked, read-only, damaged, or
a file cannot be read. ``classify`` turns the exception a library raised into our own error with a
one-line message (``safety.*``), or returns None for anything else — a bug stays a bug.

Used at the two boundaries: the CLI's ``main`` and the UI's ``ops.error_text``. Imports neither
SQLAlchemy nor Qt (the first paint must not load them).
"""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

from archdesk.messages import Message, msg
from archdesk.services.errors import ArchDeskError, DatabaseError

#: (words in SQLite's message, message id), first match wins.
_SQLITE_KINDS = (
    ("database or disk is full", "safety.disk_full"),
    ("disk i/o error", "safety.unreadable"),
    ("database is locked", "safety.locked"),
    ("database is busy", "safety.locked"),
    ("database table is locked", "safety.locked"),
    ("readonly database", "safety.read_only"),
    ("read-only", "safety.read_only"),
    ("malformed", "safety.corrupt"),
    ("file is not a database", "safety.corrupt"),
    ("file is encrypted or is not a database", "safety.corrupt"),
    ("unable to open database file", "safety.cannot_open"),
)


class StorageError(DatabaseError):
    """A failure of the disk or the database file, by kind (``kind`` is the message id's last word)."""

    def __init__(self, message_id: str, **params: object) -> None:
        self.kind = message_id.removeprefix("safety.")
        super().__init__(msg(message_id, **params))


def _driver_error(exc: BaseException) -> BaseException | None:
    """The DB-API error behind an SQLAlchemy one (``exc.orig``), or the exception itself."""
    seen = exc
    for _ in range(4):
        if isinstance(seen, sqlite3.Error):
            return seen
        orig = getattr(seen, "orig", None) or seen.__cause__
        if orig is None:
            break
        seen = orig
    return seen if type(seen).__module__.startswith(("psycopg", "sqlalchemy")) else None


def classify(exc: BaseException, where: str | Path = "") -> ArchDeskError | None:
    """Our error for a failure of storage or of reading a file; None when ``exc`` is not one."""
    if isinstance(exc, ArchDeskError):
        return exc
    place: object = str(where) if where else Message("term.safety.archive")
    if isinstance(exc, UnicodeError):
        return StorageError("safety.not_text", where=place, detail=_short(exc))
    if isinstance(exc, OSError):
        return _os_error(exc, place)
    driver = _driver_error(exc)
    if driver is None:
        return None
    text = str(driver).lower()
    for words, message_id in _SQLITE_KINDS:
        if words in text:
            return StorageError(message_id, where=place, detail=_short(driver))
    if isinstance(driver, sqlite3.DatabaseError) and not isinstance(driver, sqlite3.IntegrityError):
        return StorageError("safety.database", where=place, detail=_short(driver))
    if "could not connect" in text or "connection" in text and "refused" in text:
        return StorageError("safety.cannot_open", where=place)
    return None


def _os_error(exc: OSError, place: object) -> ArchDeskError:
    where = exc.filename if exc.filename is not None else place
    if exc.errno == errno.ENOSPC or exc.errno == errno.EDQUOT:
        return StorageError("safety.disk_full", where=where)
    if exc.errno in (errno.EACCES, errno.EPERM):
        return StorageError("safety.no_permission", where=where)
    if exc.errno == errno.EROFS:
        return StorageError("safety.read_only", where=where)
    return StorageError("safety.unreadable", where=where, detail=exc.strerror or type(exc).__name__)


def _short(exc: BaseException) -> str:
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text[:200]


def ensure_sound(db: object, session: object) -> None:
    """Refuse to write to an SQLite archive that fails ``PRAGMA quick_check`` (once per open archive).

    A small import into a file with damaged pages used to succeed without a word; writing more
    into such a file spreads the damage. About 0.7 s per 100,000 records, on the first write only.
    """
    if getattr(db, "checked_sound", True) or getattr(db, "file", None) is None:
        return
    from sqlalchemy import text
    from sqlalchemy.exc import DatabaseError as SQLAlchemyDatabaseError

    try:
        problems = [row[0] for row in session.execute(text("PRAGMA quick_check(3)"))]  # type: ignore[attr-defined]
    except SQLAlchemyDatabaseError as exc:
        raise classify(exc, db.file) or exc from exc  # type: ignore[attr-defined]
    if problems != ["ok"]:
        lines = [line for text in problems for line in text.splitlines() if line and not line.startswith("***")]
        detail = lines[0][:200] if lines else "quick check failed"
        raise StorageError("safety.corrupt", where=db.file, detail=detail)  # type: ignore[attr-defined]
    db.checked_sound = True  # type: ignore[attr-defined]

"""Opening an archive (bootstrap): create, upgrade and seed it as needed, and hand back its Database."""

from __future__ import annotations

from pathlib import Path

from archdesk.messages import msg
from archdesk.services.database import Database, default_database_path, make_engine, sqlite_file, to_url
from archdesk.services.errors import DatabaseError
from archdesk.services.startup import archive_is_ready


def open_archive(
    target: str | Path | None = None,
    *,
    actor: str | None = None,
    create: bool = True,
    upgrade: bool = True,
    fonds_code: str | None = None,
    fonds_name: str | None = None,
) -> Database:
    """Open (and if needed create, upgrade and seed) the archive at a path or SQLAlchemy URL.

    An older database is copied to a timestamped backup before it is upgraded. With
    ``upgrade=False`` (``archdesk check``) an existing archive is opened as it is: nothing is
    created, migrated or seeded.
    An SQLite archive already at the shipped schema and seeded (the everyday case) is recognised
    without SQLAlchemy, which its Database then loads on first use (see ``startup.py``).
    Runs on the calling thread; the UI calls it before the main window exists.
    """
    url = to_url(target if target is not None else default_database_path())
    path = sqlite_file(url)
    if path is not None and not path.exists() and not (create and upgrade):
        raise DatabaseError(msg("archive.no_such_file", path=str(path)))
    if path is not None and not (create and upgrade) and path.is_file() and path.stat().st_size == 0:
        # A read (search, export, check) must not turn an empty file into an archive.
        raise DatabaseError(msg("safety.not_an_archive", where=path))
    if path is not None:
        _check_is_sqlite(path)
        if upgrade and archive_is_ready(path):
            return Database(url, actor=actor)
    from sqlalchemy.exc import SQLAlchemyError

    from archdesk.services import migrate
    from archdesk.services.seed import seed_code_tables
    from archdesk.services.uow import UnitOfWork

    try:
        engine = make_engine(url)
    except OSError as exc:  # the folder for a new file cannot be made
        raise DatabaseError(
            msg("archive.cannot_create", path=str(path or url), detail=exc.strerror or str(exc))
        ) from exc
    try:
        if upgrade:
            migrate.upgrade(engine, sqlite_path=path)
    except SQLAlchemyError as exc:
        engine.dispose()
        detail = f"{exc.__class__.__name__}: {getattr(exc, 'orig', None) or exc}"
        raise DatabaseError(msg("archive.cannot_open", path=str(path or url), detail=detail)) from exc
    except BaseException:
        engine.dispose()
        raise
    db = Database(url, engine=engine, actor=actor)
    if not upgrade:
        return db
    if path is not None:  # a migration may have extended the audit chain (0008 seals the records)
        from archdesk.services import audit_chain

        with db.reading() as session:
            head = audit_chain.newest_head(session)
        if head is not None:
            audit_chain.write_head(path, head)
    with UnitOfWork(db) as uow:
        if seed_code_tables(uow.session, fonds_code=fonds_code, fonds_name=fonds_name):
            uow.audit("seed", "code_tables", None, msg("audit.code_tables.seeded"))
            uow.commit()
    return db


def _check_is_sqlite(path: Path) -> None:
    """An existing, non-empty file must be an SQLite database (an empty file becomes a new archive)."""
    if not path.exists():
        return
    try:
        if path.is_dir():
            raise DatabaseError(msg("archive.is_folder", path=str(path)))
        with path.open("rb") as handle:
            header = handle.read(16)
    except OSError as exc:
        raise DatabaseError(msg("archive.cannot_read", path=str(path), detail=exc.strerror or str(exc))) from exc
    if header and header != b"SQLite format 3\x00":
        raise DatabaseError(msg("archive.not_sqlite", path=str(path)))

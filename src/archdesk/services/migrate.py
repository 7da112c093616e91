"""Schema upgrades at start-up: back up the file when a revision is pending, then ``upgrade head``
in one transaction with foreign-key enforcement off and a ``foreign_key_check`` before commit.

Why foreign keys off: in batch mode SQLite re-creates a table; with ``foreign_keys=ON`` dropping
the old parent table silently cascades deletes into its child rows (or fails). The pragma is a
no-op inside a transaction, so it is set on the driver connection before BEGIN and checked.
Why one transaction: the driver's own transaction handling is off (see database.py), so every
statement of every revision, DDL included, is rolled back together when one of them fails.
"""

from __future__ import annotations

import ast
import re
import sqlite3
from collections.abc import Callable
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

# Alembic (with Mako and Pygments) costs about 0.1 s to import, SQLAlchemy about 0.3 s; an archive
# already at head, the everyday case, is recognised without either (``shipped_head`` here and
# ``startup.archive_is_ready``), so they are imported only to migrate.
from archdesk.messages import msg
from archdesk.services.database import WRITE_OPTION
from archdesk.services.errors import DatabaseError

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory
    from sqlalchemy import Connection, Engine

from archdesk.bundled import migrations_dir

ScriptLocation = str | Path | None


def alembic_config(script_location: ScriptLocation = None) -> Config:
    """An Alembic config built in code; ``script_location`` defaults to the shipped migrations."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(script_location or migrations_dir()))
    return cfg


def script_directory(script_location: ScriptLocation = None) -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config(script_location))


def head_revision(script_location: ScriptLocation = None) -> str:
    return script_directory(script_location).get_current_head() or ""


def current_revision(engine: Engine) -> str | None:
    """The revision stamped in ``alembic_version``; None for a database never migrated."""
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        heads = MigrationContext.configure(conn).get_current_heads()
    if len(heads) > 1:  # only an edit outside ArchDesk stamps two versions (no branches are shipped)
        from archdesk.messages import msg

        where = engine.url.database or engine.url.render_as_string(hide_password=True)
        raise DatabaseError(msg("safety.schema_versions", where=where, count=len(heads)))
    return heads[0] if heads else None


_REVISION_ASSIGNMENT = re.compile(r"^(revision|down_revision)\s*(?::[^=\n]*)?=\s*(.+?)\s*$", re.MULTILINE)


def shipped_head(script_location: ScriptLocation = None) -> str | None:
    """The head revision of the shipped migrations, read from the version files' text.

    None when the files do not give exactly one head (Alembic then decides). A test checks
    this agrees with Alembic's own answer.
    """
    return _head_from_files(str(script_location or migrations_dir()))


@cache
def _head_from_files(location: str) -> str | None:
    revisions: set[str] = set()
    parents: set[str] = set()
    for file in Path(location, "versions").glob("*.py"):
        found = dict(_REVISION_ASSIGNMENT.findall(file.read_text(encoding="utf-8")))
        if "revision" not in found:
            return None
        revisions.add(ast.literal_eval(found["revision"]))
        down = ast.literal_eval(found.get("down_revision", "None"))
        parents.update(down if isinstance(down, tuple | list) else [down] if down else [])
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def stamped_revision(engine: Engine) -> str | None:
    """The revision in ``alembic_version`` read with plain SQL (None if there is none)."""
    from sqlalchemy import inspect, text

    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        rows = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    return rows[0] if len(rows) == 1 else None


def backup_sqlite_file(path: Path, *, suffix: str = "pre-upgrade") -> Path:
    """Copy a live SQLite file (WAL included) to ``<name>.<timestamp>.<suffix>.db`` beside it."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = path.with_name(f"{path.stem}.{stamp}.{suffix}{path.suffix or '.db'}")
    try:
        source = sqlite3.connect(path)
        try:
            dest = sqlite3.connect(target)
            try:
                source.backup(dest)
            finally:
                dest.close()
        finally:
            source.close()
    except (OSError, sqlite3.Error) as exc:
        target.unlink(missing_ok=True)
        raise DatabaseError(msg("archive.backup_failed", path=str(path), detail=str(exc))) from exc
    return target


def upgrade(
    engine: Engine,
    revision: str = "head",
    *,
    sqlite_path: Path | None = None,
    script_location: ScriptLocation = None,
) -> Path | None:
    """Bring the database to ``revision`` (all of it or none of it). Returns the backup made first, if any.

    A backup copy is made only when a revision is pending on a database that already has a
    schema; a new (empty) file is not copied. Raises DatabaseError for a database this version
    of ArchDesk cannot upgrade (newer schema, or tables without an ArchDesk schema version).
    Runs on the calling thread.
    """
    if revision == "head" and script_location is None:
        head = shipped_head()
        if head is not None and stamped_revision(engine) == head:
            return None
    from alembic import command

    script = script_directory(script_location)
    current = current_revision(engine)
    where = sqlite_path or engine.url.render_as_string(hide_password=True)
    if current is None:
        _refuse_foreign_database(engine, where)
    elif not _knows(script, current):
        head = script.get_current_head()
        raise DatabaseError(msg("archive.newer_schema", path=str(where), revision=current, head=head))
    target = _resolve(script, revision, where)
    if current == target:
        return None
    backup = None
    if sqlite_path is not None and current is not None and sqlite_path.exists():
        backup = backup_sqlite_file(sqlite_path)
    _run_in_one_transaction(engine, script_location, lambda cfg: command.upgrade(cfg, revision), where)
    return backup


def downgrade(engine: Engine, revision: str, *, script_location: ScriptLocation = None) -> None:
    """Step the schema back to ``revision`` (for tests and support; the app never downgrades)."""
    from alembic import command

    where = engine.url.render_as_string(hide_password=True)
    _run_in_one_transaction(engine, script_location, lambda cfg: command.downgrade(cfg, revision), where)


def knows_revision(revision: str) -> bool:
    """True when ``revision`` is one of the shipped migrations (an archive this ArchDesk can open)."""
    return _knows(script_directory(None), revision)


def _knows(script: ScriptDirectory, revision: str) -> bool:
    from alembic.util import CommandError

    try:
        return script.get_revision(revision) is not None
    except CommandError:
        return False


def _resolve(script: ScriptDirectory, revision: str, where: object) -> str | None:
    from alembic.util import CommandError

    if revision == "head":
        return script.get_current_head()
    try:
        found = script.get_revision(revision)
    except CommandError as exc:
        raise DatabaseError(msg("archive.unknown_revision", path=str(where), revision=revision)) from exc
    return found.revision if found is not None else None


def _refuse_foreign_database(engine: Engine, where: object) -> None:
    """A database with tables but no ``alembic_version`` is someone else's: never write into it."""
    from sqlalchemy import inspect

    with engine.connect() as conn:
        tables = [name for name in inspect(conn).get_table_names() if not name.startswith("sqlite_")]
    if tables:
        raise DatabaseError(msg("archive.foreign_database", path=str(where), count=len(tables), table=tables[0]))


def _run_in_one_transaction(
    engine: Engine, script_location: ScriptLocation, action: Callable[[Config], None], where: object
) -> None:
    with engine.connect() as conn:
        sqlite = conn.dialect.name == "sqlite"
        if sqlite:
            _set_foreign_keys(conn, on=False)
        try:
            # BEGIN IMMEDIATE on SQLite: take the write lock before reading the schema.
            with conn.execution_options(**{WRITE_OPTION: True}).begin():
                cfg = alembic_config(script_location)
                cfg.attributes["connection"] = conn
                from alembic.util import CommandError

                try:
                    action(cfg)
                except CommandError as exc:
                    raise DatabaseError(msg("archive.cannot_migrate", path=str(where), detail=str(exc))) from exc
                if sqlite:
                    # A revision that re-created ``record`` (batch mode) dropped the tree-count and
                    # box-count triggers.
                    from archdesk.services import tree_counts
                    from archdesk.services.custody import box_counts

                    tree_counts.ensure(conn)
                    box_counts.ensure(conn)
                    _check_foreign_keys(conn, where)
        finally:
            if sqlite:
                _set_foreign_keys(conn, on=True)


def _set_foreign_keys(conn: Connection, *, on: bool) -> None:
    # On the driver connection, which is in autocommit mode between transactions (database.py):
    # going through SQLAlchemy would open a transaction first and SQLite ignores the pragma there.
    dbapi = conn.connection.dbapi_connection
    dbapi.execute(f"PRAGMA foreign_keys={'ON' if on else 'OFF'}")
    if not on and dbapi.execute("PRAGMA foreign_keys").fetchone()[0]:
        raise RuntimeError("foreign keys could not be switched off before migrating (a transaction is open)")


def _check_foreign_keys(conn: Connection, where: object) -> None:
    problems = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if problems:
        table, rowid, parent, _fk = problems[0]
        raise DatabaseError(
            msg(
                "archive.broken_references",
                path=str(where),
                count=len(problems),
                table=table,
                rowid=rowid,
                parent=parent,
            )
        )

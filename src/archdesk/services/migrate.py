"""Schema upgrades at start-up: back up the file when a revision is pending, then ``upgrade head``
in one transaction with foreign-key enforcement off and a ``foreign_key_check`` before commit.

Why foreign keys off: in batch mode SQLite re-creates a table; with ``foreign_keys=ON`` dropping
the old parent table silently cascades deletes into its child rows.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

from archdesk.bundled import migrations_dir
from archdesk.services.errors import DatabaseError


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    return cfg


def head_revision() -> str:
    return ScriptDirectory.from_config(alembic_config()).get_current_head() or ""


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def backup_sqlite_file(path: Path, *, suffix: str = "pre-upgrade") -> Path:
    """Copy a live SQLite file (WAL included) to ``<name>.<timestamp>.<suffix>.db`` beside it."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = path.with_name(f"{path.stem}.{stamp}.{suffix}{path.suffix or '.db'}")
    source = sqlite3.connect(path)
    try:
        dest = sqlite3.connect(target)
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
    return target


def upgrade(engine: Engine, revision: str = "head", *, sqlite_path: Path | None = None) -> Path | None:
    """Bring the database to ``revision``. Returns the backup file made first, if any."""
    current = current_revision(engine)
    target = head_revision() if revision == "head" else revision
    if current == target:
        return None
    backup = None
    if sqlite_path is not None and current is not None and sqlite_path.exists():
        backup = backup_sqlite_file(sqlite_path)
    with engine.connect() as conn:
        _run_in_one_transaction(conn, lambda cfg: command.upgrade(cfg, revision))
    return backup


def downgrade(engine: Engine, revision: str) -> None:
    with engine.connect() as conn:
        _run_in_one_transaction(conn, lambda cfg: command.downgrade(cfg, revision))


def _run_in_one_transaction(conn: Connection, action) -> None:  # noqa: ANN001
    sqlite = conn.dialect.name == "sqlite"
    if sqlite:
        # Must be set outside a transaction; the driver is in autocommit mode (see database.py).
        conn.connection.dbapi_connection.execute("PRAGMA foreign_keys=OFF")
    try:
        with conn.begin():
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            action(cfg)
            if sqlite:
                problems = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if problems:
                    raise DatabaseError(f"migration would break {len(problems)} foreign key(s), first: {problems[0]}")
    finally:
        if sqlite:
            conn.connection.dbapi_connection.execute("PRAGMA foreign_keys=ON")

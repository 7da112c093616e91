"""Opening an archive database: engine, connection settings, and the session factory.

Any SQLAlchemy URL works (PostgreSQL for a shared archive); a plain path means SQLite.
SQLite is opened in WAL mode with foreign keys on. The pysqlite driver's own transaction
handling is switched off so that SQLAlchemy emits BEGIN itself: DDL becomes transactional
(a failed migration leaves nothing behind) and writers take the lock up front with
BEGIN IMMEDIATE, so two writers queue instead of failing with "database is locked".
"""

from __future__ import annotations

import getpass
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from platformdirs import user_data_path
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import StaticPool

APP_NAME = "ArchDesk"
#: Execution option that makes SQLite begin with BEGIN IMMEDIATE (the write lock up front).
WRITE_OPTION = "archdesk_write"


def default_database_path() -> Path:
    """The archive file in the platform's user data folder."""
    return user_data_path(APP_NAME, appauthor=False) / "archive.db"


def to_url(target: str | Path) -> str:
    """A path becomes an SQLite URL; anything with ``://`` is taken as an SQLAlchemy URL.

    ``:memory:`` (SQLite's own name) means an in-memory archive, not a file of that name.
    """
    text = str(target)
    if "://" in text:
        return text
    if text == ":memory:":
        return "sqlite://"
    return f"sqlite:///{Path(text).expanduser().resolve()}"


def sqlite_file(url: str) -> Path | None:
    """The file behind an SQLite URL, or None for other databases and in-memory SQLite."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def _configure_sqlite(engine: Engine, *, wal: bool) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):  # noqa: ANN001
        dbapi_connection.isolation_level = None  # SQLAlchemy emits BEGIN, see the module docstring
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        if wal:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection):  # noqa: ANN001
        write = connection.get_execution_options().get(WRITE_OPTION, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def make_engine(url: str) -> Engine:
    """An engine for the URL; SQLite files get WAL, foreign keys on and a busy timeout on every connection."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        path = sqlite_file(url)
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        # An in-memory database exists once per connection: share one, or a worker thread sees an empty one.
        pool = {} if path is not None else {"poolclass": StaticPool}
        engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False}, **pool)
        _configure_sqlite(engine, wal=path is not None)
        return engine
    return create_engine(url, pool_pre_ping=True)


@dataclass
class Database:
    """An open archive: the engine plus who is working. Built once at start (see ``open_archive``)."""

    url: str
    engine: Engine
    actor: str = field(default_factory=getpass.getuser)

    def __post_init__(self) -> None:
        self._read = sessionmaker(bind=self.engine, expire_on_commit=False)
        self._write = sessionmaker(bind=self.engine.execution_options(**{WRITE_OPTION: True}), expire_on_commit=False)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def file(self) -> Path | None:
        return sqlite_file(self.url)

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A short read-only session; closed (and rolled back) on exit."""
        session = self._read()
        try:
            yield session
        finally:
            session.rollback()
            session.close()

    def writing_session(self) -> Session:
        return self._write()

    def dispose(self) -> None:
        self.engine.dispose()

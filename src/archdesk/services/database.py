"""Opening an archive database: engine, connection settings, and the session factory.

Any SQLAlchemy URL works (PostgreSQL for a shared archive); a plain path means SQLite.
SQLAlchemy is imported when the first engine is made, not with this module: the window shows its
first page of records before that (see ``startup.py``), so a ``Database`` builds its engine on
first use.
SQLite is opened in WAL mode with foreign keys on. The pysqlite driver's own transaction
handling is switched off so that SQLAlchemy emits BEGIN itself: DDL becomes transactional
(a failed migration leaves nothing behind) and writers take the lock up front with
BEGIN IMMEDIATE, so two writers queue instead of failing with "database is locked".
"""

from __future__ import annotations

import getpass
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy import Connection, Engine
    from sqlalchemy.orm import Session, sessionmaker

APP_NAME = "ArchDesk"
#: How long a connection waits for another program's lock before "database is locked" (seconds).
BUSY_TIMEOUT = 30
#: Execution option that makes SQLite begin with BEGIN IMMEDIATE (the write lock up front).
WRITE_OPTION = "archdesk_write"
#: SQLite VM steps between two calls of the interrupt check, a safety net only (bench/README.md, issue
#: 10): an interrupt sent between the check before a statement and the statement's first step is
#: cleared by SQLite, and this catches it within ~20 ms of the statement's work. Each call takes the
#: GIL, which waits for the GUI thread: every 1,000 steps made the worker's queries wait for painting.
INTERRUPT_STEPS = 1_000_000

# Per thread: is this thread's connection inside a write transaction (BEGIN IMMEDIATE)? Such a
# transaction is never interrupted, whatever the check says. ``_writing_threads`` is the same fact
# readable from another thread (``Database.interrupt_read_on``), changed and read under the lock.
_writing = threading.local()
_writing_threads: set[int] = set()
_writing_lock = threading.Lock()


def default_database_path() -> Path:
    """The archive file in the platform's user data folder."""
    from platformdirs import user_data_path

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
    if not url.startswith("sqlite"):
        return None
    simple = url.removeprefix("sqlite:///")
    if simple != url and not any(char in simple for char in "%?") and simple not in ("", ":memory:"):
        return Path(simple)  # what ``to_url`` makes, read without importing SQLAlchemy
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def _configure_sqlite(engine: Engine, *, wal: bool) -> None:
    from sqlalchemy import event

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:  # noqa: ANN001 - the DB-API driver's own objects
        dbapi_connection.isolation_level = None  # SQLAlchemy emits BEGIN, see the module docstring
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT * 1000)}")
        if wal:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()
        # The attached-text token function, on every connection from the start: SQLite refuses to
        # (re)define a function while a statement is active, and after a DELETE on an FTS5 table one
        # stays active on the connection (seen in search.remove_records, which deletes the catalogue's
        # rows before the attached text's: defining the function there failed).
        from archdesk.services.search_tokens import register_content_grams

        register_content_grams(dbapi_connection)

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        write = connection.get_execution_options().get(WRITE_OPTION, False)
        # Marked before BEGIN IMMEDIATE runs, under the lock an interrupt is sent under: an interrupt
        # either came before (and a statement started with none running clears it) or never comes.
        with _writing_lock:
            _writing.active = write
            if write:
                _writing_threads.add(threading.get_ident())
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    @event.listens_for(engine, "commit")
    @event.listens_for(engine, "rollback")
    def _on_end(_connection: Connection) -> None:
        with _writing_lock:
            _writing.active = False
            _writing_threads.discard(threading.get_ident())


def make_engine(url: str) -> Engine:
    """An engine for the URL; SQLite files get WAL, foreign keys on and a busy timeout on every connection."""
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url
    from sqlalchemy.pool import StaticPool

    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        path = sqlite_file(url)
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        # An in-memory database exists once per connection: share one, or a worker thread sees an empty one.
        pool = {} if path is not None else {"poolclass": StaticPool}
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT, "check_same_thread": False}, **pool)
        _configure_sqlite(engine, wal=path is not None)
        return engine
    return create_engine(url, pool_pre_ping=True)


class Database:
    """An open archive: where it is, who is working, and (made on first use) its engine.

    Built by ``open_archive``. The engine, and with it SQLAlchemy, is created the first time a
    service needs it, on whichever thread that is (a lock makes it once).
    """

    def __init__(self, url: str, engine: Engine | None = None, actor: str | None = None) -> None:
        self.url = url
        self.actor = actor or getpass.getuser()
        self.file = sqlite_file(url)
        self._engine = engine
        self._sessions: tuple[sessionmaker[Session], sessionmaker[Session]] | None = None
        self._lock = threading.Lock()
        self._interrupt: Callable[[], bool] | None = None
        self._in_use: dict[int, object] = {}  # thread id -> the SQLite connection it has checked out
        self._watched = False
        #: Set once the first write found the file sound (``failures.ensure_sound``).
        self.checked_sound = self.file is None
        #: Who holds the archive for writing when this one was opened read-only (``writer_lock.Holder``).
        self.read_only_for: object | None = None

    @property
    def engine(self) -> Engine:
        if self._engine is None or not self._watched:
            with self._lock:
                if self._engine is None:
                    self._engine = make_engine(self.url)
                if not self._watched:
                    self._watched = True
                    if self._engine.dialect.name == "sqlite":
                        from sqlalchemy import event

                        event.listen(self._engine, "checkout", self._on_checkout)
                        event.listen(self._engine, "checkin", self._on_checkin)
                        event.listen(self._engine, "before_cursor_execute", self._before_statement)
        return self._engine

    def interrupt_reads_when(self, check: Callable[[], bool] | None) -> None:
        """Refuse to start a read statement while ``check()`` answers True (SQLite only).

        The GUI's database worker passes "the query running now has been superseded" (``ui/ops.py``):
        a cancelled query stops at its next statement, with SQLite's "interrupted" error (a read
        transaction has nothing to undo), and the statement already running is stopped by
        :meth:`interrupt_read_on`. Never inside a write transaction: BEGIN IMMEDIATE turns the
        check off until it ends.
        """
        self._interrupt = check

    def interrupt_read_on(self, thread_id: int) -> bool:
        """Stop the read statement running now on that thread's connection (SQLite only; from any thread).

        ``sqlite3.Connection.interrupt``: the statement fails with "interrupted" at its next step, and
        SQLite clears the request when the connection next starts a statement with none running, so
        it reaches nothing after the statements running now. Nothing happens when the thread has no
        connection checked out or is inside a write transaction (the check and the interrupt are
        under the lock its BEGIN IMMEDIATE is marked under). The caller makes sure the thread still
        runs the superseded work (``ui/ops.py``). True when an interrupt was sent.

        Not only a progress handler: a Python handler called every few thousand SQLite steps needs the
        GIL each time, so every statement on the worker waited for the GUI thread's painting and layout
        (bench/README.md, issue 10); the handler is now a rare safety net (``INTERRUPT_STEPS``).
        """
        with _writing_lock:
            if thread_id in _writing_threads:
                return False
            connection = self._in_use.get(thread_id)
            if connection is None:
                return False
            connection.interrupt()
            return True

    def _on_checkout(self, dbapi_connection, _record, _proxy) -> None:  # noqa: ANN001
        self._in_use[threading.get_ident()] = dbapi_connection
        # No handler at all when nothing asks (the CLI, the tests' plain services): not even its cost.
        handler = self._progress if self._interrupt is not None else None
        dbapi_connection.set_progress_handler(handler, INTERRUPT_STEPS)

    def _on_checkin(self, dbapi_connection, _record) -> None:  # noqa: ANN001
        for thread_id, connection in list(self._in_use.items()):
            if connection is dbapi_connection:
                self._in_use.pop(thread_id, None)

    def _before_statement(self, *_args: object) -> None:
        """A cancelled read stops at its next statement: the Python work between statements (a page's
        view columns after its ids) does not go on for nobody."""
        self.stop_if_interrupted()

    def stop_if_interrupted(self) -> None:
        """Raise SQLite's "interrupted" error if the read running on this thread has been superseded.

        For a service that runs many short statements on the driver's own cursor (no SQLAlchemy
        event sees them): SQLite forgets an interrupt sent between two of them, so such a loop asks
        here every few statements."""
        if self._progress():
            import sqlite3

            raise sqlite3.OperationalError("interrupted")

    def _progress(self) -> int:
        check = self._interrupt
        if check is None or getattr(_writing, "active", False):
            return 0
        return 1 if check() else 0

    @property
    def engine_started(self) -> bool:
        """True once the engine exists (SQLAlchemy loaded); the start-up path reads without it before."""
        return self._engine is not None

    def _sessionmakers(self) -> tuple[sessionmaker[Session], sessionmaker[Session]]:
        if self._sessions is None:
            from sqlalchemy.orm import sessionmaker

            engine = self.engine
            with self._lock:
                if self._sessions is None:
                    self._sessions = (
                        sessionmaker(bind=engine, expire_on_commit=False),
                        sessionmaker(bind=engine.execution_options(**{WRITE_OPTION: True}), expire_on_commit=False),
                    )
        return self._sessions

    @property
    def is_sqlite(self) -> bool:
        return self.url.startswith("sqlite")

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A short read-only session; closed (and rolled back) on exit."""
        session = self._sessionmakers()[0]()
        try:
            yield session
        finally:
            session.rollback()
            session.close()

    def writing_session(self) -> Session:
        return self._sessionmakers()[1]()

    def dispose(self) -> None:
        if self._engine is not None:
            self._engine.dispose()

    def __repr__(self) -> str:
        return f"Database({self.url!r}, actor={self.actor!r})"

"""Shared test set-up. Qt runs headless: the platform is chosen before anything imports Qt."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The user's own data folder is never the tests': a test (or a child process it starts) that falls
# back to the default archive gets an empty scratch one, not the archivist's real archive.
os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="archdesk-test-data-")

import backends
import pytest

from archdesk.services.archive import open_archive
from archdesk.services.database import Database


@pytest.fixture(scope="session")
def _postgres_template() -> None:
    backends.make_template()


@pytest.fixture(params=backends.BACKENDS)
def archive(request, tmp_path) -> Iterator[Database]:
    """A fresh, seeded archive (at the head revision): a file in the test's temporary folder, and —
    when ``ARCHDESK_TEST_POSTGRES_URL`` is set — a PostgreSQL database of its own (tests/backends.py)."""
    if request.param == "sqlite":
        db = open_archive(tmp_path / "archive.db")
        yield db
        db.dispose()
        return
    request.getfixturevalue("_postgres_template")
    # On PostgreSQL attached files live in a configured shared folder (services/digitisation/storage.py).
    request.getfixturevalue("monkeypatch").setenv("ARCHDESK_FILES", str(tmp_path / "files"))
    url = backends.fresh_database()
    db = open_archive(url)
    try:
        yield db
    finally:
        db.dispose()
        backends.drop_database(url)


def pytest_collection_modifyitems(config, items) -> None:
    """PostgreSQL runs of the service and CLI tests only, and never of a test marked sqlite_only."""
    keep, dropped = [], []
    for item in items:
        callspec = getattr(item, "callspec", None)
        on_postgres = callspec is not None and callspec.params.get("archive") == "postgresql"
        outside = not any(part in str(item.path) for part in backends.BOTH_BACKENDS)
        sqlite_only = item.get_closest_marker("sqlite_only") or "limit_bound_parameters" in item.fixturenames
        if on_postgres and (outside or sqlite_only):
            dropped.append(item)
        else:
            keep.append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = keep


@pytest.fixture
def limit_bound_parameters():
    """``limit(db, n)``: the archive's SQLite connections bind at most ``n`` parameters per statement.

    Builds differ (999 before SQLite 3.32, 32,766 since, 250,000 in Debian's); a test of chunked
    ``IN`` lists sets the smallest so that it fails wherever a statement would.
    """
    import sqlite3

    from sqlalchemy import event

    def limit(db: Database, n: int) -> None:
        event.listen(db.engine, "connect", lambda conn, _record: conn.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, n))
        db.engine.dispose()  # connections made from now on get the limit

    return limit

"""Shared test set-up. Qt runs headless: the platform is chosen before anything imports Qt."""

from __future__ import annotations

import os
from collections.abc import Iterator

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from archdesk.services.archive import open_archive
from archdesk.services.database import Database


@pytest.fixture
def archive(tmp_path) -> Iterator[Database]:
    """A fresh, seeded archive file (at the head revision) in the test's temporary folder."""
    db = open_archive(tmp_path / "archive.db")
    yield db
    db.dispose()


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

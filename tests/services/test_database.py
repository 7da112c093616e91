"""Where the archive lives and how it is opened: WAL and foreign keys on, the default file in the
user data folder, URLs passed through, and a clear error for a file that is not an archive."""

from __future__ import annotations

import sqlite3
import sys
import threading
from pathlib import Path

import pytest
from platformdirs import user_data_path
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError

from archdesk.models import Category
from archdesk.services import migrate
from archdesk.services.archive import open_archive
from archdesk.services.database import default_database_path, sqlite_file, to_url
from archdesk.services.errors import DatabaseError
from archdesk.services.uow import UnitOfWork


@pytest.mark.sqlite_only  # SQLite's own settings and file
def test_a_file_archive_runs_in_wal_mode_with_foreign_keys_on_in_every_session(archive):
    with archive.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    with archive.reading() as session:
        assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1
    with UnitOfWork(archive) as uow:
        assert uow.session.execute(text("PRAGMA foreign_keys")).scalar() == 1


@pytest.mark.sqlite_only  # SQLite's own settings and file
def test_the_schema_refuses_a_record_pointing_at_a_missing_category(archive):
    with UnitOfWork(archive) as uow, pytest.raises(IntegrityError, match="FOREIGN KEY"):
        uow.session.execute(
            text(
                "INSERT INTO category (parent_id, code, name, name_en, arrangement, refcode_pattern, sort_order, active) VALUES (9999, 'XX', 'x', 'x', 'item', 'p', 0, 1)"
            )
        )


def test_the_default_archive_file_is_in_the_user_data_folder():
    assert default_database_path() == user_data_path("ArchDesk", appauthor=False) / "archive.db"


@pytest.mark.skipif(sys.platform != "linux", reason="XDG_DATA_HOME steers platformdirs on Linux only")
def test_opening_without_a_path_creates_the_archive_in_the_user_data_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    db = open_archive()
    assert db.file == tmp_path / "data" / "ArchDesk" / "archive.db"
    assert db.file.exists()
    db.dispose()


def test_a_path_becomes_an_sqlite_url_and_a_url_passes_through(tmp_path):
    assert to_url(tmp_path / "a.db") == f"sqlite:///{(tmp_path / 'a.db').resolve()}"
    assert to_url("~/x.db") == f"sqlite:///{Path.home() / 'x.db'}"
    for url in ("postgresql+psycopg://archivist@db.example/archive", "sqlite:///relative.db", "sqlite://"):
        assert to_url(url) == url
    assert sqlite_file("postgresql+psycopg://archivist@db.example/archive") is None
    assert sqlite_file("sqlite://") is None


def test_opening_an_sqlalchemy_url_uses_it_as_given(tmp_path):
    url = f"sqlite:///{tmp_path / 'by-url.db'}"
    db = open_archive(url)
    assert db.url == url
    assert db.file == tmp_path / "by-url.db"
    assert (tmp_path / "by-url.db").exists()
    db.dispose()


def test_an_in_memory_archive_is_the_same_database_on_every_thread():
    db = open_archive("sqlite://")
    counts: list[int] = []

    def count_categories() -> None:
        with db.reading() as session:
            counts.append(session.scalar(select(func.count()).select_from(Category)))

    worker = threading.Thread(target=count_categories)
    worker.start()
    worker.join()
    assert counts and counts[0] > 0
    db.dispose()


def test_a_text_file_named_db_gives_a_clear_error_naming_the_file(tmp_path):
    path = tmp_path / "minutes.db"
    path.write_text("会议纪要，不是数据库\n", encoding="utf-8")
    with pytest.raises(DatabaseError) as raised:
        open_archive(path)
    assert str(path) in str(raised.value)
    assert "not an ArchDesk archive" in str(raised.value)
    assert path.read_text(encoding="utf-8") == "会议纪要，不是数据库\n"  # left alone


def test_a_damaged_sqlite_file_gives_a_clear_error_naming_the_file(tmp_path):
    path = tmp_path / "damaged.db"
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4096)
    with pytest.raises(DatabaseError, match="damaged.db"):
        open_archive(path)


def test_another_programs_database_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseError, match="other.db: not an ArchDesk archive"):
        open_archive(path)
    conn = sqlite3.connect(path)
    assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")] == ["contacts"]
    conn.close()


def test_an_archive_from_a_newer_archdesk_is_refused(tmp_path):
    path = tmp_path / "newer.db"
    open_archive(path).dispose()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseError, match="newer than this ArchDesk knows"):
        open_archive(path)
    assert list(tmp_path.glob("*.pre-upgrade.db")) == []


def test_a_folder_or_a_missing_file_is_named_in_the_error(tmp_path):
    (tmp_path / "folder.db").mkdir()
    with pytest.raises(DatabaseError, match="folder.db: is a folder"):
        open_archive(tmp_path / "folder.db")
    with pytest.raises(DatabaseError, match="missing.db: no such archive file"):
        open_archive(tmp_path / "missing.db", create=False)


def test_an_empty_file_becomes_a_new_archive(tmp_path):
    path = tmp_path / "empty.db"
    path.touch()
    db = open_archive(path)
    assert migrate.current_revision(db.engine) == migrate.head_revision()
    db.dispose()


def test_memory_means_an_in_memory_archive_not_a_file_of_that_name(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    db = open_archive(":memory:")
    try:
        assert db.file is None
        assert not (tmp_path / ":memory:").exists()
    finally:
        db.dispose()

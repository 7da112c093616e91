"""A revision that fails half-way leaves nothing behind: no new table, no altered table, no changed row."""

from __future__ import annotations

import pytest
from migration_helpers import file_some_records, foreign_keys_enforced, rows_of, schema_of, version_rows
from sqlalchemy import text

from archdesk.services import migrate
from archdesk.services.archive import open_archive
from archdesk.services.errors import DatabaseError

HALF_DONE = """
    op.create_table("scratch", sa.Column("id", sa.Integer(), primary_key=True))
    with op.batch_alter_table("category", recreate="always") as batch_op:
        batch_op.add_column(sa.Column("scope_note", sa.Text(), nullable=True))
    op.execute("UPDATE retention_period SET label = 'changed'")
    op.execute("DELETE FROM box")
    {failure}
"""
RAISES = 'raise RuntimeError("the revision broke half-way")'
# A realistic failure: a statement the data refuses (fonds row 1 already exists).
SQL_FAILS = "op.execute(\"INSERT INTO fonds (id, code, name) VALUES (1, 'Z999', 'duplicate')\")"


def _sqlite_master(engine) -> list[tuple]:
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text("SELECT type, name, sql FROM sqlite_master ORDER BY type, name"))]


def test_a_revision_that_raises_after_ddl_and_updates_rolls_back_whole(archive, scripts):
    file_some_records(archive, 4)
    start_revision = migrate.current_revision(archive.engine)
    tables = ("record", "box", "category", "retention_period")
    rows_before, schema_before, master_before = (
        rows_of(archive.engine, *tables),
        schema_of(archive.engine),
        _sqlite_master(archive.engine),
    )
    scripts.add_revision("9002_half_done", HALF_DONE.format(failure=RAISES))

    with pytest.raises(RuntimeError, match="half-way"):
        migrate.upgrade(archive.engine, sqlite_path=archive.file, script_location=scripts.folder)

    assert version_rows(archive.engine) == [start_revision]
    assert schema_of(archive.engine) == schema_before
    assert _sqlite_master(archive.engine) == master_before  # no scratch table, no _alembic_tmp_ leftovers
    assert rows_of(archive.engine, *tables) == rows_before
    assert foreign_keys_enforced(archive.engine)


def test_opening_an_archive_whose_upgrade_fails_names_the_file_and_keeps_it_as_it_was(tmp_path, scripts, monkeypatch):
    path = tmp_path / "office.db"
    db = open_archive(path)
    file_some_records(db, 2)
    rows_before = rows_of(db.engine, "record", "box", "retention_period")
    db.dispose()
    scripts.add_revision("9002_half_done", HALF_DONE.format(failure=SQL_FAILS))
    monkeypatch.setattr(migrate, "migrations_dir", lambda: scripts.folder)

    with pytest.raises(DatabaseError, match="office.db") as raised:
        open_archive(path)

    assert "UNIQUE constraint failed" in str(raised.value)
    monkeypatch.undo()
    db = open_archive(path)  # the shipped head: the archive opens as before
    assert rows_of(db.engine, "record", "box", "retention_period") == rows_before
    assert "scratch" not in schema_of(db.engine)
    db.dispose()
    # The copy taken before the attempt is still there for the archivist.
    assert len(list(tmp_path.glob("office.*.pre-upgrade.db"))) == 1

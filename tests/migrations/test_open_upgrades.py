"""Opening an archive made by an older ArchDesk upgrades it, after copying the file beside it."""

from __future__ import annotations

import sqlite3

from migration_helpers import file_some_records, rows_of, version_rows

from archdesk.services import migrate
from archdesk.services.archive import open_archive

ADD_SHELF_NOTE = """
    with op.batch_alter_table("location") as batch_op:
        batch_op.add_column(sa.Column("shelf_note", sa.Text(), nullable=True))
"""


def test_opening_an_older_archive_upgrades_it_and_leaves_a_timestamped_backup_with_the_old_data(
    tmp_path, scripts, monkeypatch
):
    path = tmp_path / "office.db"
    old = open_archive(path)  # at the shipped head, which the "new version" below is one revision past
    old_revision = migrate.current_revision(old.engine)
    file_some_records(old, 3)
    old_rows = rows_of(old.engine, "record", "box")
    old.dispose()
    new_revision = scripts.add_revision("9003_shelf_note", ADD_SHELF_NOTE)
    monkeypatch.setattr(migrate, "migrations_dir", lambda: scripts.folder)

    db = open_archive(path)

    assert version_rows(db.engine) == [new_revision]
    assert rows_of(db.engine, "record", "box") == old_rows
    db.dispose()
    backups = list(tmp_path.glob("office.*.pre-upgrade.db"))
    assert len(backups) == 1
    stamp = backups[0].name.split(".")[1]  # office.<YYYYmmdd-HHMMSS-micro>.pre-upgrade.db
    assert stamp[:8].isdigit() and stamp[8] == "-"
    copy = sqlite3.connect(backups[0])
    try:
        assert copy.execute("SELECT version_num FROM alembic_version").fetchall() == [(old_revision,)]
        assert copy.execute("SELECT count(*) FROM record").fetchone() == (3,)
        assert "shelf_note" not in {row[1] for row in copy.execute("PRAGMA table_info(location)")}
    finally:
        copy.close()


def test_opening_an_up_to_date_archive_makes_no_backup(tmp_path):
    path = tmp_path / "office.db"
    open_archive(path).dispose()
    db = open_archive(path)
    db.dispose()
    # Beside the archive only the audit chain's head (services/audit_chain.py), no backup.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["office.db", "office.db.audit-head"]


def test_a_new_archive_is_not_backed_up_before_its_first_migration(tmp_path):
    open_archive(tmp_path / "new.db").dispose()
    assert [p.name for p in tmp_path.iterdir() if "pre-upgrade" in p.name] == []

"""Backups are consistent copies with the audit chain's head beside them; a restore verifies first and
keeps the current archive aside; a killed backup leaves the archive as it was and no backup file."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import textwrap
from contextlib import closing
from datetime import date, timedelta
from pathlib import Path

import pytest

from archdesk.models import Attachment
from archdesk.services import audit_chain, backup
from archdesk.services.archive import open_archive
from archdesk.services.catalogue import RecordInput, create_record, update_record
from archdesk.services.errors import ArchDeskError, DatabaseError
from archdesk.services.integrity import check_archive
from archdesk.services.uow import UnitOfWork

pytestmark = pytest.mark.sqlite_only  # backups are of the archive file


def _titles(path: Path) -> list[str]:
    with closing(sqlite3.connect(path)) as conn:
        return [title for (title,) in conn.execute("SELECT title FROM record ORDER BY id")]


def _record(db, title: str = "第1次办公会议纪要"):
    return create_record(db, RecordInput(title=title, category="WS", year=2023, retention="D30"))


def test_a_backup_restored_brings_the_archive_back_and_keeps_the_current_one_aside(archive):
    record = _record(archive)
    taken = backup.backup(archive.file)
    update_record(archive, record.id, title="后来改的题名")
    _record(archive, "后来加的记录")
    archive.dispose()

    kept = backup.restore(archive.file, taken.path)

    assert _titles(archive.file) == ["第1次办公会议纪要"]
    assert _titles(kept) == ["后来改的题名", "后来加的记录"]
    assert audit_chain.read_head(kept) is not None
    reopened = open_archive(archive.file)
    try:
        assert check_archive(reopened).clean
    finally:
        reopened.dispose()


def test_a_backup_is_one_snapshot_while_another_program_writes(archive, tmp_path):
    _record(archive)
    writer = sqlite3.connect(archive.file, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("UPDATE record SET title = '未提交的修改'")
    try:
        taken = backup.backup(archive.file, tmp_path / "copy.db")
    finally:
        writer.execute("ROLLBACK")
        writer.close()

    assert _titles(taken.path) == ["第1次办公会议纪要"]
    assert backup.verify(taken.path).sound
    assert audit_chain.read_head(taken.path) == audit_chain.read_head(archive.file)
    assert not list(tmp_path.glob("copy.db-*"))  # one self-contained file


def test_the_attachment_manifest_goes_beside_a_backup_when_there_are_attachments(archive, tmp_path):
    record = _record(archive)
    assert not Path(f"{backup.backup(archive.file, tmp_path / 'a.db').path}{backup.MANIFEST_SUFFIX}").exists()
    with UnitOfWork(archive) as uow:
        uow.session.add(
            Attachment(record_id=record.id, file_name="纪要.pdf", stored_path="scans/1.pdf", size_bytes=10, sha256="ab")
        )
        uow.audit("create", "attachment", None, "纪要.pdf")
        uow.commit()

    taken = backup.backup(archive.file, tmp_path / "b.db")

    manifest = json.loads(Path(f"{taken.path}{backup.MANIFEST_SUFFIX}").read_text(encoding="utf-8"))
    assert manifest == [
        {"record_id": record.id, "file_name": "纪要.pdf", "stored_path": "scans/1.pdf", "size": 10, "sha256": "ab"}
    ]
    assert taken.attachments == 1


def _tampered_copy(archive, tmp_path: Path) -> Path:
    taken = backup.backup(archive.file, tmp_path / "tampered.db").path
    with closing(sqlite3.connect(taken)) as conn, conn:
        triggers = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall()
        for name, _sql in triggers:
            conn.execute(f"DROP TRIGGER {name}")
        conn.execute("UPDATE audit_event SET actor = '别人' WHERE id = 2")
        for _name, sql in triggers:  # and the triggers back, to cover the tracks
            conn.execute(sql)
    return taken


def _damaged_copy(archive, tmp_path: Path) -> Path:
    taken = backup.backup(archive.file, tmp_path / "damaged.db").path
    with closing(sqlite3.connect(taken)) as conn:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        (root,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'record'").fetchone()
    with taken.open("r+b") as handle:
        handle.seek((root - 1) * page_size + 12)
        handle.write(b"\xa5" * (page_size - 12))
    return taken


def _unknown_revision_copy(archive, tmp_path: Path) -> Path:
    taken = backup.backup(archive.file, tmp_path / "newer.db").path
    with closing(sqlite3.connect(taken)) as conn, conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    return taken


@pytest.mark.parametrize(
    ("spoil", "problem"),
    [
        (_tampered_copy, "audit event #2 (create record 1): its content or its record seals were changed"),
        (_damaged_copy, "integrity check: "),
        (_unknown_revision_copy, "schema revision 9999_from_the_future is unknown to this ArchDesk"),
    ],
)
def test_a_backup_that_fails_verification_is_not_restored_and_nothing_changes(archive, tmp_path, spoil, problem):
    _record(archive)
    _record(archive, "第2次办公会议纪要")
    spoilt = spoil(archive, tmp_path)
    archive.dispose()
    before = archive.file.read_bytes()

    with pytest.raises(ArchDeskError) as refused:
        backup.restore(archive.file, spoilt)

    assert f"{spoilt}: not restored, the backup failed its verification ({problem}" in str(refused.value)
    assert archive.file.read_bytes() == before
    assert not list(tmp_path.glob("*.before-restore.db"))


def test_the_daily_backup_is_taken_once_a_day_and_keeps_the_newest_n(archive):
    first = backup.daily_backup(archive.file, keep=2)
    assert first is not None
    assert backup.daily_backup(archive.file, keep=2) is None  # already one today
    later = [backup.daily_backup(archive.file, keep=2, today=date.today() + timedelta(days=n)) for n in (1, 2)]

    assert all(result is not None for result in later)
    assert len(backup.list_backups(archive.file)) == 2
    assert not first.path.exists() and not audit_chain.head_file(first.path).exists()


def test_a_postgresql_archive_is_not_backed_up_by_file():
    with pytest.raises(DatabaseError, match="pg_dump"):
        backup.backup(None)


def test_a_killed_backup_leaves_the_archive_as_it_was_and_no_backup(archive, tmp_path):
    from archdesk.services.demo import add_demo_data

    add_demo_data(archive, records=3000)
    target = tmp_path / "backups" / "killed.db"
    script = textwrap.dedent(
        f"""
        import time
        from pathlib import Path
        from archdesk.services import backup
        def progress(done, total):
            if done:
                print("copying", flush=True)
                time.sleep(60)
            return True
        backup._PAGES_PER_STEP = 16
        backup.backup(Path({str(archive.file)!r}), Path({str(target)!r}), progress=progress)
        """
    )
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "copying"
        child.send_signal(signal.SIGKILL)
    finally:
        child.wait()

    assert not target.exists()
    assert check_archive(archive).clean
    [part] = target.parent.glob(".*.part")  # what SIGKILL leaves, removed by the next backup
    backup.backup(archive.file, target)
    assert not part.exists() and backup.verify(target).sound

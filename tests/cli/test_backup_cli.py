"""`archdesk backup` and `archdesk restore`: one line each, in the user's language."""

from __future__ import annotations

import sqlite3
from contextlib import closing

from archdesk.cli import main
from archdesk.services import backup
from archdesk.services.archive import open_archive
from archdesk.services.catalogue import RecordInput, create_record


def _archive(path, title: str = "第1次办公会议纪要"):
    db = open_archive(path)
    create_record(db, RecordInput(title=title, category="WS", year=2023, retention="D30"))
    db.dispose()


def test_backup_then_restore_round_trip_from_the_command_line(tmp_path, capsys):
    path = tmp_path / "office.db"
    _archive(path)

    assert main(["--lang", "en", "backup", "--db", str(path)]) == 0
    [copy] = backup.list_backups(path)
    assert capsys.readouterr().out.startswith(f"backed up to {copy} (")
    db = open_archive(path)
    create_record(db, RecordInput(title="后来加的", category="WS", year=2023, retention="D30"))
    db.dispose()

    assert main(["--lang", "zh_CN", "restore", str(copy), "--db", str(path)]) == 0

    out = capsys.readouterr().out
    assert out.startswith(f"已从 {copy} 恢复 {path}；原档案库保留为 ")
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("SELECT count(*) FROM record").fetchone() == (1,)
    assert main(["check", "--db", str(path)]) == 0


def test_backup_out_writes_where_it_is_told(tmp_path, capsys):
    path = tmp_path / "office.db"
    _archive(path)
    out = tmp_path / "U盘" / "档案备份.db"

    assert main(["--lang", "en", "backup", "--db", str(path), "--out", str(out)]) == 0

    assert capsys.readouterr().out.startswith(f"backed up to {out} (")
    assert backup.verify(out).sound


def test_restoring_something_that_is_not_an_archive_is_refused_in_one_line(tmp_path, capsys):
    path = tmp_path / "office.db"
    _archive(path)
    bogus = tmp_path / "notes.db"
    bogus.write_text("not a database")
    before = path.read_bytes()

    assert main(["--lang", "en", "restore", str(bogus), "--db", str(path)]) == 1

    assert capsys.readouterr().err == (
        f"archdesk: {bogus}: not restored, the backup failed its verification (not an SQLite database); "
        "nothing was changed\n"
    )
    assert path.read_bytes() == before


def test_an_archive_open_in_archdesk_is_not_restored_over(tmp_path, capsys):
    from archdesk.services import writer_lock

    path = tmp_path / "office.db"
    _archive(path)
    assert main(["backup", "--db", str(path)]) == 0
    [copy] = backup.list_backups(path)
    held = writer_lock.acquire(path, "张三")
    before = path.read_bytes()
    try:
        status = main(["--lang", "en", "restore", str(copy), "--db", str(path)])
    finally:
        held.release()

    assert status == 1
    err = capsys.readouterr().err
    assert err.startswith(f"archdesk: {path}: open in ArchDesk for 张三 on ") and err.endswith(
        "; close it there first\n"
    )
    assert path.read_bytes() == before

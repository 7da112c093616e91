"""Every failure a user can meet at the command line is one line in the user's language, a non-zero
exit, and an archive left exactly as it was — never a traceback."""

from __future__ import annotations

import csv
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import event

from archdesk.cli import main
from archdesk.services import database
from archdesk.services.archive import open_archive
from archdesk.services.catalogue import RecordInput, create_record


def _archive(path: Path, count: int = 3) -> Path:
    db = open_archive(path)
    for n in range(1, count + 1):
        create_record(db, RecordInput(title=f"第{n}次办公会议纪要", category="WS", year=2023, retention="D30"))
    db.dispose()
    return path


def _contents(path: Path) -> tuple:
    """What a user would call the archive's content: its records, audit trail and schema version."""
    with closing(sqlite3.connect(path)) as conn:
        return (
            conn.execute("SELECT id, reference_code, title, status FROM record ORDER BY id").fetchall(),
            conn.execute("SELECT id, hash FROM audit_event ORDER BY id").fetchall(),
            conn.execute("SELECT count(*) FROM audit_seal").fetchone(),
            conn.execute("SELECT version_num FROM alembic_version").fetchall(),
        )


def _sheet(folder: Path, rows: int = 5) -> Path:
    path = folder / "办公室移交.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["题名", "年度", "保管期限"])
        writer.writerows([[f"关于第{n}批设备采购的请示" + "（附件）" * 40, 2022, "D30"] for n in range(rows)])
    return path


def _one_line(capsys) -> str:
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1, captured.err
    assert "Traceback" not in captured.err
    return lines[0]


def _on_every_connection(monkeypatch, statement: str) -> None:
    """Run ``statement`` on each new SQLite connection of the archive (a full disk, a read-only file)."""
    make_engine = database.make_engine

    def patched(url: str):
        engine = make_engine(url)
        event.listen(engine, "connect", lambda conn, _record: conn.execute(statement))
        return engine

    monkeypatch.setattr(database, "make_engine", patched)
    monkeypatch.setattr("archdesk.services.archive.make_engine", patched)


def test_a_full_disk_during_an_import_is_one_line_and_imports_nothing(tmp_path, monkeypatch, capsys):
    path = _archive(tmp_path / "office.db")
    before = _contents(path)
    pages = sqlite3.connect(path).execute("PRAGMA page_count").fetchone()[0]
    _on_every_connection(monkeypatch, f"PRAGMA max_page_count = {pages + 2}")

    status = main(["--lang", "en", "import", str(_sheet(tmp_path, 400)), "--db", str(path), "--department", "BGS"])

    assert status == 1
    assert _one_line(capsys) == f"archdesk: {path}: the disk is full; nothing was saved (free some space and try again)"
    assert _contents(path) == before


def test_an_archive_locked_past_the_busy_timeout_is_one_line_in_chinese(tmp_path, monkeypatch, capsys):
    path = _archive(tmp_path / "office.db")
    before = _contents(path)
    monkeypatch.setattr(database, "BUSY_TIMEOUT", 0.2)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program writing, and not letting go
    try:
        status = main(["--lang", "zh_CN", "import", str(_sheet(tmp_path)), "--db", str(path), "--department", "BGS"])
    finally:
        other.execute("ROLLBACK")
        other.close()

    assert status == 1
    assert (
        _one_line(capsys) == f"archdesk: {path}：档案库正被其他程序使用并一直处于锁定状态，未保存任何内容（请稍后重试）"
    )
    assert _contents(path) == before


def test_a_read_only_archive_is_one_line(tmp_path, monkeypatch, capsys):
    # As root a file mode does not stop a write; SQLite's query_only fails the same way a read-only file does.
    path = _archive(tmp_path / "office.db")
    before = _contents(path)
    _on_every_connection(monkeypatch, "PRAGMA query_only = ON")

    status = main(["--lang", "en", "import", str(_sheet(tmp_path)), "--db", str(path), "--department", "BGS"])

    assert status == 1
    assert _one_line(capsys) == f"archdesk: {path}: the archive file or its folder is read-only; nothing was saved"
    assert _contents(path) == before


def _damage_the_middle(path: Path) -> None:
    """Garbage over the record table's root page, as a failing disk sector would leave it."""
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        (root,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'record'").fetchone()
    with path.open("r+b") as handle:
        handle.seek((root - 1) * page_size + 12)
        handle.write(b"\xa5" * (page_size - 12))


@pytest.fixture
def damaged(tmp_path) -> Path:
    from archdesk.services.demo import add_demo_data

    path = tmp_path / "office.db"
    db = open_archive(path)
    add_demo_data(db, records=3000)
    db.dispose()
    _damage_the_middle(path)
    return path


def test_an_import_into_a_damaged_archive_is_refused(damaged, tmp_path, capsys):
    with damaged.open("rb") as handle:
        before = handle.read()

    status = main(["--lang", "en", "import", str(_sheet(tmp_path)), "--db", str(damaged), "--department", "BGS"])

    assert status == 1
    line = _one_line(capsys)
    assert line.startswith(f"archdesk: {damaged}: the archive file is damaged (")
    assert line.endswith("); nothing was changed — restore it from a backup")
    with damaged.open("rb") as handle:
        assert handle.read() == before


def test_an_export_from_a_damaged_archive_is_one_line(damaged, tmp_path, capsys):
    status = main(["--lang", "en", "export", "register", "--db", str(damaged), "--out", str(tmp_path / "r.xlsx")])

    assert status == 1
    assert _one_line(capsys).startswith(f"archdesk: {damaged}: the archive file is damaged (")
    assert not (tmp_path / "r.xlsx").exists()


def test_two_schema_versions_are_one_line_and_check_names_them(tmp_path, capsys):
    path = _archive(tmp_path / "office.db")
    with closing(sqlite3.connect(path)) as conn, conn:
        conn.execute("INSERT INTO alembic_version VALUES ('0002_search_index')")
    before = _contents(path)

    assert main(["--lang", "en", "search", "会议", "--db", str(path)]) == 1
    assert _one_line(capsys) == (
        f"archdesk: {path}: the archive names 2 schema versions at once; it was changed outside ArchDesk"
    )
    assert main(["check", "--db", str(path)]) == 1
    assert "alembic_version: 2 schema versions at once" in capsys.readouterr().out
    assert _contents(path) == before


def test_an_input_file_without_read_permission_is_one_line(tmp_path, monkeypatch, capsys):
    path = _archive(tmp_path / "office.db")
    before = _contents(path)
    sheet = _sheet(tmp_path)
    real_open = Path.open

    def refuse(self, *args, **kwargs):
        # chmod 000 does not stop root (CI); the import meets the same PermissionError either way.
        if self == sheet:
            raise PermissionError(13, "Permission denied", str(sheet))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refuse)
    monkeypatch.setattr("builtins.open", lambda file, *a, **k: refuse(Path(file), *a, **k))

    status = main(["--lang", "en", "import", str(sheet), "--db", str(path), "--department", "BGS"])

    assert status == 2
    assert _one_line(capsys) == f"archdesk: {sheet}: permission denied"
    assert _contents(path) == before


def test_a_utf16_csv_with_a_lone_surrogate_is_one_line_naming_the_file(tmp_path, capsys):
    path = _archive(tmp_path / "office.db")
    before = _contents(path)
    sheet = tmp_path / "utf16.csv"
    sheet.write_bytes("题名,年度,保管期限\n会议\ud800纪要,2023,D30\n".encode("utf-16", "surrogatepass"))

    status = main(["--lang", "en", "import", str(sheet), "--db", str(path), "--department", "BGS"])

    assert status == 2
    line = _one_line(capsys)
    assert line.startswith(f"archdesk: {sheet}: not readable as text (")
    assert _contents(path) == before


def test_invalid_utf8_in_an_argument_is_one_line(tmp_path, capsys):
    path = _archive(tmp_path / "office.db")
    before = _contents(path)
    argument = b"\xff\xfe\xe4\xbc".decode("utf-8", "surrogateescape")  # what Python makes of such bytes

    status = main(["--lang", "en", "search", argument, "--db", str(path)])

    assert status == 2
    assert _one_line(capsys) == "archdesk: command-line argument 4 is not valid UTF-8 text"
    assert _contents(path) == before


def test_rejects_out_into_an_unwritable_folder_is_refused_before_anything_is_imported(tmp_path, capsys):
    path = _archive(tmp_path / "office.db")
    before = _contents(path)
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder")
    folder = blocker / "slips"  # cannot be made, whoever runs it (root included)

    status = main(
        ["--lang", "en", "import", str(_sheet(tmp_path)), "--db", str(path), "--department", "BGS"]
        + ["--rejects-out", str(folder)]
    )

    assert status == 1
    assert (
        _one_line(capsys)
        == f"archdesk: {folder}: cannot write into this folder (Not a directory); nothing was imported"
    )
    assert _contents(path) == before


@pytest.mark.parametrize("command", [["search", "会议"], ["export", "register", "--out", "x.xlsx"], ["check"]])
def test_a_read_command_given_an_empty_file_says_it_is_not_an_archive_and_keeps_it_empty(
    tmp_path, monkeypatch, capsys, command
):
    monkeypatch.chdir(tmp_path)
    empty = tmp_path / "empty.db"
    empty.touch()

    status = main(["--lang", "en", *command, "--db", str(empty)])

    assert status == 1
    assert _one_line(capsys) == f"archdesk: {empty}: not an ArchDesk archive (an empty file); nothing was created"
    assert empty.stat().st_size == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.db"]

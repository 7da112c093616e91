"""File › Restore from backup…: the chosen backup is verified on the worker, the current file is kept
aside and the window reopens on the restored archive; an unsound backup is refused in one line."""

from __future__ import annotations

import sqlite3
from contextlib import closing

from PySide6.QtWidgets import QFileDialog, QMessageBox

from archdesk.services import backup
from archdesk.services.archive import open_archive
from archdesk.services.catalogue import RecordInput, create_record
from archdesk.ui import app
from archdesk.ui.app import wait_until_idle
from archdesk.ui.settings import Settings


def _titles(path) -> list[str]:
    with closing(sqlite3.connect(path)) as conn:
        return [title for (title,) in conn.execute("SELECT title FROM record ORDER BY id")]


def _minute(db, title: str) -> None:
    create_record(db, RecordInput(title=title, category="WS", year=2023, retention="D30", department="BGS"))


def _started(qtbot, tmp_path):
    settings = Settings(tmp_path / "settings.ini")
    settings.operator_name = "王档案"
    launcher = app._Launcher(settings, english=True)
    assert launcher.start(str(tmp_path / "office.db"))
    assert wait_until_idle(launcher.window, 10_000)
    return launcher


def _choose_in_the_menu(window, monkeypatch, chosen) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(chosen), ""))
    [action] = [a for a in window.file_menu.actions() if a.text() == "&Restore from backup…"]
    action.trigger()


def test_restoring_a_backup_keeps_the_current_file_aside_and_reopens_on_the_backup(qtbot, tmp_path, monkeypatch):
    path = tmp_path / "office.db"
    db = open_archive(path)
    _minute(db, "第1次办公会议纪要")
    db.dispose()
    taken = backup.backup(path, tmp_path / "before.db")
    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda parent, title, text, *a: asked.append(text) or QMessageBox.StandardButton.Yes
    )
    launcher = _started(qtbot, tmp_path)
    try:
        _minute(launcher.window.db, "第2次办公会议纪要（备份之后）")
        first = launcher.window

        _choose_in_the_menu(first, monkeypatch, taken.path)
        qtbot.waitUntil(lambda: launcher.window is not first, timeout=30_000)
        window = launcher.window
        qtbot.addWidget(window)

        assert asked[0].startswith("The backup before.db is sound. Restore it in place of office.db?")
        assert _titles(path) == ["第1次办公会议纪要"]
        [kept] = tmp_path.glob("office.*.before-restore.db")
        assert _titles(kept) == ["第1次办公会议纪要", "第2次办公会议纪要（备份之后）"]
        assert window.statusBar().currentMessage() == (
            f"restored office.db from before.db; the archive as it was is kept as {kept.name}"
        )
        assert window.db.file == path and window.isVisible()
        assert wait_until_idle(window, 10_000)
    finally:
        launcher.window.ops.shutdown()
        launcher.lock.release()


def test_a_backup_that_fails_its_verification_is_refused_in_one_line(qtbot, tmp_path, monkeypatch):
    bad = tmp_path / "broken.db"
    bad.write_bytes(b"not a database at all, only text" * 100)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append(text))
    launcher = _started(qtbot, tmp_path)
    try:
        window = launcher.window
        qtbot.addWidget(window)
        _minute(window.db, "第1次办公会议纪要")

        _choose_in_the_menu(window, monkeypatch, bad)
        qtbot.waitUntil(lambda: bool(shown), timeout=30_000)

        assert shown == [
            "broken.db: not restored, the backup failed its verification (not an SQLite database); nothing was changed"
        ]
        assert launcher.window is window and window.isVisible()
        assert _titles(tmp_path / "office.db") == ["第1次办公会议纪要"]
        assert not list(tmp_path.glob("*.before-restore.db"))
    finally:
        launcher.window.ops.shutdown()
        launcher.lock.release()

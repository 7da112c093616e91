"""Nothing heavy on the GUI thread: opening (or upgrading) an archive, and the settings dialog's
reads and writes, run on other threads while the window keeps handling events."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QProgressDialog

from archdesk.services import codes
from archdesk.services.archive import open_archive
from archdesk.services.errors import DatabaseError
from archdesk.ui.app import open_off_the_gui_thread
from archdesk.ui.ops import Ops
from archdesk.ui.settings import Settings
from archdesk.ui.settings_dialog import SettingsDialog


def _watch_events() -> tuple[QTimer, list[bool]]:
    """A timer on the GUI thread that notes, each time it fires, whether a busy indicator is shown."""
    seen: list[bool] = []
    timer = QTimer()
    timer.timeout.connect(
        lambda: seen.append(
            any(isinstance(w, QProgressDialog) and w.isVisible() for w in QApplication.topLevelWidgets())
        )
    )
    timer.start(10)
    return timer, seen


def test_a_long_open_runs_on_its_own_thread_with_a_busy_indicator(qtbot, tmp_path):
    threads: list[threading.Thread] = []

    def slow_open(target, **options):
        threads.append(threading.current_thread())
        time.sleep(1.0)
        return open_archive(target, **options)

    timer, seen = _watch_events()
    db = open_off_the_gui_thread(slow_open, tmp_path / "archive.db")
    timer.stop()
    try:
        assert threads and threads[0] is not threading.main_thread()
        assert any(seen), "the GUI thread handled no events, or showed no busy indicator, while opening"
        assert codes.code_tables(db).fonds  # opened and seeded
        assert not any(isinstance(w, QProgressDialog) and w.isVisible() for w in QApplication.topLevelWidgets())
    finally:
        db.dispose()


def test_an_open_that_fails_raises_its_error_on_the_gui_thread(qtbot, tmp_path):
    not_an_archive = tmp_path / "notes.db"
    not_an_archive.write_bytes(b"this is not a database" * 100)
    with pytest.raises(DatabaseError):
        open_off_the_gui_thread(open_archive, not_an_archive)


def test_settings_ok_saves_on_the_worker_and_closes_when_saved(qtbot, archive, tmp_path, monkeypatch):
    ops = Ops(archive)
    saved_on: list[threading.Thread] = []
    real_save = codes.save_archive_settings

    def save(db, **kwargs):
        saved_on.append(threading.current_thread())
        return real_save(db, **kwargs)

    monkeypatch.setattr(codes, "save_archive_settings", save)
    dialog = SettingsDialog(archive, Settings(tmp_path / "ArchDesk.ini"), tables=codes.code_tables(archive), ops=ops)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.general.fonds_name.clear()
    qtbot.keyClicks(dialog.general.fonds_name, "City Archives")  # QTest types ASCII keys only
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result() == SettingsDialog.DialogCode.Accepted, timeout=10_000)
    ops.shutdown()

    assert saved_on and saved_on[0] is not threading.main_thread()
    assert codes.code_tables(archive).fonds[0].name == "City Archives"
    assert ok.isEnabled()  # not left busy


def test_the_main_window_runs_no_sql_on_the_gui_thread(qtbot, archive, open_main_window, monkeypatch):
    """Every statement of start-up, the docks, a search, a tree click, scrolling and Settings runs on a
    worker thread: a statement on the GUI thread fails the test, naming it."""
    from sqlalchemy import event

    from archdesk.services.demo import add_demo_data
    from archdesk.ui.app import wait_until_idle

    add_demo_data(archive, 1200)
    on_gui_thread: list[str] = []

    def watch(_conn, _cursor, statement, *_args) -> None:
        if threading.current_thread() is threading.main_thread():
            on_gui_thread.append(statement.split("\n")[0][:80])

    event.listen(archive.engine, "before_cursor_execute", watch)
    opened: list[SettingsDialog] = []
    monkeypatch.setattr(SettingsDialog, "exec", lambda dialog: opened.append(dialog) or 0)
    window = open_main_window(archive)
    qtbot.keyClicks(window.filter_bar.search, "2019")
    qtbot.waitUntil(lambda: window.records.filter.text == "2019", timeout=10_000)
    assert wait_until_idle(window, 10_000)
    tree = window.tree_dock.tree
    node = tree.topLevelItem(0).child(0)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(node).center())
    assert wait_until_idle(window, 10_000)
    window.table.scrollToBottom()
    assert wait_until_idle(window, 10_000)
    window.settings_action.trigger()
    qtbot.waitUntil(lambda: bool(opened), timeout=10_000)
    event.remove(archive.engine, "before_cursor_execute", watch)
    assert on_gui_thread == []

"""Opening an archive another ArchDesk has open: the user is told who has it and chooses read-only."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from archdesk.services import writer_lock
from archdesk.services.archive import open_archive
from archdesk.ui import app
from archdesk.ui.settings import Settings


def _launcher(tmp_path):
    settings = Settings(tmp_path / "settings.ini")
    settings.operator_name = "李四"
    return app._Launcher(settings, english=True)


def test_a_held_archive_is_offered_read_only_and_opens_so(qtbot, tmp_path, monkeypatch):
    path = tmp_path / "office.db"
    open_archive(path).dispose()
    other = writer_lock.acquire(path, "张三")
    asked: list[str] = []

    def answer(parent, title, text, *args):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    launcher = _launcher(tmp_path)
    try:
        assert launcher.start(str(path))
        window = launcher.window
        qtbot.addWidget(window)
        assert asked[0].startswith("office.db is open in ArchDesk for 张三 on ")
        assert window.windowTitle() == "ArchDesk — office.db (read-only)"
        assert window.db.read_only_for.operator == "张三"
        assert launcher.lock is None
    finally:
        launcher.window.ops.shutdown()
        other.release()


def test_saying_no_goes_back_to_the_welcome_screen(qtbot, tmp_path, monkeypatch):
    path = tmp_path / "office.db"
    open_archive(path).dispose()
    other = writer_lock.acquire(path, "张三")
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.No)
    monkeypatch.setattr("archdesk.ui.welcome.choose", lambda parent, settings: None)  # the user quits there

    try:
        assert _launcher(tmp_path).start(str(path)) is False
    finally:
        other.release()


def test_a_free_archive_is_taken_for_writing(qtbot, tmp_path):
    path = tmp_path / "office.db"
    launcher = _launcher(tmp_path)
    try:
        assert launcher.start(str(path))
        qtbot.addWidget(launcher.window)
        assert launcher.lock is not None and launcher.lock.held
        assert writer_lock.read_holder(path).operator == "李四"
        assert isinstance(writer_lock.acquire(path, "张三"), writer_lock.Holder)
    finally:
        launcher.window.ops.shutdown()
        launcher.lock.release()


def test_the_archivists_name_is_asked_at_first_start_and_goes_into_the_audit_log(qtbot, tmp_path, monkeypatch):
    import sqlite3
    from contextlib import closing

    from PySide6.QtWidgets import QInputDialog

    from archdesk.services.catalogue import RecordInput, create_record

    asked: list[str] = []
    monkeypatch.setattr(
        QInputDialog, "getText", lambda parent, title, label: asked.append(title) or ("  王档案  ", True)
    )
    settings = Settings(tmp_path / "settings.ini")
    launcher = app._Launcher(settings, english=True)
    path = tmp_path / "office.db"
    try:
        assert launcher.start(str(path))
        qtbot.addWidget(launcher.window)
        create_record(launcher.window.db, RecordInput(title="会议纪要", category="WS", year=2023, retention="D30"))
    finally:
        launcher.window.ops.shutdown()
        launcher.lock.release()

    assert asked == ["Who is working?"]
    assert settings.operator_name == "王档案"
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("SELECT actor FROM audit_event ORDER BY id DESC LIMIT 1").fetchone() == ("王档案",)
    # Asked once: the next start does not ask again.
    app._Launcher(settings, english=True)._ask_operator_once()
    assert asked == ["Who is working?"]

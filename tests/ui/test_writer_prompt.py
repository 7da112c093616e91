"""Opening an archive another ArchDesk has open: the user is told who has it and chooses read-only."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from archdesk.services import writer_lock
from archdesk.services.archive import open_archive
from archdesk.ui import app
from archdesk.ui.settings import Settings


def _launcher(tmp_path):  # noqa: ANN001, ANN202
    settings = Settings(tmp_path / "settings.ini")
    settings.operator_name = "李四"
    return app._Launcher(settings, english=True)


def test_a_held_archive_is_offered_read_only_and_opens_so(qtbot, tmp_path, monkeypatch):
    path = tmp_path / "office.db"
    open_archive(path).dispose()
    other = writer_lock.acquire(path, "张三")
    asked: list[str] = []

    def answer(parent, title, text, *args):  # noqa: ANN001, ANN002, ANN202
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

"""The optional password lock: set in Settings › Security (tests/ui/test_settings_security.py), asked at start and after idle time."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from archdesk.services.passlock import hash_password
from archdesk.ui import app
from archdesk.ui.lock_screen import IdleLock, LockDialog
from archdesk.ui.settings import Settings


def test_the_lock_dialog_refuses_a_wrong_password_and_opens_for_the_right_one(qtbot, tmp_path):
    settings = Settings(tmp_path / "settings.ini")
    settings.password_hash = hash_password("door-2026", iterations=1000)
    dialog = LockDialog(settings)
    qtbot.addWidget(dialog)
    dialog.show()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)

    qtbot.keyClicks(dialog.password, "wrong")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.problem.text() == "Wrong password." and dialog.result() != QDialog.DialogCode.Accepted

    qtbot.keyClicks(dialog.password, "door-2026")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_a_start_without_the_password_opens_nothing(qtbot, tmp_path, monkeypatch):
    settings = Settings(tmp_path / "settings.ini")
    settings.password_hash = hash_password("门锁2026", iterations=1000)
    monkeypatch.setattr(LockDialog, "exec", lambda self: QDialog.DialogCode.Rejected)

    assert app._Launcher(settings, english=True).start(str(tmp_path / "office.db")) is False
    assert not (tmp_path / "office.db").exists()


def test_idle_time_hides_the_window_until_the_password_is_typed(qtbot, archive, open_main_window, monkeypatch):
    window = open_main_window(archive)
    window.settings.password_hash = hash_password("门锁2026", iterations=1000)
    seen_hidden: list[bool] = []

    def type_the_password(self):
        seen_hidden.append(window.isHidden())
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(LockDialog, "exec", type_the_password)
    idle = IdleLock(window, window.settings)
    assert idle.timer.isActive() and idle.timer.interval() == 10 * 60_000

    idle.timer.start(1)  # ten minutes, shortened
    qtbot.waitUntil(lambda: bool(seen_hidden), timeout=5000)

    assert seen_hidden == [True] and window.isVisible()

"""The password lock: asked at start and after idle time, when the archivist has set a password
(Settings › Security, ``ui/security_tab.py``). The hash lives in the settings (``services/passlock.py``)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from archdesk.ui.settings import Settings


class LockDialog(QDialog):
    """Modal: the password, or quit. ``exec()`` returns Accepted only for the right password."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("ArchDesk is locked"))
        self.prompt = QLabel(self.tr("Enter the password to go on."))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.problem = QLabel("")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._check)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.prompt, self.password, self.problem, self.buttons):
            layout.addWidget(widget)

    def _check(self) -> None:
        from archdesk.services.passlock import verify_password

        if verify_password(self.password.text(), self.settings.password_hash):
            self.accept()
        else:
            self.problem.setText(self.tr("Wrong password."))
            self.password.clear()


def unlocked(settings: Settings, parent: QWidget | None = None) -> bool:
    """True when no password is set, or the right one was typed."""
    if not settings.password_hash:
        return True
    return LockDialog(settings, parent).exec() == QDialog.DialogCode.Accepted


class IdleLock(QObject):
    """Locks the window after ``settings.lock_idle_minutes`` without a key press or mouse use."""

    _INPUT = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel}

    def __init__(self, window: QWidget, settings: Settings) -> None:
        super().__init__(window)
        self.window = window
        self.settings = settings
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock)
        QApplication.instance().installEventFilter(self)
        self.restart()

    def restart(self) -> None:
        if self.settings.password_hash and self.settings.lock_idle_minutes > 0:
            self.timer.start(self.settings.lock_idle_minutes * 60_000)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in self._INPUT:
            self.restart()
        return False

    def lock(self) -> None:
        if not self.settings.password_hash:
            return
        self.window.hide()  # nothing of the archive readable behind the dialog
        while not unlocked(self.settings):
            pass  # Cancel does not unlock: the dialog comes back
        self.window.show()
        self.restart()

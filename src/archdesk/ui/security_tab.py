"""Settings › Security: the workstation's password lock (asked at start and after idle time).

The password itself is never kept: OK stores its salted PBKDF2 hash (``services/passlock.py``) in
the user's settings. Changing or removing a lock that is set asks for the current password first,
so that whoever finds the window unlocked cannot lock the archivist out or drop the lock.
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QLineEdit, QSpinBox, QWidget

from archdesk.ui.settings import Settings


def _password_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class SecurityTab(QWidget):
    def __init__(self, settings: Settings) -> None:
        super().__init__()
        self._settings = settings
        self.has_lock = bool(settings.password_hash)
        self.state = QLabel(
            self.tr("A password lock is set.") if self.has_lock else self.tr("No password lock is set.")
        )
        self.current = _password_field()
        self.current.setEnabled(self.has_lock)
        self.new_password = _password_field()
        self.again = _password_field()
        self.remove = QCheckBox(self.tr("Remove the password lock"))
        self.remove.setEnabled(self.has_lock)
        self.idle_minutes = QSpinBox()
        self.idle_minutes.setRange(0, 480)
        self.idle_minutes.setValue(settings.lock_idle_minutes)
        self.idle_minutes.setSuffix(self.tr(" minutes"))
        self.idle_minutes.setSpecialValueText(self.tr("Never"))
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b00020")
        self.problem.setWordWrap(True)
        self.problem.hide()
        form = QFormLayout(self)
        form.addRow("", self.state)
        form.addRow(self.tr("Current password:"), self.current)
        form.addRow(self.tr("New password:"), self.new_password)
        form.addRow(self.tr("The same password again:"), self.again)
        form.addRow("", self.remove)
        form.addRow(self.tr("Lock after idle time:"), self.idle_minutes)
        form.addRow("", self.problem)
        note = QLabel(self.tr("The lock is asked for when ArchDesk starts and after the idle time."))
        note.setWordWrap(True)
        form.addRow("", note)

    def _changing(self) -> bool:
        return bool(self.new_password.text() or self.again.text() or self.remove.isChecked())

    def check(self) -> bool:
        """True when what was typed can be saved; else the problem is shown under the fields."""
        problem = ""
        if self._changing():
            if self.has_lock and not self._current_is_right():
                problem = self.tr("The current password is wrong.")
            elif not self.remove.isChecked() and self.new_password.text() != self.again.text():
                problem = self.tr("The two new passwords differ.")
            elif not self.remove.isChecked() and len(self.new_password.text()) < 4:
                problem = self.tr("A password has at least 4 characters.")
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        return not problem

    def _current_is_right(self) -> bool:
        from archdesk.services.passlock import verify_password

        return verify_password(self.current.text(), self._settings.password_hash)

    def save(self) -> None:
        """Store the new hash (or none) and the idle time; call after ``check``."""
        from archdesk.services.passlock import hash_password

        settings = self._settings
        if self.remove.isChecked():
            settings.password_hash = ""
        elif self.new_password.text():
            settings.password_hash = hash_password(self.new_password.text())
        settings.lock_idle_minutes = self.idle_minutes.value()
        for field in (self.current, self.new_password, self.again):
            field.clear()
        self.has_lock = bool(settings.password_hash)

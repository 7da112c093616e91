"""Settings: the operator's name for the audit trail and the workstation's password lock, typed in
as a user does (the lock keeps only a salted PBKDF2 hash)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox

from archdesk.services.passlock import hash_password, verify_password
from archdesk.ui.settings import Settings
from archdesk.ui.settings_dialog import SettingsDialog


@pytest.fixture
def settings(tmp_path):
    return Settings(tmp_path / "ArchDesk.ini")


def _dialog(qtbot, archive, settings) -> SettingsDialog:
    dialog = SettingsDialog(archive, settings)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _ok(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def test_the_operator_typed_in_settings_is_the_actor_of_the_next_audit_event(qtbot, archive, settings):
    from sqlalchemy import select

    from archdesk.models import AuditEvent
    from archdesk.services.catalogue import RecordInput, create_record

    dialog = _dialog(qtbot, archive, settings)
    dialog.general.operator.clear()
    qtbot.keyClicks(dialog.general.operator, "Li Dangan")
    _ok(qtbot, dialog)
    create_record(
        archive, RecordInput(title="关于设备采购的请示", category="WS", year=2023, retention="D30", department="BGS")
    )

    with archive.reading() as session:
        actor = session.scalar(select(AuditEvent.actor).order_by(AuditEvent.id.desc()).limit(1))
    assert actor == "Li Dangan"
    assert Settings(settings.file_name).operator_name == "Li Dangan"


def test_a_password_typed_twice_sets_the_lock_as_a_salted_hash(qtbot, archive, settings):
    dialog = _dialog(qtbot, archive, settings)
    dialog.tabs.setCurrentWidget(dialog.security)
    assert dialog.security.state.text() == "No password lock is set."
    qtbot.keyClicks(dialog.security.new_password, "door-2026")
    qtbot.keyClicks(dialog.security.again, "door-2026")
    dialog.security.idle_minutes.setValue(5)
    _ok(qtbot, dialog)

    stored = Settings(settings.file_name)
    assert stored.password_hash.startswith("pbkdf2_sha256$")
    assert verify_password("door-2026", stored.password_hash) and "door-2026" not in stored.password_hash
    assert stored.lock_idle_minutes == 5
    assert dialog.result() == SettingsDialog.DialogCode.Accepted


def test_two_different_passwords_are_refused_and_nothing_is_saved(qtbot, archive, settings):
    dialog = _dialog(qtbot, archive, settings)
    qtbot.keyClicks(dialog.security.new_password, "door-2026")
    qtbot.keyClicks(dialog.security.again, "door-2025")
    _ok(qtbot, dialog)

    assert dialog.tabs.currentWidget() is dialog.security
    assert dialog.security.problem.text() == "The two new passwords differ."
    assert dialog.isVisible() and Settings(settings.file_name).password_hash == ""


def test_changing_or_removing_a_lock_asks_for_the_current_password(qtbot, archive, settings):
    settings.password_hash = hash_password("old-lock", iterations=1000)
    settings.sync()
    dialog = _dialog(qtbot, archive, settings)
    assert dialog.security.state.text() == "A password lock is set."
    remove = dialog.security.remove
    qtbot.mouseClick(remove, Qt.MouseButton.LeftButton, pos=QPoint(8, remove.height() // 2))  # on the box
    assert remove.isChecked()
    qtbot.keyClicks(dialog.security.current, "guess")
    _ok(qtbot, dialog)
    assert dialog.security.problem.text() == "The current password is wrong."
    assert verify_password("old-lock", Settings(settings.file_name).password_hash)

    dialog.security.current.clear()
    qtbot.keyClicks(dialog.security.current, "old-lock")
    _ok(qtbot, dialog)

    assert Settings(settings.file_name).password_hash == ""

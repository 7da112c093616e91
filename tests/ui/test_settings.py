"""The user's preferences file: typed options with defaults, kept across restarts, upgraded once."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from archdesk.ui import settings as settings_module
from archdesk.ui.settings import SETTINGS_VERSION, Settings, upgrade


def test_a_new_file_gives_the_defaults(tmp_path):
    settings = Settings(tmp_path / "ArchDesk.ini")

    assert settings.language == ""
    assert settings.operator_name == ""
    assert settings.database_path == ""
    assert settings.recent_databases == []
    assert settings.default_loan_days == 14
    assert settings.pdf_font_path == ""
    assert settings.geometry.isEmpty() and settings.dock_state.isEmpty()
    assert settings.version == SETTINGS_VERSION


def test_preferences_survive_a_restart(tmp_path):
    path = tmp_path / "ArchDesk.ini"
    settings = Settings(path)
    settings.language = "zh_CN"
    settings.operator_name = "王档案"
    settings.database_path = str(tmp_path / "archive.db")
    settings.add_recent_database(str(tmp_path / "archive.db"))
    settings.default_loan_days = 7
    settings.pdf_font_path = "/fonts/simsun.ttf"
    settings.dock_state = QByteArray(b"\x00\x01state")
    settings.sync()

    again = Settings(path)

    assert again.language == "zh_CN"
    assert again.operator_name == "王档案"
    assert again.database_path == str(tmp_path / "archive.db")
    assert again.recent_databases == [str(tmp_path / "archive.db")]  # a one-item list stays a list
    assert again.default_loan_days == 7
    assert again.pdf_font_path == "/fonts/simsun.ttf"
    assert bytes(again.dock_state) == b"\x00\x01state"


def test_recent_archives_are_most_recent_first_without_repeats_and_limited(tmp_path):
    settings = Settings(tmp_path / "ArchDesk.ini")
    for number in range(10):
        settings.add_recent_database(f"/archives/{number}.db")
    settings.add_recent_database("/archives/5.db")

    recent = settings.recent_databases
    assert recent[:3] == ["/archives/5.db", "/archives/9.db", "/archives/8.db"]
    assert len(recent) == settings_module.RECENT_LIMIT
    assert recent.count("/archives/5.db") == 1


def test_a_hand_edited_value_that_makes_no_sense_falls_back_to_the_default(tmp_path):
    path = tmp_path / "ArchDesk.ini"
    path.write_text("[settings]\nversion=1\n[loans]\ndefault_days=two weeks\n[ui]\nlanguage=fr\n")

    settings = Settings(path)

    assert settings.default_loan_days == 14
    assert settings.language == ""


def test_an_unversioned_file_is_upgraded_once_and_keeps_the_users_choice(tmp_path):
    path = tmp_path / "ArchDesk.ini"
    path.write_text("[ui]\nlanguage=zh-CN\n[user]\noperator_name=Li\n")

    settings = Settings(path)

    assert settings.language == "zh_CN"
    assert settings.operator_name == "Li"
    assert settings.version == 1
    assert upgrade(settings) == []  # nothing left to do on the next start


def test_upgrade_steps_run_in_order_up_to_the_new_version(tmp_path, monkeypatch):
    settings = Settings(tmp_path / "ArchDesk.ini")
    settings.qsettings.setValue("loans/days", 21)  # where a hypothetical version 1 kept it
    ran = []

    def to_v2(s: Settings) -> None:
        ran.append(2)
        s.default_loan_days = int(s.qsettings.value("loans/days"))
        s.qsettings.remove("loans/days")

    def to_v3(s: Settings) -> None:
        ran.append(3)

    monkeypatch.setitem(settings_module.UPGRADE_STEPS, 2, to_v2)
    monkeypatch.setitem(settings_module.UPGRADE_STEPS, 3, to_v3)

    assert upgrade(settings, target=3) == [2, 3]
    assert ran == [2, 3]
    assert settings.default_loan_days == 21
    assert settings.version == 3


def test_a_file_from_a_newer_archdesk_is_left_alone(tmp_path):
    path = tmp_path / "ArchDesk.ini"
    path.write_text("[settings]\nversion=99\n[ui]\nlanguage=en\n")

    settings = Settings(path)

    assert settings.version == 99
    assert settings.language == "en"


def test_without_a_path_the_users_ini_file_is_used(tmp_path):
    probe = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "probe", "probe").fileName()
    users_folder = str(Path(probe).parent.parent)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    try:
        settings = Settings()
        settings.operator_name = "Zhang"
        settings.sync()
    finally:
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, users_folder)
    assert QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "probe", "probe").fileName() == probe

    ini = tmp_path / "ArchDesk" / "ArchDesk.ini"
    assert settings.file_name == str(ini)
    assert "operator_name=Zhang" in ini.read_text()


def test_forgetting_the_window_layout_keeps_the_other_preferences(tmp_path):
    settings = Settings(tmp_path / "ArchDesk.ini")
    settings.dock_state = QByteArray(b"user")
    settings.geometry = QByteArray(b"geometry")
    settings.operator_name = "王档案"

    settings.clear_window_state()

    assert settings.dock_state.isEmpty() and settings.geometry.isEmpty()
    assert Settings(tmp_path / "ArchDesk.ini").operator_name == "王档案"

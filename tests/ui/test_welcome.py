"""First start: the welcome screen's three ways in, and its language switch."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog

from archdesk.services import records_query
from archdesk.services.archive import open_archive
from archdesk.services.errors import Cancelled
from archdesk.ui import welcome
from archdesk.ui.i18n import install_translators
from archdesk.ui.settings import Settings
from archdesk.ui.welcome import WelcomeChoice, WelcomeDialog, choose


@pytest.fixture
def data_folder(tmp_path, monkeypatch):
    """The user data folder, where the default and the demo archive go."""
    monkeypatch.setattr(welcome, "default_database_path", lambda: tmp_path / "data" / "archive.db")
    return tmp_path / "data"


@pytest.fixture
def dialog(qtbot, data_folder):
    dialog = WelcomeDialog()
    qtbot.addWidget(dialog)
    return dialog


def test_a_new_archive_is_proposed_in_the_user_data_folder_and_needs_a_fonds(dialog, data_folder):
    dialog.buttons[welcome.NEW].click()
    page = dialog.new_page
    assert dialog.pages.currentWidget() is page
    assert page.path.text() == str(data_folder / "archive.db")

    page.create.click()

    assert dialog.choice is None
    assert page.fonds_code_error.text() == "Enter the fonds code."
    assert page.fonds_name_error.text() == "Enter the fonds name."

    page.fonds_code.setText("Z109")
    page.fonds_name.setText("某市档案室")
    page.create.click()

    assert dialog.choice == WelcomeChoice("new", str(data_folder / "archive.db"), "Z109", "某市档案室")
    assert dialog.result() == WelcomeDialog.DialogCode.Accepted
    assert not (data_folder / "archive.db").exists()  # the caller creates it


def test_a_new_archive_never_overwrites_an_existing_file(dialog, tmp_path):
    existing = tmp_path / "old.db"
    existing.write_bytes(b"")
    dialog.buttons[welcome.NEW].click()
    page = dialog.new_page
    page.path.setText(str(existing))
    page.fonds_code.setText("Z109")
    page.fonds_name.setText("某市档案室")

    page.create.click()

    assert dialog.choice is None
    assert "exists already" in page.path_error.text()


def test_browse_chooses_where_the_new_archive_goes(dialog, monkeypatch, tmp_path):
    chosen = str(tmp_path / "elsewhere" / "office.db")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (chosen, ""))
    dialog.buttons[welcome.NEW].click()

    dialog.new_page.browse.click()

    assert dialog.new_page.path.text() == chosen


def test_back_returns_to_the_three_choices(dialog):
    dialog.buttons[welcome.NEW].click()
    dialog.new_page.back.click()

    assert dialog.pages.currentIndex() == 0


def test_an_existing_archive_file_is_opened_as_chosen(dialog, monkeypatch, tmp_path):
    existing = str(tmp_path / "archive.db")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (existing, ""))

    dialog.buttons[welcome.OPEN].click()

    assert dialog.choice == WelcomeChoice("open", existing)


def test_cancelling_the_file_dialog_stays_on_the_welcome_screen(dialog, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: ("", ""))

    dialog.buttons[welcome.OPEN].click()

    assert dialog.choice is None
    assert dialog.result() != WelcomeDialog.DialogCode.Accepted


def test_the_demo_archive_is_built_in_the_background_next_to_the_default_archive(dialog, data_folder):
    dialog.buttons[welcome.DEMO].click()

    assert dialog.choice == WelcomeChoice("demo", str(data_folder / "demo.db"))
    db = open_archive(data_folder / "demo.db", create=False)
    try:
        assert records_query.count_records(db, records_query.RecordFilter()) > 0
    finally:
        db.dispose()
    assert not (data_folder / "archive.db").exists()


def test_a_cancelled_demo_leaves_no_file_behind(dialog, data_folder, monkeypatch):
    def cancelled(db, progress):
        progress(0, 100)
        raise Cancelled()

    monkeypatch.setattr(welcome, "build_demo", cancelled)

    dialog.buttons[welcome.DEMO].click()

    assert dialog.choice is None
    assert list(data_folder.iterdir()) == []


def test_choose_returns_none_when_the_user_quits(qtbot, data_folder, monkeypatch):
    monkeypatch.setattr(WelcomeDialog, "exec", lambda self: self.quit.click())

    assert choose() is None


def test_choose_returns_the_users_choice(qtbot, data_folder, monkeypatch, tmp_path):
    existing = str(tmp_path / "archive.db")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (existing, ""))
    monkeypatch.setattr(WelcomeDialog, "exec", lambda self: self.buttons[welcome.OPEN].click())

    assert choose() == WelcomeChoice("open", existing)


def test_switching_to_chinese_retranslates_the_open_screen_and_is_remembered(qtbot, data_folder, tmp_path):
    settings = Settings(tmp_path / "ArchDesk.ini")
    dialog = WelcomeDialog(settings=settings)
    qtbot.addWidget(dialog)
    assert dialog.buttons[welcome.DEMO].text() == "Demo archive"
    try:
        dialog.language.setCurrentIndex(dialog.language.findData("zh_CN"))
        dialog.language.activated.emit(dialog.language.currentIndex())

        qtbot.waitUntil(lambda: dialog.windowTitle() == "欢迎使用 ArchDesk")  # LanguageChange is posted
        assert dialog.buttons[welcome.DEMO].text() == "演示档案库"
        assert dialog.new_page.create.text() == "创建档案库"
        assert settings.language == "zh_CN"
    finally:
        install_translators(QCoreApplication.instance(), "en")
    qtbot.waitUntil(lambda: dialog.buttons[welcome.DEMO].text() == "Demo archive")

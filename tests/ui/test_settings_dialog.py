"""The settings dialog: fonds and category rules saved through the services, preferences to the ini file."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog

from archdesk.bundled import resource
from archdesk.models import DAT13_PATTERN, DAT22_PATTERN
from archdesk.services import codes
from archdesk.ui.i18n import install_translators
from archdesk.ui.settings import Settings
from archdesk.ui.settings_dialog import SettingsDialog


@pytest.fixture
def settings(tmp_path):
    return Settings(tmp_path / "ArchDesk.ini")


@pytest.fixture
def dialog(qtbot, archive, settings):
    dialog = SettingsDialog(archive, settings)
    qtbot.addWidget(dialog)
    return dialog


def category(db, code):
    return next(c for c in codes.code_tables(db).categories if c.code == code)


def choose_category(dialog, code):
    dialog.categories.show_category(code)
    assert dialog.categories.current_code() == code


def test_choosing_the_dat13_template_shows_its_example_and_saves_it_for_that_category(dialog, archive):
    choose_category(dialog, "WS")
    assert dialog.categories.pattern.text() == DAT22_PATTERN
    assert dialog.categories.example.text().startswith("Z001-WS·")
    assert dialog.categories.example.text().endswith("-BGS-0001")

    tab = dialog.categories
    tab.template.setCurrentIndex(tab.template.findData(DAT13_PATTERN))
    tab.template.activated.emit(tab.template.currentIndex())

    year = tab.example_code(DAT13_PATTERN).split("·")[1]
    assert tab.example.text() == f"Z001-WS·{year}·D30·办公室-0001"
    dialog.accept()

    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    assert category(archive, "WS").refcode_pattern == DAT13_PATTERN
    assert category(archive, "KJ").refcode_pattern == DAT22_PATTERN  # other categories keep theirs


def test_a_custom_pattern_without_an_item_number_is_refused_at_the_field_and_nothing_is_saved(dialog, archive):
    choose_category(dialog, "KU")
    dialog.categories.pattern.setText("{fonds}-{category}-{year}")
    dialog.categories.retention.setCurrentIndex(dialog.categories.retention.findData("Y"))
    dialog.categories.retention.activated.emit(0)
    assert dialog.categories.template.currentData() == ""  # "Custom pattern"
    assert "{item}" in dialog.categories.pattern_error.text()
    assert dialog.categories.example.text() == "—"

    choose_category(dialog, "WS")
    dialog.accept()

    assert dialog.result() != SettingsDialog.DialogCode.Accepted
    assert dialog.categories.current_code() == "KU"  # the dialog goes back to the wrong one
    assert dialog.tabs.currentWidget() is dialog.categories
    assert category(archive, "KU").refcode_pattern == DAT22_PATTERN
    assert category(archive, "KU").default_retention == "D30"


def test_the_default_retention_of_a_category_is_saved(dialog, archive):
    choose_category(dialog, "KJ·SB")
    tab = dialog.categories
    tab.retention.setCurrentIndex(tab.retention.findData("D10"))
    tab.retention.activated.emit(tab.retention.currentIndex())
    assert "-D10-" in tab.example.text()

    dialog.accept()

    assert category(archive, "KJ·SB").default_retention == "D10"


def test_the_fonds_is_renamed_and_a_missing_name_is_shown_inline(dialog, archive):
    general = dialog.general
    general.fonds_code.setText("Z109")
    general.fonds_name.setText("")
    dialog.accept()

    assert dialog.result() != SettingsDialog.DialogCode.Accepted
    assert general.fonds_name_error.text() == "Enter the fonds name."
    assert not general.fonds_name_error.isHidden()
    assert dialog.categories.example.text().startswith("Z109-")  # the example follows the fonds code

    general.fonds_name.setText("某市档案室")
    dialog.accept()

    fonds = codes.code_tables(archive).fonds[0]
    assert (fonds.code, fonds.name) == ("Z109", "某市档案室")


def test_preferences_go_to_the_settings_file_not_the_archive(dialog, archive, settings):
    dialog.general.operator.setText("王档案")
    dialog.general.loan_days.setValue(7)

    dialog.accept()

    again = Settings(settings.file_name)
    assert (again.operator_name, again.default_loan_days) == ("王档案", 7)
    assert archive.actor == "王档案"  # the audit trail names the operator from now on


def test_choosing_chinese_switches_the_running_application(dialog, settings, qtbot):
    dialog.general.language.setCurrentIndex(dialog.general.language.findData("zh_CN"))
    try:
        with qtbot.waitSignal(dialog.language_changed) as switched:
            dialog.accept()
        assert switched.args == ["zh_CN"]
        assert settings.language == "zh_CN"
        assert QCoreApplication.translate("SettingsDialog", "Settings") == "设置"
    finally:
        install_translators(QCoreApplication.instance(), "en")


def test_opening_another_archive_is_left_to_the_main_window(dialog, monkeypatch, qtbot, tmp_path):
    other = str(tmp_path / "other.db")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (other, ""))

    with qtbot.waitSignal(dialog.open_database_requested) as requested:
        dialog.tabs.setCurrentWidget(dialog.database)
        dialog.database.open_button.click()

    assert requested.args == [other]
    assert dialog.result() == SettingsDialog.DialogCode.Accepted


def test_creating_a_new_archive_is_left_to_the_main_window(dialog, monkeypatch, qtbot, tmp_path):
    new = str(tmp_path / "new.db")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (new, ""))

    with qtbot.waitSignal(dialog.new_database_requested) as requested:
        dialog.database.new_button.click()

    assert requested.args == [new]


def test_the_database_tab_shows_the_archive_in_use_and_the_recent_ones(qtbot, archive, settings):
    settings.add_recent_database("/archives/2023.db")
    settings.add_recent_database(str(archive.file))
    dialog = SettingsDialog(archive, settings)
    qtbot.addWidget(dialog)

    assert dialog.database.location.text() == str(archive.file)
    assert [dialog.database.recent.item(i).text() for i in range(dialog.database.recent.count())] == [
        "/archives/2023.db"
    ]


def test_a_pdf_font_that_cannot_print_chinese_is_refused_and_a_good_one_is_kept(dialog, settings, tmp_path):
    not_a_font = tmp_path / "notes.ttf"
    not_a_font.write_text("not a font")
    dialog.general.pdf_font.setText(str(not_a_font))
    dialog.accept()

    assert dialog.result() != SettingsDialog.DialogCode.Accepted
    assert "TrueType" in dialog.general.pdf_font_error.text()
    assert settings.pdf_font_path == ""

    dialog.general.pdf_font.setText(str(resource("fonts/wqy-microhei.ttc")))
    dialog.accept()

    assert settings.pdf_font_path == str(resource("fonts/wqy-microhei.ttc"))


def test_a_refused_pattern_is_explained_in_the_window_language_from_its_message_id(qtbot, qapp, archive, settings):
    try:
        install_translators(qapp, "zh_CN")
        dialog = SettingsDialog(archive, settings)
        qtbot.addWidget(dialog)
        choose_category(dialog, "KU")
        qtbot.keyClicks(dialog.categories.pattern, "[")
        assert dialog.categories.pattern_error.text() == "[ ] 不配对：每个 [ 都须有对应的 ]"
        dialog.categories.pattern.setText("{fonds}-{colour}-{item}")
        assert dialog.categories.pattern_error.text() == "未知的占位符 {colour}"
    finally:
        install_translators(qapp, "en")

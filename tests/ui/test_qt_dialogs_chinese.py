"""Qt's own dialogs read in Chinese in a Chinese window, and Help offers the user guide and the
keyboard shortcuts, not only About."""

from __future__ import annotations

import re

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QAbstractButton, QDialogButtonBox, QFileDialog, QLabel, QMessageBox, QWidget

from archdesk.ui.help import KeyboardShortcuts, UserGuide
from archdesk.ui.i18n import install_translators

LATIN = re.compile(r"[A-Za-z]{2,}")
ALLOWED = {"PDF"}  # a format's name, written so in Chinese too


def _english_left(widget: QWidget) -> list[str]:
    texts = [label.text() for label in widget.findChildren(QLabel)]
    texts += [button.text() for button in widget.findChildren(QAbstractButton)]
    return [t for t in texts if any(word not in ALLOWED for word in LATIN.findall(t))]


@pytest.fixture
def chinese(qapp):
    install_translators(qapp, "zh_CN")
    yield
    install_translators(qapp, "en")


def test_the_file_dialog_says_look_in_and_files_of_type_in_chinese(chinese, qtbot, tmp_path):
    dialog = QFileDialog(None, "", str(tmp_path))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    dialog.show()
    labels = {label.text() for label in dialog.findChildren(QLabel)}
    assert "查找范围(&L)：" in labels and "文件类型(&T)：" in labels
    assert _english_left(dialog) == []


def test_message_box_and_dialog_buttons_are_chinese(chinese, qtbot):
    box = QMessageBox(QMessageBox.Icon.Question, "", "", QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel)  # fmt: skip
    qtbot.addWidget(box)
    assert {button.text() for button in box.buttons()} == {"保存", "丢弃", "取消"}
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Close)
    qtbot.addWidget(buttons)
    assert {button.text() for button in buttons.buttons()} == {"确定", "关闭"}


def test_the_print_dialog_is_chinese_too(chinese, qtbot):
    printer = QPrinter()  # the dialog keeps a pointer to it: it must outlive the dialog
    dialog = QPrintDialog(printer)
    try:
        dialog.show()
        assert _english_left(dialog) == []
    finally:
        dialog.hide()
        shiboken6.delete(dialog)


def test_in_english_the_dialogs_stay_english(qapp, qtbot, tmp_path):
    install_translators(qapp, "en")
    dialog = QFileDialog(None, "", str(tmp_path))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    assert "&Look in:" in {label.text() for label in dialog.findChildren(QLabel)}


def test_help_offers_the_user_guide_and_it_shows_the_guide(open_main_window, archive, qtbot):
    window = open_main_window(archive)
    assert [a.text() for a in window.help_menu.actions() if a.text()][:2] == ["&User guide", "&Keyboard shortcuts"]
    assert window.user_guide_action.shortcut().matches(Qt.Key.Key_F1) is not None
    window.user_guide_action.trigger()
    guide = window.findChild(UserGuide)
    assert guide is not None and guide.isVisible()
    assert "Setting up the archive" in guide.browser.toPlainText()
    guide.close()


def test_the_shortcuts_list_names_every_shortcut_of_the_window(open_main_window, archive, qtbot):
    window = open_main_window(archive)
    window.shortcuts_action.trigger()
    dialog = window.findChild(KeyboardShortcuts)
    assert dialog is not None and dialog.isVisible()
    rows = {dialog.table.item(r, 0).text(): dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())}
    assert rows["Find"] == "Ctrl+F"
    assert rows["Save record"] == "Ctrl+S"
    assert rows["User guide"] == "F1"
    dialog.close()


def test_the_shortcuts_list_follows_the_window_language(open_main_window, archive, qapp, qtbot):
    window = open_main_window(archive)
    try:
        install_translators(qapp, "zh_CN")
        qtbot.waitUntil(lambda: window.find_action.text() != "&Find…", timeout=5_000)  # LanguageChange is posted
        window.shortcuts_action.trigger()
        dialog = window.findChild(KeyboardShortcuts)
        texts = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
        assert texts and not any("(" in text or LATIN.search(text) for text in texts)
        assert dialog.windowTitle() != "Keyboard shortcuts"
        dialog.close()
    finally:
        install_translators(qapp, "en")

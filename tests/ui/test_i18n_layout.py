"""In Chinese and in English, the settings and welcome screens show every label and button whole."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from archdesk.ui import welcome
from archdesk.ui.i18n import ensure_cjk_font, install_translators
from archdesk.ui.settings import Settings
from archdesk.ui.settings_dialog import SettingsDialog


@pytest.fixture(params=["zh_CN", "en"])
def language(request, qapp):
    font = qapp.font()
    ensure_cjk_font(qapp)
    assert install_translators(qapp, request.param) == request.param
    yield request.param
    install_translators(qapp, "en")
    qapp.setFont(font)


def clipped(screen: QWidget) -> list[str]:
    """Visible one-line labels and buttons narrower than their text needs."""
    found = []
    for widget in screen.findChildren(QLabel) + screen.findChildren(QAbstractButton):
        if not widget.isVisible() or not widget.text() or (isinstance(widget, QLabel) and widget.wordWrap()):
            continue
        if widget.width() < widget.minimumSizeHint().width():
            found.append(f"{widget.text()!r}: {widget.width()} < {widget.minimumSizeHint().width()}")
    return found


def test_every_tab_of_the_settings_shows_its_labels_whole(qtbot, archive, tmp_path, language):
    dialog = SettingsDialog(archive, Settings(tmp_path / "ArchDesk.ini"))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.general.fonds_code.setText("z")  # the longest error lines are shown too
    dialog.general.fonds_name.setText("")
    dialog.categories.pattern.setText("{fonds}")
    for index in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(index)
        qtbot.waitExposed(dialog)
        assert not clipped(dialog.tabs.currentWidget()), (language, dialog.tabs.tabText(index))
    assert not clipped(dialog)


def test_both_pages_of_the_welcome_screen_show_their_labels_whole(qtbot, tmp_path, monkeypatch, language):
    monkeypatch.setattr(welcome, "default_database_path", lambda: tmp_path / "archive.db")
    dialog = welcome.WelcomeDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert not clipped(dialog)

    dialog.buttons[welcome.NEW].click()
    dialog.new_page.path.setText(str(tmp_path))
    dialog.new_page.check()
    assert not clipped(dialog)

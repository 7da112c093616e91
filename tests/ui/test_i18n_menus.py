"""Acceptance: switch the language and the main window's menus read in Chinese, without a restart."""

from __future__ import annotations

import pytest

from archdesk.ui.i18n import install_translators
from archdesk.ui.settings import Settings

main_window = pytest.importorskip("archdesk.ui.main_window")


@pytest.fixture
def window(qtbot, archive, tmp_path):
    window = main_window.MainWindow(archive, Settings(tmp_path / "ArchDesk.ini"), restore=False)
    qtbot.addWidget(window)
    window.show()
    return window


def menu_titles(window) -> list[str]:
    return [action.text() for action in window.menuBar().actions() if action.isVisible()]


def test_switching_to_chinese_shows_chinese_menus_and_back(window, qapp, qtbot):
    assert menu_titles(window)[0] == "&File"
    try:
        assert install_translators(qapp, "zh_CN") == "zh_CN"
        qtbot.waitUntil(lambda: window.file_menu.title() == "文件(&F)")  # LanguageChange is posted

        titles = menu_titles(window)
        assert titles[:3] == ["文件(&F)", "编辑(&E)", "视图(&V)"]
        assert titles[-1] == "帮助(&H)"
        assert all(action.text() != "&Settings…" for action in window.file_menu.actions())
        assert "设置(&S)…" in [action.text() for action in window.file_menu.actions()]
    finally:
        install_translators(qapp, "en")
    qtbot.waitUntil(lambda: window.file_menu.title() == "&File")

"""An archivist sets up a new archive: the first-run checklist instead of an empty tree, then the
archive set-up dialog to add and rename fonds, categories and departments, and to retire them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QPushButton

from archdesk import models
from archdesk.services import setup
from archdesk.services.catalogue import create_record
from archdesk.services.views import RecordInput
from archdesk.ui.app import wait_until_idle
from archdesk.ui.i18n import install_translators
from archdesk.ui.setup import setup_dialog
from archdesk.ui.setup.setup_dialog import ArchiveSetupDialog


@pytest.fixture
def window(open_main_window, archive):
    return open_main_window(archive)


def _open_setup(window, qtbot) -> ArchiveSetupDialog:
    checklist = window.tree_dock.checklist
    qtbot.mouseClick(checklist.findChild(QPushButton, "openSetup"), Qt.MouseButton.LeftButton)
    dialog = window.findChild(ArchiveSetupDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: bool(dialog.departments_tab.entries), timeout=10_000)
    return dialog


def _type(qtbot, field, text: str) -> None:
    """Select what the field holds and type over it; Chinese comes in as an input method commits it."""
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    if text.isascii():
        qtbot.keyClicks(field, text)
    else:
        event = QInputMethodEvent()
        event.setCommitString(text)
        QApplication.sendEvent(field, event)


def _rows(tab) -> list[list[str]]:
    return [
        [tab.list.topLevelItem(r).text(c) for c in range(tab.list.columnCount())]
        for r in range(tab.list.topLevelItemCount())
    ]


def test_a_new_archive_shows_the_first_run_checklist_instead_of_an_empty_tree(window, qtbot):
    dock = window.tree_dock
    qtbot.waitUntil(lambda: dock.checklist.checklist is not None, timeout=10_000)
    assert dock.checklist.isVisible() and not dock.tree.isVisible()
    assert dock.checklist.is_done("fonds") and dock.checklist.is_done("categories")
    assert not dock.checklist.is_done("storerooms")
    assert "shelf locations" in dock.checklist.lines["storerooms"].text()


def test_the_checklist_gives_way_to_the_tree_once_records_are_in(window, archive, qtbot):
    create_record(archive, RecordInput(title="关于年度工作的通知", category="WS", year=2023, retention="D30"))
    window.refresh_action.trigger()
    qtbot.waitUntil(lambda: window.tree_dock.tree.isVisible(), timeout=10_000)
    assert not window.tree_dock.checklist.isVisible()


def test_a_department_added_in_the_set_up_is_offered_to_new_records_and_audited(window, archive, qtbot):
    dialog = _open_setup(window, qtbot)
    dialog.tabs.setCurrentWidget(dialog.departments_tab)
    tab = dialog.departments_tab
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    _type(qtbot, tab.code, "ZZB")
    _type(qtbot, tab.name, "组织部")
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert ["ZZB", "组织部", "0", "yes"] in _rows(tab)
    assert tab.current is not None and tab.current.code == "ZZB"  # the new one stays chosen
    assert wait_until_idle(window, 10_000)
    assert "ZZB" in {d.code for d in window.tables.departments}  # the record form offers it now
    _type(qtbot, tab.name, "组织人事部")  # renamed
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert ["ZZB", "组织人事部", "0", "yes"] in _rows(tab)
    with archive.reading() as session:
        from sqlalchemy import select

        actions = list(
            session.scalars(select(models.AuditEvent.action).where(models.AuditEvent.entity == "department"))
        )
    assert actions[-2:] == ["create", "update"]


def test_a_sub_category_is_added_with_its_template_and_retention_then_retired(window, archive, qtbot):
    dialog = _open_setup(window, qtbot)
    dialog.tabs.setCurrentWidget(dialog.categories_tab)
    tab = dialog.categories_tab
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    tab.parent_combo.setCurrentIndex(tab.parent_combo.findData("KJ"))
    _type(qtbot, tab.code, "HT")
    _type(qtbot, tab.name, "合同")
    _type(qtbot, tab.name_en, "Contracts")
    tab.template.setCurrentIndex(tab.template.findData(setup_dialog.DAT13_PATTERN))
    tab.template.activated.emit(tab.template.currentIndex())  # what choosing it from the list does
    tab.retention.setCurrentIndex(tab.retention.findData("D10"))
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    added = next(c for c in setup.archive_setup(archive).categories if c.code == "KJ·HT")
    assert (added.name_en, added.default_retention, added.refcode_pattern) == ("Contracts", "D10", models.DAT13_PATTERN)
    assert any(row[0].strip() == "KJ·HT" for row in _rows(tab))
    assert tab.retire_button.text() == "&Retire"
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        qtbot.mouseClick(tab.retire_button, Qt.MouseButton.LeftButton)
    assert next(r for r in _rows(tab) if r[0].strip() == "KJ·HT")[3] == "retired"
    assert tab.retire_button.text() == "&Bring back"
    assert not next(c for c in setup.archive_setup(archive).categories if c.code == "KJ·HT").active


def test_the_code_of_a_department_that_records_use_cannot_be_edited(window, archive, qtbot):
    create_record(archive, RecordInput(title="通知", category="WS", year=2023, retention="D30", department="BGS"))
    dialog = _open_setup(window, qtbot)
    tab = dialog.departments_tab
    dialog.tabs.setCurrentWidget(tab)
    tab.choose_code("BGS")
    assert tab.code.isReadOnly() and tab.name.text() == "办公室"
    assert ["BGS", "办公室", "1", "yes"] in _rows(tab)


def test_a_refusal_is_shown_under_the_form_in_the_window_language(window, qapp, qtbot):
    dialog = _open_setup(window, qtbot)
    tab = dialog.departments_tab
    dialog.tabs.setCurrentWidget(tab)
    try:
        install_translators(qapp, "zh_CN")
        qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
        _type(qtbot, tab.code, "BGS")
        _type(qtbot, tab.name, "又一个办公室")
        qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: tab.error.isVisible(), timeout=10_000)
        assert "BGS" in tab.error.text() and "已被使用" in tab.error.text()
        assert dialog.windowTitle() != "Archive set-up"
    finally:
        install_translators(qapp, "en")


def test_the_templates_offered_are_the_archive_rules_own():
    assert setup_dialog.DAT22_PATTERN == models.DAT22_PATTERN
    assert setup_dialog.DAT13_PATTERN == models.DAT13_PATTERN


def test_file_menu_opens_the_archive_set_up(window, qtbot):
    assert window.setup_action in window.file_menu.actions()
    window.setup_action.trigger()
    dialog = window.findChild(ArchiveSetupDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.close()

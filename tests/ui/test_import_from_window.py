"""Tools › Import transfer spreadsheet… from the main window: after the import every view reloads once."""

from __future__ import annotations

import openpyxl
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from archdesk.ui.app import wait_until_idle
from archdesk.ui.collection.import_wizard import ImportWizard


def test_an_import_announces_its_changes_once_and_the_table_reloads_once(qtbot, archive, open_main_window, tmp_path):
    path = tmp_path / "办公室.xlsx"
    workbook = openpyxl.Workbook()
    workbook.active.append(["序号", "题名", "日期", "页数", "保管期限"])
    workbook.active.append([1, "关于A的通知", "20230105", 3, "永久"])
    workbook.active.append([2, "关于B的通知", "20230106", 2, "永久"])
    workbook.save(path)
    window = open_main_window(archive)
    announced, reloads = [], []
    window.hub.changed.connect(announced.append)
    window.records.first_page_loaded.connect(lambda: reloads.append(1))

    window.tool_actions["import"].trigger()
    wizard = window.findChild(ImportWizard)
    qtbot.waitUntil(lambda: wizard.file_page.department.count() > 1, timeout=10_000)
    wizard.file_page.path_edit.setText(str(path))
    wizard.file_page.department.setCurrentIndex(wizard.file_page.department.findData("BGS"))
    for page in (ImportWizard.MAPPING_PAGE, ImportWizard.PREVIEW_PAGE):
        wizard.next()
        qtbot.waitUntil(lambda page=page: wizard.currentId() == page, timeout=10_000)
    # The preview's commit button takes the valid rows; the summary page then offers the documents.
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.CommitButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.currentId() == ImportWizard.SUMMARY_PAGE, timeout=15_000)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert wait_until_idle(window, 10_000)
    qtbot.waitUntil(lambda: window.records.total == 2, timeout=10_000)
    assert wait_until_idle(window, 10_000)
    assert len(announced) == 1 and announced[0].records
    assert len(reloads) == 1

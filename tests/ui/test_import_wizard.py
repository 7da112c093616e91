"""The import wizard and the batch list, driven like a user would, headless."""

from __future__ import annotations

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWizard

from archdesk.ui.collection.batches import TransfersDock
from archdesk.ui.collection.import_wizard import ImportWizard
from archdesk.ui.ops import Ops


def _sheet(path, rows):
    workbook = openpyxl.Workbook()
    workbook.active.append(["办公室2023年度归档文件目录"])
    workbook.active.append(["序号", "题名", "发出日期", "页数", "保管期限"])
    for row in rows:
        workbook.active.append(row)
    workbook.save(path)
    return path


@pytest.fixture
def ops(qtbot, archive):
    runner = Ops(archive)
    yield runner
    runner.shutdown()


@pytest.fixture
def warnings(monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append(text))
    return shown


def _next(qtbot, wizard, ops, page_id):
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == page_id, timeout=10_000)


def test_choose_correct_the_mapping_preview_and_accept_the_valid_rows(qtbot, archive, ops, tmp_path, warnings):
    path = _sheet(
        tmp_path / "办公室.xlsx",
        [
            [1, "关于A的通知", "20230105", "3页", "永久"],
            [2, "关于B的通知", "2023-02-30", 2, "永久"],
            [3, "关于C的通知", "2023.3.1", 1, "短期"],
        ],
    )
    imported = []
    wizard = ImportWizard(archive, imported.append, ops=ops)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitUntil(lambda: wizard.file_page.department.count() > 1)
    wizard.file_page.path_edit.setText(str(path))
    wizard.file_page.department.setCurrentIndex(wizard.file_page.department.findData("BGS"))
    assert wizard.file_page.isComplete()

    _next(qtbot, wizard, ops, ImportWizard.MAPPING_PAGE)
    wizard.mapping_page.set_field("发出日期", "date")  # not a heading the importer knows
    _next(qtbot, wizard, ops, ImportWizard.PREVIEW_PAGE)

    page = wizard.preview_page
    assert "3 rows: 2 valid, 1 to return." in page.summary.text()
    assert page.model.rowCount() == 3
    assert page.model.is_invalid(1, 2) and not page.model.is_invalid(0, 2)
    assert page.model.headerData(1, __import__("PySide6.QtCore").QtCore.Qt.Orientation.Vertical) == "4"
    wizard.grab().save(str(tmp_path / "wizard.png"))

    qtbot.mouseClick(wizard.button(QWizard.WizardButton.CommitButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.currentId() == ImportWizard.SUMMARY_PAGE, timeout=10_000)
    assert len(imported) == 1 and imported[0].imported == 2 and imported[0].invalid == 1
    assert "2 records imported as transfer batch 1; 1 rows returned." in wizard.summary_page.summary.text()
    assert warnings == []


def test_an_unreadable_file_shows_one_error_and_stays_on_the_first_page(qtbot, archive, ops, tmp_path, warnings):
    path = tmp_path / "notes.xlsx"
    path.write_text("not a spreadsheet", encoding="utf-8")
    wizard = ImportWizard(archive, ops=ops)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.path_edit.setText(str(path))
    with qtbot.waitSignal(ops.idle, timeout=10_000):
        wizard.next()
    assert wizard.currentId() == ImportWizard.FILE_PAGE
    assert len(warnings) == 1 and "notes.xlsx" in warnings[0]


def test_the_batch_list_shows_each_transfer_and_what_came_of_it(qtbot, archive, ops, tmp_path):
    from archdesk.services.collection import import_transfer

    import_transfer(
        archive,
        _sheet(tmp_path / "a.xlsx", [[1, "通知", "20230101", 1, "永久"], [2, None, "20230101", 1, "永久"]]),
        department="BGS",
        mapping={"发出日期": "date"},
    )
    dock = TransfersDock(ops)
    qtbot.addWidget(dock)
    with qtbot.waitSignal(dock.loaded, timeout=10_000):
        dock.reload()
    assert dock.list.topLevelItemCount() == 1
    item = dock.list.topLevelItem(0)
    row = [item.text(c) for c in range(dock.list.columnCount())]
    assert row[2] == "BGS 办公室" and row[3] == "a.xlsx" and row[4:8] == ["2", "1", "1", "partly returned"]


def test_in_a_chinese_window_the_preview_explains_an_invalid_cell_in_chinese(qapp, archive, tmp_path):
    from PySide6.QtCore import Qt

    from archdesk.services.collection.transfer import preview_import
    from archdesk.ui.collection.preview_model import PreviewModel
    from archdesk.ui.i18n import install_translators

    path = tmp_path / "bad.xlsx"
    workbook = openpyxl.Workbook()
    for row in (["序号", "题名", "日期", "页数", "保管期限"], [1, "关于召开工作会议的通知", "2023.2.30", 3, "永久"]):
        workbook.active.append(row)
    workbook.save(path)
    preview = preview_import(archive, path, department="BGS")
    try:
        install_translators(qapp, "zh_CN")
        model = PreviewModel(preview)
        column = preview.table.headers.index("日期")
        tips = [model.data(model.index(row, column), Qt.ItemDataRole.ToolTipRole) for row in range(model.rowCount())]
        assert "日期不存在：2023-02-30" in tips
    finally:
        install_translators(qapp, "en")


def test_hidden_characters_are_removed_with_a_warning_in_the_preview_and_the_summary(
    qtbot, archive, ops, tmp_path, warnings
):
    path = _sheet(
        tmp_path / "办公室.xlsx",
        [[1, "关于A的通知", "20230105", 3, "永久"], [2, "关于B\u200b的\u202e通知", "20230106", 2, "永久"]],
    )
    wizard = ImportWizard(archive, lambda result: None, ops=ops)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitUntil(lambda: wizard.file_page.department.count() > 1)
    wizard.file_page.path_edit.setText(str(path))
    wizard.file_page.department.setCurrentIndex(wizard.file_page.department.findData("BGS"))
    _next(qtbot, wizard, ops, ImportWizard.MAPPING_PAGE)
    wizard.mapping_page.set_field("发出日期", "date")
    _next(qtbot, wizard, ops, ImportWizard.PREVIEW_PAGE)

    warning = "办公室.xlsx row 4, 题名: control, bidi-override or zero-width characters were removed"
    assert warning in wizard.preview_page.summary.text()
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.CommitButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.currentId() == ImportWizard.SUMMARY_PAGE, timeout=10_000)
    assert warning in wizard.summary_page.summary.text()
    assert warnings == []

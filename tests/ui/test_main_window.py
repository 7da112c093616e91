"""The catalogue workspace driven as an archivist would: search, sort, select, edit, save, see the audit entry."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QToolButton

from archdesk.services.catalogue import get_record
from archdesk.services.demo import add_demo_data
from archdesk.services.records_query import RecordFilter, count_records
from archdesk.ui.main_window import MainWindow


@pytest.fixture(autouse=True)
def no_modal_questions(monkeypatch):
    """A question left open would block the test run: unsaved edits are discarded on close."""
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)


@pytest.fixture
def demo(archive):
    add_demo_data(archive, 400)
    return archive


@pytest.fixture
def window(open_main_window, demo):
    return open_main_window(demo)


def settle(qtbot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: not window.ops.busy, timeout=10_000)


def test_the_window_opens_on_the_first_page_with_counts_and_the_archive_path(window, demo):
    assert window.records.total == 400
    assert window.table.model().data(window.table.model().index(0, 0))
    assert window.count_label.text() == "400 records"
    assert window.path_label.text() == str(demo.file)
    assert window.tree_dock.tree.topLevelItem(0).text(1) == "400"


def test_search_then_sort_then_edit_a_title_and_see_the_audit_entry(qtbot, window, demo):
    window.find_action.trigger()
    window.filter_bar.search.insert("通知")  # QTest cannot type CJK characters
    qtbot.keyClick(window.filter_bar.search, Qt.Key.Key_Return)
    settle(qtbot, window)
    found = count_records(demo, RecordFilter(text="通知"))
    assert 0 < window.records.total == found < 400

    header = window.table.horizontalHeader()
    header.setSortIndicator(window.records.column_of("date"), Qt.SortOrder.DescendingOrder)
    settle(qtbot, window)
    dates = [window.records.record_at(row).date for row in range(window.records.total)]
    known = [d for d in dates if d is not None]
    assert known == sorted(known, reverse=True) and dates[: len(known)] == known  # newest first, undated last

    window.table.selectRow(0)
    settle(qtbot, window)
    record = window.records.record_at(0)
    editor = window.editor
    assert editor.record.id == record.id
    editor.form.title.setPlainText("关于召开年度档案工作会议的通知（修订）")
    assert editor.save_button.isEnabled()
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)

    assert get_record(demo, record.id).title == "关于召开年度档案工作会议的通知（修订）"
    editor.tabs.setCurrentIndex(1)
    newest = editor.history.topLevelItem(0)
    assert newest.text(2) == "update" and newest.text(3).endswith(": Title")
    assert window.records.record_at(window.records.row_of(record.id)).title.endswith("（修订）")


def test_undo_puts_back_the_previous_title_and_is_audited_too(qtbot, window, demo):
    window.table.selectRow(3)
    settle(qtbot, window)
    editor = window.editor
    record_id, before = editor.record.id, editor.record.title
    editor.form.title.setPlainText("临时题名")
    editor.save()
    settle(qtbot, window)
    assert editor.undo_button.isEnabled()

    editor.undo_last_edit()
    settle(qtbot, window)

    assert get_record(demo, record_id).title == before
    actions = [editor.history.topLevelItem(i).text(2) for i in range(editor.history.topLevelItemCount())]
    assert actions[:2] == ["update", "update"]
    assert not editor.undo_button.isEnabled()


def test_a_new_record_shows_its_reference_code_before_saving_and_a_missing_title_under_the_field(qtbot, window, demo):
    window.new_record_action.trigger()
    editor = window.editor
    form = editor.form
    form.category.setCurrentIndex(form.category.findData("WS"))
    form.year.setValue(2024)
    form.retention.setCurrentIndex(form.retention.findData("D30"))
    form.department.setCurrentIndex(form.department.findData("BGS"))
    qtbot.waitUntil(lambda: editor.code.text().startswith("Z001-WS·2024-D30-BGS-"), timeout=5000)
    preview = editor.code.text()

    editor.save()
    settle(qtbot, window)
    assert form.errors_shown() == {"title": "a title is required"}
    assert form.messages["title"].isVisible()

    form.title.setPlainText("关于印发档案管理办法的通知")
    editor.save()
    settle(qtbot, window)
    assert editor.record is not None and editor.record.reference_code == preview
    assert editor.record.status == "pending"
    assert window.records.total == 401


def test_copy_puts_the_selected_rows_on_the_clipboard_as_tab_separated_text(qtbot, window):
    window.table.selectRow(0)
    window.table.selectionModel().select(
        window.records.index(1, 0),
        window.table.selectionModel().SelectionFlag.Select | window.table.selectionModel().SelectionFlag.Rows,
    )
    window.table.copy_action.trigger()
    lines = QGuiApplication.clipboard().text().splitlines()
    assert len(lines) == 2
    assert lines[0].split("\t")[0] == window.records.record_at(0).reference_code
    assert len(lines[0].split("\t")) == window.records.columnCount()


def test_clicking_a_category_filters_the_table_and_its_chip_removes_the_filter(qtbot, window):
    everything = window.tree_dock.tree.topLevelItem(0)
    fonds = everything.child(0)
    category = fonds.child(0)
    window.tree_dock.tree.setCurrentItem(category)
    settle(qtbot, window)
    assert window.records.total == int(category.text(1).replace(",", ""))
    chip = window.filter_bar.findChild(QToolButton, "chip_category")
    assert chip is not None and chip.isVisible()
    assert "of 400 records" in window.count_label.text()

    qtbot.mouseClick(chip, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.filter_bar.findChild(QToolButton, "chip_fonds"), Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert window.records.total == 400


def test_accepting_pending_records_from_the_table_asks_first_and_updates_the_row(qtbot, window, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)  # accept? yes
    window.filter_bar.set_filter(RecordFilter(status="pending"))
    settle(qtbot, window)
    pending = window.records.total
    assert pending > 0
    window.table.selectRow(0)
    window.table.accept_action.trigger()
    settle(qtbot, window)
    assert window.records.total == pending - 1


def test_the_dock_layout_columns_and_sort_order_come_back_after_a_restart(qtbot, demo, tmp_path, open_main_window):
    settings_path = tmp_path / "layout.ini"
    first = open_main_window(demo, settings_path)
    first.loans_dock.toggleViewAction().trigger()
    first.table.setColumnWidth(1, 333)
    first.table.horizontalHeader().setSortIndicator(first.records.column_of("year"), Qt.SortOrder.DescendingOrder)
    settle(qtbot, first)
    first.close()

    second = open_main_window(demo, settings_path)
    try:
        assert not second.loans_dock.isVisible() and second.tree_dock.isVisible()
        assert second.table.columnWidth(1) == 333
        assert second.records.sort_order.column == "year" and second.records.sort_order.descending

        second.reset_layout_action.trigger()
        settle(qtbot, second)
        assert second.loans_dock.isVisible()
        assert second.records.sort_order.column == "reference_code"
        assert {dock.objectName() for dock in second.docks} == {
            "catalogueDock",
            "recordDock",
            "locationsDock",
            "loansDock",
            "appraisalDock",
            "transfersDock",
        }
    finally:
        second.close()


def test_screenshot_mode_saves_the_window_and_exits_0(demo, tmp_path, qapp):
    from archdesk.cli import main

    demo.dispose()
    out = tmp_path / "main.png"
    assert main(["--db", str(demo.file), "--screenshot", str(out), "--lang", "en", "--size", "1200x800"]) == 0
    from PySide6.QtGui import QImage

    image = QImage(str(out))
    assert (image.width(), image.height()) == (1200, 800)

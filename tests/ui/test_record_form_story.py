"""The record form and the table, as a new archivist meets them: a new record starts with its
series' retention, every problem is shown at once and each goes when fixed, and the table's
selection and the editor always show the same record."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from archdesk.services.catalogue import RecordInput, create_record
from archdesk.services.listing import RecordFilter
from archdesk.ui.app import wait_until_idle


@pytest.fixture(autouse=True)
def discard_on_close(monkeypatch):
    """Closing the window after a test with unsaved edits discards them."""
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)


@pytest.fixture
def two_records(archive):
    return [
        create_record(archive, RecordInput(title=title, category="WS", year=2023, retention="D30"))
        for title in ("会议纪要", "年度总结")
    ]


def _type(qtbot, line, text: str) -> None:
    line.selectAll()
    qtbot.keyClick(line, Qt.Key.Key_Delete)
    qtbot.keyClicks(line, text)


def test_a_new_record_starts_with_its_series_default_retention(qtbot, archive, open_main_window):
    window = open_main_window(archive)
    window.new_record_action.trigger()
    form = window.editor.form
    assert form.category.currentData() == "WS"
    assert form.retention.currentData() == "D30"  # 文书's default, not 永久
    form.category.setCurrentIndex(form.category.findData("KJ"))
    assert form.retention.currentData() == "Y"


def test_a_new_record_after_an_empty_pane_still_starts_with_a_series_and_its_retention(
    qtbot, archive, two_records, open_main_window
):
    window = open_main_window(archive)
    window.table.selectRow(0)
    assert wait_until_idle(window, 5000)
    window.filter_bar.set_filter(RecordFilter(text="没有这样的题名"))  # nothing listed: the pane empties
    qtbot.waitUntil(lambda: window.records.total == 0 and not window.editor.isEnabled(), timeout=5000)
    window.new_record_action.trigger()
    form = window.editor.form
    assert (form.category.currentData(), form.retention.currentData()) == ("WS", "D30")
    assert form.fonds.currentData() == "Z001"


def test_every_problem_of_the_form_is_shown_at_once_and_each_goes_when_fixed(qtbot, archive, open_main_window):
    window = open_main_window(archive)
    window.new_record_action.trigger()
    editor, form = window.editor, window.editor.form
    _type(qtbot, form.date, "2023-02-30")
    _type(qtbot, form.pages, "-1")
    assert form.pages.text() == "-1"  # never silently 1
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert wait_until_idle(window, 5000)
    assert form.errors_shown() == {
        "date": "no such date: 2023-02-30",
        "pages": "the page count cannot be negative",
        "title": "a title is required",
    }
    _type(qtbot, form.date, "2023-02-28")
    assert set(form.errors_shown()) == {"pages", "title"}
    _type(qtbot, form.pages, "3")
    form.title.setPlainText("关于印发档案管理办法的通知")  # QTest cannot type CJK characters
    assert form.errors_shown() == {}
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert wait_until_idle(window, 5000)
    assert editor.record is not None and editor.record.pages == 3


def test_a_new_record_once_saved_is_the_one_selected_in_the_table(qtbot, archive, two_records, open_main_window):
    window = open_main_window(archive)
    window.table.selectRow(0)
    window.new_record_action.trigger()
    window.editor.form.title.setPlainText("新的通知")
    qtbot.mouseClick(window.editor.save_button, Qt.MouseButton.LeftButton)
    assert wait_until_idle(window, 5000)
    qtbot.waitUntil(lambda: window.table.current_record_id() == window.editor.record.id, timeout=5000)
    assert window.editor.record.title == "新的通知"


def test_cancel_on_unsaved_changes_keeps_the_record_and_its_row_selected(
    qtbot, archive, two_records, open_main_window, monkeypatch
):
    window = open_main_window(archive)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Cancel)
    window.table.selectRow(0)
    assert wait_until_idle(window, 5000)
    first = window.editor.record.id
    window.editor.form.title.setPlainText("改了一半的题名")
    qtbot.keyClick(window.table, Qt.Key.Key_Down)  # to the next row: discard? Cancel
    assert wait_until_idle(window, 5000)
    assert window.editor.record.id == first and window.editor.form.title.toPlainText() == "改了一半的题名"
    qtbot.waitUntil(lambda: window.table.current_record_id() == first, timeout=5000)
    assert window.table.selectionModel().isRowSelected(window.records.row_of(first))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)


def test_with_nothing_selected_the_editor_is_empty_not_the_last_record_greyed(
    qtbot, archive, two_records, open_main_window
):
    window = open_main_window(archive)
    window.table.selectRow(0)
    assert wait_until_idle(window, 5000)
    assert window.editor.form.title.toPlainText() == window.editor.record.title
    window.filter_bar.set_filter(RecordFilter(text="没有这样的题名"))
    assert wait_until_idle(window, 5000)
    qtbot.waitUntil(lambda: window.records.total == 0, timeout=5000)
    editor = window.editor
    assert not editor.isEnabled() and editor.record is None
    assert editor.form.title.toPlainText() == "" and editor.code.text() == ""
    assert editor.history.topLevelItemCount() == 0

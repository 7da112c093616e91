"""Selecting rows of a large table: Select All is instant and counted, and Copy and the record actions
take every selected row, read from the database when its block was never loaded."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox

from archdesk.services.demo import add_demo_data
from archdesk.services.listing import BLOCK_SIZE, RecordFilter, SortOrder
from archdesk.services.records_query import count_records, records_page
from archdesk.ui.app import wait_until_idle
from archdesk.ui.catalogue import records_view

RECORDS = 1300


@pytest.fixture
def window(open_main_window, archive):
    add_demo_data(archive, RECORDS)
    return open_main_window(archive, restore=False)


def test_select_all_is_counted_from_the_selection_ranges(window):
    window.select_all_action.trigger()
    assert window.table.selected_ranges() == [(0, RECORDS - 1)]
    assert window.selection_label.text() == f"{RECORDS:,} selected"
    # Qt's header would ask the model about every row of every column to learn whether the column
    # is selected (35 s on a million rows): it keeps a selection of its own, which stays empty.
    header = window.table.horizontalHeader()
    assert header.selectionModel() is not window.table.selectionModel()
    assert not header.selectionModel().hasSelection()


def test_ctrl_shift_end_and_home_select_to_the_last_and_first_row(qtbot, window):
    table = window.table
    table.setFocus()
    table.selectRow(700)
    qtbot.keyClick(table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert table.selected_ranges() == [(700, RECORDS - 1)] and table.currentIndex().row() == RECORDS - 1
    assert window.selection_label.text() == f"{RECORDS - 700:,} selected"
    table.selectRow(300)
    qtbot.keyClick(table, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert table.selected_ranges() == [(0, 300)] and table.currentIndex().row() == 0


def test_copy_takes_every_selected_row_even_from_blocks_never_loaded(qtbot, window):
    assert not window.records.is_loaded(2 * BLOCK_SIZE)
    QGuiApplication.clipboard().clear()
    window.select_all_action.trigger()
    window.table.copy_action.trigger()
    qtbot.waitUntil(lambda: QGuiApplication.clipboard().text().count("\n") == RECORDS, timeout=10_000)
    codes = [line.split("\t")[0] for line in QGuiApplication.clipboard().text().splitlines()]
    assert codes == [view.reference_code for view in records_page(window.db, RecordFilter(), SortOrder(), limit=2000)]


def test_a_selection_too_large_to_copy_is_refused_with_a_message(qtbot, window, monkeypatch):
    monkeypatch.setattr(records_view, "MAX_ROWS_AT_ONCE", 500)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text: told.append(text))
    QGuiApplication.clipboard().setText("before")
    window.select_all_action.trigger()
    window.table.copy_action.trigger()
    assert told == [f"{RECORDS:,} rows are selected. Copy and the record actions take up to 500 rows at a time: "
                    "narrow the list with a filter, or use Export for all of it."]  # fmt: skip
    assert QGuiApplication.clipboard().text() == "before"


def test_accepting_a_selection_reaches_pending_records_in_unloaded_blocks(qtbot, window, monkeypatch):
    pending = RecordFilter(status="pending")
    assert count_records(window.db, pending) > 0
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    header = window.table.horizontalHeader()
    header.setSortIndicator(window.records.column_of("status"), header.sortIndicatorOrder())  # pending in the middle
    assert wait_until_idle(window, 10_000)
    first_pending = next(
        row for row, view in enumerate(records_page(window.db, RecordFilter(), window.records.sort_order, limit=2000))
        if view.status == "pending"
    )  # fmt: skip
    assert first_pending >= 2 * BLOCK_SIZE and not window.records.is_loaded(first_pending)
    window.select_all_action.trigger()
    window.table.accept_action.trigger()
    qtbot.waitUntil(lambda: count_records(window.db, pending) == 0, timeout=10_000)
    assert wait_until_idle(window, 10_000)

"""Searching for a 档号 from the search field: a part of a code narrows the table to its records,
the whole code (typed, or scanned from a label as keystrokes and Enter) opens the record."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from archdesk.services.catalogue import RecordInput, create_record
from archdesk.ui.app import wait_until_idle


@pytest.fixture
def personnel(archive):
    return [
        create_record(
            archive, RecordInput(title=f"人事档案{n}", category="RS", year=2010, retention="Y", department="RSC")
        )
        for n in range(3)
    ] + [
        create_record(archive, RecordInput(title="工作总结", category="WS", year=2019, retention="Y", department="BGS"))
    ]


def _search(qtbot, window, text: str) -> None:
    window.find_action.trigger()
    window.filter_bar.search.selectAll()
    qtbot.keyClicks(window.filter_bar.search, text)
    qtbot.keyClick(window.filter_bar.search, Qt.Key.Key_Return)
    assert wait_until_idle(window, 5000)


def test_part_of_a_reference_code_narrows_the_table_to_its_records(qtbot, archive, personnel, open_main_window):
    window = open_main_window(archive)
    _search(qtbot, window, "2019-Y-BGS")
    qtbot.waitUntil(lambda: window.records.total == 1, timeout=5000)
    assert window.records.record_at(0).id == personnel[3].id
    _search(qtbot, window, "RSC-000")
    qtbot.waitUntil(lambda: window.records.total == 3, timeout=5000)


def test_a_whole_reference_code_typed_or_scanned_opens_the_record(qtbot, archive, personnel, open_main_window):
    window = open_main_window(archive)
    wanted = personnel[2]
    _search(qtbot, window, wanted.reference_code)
    qtbot.waitUntil(lambda: window.editor.record is not None and window.editor.record.id == wanted.id, timeout=5000)
    assert window.record_dock.isVisible()
    qtbot.waitUntil(lambda: window.table.current_record_id() == wanted.id, timeout=5000)

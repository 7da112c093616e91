"""Actions on the selected records, as the archivist meets them: one transaction for the selection,
a refusal that names the record, and a table that shows what the archive holds right after."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QInputDialog, QMessageBox

from archdesk.services.catalogue import RecordInput, accept_records, create_record, get_record, record_history
from archdesk.ui.app import wait_until_idle


@pytest.fixture
def three_pending(archive):
    return [
        create_record(archive, RecordInput(title=f"第{n}份通知", category="WS", year=2023, retention="D30"))
        for n in (1, 2, 3)
    ]


def _statuses_shown(window) -> list[str]:
    model = window.records
    column = model.column_of("status")
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]


def test_deleting_three_selected_records_of_which_one_was_accepted_meanwhile_deletes_none(
    qtbot, archive, three_pending, open_main_window, monkeypatch
):
    window = open_main_window(archive)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warnings.append(text))
    window.table.selectAll()
    assert _statuses_shown(window) == ["Pending"] * 3
    accepted = three_pending[1]
    accept_records(archive, [accepted.id])  # another window accepted it after the rows were read

    window.table.delete_action.trigger()
    assert wait_until_idle(window, 10_000)

    assert len(warnings) == 1 and accepted.reference_code in warnings[0] and "nothing was deleted" in warnings[0]
    assert all(get_record(archive, view.id) for view in three_pending)
    qtbot.waitUntil(lambda: sorted(_statuses_shown(window)) == ["In custody", "Pending", "Pending"], timeout=5000)


def test_deleting_selected_pending_records_removes_them_all_from_the_table(
    qtbot, archive, three_pending, open_main_window, monkeypatch
):
    window = open_main_window(archive)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.table.selectAll()
    window.table.delete_action.trigger()
    assert wait_until_idle(window, 10_000)
    qtbot.waitUntil(lambda: window.records.total == 0, timeout=5000)


def test_accept_with_nothing_pending_selected_says_so(qtbot, archive, three_pending, open_main_window, monkeypatch):
    accept_records(archive, [view.id for view in three_pending])
    window = open_main_window(archive)
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text: said.append(text))
    window.table.accept_action.trigger()  # nothing selected
    window.table.selectAll()
    window.table.accept_action.trigger()  # none of them pending
    assert wait_until_idle(window, 10_000)
    assert len(said) == 2 and all("nothing to accept" in text for text in said)


def test_transferring_records_out_asks_for_a_reason_and_the_history_keeps_it(
    qtbot, archive, three_pending, open_main_window, monkeypatch
):
    accept_records(archive, [view.id for view in three_pending])
    window = open_main_window(archive)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("移交市档案馆", True))
    window.table.selectAll()
    window.table.transfer_action.trigger()
    assert wait_until_idle(window, 10_000)
    qtbot.waitUntil(lambda: _statuses_shown(window) == ["Transferred"] * 3, timeout=5000)
    event = record_history(archive, three_pending[0].id)[-1]
    assert event.after == {"status": "transferred", "reason": "移交市档案馆"}
    assert event.summary_text("zh_CN").endswith("在档 → 移出：移交市档案馆")

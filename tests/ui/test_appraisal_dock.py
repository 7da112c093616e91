"""The Appraisal dock as the archivist uses it: due list with its count, a batch opened and decided, a
destruction list made, approved with two witnesses and executed — all by clicks and typing."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "services" / "appraisal"))
from appraisal_archive import add_records, record_state
from dock_tabs import bring_up_dock

from archdesk.ui.app import wait_until_idle


def _click(qtbot, window, button) -> None:
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert wait_until_idle(window, 20_000)


def _type(qtbot, field, text: str) -> None:
    # QTest types ASCII only (a Chinese character aborts it), so the names here are in pinyin.
    field.clear()
    qtbot.keyClicks(field, text)


@pytest.fixture
def window(open_main_window, archive, qtbot):
    ids = add_records(archive, 3)
    add_records(archive, 1, year=2024)  # not due
    shown = open_main_window(archive)
    bring_up_dock(shown, shown.appraisal_dock, qtbot)  # the archivist works in the Appraisal dock
    shown.ids = ids
    return shown


def test_the_due_list_shows_its_count_and_a_due_record_opens_in_the_editor(window, qtbot):
    dock = window.appraisal_dock
    bring_up_dock(window, dock, qtbot)  # the user brings the dock's tab to the front
    qtbot.waitExposed(dock.list)
    assert dock.count_label.text() == "3 records due for appraisal"
    assert dock.list.topLevelItemCount() == 3
    item = dock.list.topLevelItem(1)
    rect = dock.list.visualItemRect(item)
    qtbot.mouseClick(dock.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(dock.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert wait_until_idle(window, 10_000)
    assert window.editor.record is not None and window.editor.record.id == dock.items[1].id


def test_batch_decision_list_approval_and_execution_by_the_dock(window, qtbot, monkeypatch):
    dock = window.appraisal_dock
    batches, awaiting, executed = dock.batches, dock.awaiting, dock.executed
    _type(qtbot, batches.title, "2026 appraisal")
    _type(qtbot, batches.members, "Zhang San, Li Si")
    _click(qtbot, window, batches.open_button)
    assert batches.batch_list.topLevelItemCount() == 1
    assert dock.batch_choice.count() == 1

    dock.list.selectAll()
    _click(qtbot, window, dock.add_button)
    assert dock.list.topLevelItemCount() == 0  # under review: no longer due
    assert batches.record_list.topLevelItemCount() == 3

    batches.record_list.selectAll()
    batches.decision.setCurrentIndex(batches.decision.findData("destroy"))
    _type(qtbot, batches.opinion, "retention ended, no further value")
    _click(qtbot, window, batches.decide_button)
    assert [batches.record_list.topLevelItem(i).text(3) for i in range(3)] == ["Destroy"] * 3
    _click(qtbot, window, batches.list_button)
    assert awaiting.view.topLevelItemCount() == 1
    assert awaiting.view.topLevelItem(0).text(3) == "Awaiting approval"
    assert not awaiting.execute_button.isEnabled()

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    _type(qtbot, awaiting.approver, "Zhou Ming")
    _type(qtbot, awaiting.witnesses, "Sun Li")
    _click(qtbot, window, awaiting.approve_button)
    assert shown == ["at least two witnesses (监销人) are needed; 1 given"]
    _type(qtbot, awaiting.witnesses, "Sun Li, Wu Qiang")
    _click(qtbot, window, awaiting.approve_button)
    assert awaiting.view.topLevelItem(0).text(3) == "Approved"

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    _click(qtbot, window, awaiting.execute_button)
    assert awaiting.view.topLevelItemCount() == 0
    assert executed.view.topLevelItemCount() == 1 and executed.view.topLevelItem(0).text(4) == "3"
    assert [record_state(window.db, i)[0] for i in window.ids] == ["destroyed"] * 3


def test_an_executed_list_exports_to_pdf(window, qtbot, monkeypatch, tmp_path):
    from archdesk.services.appraisal import approve_destruction_list, create_batch, create_destruction_list, decide

    db = window.db
    batch = create_batch(db, "鉴定", "张三,李四")
    decide(db, batch, [item.reference_code for item in window.appraisal_dock.items], "destroy", "期满")
    approve_destruction_list(db, create_destruction_list(db, batch), "周明", "孙丽,吴强")
    window.appraisal_dock.reload()
    assert wait_until_idle(window, 10_000)
    target = tmp_path / "list.pdf"
    monkeypatch.setattr(
        "archdesk.ui.reports.list_export.QFileDialog.getSaveFileName", lambda *a, **k: (str(target), "")
    )
    _click(qtbot, window, window.appraisal_dock.awaiting.pdf_button)
    assert target.stat().st_size > 1000


def test_the_chosen_batch_stays_chosen_when_the_list_reloads(window, qtbot):
    batches = window.appraisal_dock.batches
    for title in ("first batch", "second batch"):
        _type(qtbot, batches.title, title)
        _type(qtbot, batches.members, "Zhang San, Li Si")
        _click(qtbot, window, batches.open_button)
    assert batches.batch_list.topLevelItemCount() == 2
    lower = batches.batch_list.topLevelItem(1)
    qtbot.mouseClick(
        batches.batch_list.viewport(), Qt.MouseButton.LeftButton, pos=batches.batch_list.visualItemRect(lower).center()
    )
    chosen = batches.current_batch()
    assert chosen == batches.batches[1].id
    _type(qtbot, batches.title, "third batch")
    _type(qtbot, batches.members, "Zhang San, Li Si")
    _click(qtbot, window, batches.open_button)  # the list reloads with three batches
    assert batches.batch_list.topLevelItemCount() == 3
    assert batches.current_batch() == chosen
    assert batches.batch_list.currentItem().text(0) == str(chosen)

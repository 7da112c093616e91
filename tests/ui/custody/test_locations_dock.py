"""The Shelf locations dock as the archivist uses it: the tree, a fast scanner, dragging a box, move by scan,
putting records in a box from the table, the record's place in the editor, the ledger window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from archdesk.services.catalogue import RecordInput, create_record
from archdesk.services.custody import finding
from archdesk.services.custody.boxes import move_boxes, put_in_box
from archdesk.services.custody.locations import add_shelving, location_tree
from archdesk.services.ledger import ledger_entries
from archdesk.ui.app import wait_until_idle


@pytest.fixture
def stocked(archive):
    """Two boxes on the first shelf of K01 (2 rows × 2 sections × 2 levels, 4 boxes a shelf)."""
    add_shelving(archive, "K01", rows=2, sections=2, levels=2, capacity=4)
    boxes = []
    for year in (2020, 2021):
        ids = [
            create_record(
                archive, RecordInput(title=f"{year}年文件{n}", category="WS", year=year, retention="D30"), accept=True
            ).id
            for n in range(3)
        ]
        boxes.append(put_in_box(archive, ids, new=True))
    first = location_tree(archive)[0]
    move_boxes(archive, [b.box_id for b in boxes], first.id)
    return archive, boxes


@pytest.fixture
def window(open_main_window, stocked):
    return open_main_window(stocked[0])


def test_the_tree_shows_storeroom_rows_and_shelves_with_their_occupancy(window):
    tree = window.locations_dock.list
    room = tree.topLevelItem(0)
    assert (room.text(0), room.text(1), room.text(2), room.text(3)) == ("K01", "2", "6", str(8 * 4))
    row = room.child(0)
    assert row.text(0) == "K01-01"
    assert row.childCount() == 0  # made when the row is opened
    row.setExpanded(True)
    section = row.child(0)
    assert (section.text(0), section.text(1), section.text(3)) == ("K01-01-1", "2", "8")
    section.setExpanded(True)
    shelf = section.child(0)
    assert (shelf.text(0), shelf.text(1), shelf.text(3)) == ("K01-01-1-1", "2", "4")


def test_a_fast_scanner_typing_two_codes_gives_two_lookups_of_whole_codes(window, stocked, qtbot, monkeypatch):
    _, boxes = stocked
    looked_up: list[str] = []
    real = finding.find_code
    monkeypatch.setattr(finding, "find_code", lambda db, code: (looked_up.append(code), real(db, code))[1])
    dock = window.locations_dock
    for box in boxes:  # typed back to back, as a scanner does, without waiting for the first look-up
        qtbot.keyClicks(dock.scan, box.box_code)
        qtbot.keyClick(dock.scan, Qt.Key.Key_Return)
    assert wait_until_idle(window, 10_000)
    assert looked_up == [boxes[0].box_code, boxes[1].box_code]
    assert [dock.recent.item(i).text() for i in range(dock.recent.count())] == [boxes[1].box_code, boxes[0].box_code]
    assert dock.result.text().splitlines() == [
        f"Box {boxes[1].box_code}: 3 records, on K01-01-1-1", "0001 2021年文件0", "0002 2021年文件1", "0003 2021年文件2",
    ]  # fmt: skip
    assert dock.scan.text() == ""


def test_an_unknown_code_says_so_on_one_line(window, qtbot):
    dock = window.locations_dock
    qtbot.keyClicks(dock.scan, "NO-SUCH-CODE")
    qtbot.keyClick(dock.scan, Qt.Key.Key_Return)
    assert wait_until_idle(window, 10_000)
    assert dock.result.text() == "nothing has the code NO-SUCH-CODE"


def _drop_on(tree, item, mime) -> None:
    tree.scrollToItem(item)
    point = QPoint(10, tree.visualItemRect(item).center().y())
    buttons, keys, action = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, Qt.DropAction.MoveAction
    for event in (
        QDragEnterEvent(point, action, mime, buttons, keys),
        QDragMoveEvent(point, action, mime, buttons, keys),
        QDropEvent(point.toPointF(), action, mime, buttons, keys),
    ):
        QApplication.sendEvent(tree.viewport(), event)


def test_dragging_a_box_onto_another_shelf_moves_it_and_writes_the_ledger(window, stocked):
    archive, boxes = stocked
    dock = window.locations_dock
    dock.select_shelf(location_tree(archive)[0].id)
    assert wait_until_idle(window, 10_000)
    assert dock.boxes.topLevelItemCount() == 2
    dragged = dock.boxes.topLevelItem(0)
    code = dragged.text(0)
    target = location_tree(archive)[1]
    _drop_on(dock.list, dock.list.shelf_item(target.id), dock.boxes.mimeData([dragged]))
    assert wait_until_idle(window, 10_000)
    assert finding.find_code(archive, code).location == target.code
    assert ledger_entries(archive)[0].to_location == target.code
    assert dock.shelf_items[target.id].text(1) == "1"


def test_move_by_scan_takes_the_boxes_scanned_to_the_shelf_scanned_next(window, stocked, qtbot):
    archive, boxes = stocked
    dock = window.locations_dock
    qtbot.mouseClick(dock.move_by_scan, Qt.MouseButton.LeftButton, pos=QPoint(5, dock.move_by_scan.height() // 2))
    assert dock.move_by_scan.isChecked()
    target = location_tree(archive)[-1].code
    for code in (boxes[0].box_code, boxes[1].box_code, target):
        qtbot.keyClicks(dock.scan, code)
        qtbot.keyClick(dock.scan, Qt.Key.Key_Return)
        assert wait_until_idle(window, 10_000)
    assert dock.result.text().startswith(f"2 boxes moved to {target}")
    assert {finding.find_code(archive, b.box_code).location for b in boxes} == {target}


def _two_records_boxed_from_the_table(window, archive, monkeypatch) -> tuple[list[int], list[int]]:
    """Two new records chosen in the Catalogue table and put in a new box: their ids and rows."""
    extra = [
        create_record(archive, RecordInput(title=f"补充{n}", category="WS", year=2022, retention="Y"), accept=True).id
        for n in range(2)
    ]
    window.refresh()
    assert wait_until_idle(window, 10_000)
    monkeypatch.setattr("archdesk.ui.custody.dialogs.PutInBoxDialog.exec", lambda self: QDialog.DialogCode.Accepted)
    rows = [window.records.row_of(i) for i in extra]
    window.table.select_row(rows[0])
    window.table.selectionModel().select(
        window.records.index(rows[1], 0),
        window.table.selectionModel().SelectionFlag.Select | window.table.selectionModel().SelectionFlag.Rows,
    )
    window.put_in_box_action.trigger()
    assert wait_until_idle(window, 10_000)
    return extra, rows


def test_the_record_counts_follow_a_box_moved_by_scan_and_records_boxed_from_the_table(
    window, stocked, qtbot, monkeypatch
):
    archive, boxes = stocked
    dock = window.locations_dock
    first, last = location_tree(archive)[0], location_tree(archive)[-1]
    room = dock.list.topLevelItem(0)

    def records_on(shelf) -> str:
        return dock.list.shelf_item(shelf.id).text(2)

    assert wait_until_idle(window, 10_000)
    assert (records_on(first), records_on(last), room.text(2)) == ("6", "0", "6")

    def scan_to_last(box_code: str) -> None:
        for code in (box_code, last.code):
            qtbot.keyClicks(dock.scan, code)
            qtbot.keyClick(dock.scan, Qt.Key.Key_Return)
            assert wait_until_idle(window, 10_000)

    qtbot.mouseClick(dock.move_by_scan, Qt.MouseButton.LeftButton, pos=QPoint(5, dock.move_by_scan.height() // 2))
    scan_to_last(boxes[0].box_code)
    assert (records_on(first), records_on(last), dock.list.topLevelItem(0).text(2)) == ("3", "3", "6")

    # Two new records put in a new box from the Catalogue table, and the box scanned onto the last shelf.
    _two_records_boxed_from_the_table(window, archive, monkeypatch)
    new_box = window.statusBar().currentMessage().split("put in box ")[1].split()[0]
    scan_to_last(new_box)
    assert (records_on(first), records_on(last), dock.list.topLevelItem(0).text(2)) == ("3", "5", "8")


def test_a_full_shelf_asks_before_a_drop_and_no_means_nothing_moves(window, stocked, monkeypatch):
    archive, boxes = stocked
    dock = window.locations_dock
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: (asked.append(a[2]), QMessageBox.StandardButton.No)[1])
    small = location_tree(archive)[2]
    from archdesk.services.custody.locations import set_capacity

    set_capacity(archive, small.id, 1)
    dock.select_shelf(location_tree(archive)[0].id)
    assert wait_until_idle(window, 10_000)
    dock.boxes.selectAll()
    _drop_on(dock.list, dock.list.shelf_item(small.id), dock.boxes.mimeData(dock.boxes.selectedItems()))
    assert wait_until_idle(window, 10_000)
    assert asked and "holds 0 of 1 boxes; 2 more do not fit" in asked[0]
    assert {finding.find_code(archive, b.box_code).location for b in boxes} == {location_tree(archive)[0].code}


def test_records_chosen_in_the_table_go_into_a_new_box_and_the_editor_shows_where(window, stocked, qtbot, monkeypatch):
    archive, _ = stocked
    extra, rows = _two_records_boxed_from_the_table(window, archive, monkeypatch)
    assert "2 records put in box" in window.statusBar().currentMessage()
    found = finding.find_code(archive, window.statusBar().currentMessage().split("put in box ")[1].split()[0])
    assert sorted(r.id for r in found.records) == extra
    window.table.select_row(rows[0])
    assert wait_until_idle(window, 10_000)
    assert window.editor.place.text() == f"Box {found.code} on no shelf"


def test_the_ledger_window_lists_moves_and_filters_by_reason(window, qtbot):
    from archdesk.ui.custody.ledger_view import LedgerDialog

    dialog = LedgerDialog(window.ops, window)
    qtbot.addWidget(dialog)
    assert wait_until_idle(window, 10_000)
    assert dialog.table.topLevelItemCount() == 8  # 6 records boxed, 2 boxes shelved
    dialog.reason.setCurrentIndex(dialog.reason.findData("shelved"))
    qtbot.mouseClick(dialog.apply, Qt.MouseButton.LeftButton)
    assert wait_until_idle(window, 10_000)
    assert dialog.table.topLevelItemCount() == 2
    assert dialog.table.topLevelItem(0).text(2) == "Shelved"


def test_double_clicking_a_box_opens_its_box_note_drafted_and_saves_what_the_archivist_writes(
    window, stocked, qtbot, monkeypatch
):
    archive, boxes = stocked
    from sqlalchemy import update

    from archdesk.models import Record
    from archdesk.services.custody.boxes import box_note
    from archdesk.services.uow import UnitOfWork

    with UnitOfWork(archive) as uow:
        uow.session.execute(
            update(Record).where(Record.box_id == boxes[0].box_id, Record.item_number == 1).values(status="destroyed")
        )
        uow.commit()
    dock = window.locations_dock
    dock.select_shelf(location_tree(archive)[0].id)
    assert wait_until_idle(window, 10_000)
    seen = {}

    def fill_in(dialog):
        seen["draft"] = dialog.notes.toPlainText()
        dialog.notes.setPlainText("第1件已按销毁清册销毁。")
        qtbot.keyClicks(dialog.checked_by, "Li Si")
        dialog.dated["checked"].setChecked(True)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr("archdesk.ui.custody.dialogs.BoxNoteDialog.exec", fill_in)
    item = next(dock.boxes.topLevelItem(i) for i in range(2) if dock.boxes.topLevelItem(i).text(0) == boxes[0].box_code)
    where = QPoint(10, dock.boxes.visualItemRect(item).center().y())
    qtbot.mouseClick(dock.boxes.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(dock.boxes.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert wait_until_idle(window, 10_000)
    assert seen["draft"] == "0001《2020年文件0》已销毁"
    _code, note = box_note(archive, boxes[0].box_id)
    assert (note["notes"], note["checked_by"]) == ("第1件已按销毁清册销毁。", "Li Si")
    assert note["checked_on"] is not None


def test_rename_on_a_storeroom_names_the_storeroom(window, stocked, qtbot, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    from archdesk.services.custody.locations import list_storerooms

    archive, _ = stocked
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("一号库房", True))
    dock = window.locations_dock
    room = dock.list.topLevelItem(0)
    qtbot.mouseClick(
        dock.list.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(30, dock.list.visualItemRect(room).center().y())
    )
    dock.rename_action.trigger()
    assert wait_until_idle(window, 10_000)
    assert [r.name for r in list_storerooms(archive)] == ["一号库房"]

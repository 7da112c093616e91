"""Every dock is built one way (archdesk.ui.dock): a row opens what it lists, the layout carries a
version, connections go with the dock, and no widget starts a second database worker."""

from __future__ import annotations

import pytest
import shiboken6
from dock_tabs import bring_up_dock
from printing_archive import BATCH_FILE, build_print_archive
from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMessageBox, QTreeWidget, QTreeWidgetItem

from archdesk.services.listing import RecordFilter
from archdesk.ui.app import wait_until_idle
from archdesk.ui.dock import Dock, ListDock, docks_of
from archdesk.ui.loans.loans_dock import LoansDock
from archdesk.ui.main_window import LAYOUT_VERSION
from archdesk.ui.ops import Changes, Concern, Ops
from archdesk.ui.settings import Settings


@pytest.fixture(autouse=True)
def no_modal_questions(monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)


@pytest.fixture
def window(open_main_window, archive):
    build_print_archive(archive)
    return open_main_window(archive)


def _double_click(view: QTreeWidget, item: QTreeWidgetItem, qtbot) -> None:
    view.scrollToItem(item)
    centre = view.visualItemRect(item).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)


def test_every_dock_of_the_window_is_built_through_the_one_pattern(window):
    docks = docks_of(window)
    assert {dock.objectName() for dock in docks} == {d.objectName() for d in window.docks}
    assert len(docks) == len(window.docks) == 6
    assert all(isinstance(dock, Dock) for dock in window.docks)
    for dock in window.docks:
        assert dock.toggleViewAction() in window.view_menu.actions()
        assert dock.windowTitle()


def test_a_due_record_double_clicked_in_the_appraisal_dock_opens_in_the_record_editor(window, qtbot):
    dock = window.appraisal_dock
    bring_up_dock(window, dock, qtbot)
    assert dock.items, "the archive has records due for appraisal"
    row = min(3, len(dock.items) - 1)
    due = dock.items[row]
    _double_click(dock.list, dock.list.topLevelItem(row), qtbot)
    qtbot.waitUntil(lambda: window.editor.loaded_record_id == due.id, timeout=10_000)
    assert window.record_dock.isVisible()
    assert window.editor.form.title.toPlainText() == due.title


def test_enter_on_a_loan_opens_the_record_lent(window, qtbot):
    dock = window.loans_dock
    dock.show()
    dock.raise_()
    loan = dock.items[0]
    dock.list.setFocus()
    dock.list.setCurrentItem(dock.list.topLevelItem(0))
    qtbot.keyClick(dock.list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.editor.loaded_record_id == loan.record_id, timeout=10_000)
    assert window.editor.form.title.toPlainText() == loan.title


def test_a_shelf_address_opens_the_records_kept_there(window, qtbot):
    dock = window.locations_dock
    qtbot.waitUntil(lambda: bool(dock.record_counts), timeout=10_000)  # the counts follow the tree
    shelf = next(node for node in dock.items if dock.record_counts.get(node.id))
    dock.show()
    dock.raise_()
    item = dock.list.shelf_item(shelf.id)
    parent = item.parent()
    while parent is not None:  # the archivist opens the storeroom's groups down to the shelf
        parent.setExpanded(True)
        parent = parent.parent()
    dock.list.setFocus()
    dock.list.setCurrentItem(item)
    qtbot.keyClick(dock.list, Qt.Key.Key_Return)  # Enter on the shelf
    held = dock.record_counts[shelf.id]
    qtbot.waitUntil(lambda: window.records.total == held and not window.ops.busy, timeout=10_000)
    assert window.filter_bar.filter == RecordFilter(location=shelf.code)
    chip = window.filter_bar.findChild(object, "chip_location")
    assert chip is not None and shelf.code in chip.text()


def test_a_transfer_batch_opens_the_records_it_brought_in(window, qtbot):
    dock = window.transfers_dock
    bring_up_dock(window, dock, qtbot)
    row = next(i for i, batch in enumerate(dock.items) if batch.file_name == BATCH_FILE)
    batch = dock.items[row]
    _double_click(dock.list, dock.list.topLevelItem(row), qtbot)
    qtbot.waitUntil(lambda: window.filter_bar.filter.transfer_batch_id == batch.id, timeout=5_000)
    assert wait_until_idle(window, 10_000)
    assert window.findChild(object, "chip_transfer_batch_id") is not None


def test_a_layout_saved_with_another_set_of_docks_is_not_restored(qtbot, archive, tmp_path, open_main_window):
    settings_path = tmp_path / "layout.ini"
    first = open_main_window(archive, settings_path)
    first.transfers_dock.toggleViewAction().trigger()
    # What an older ArchDesk with other docks left behind: the same layout, stamped with its version.
    stale = first.saveState(LAYOUT_VERSION - 1)
    first.close()
    settings = Settings(settings_path)
    settings.dock_state = stale
    settings.sync()

    second = open_main_window(archive, settings_path)
    assert second.transfers_dock.toggleViewAction().isChecked()  # the default layout, not the stale one
    second.transfers_dock.toggleViewAction().trigger()
    second.close()

    third = open_main_window(archive, settings_path)  # this version's own layout does come back
    assert not third.transfers_dock.toggleViewAction().isChecked()
    assert Settings(settings_path).dock_state != QByteArray()
    third.close()


def test_a_destroyed_dock_is_not_called_again_by_the_hub(qtbot, archive):
    ops = Ops(archive)
    try:
        dock = LoansDock(ops)
        heard: list[Changes] = []
        dock.listen(ops.hub.changed, lambda changes: heard.append(changes))  # a lambda: Qt cannot drop it itself
        ops.hub.announce(Changes(loans=True))
        assert len(heard) == 1
        assert dock.connection_count == 2
        dock.deleteLater()
        qtbot.waitUntil(lambda: not shiboken6.isValid(dock), timeout=2_000)
        ops.hub.announce(Changes(loans=True))
        assert len(heard) == 1
    finally:
        ops.shutdown()


def test_a_change_concerns_typed_kinds_and_the_old_keywords_still_build_it():
    change = Changes(records=True, boxes=True)
    assert change.kinds == Concern.RECORDS | Concern.BOXES
    assert change.concerns(Concern.BOXES) and not change.concerns(Concern.LOANS | Concern.APPRAISAL)
    assert Changes.of(Concern.LOANS, record_ids=(4,)) == Changes(loans=True, record_ids=(4,))
    assert Changes.everything().concerns(Concern.CODES)
    with pytest.raises(TypeError):
        change.concerns("records")


def test_a_list_dock_written_with_names_for_its_concerns_gets_the_flags():
    class Older(ListDock):
        concerns = ("loans", "records")

    assert Older.concerns == Concern.LOANS | Concern.RECORDS


def test_opening_the_import_wizard_starts_no_second_database_worker(window, qtbot):
    assert len(window.findChildren(Ops)) == 1
    window.tool_actions["import"].trigger()
    wizard = window.findChild(object, "importWizard")
    assert wizard is not None and wizard.ops is window.ops
    assert len(window.findChildren(Ops)) == 1
    wizard.reject()


def test_the_transfers_list_reloads_after_a_change_to_records_only(window, qtbot):
    dock = window.transfers_dock
    bring_up_dock(window, dock, qtbot)
    with qtbot.assertNotEmitted(dock.loaded, wait=300):
        window.hub.announce(Changes(loans=True))
    with qtbot.waitSignal(dock.loaded, timeout=10_000):
        window.hub.announce(Changes(records=True))


class _Shelves(ListDock):
    """A dock the way the custody, loans and appraisal docks add actions and a details pane."""

    concerns = Concern.LOCATIONS

    def __init__(self, ops: Ops) -> None:
        super().__init__(ops, "shelvesDock")
        self.marked: list[list[str]] = []
        self.mark_action = QAction("Mark", self)
        self.mark_action.triggered.connect(lambda: self.marked.append(self.selected_items()))
        self.add_actions(self.list, [self.mark_action])
        self.details_label = QLabel()
        self.set_details(self.details_label)
        self.current_changed.connect(lambda item: self.details_label.setText(item or ""))
        self.retranslate_ui()

    def fetch(self, db):
        return ["K01-A", "K01-B", "K02-A"]

    def headers(self) -> list[str]:
        return ["Shelf"]

    def row(self, item: str) -> list[str]:
        return [item]


def test_a_dock_action_applies_to_the_rows_selected_and_the_details_follow_the_current_row(qtbot, archive):
    ops = Ops(archive)
    try:
        dock = _Shelves(ops)
        qtbot.addWidget(dock)
        dock.show()
        with qtbot.waitSignal(dock.loaded, timeout=10_000):
            dock.reload()
        first, last = dock.list.topLevelItem(0), dock.list.topLevelItem(2)
        qtbot.mouseClick(dock.list.viewport(), Qt.MouseButton.LeftButton, pos=dock.list.visualItemRect(first).center())
        assert dock.details_label.text() == "K01-A"
        qtbot.mouseClick(
            dock.list.viewport(),
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.ControlModifier,
            dock.list.visualItemRect(last).center(),
        )
        assert dock.details_label.text() == "K02-A"
        assert dock.list.actions()[0] is dock.mark_action  # first in the context menu, before nothing else
        button = dock.actions_bar.widgetForAction(dock.mark_action)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert dock.marked == [["K01-A", "K02-A"]]
    finally:
        ops.shutdown()


def test_exports_written_with_a_builder_name_still_build_their_document_while_they_are_merged(qtbot, archive):
    from archdesk.ui.reports.list_export import ListExports

    ops = Ops(archive)
    try:
        host = QTreeWidget()
        qtbot.addWidget(host)
        exports = ListExports(host, host, ops, name="loans", rows=list, builder="loans_document")
        document = exports.build()(archive)
        assert document.title == "Loans" and list(document.sections[0].rows) == []
        with pytest.raises(TypeError):
            ListExports(host, host, ops, name="x", rows=list)
    finally:
        ops.shutdown()


def test_a_dock_behind_another_tab_loads_when_its_tab_is_clicked_and_follows_changes_made_meanwhile(window, qtbot):
    appraisal, transfers = window.appraisal_dock, window.transfers_dock
    assert window.loans_dock.items or window.loans_dock.empty.isVisible()  # on top at start: loaded
    assert appraisal.out_of_date and not appraisal.items, "behind the Loans tab: nothing read yet"
    assert transfers.out_of_date and not transfers.items
    bring_up_dock(window, appraisal, qtbot)
    due = len(appraisal.items)
    assert due, "the archive has records due for appraisal"
    assert not transfers.out_of_date or not transfers.items  # the other hidden dock stays unread
    # A change the appraisal dock cares about, announced while the Loans tab is on top again:
    bring_up_dock(window, window.loans_dock, qtbot)
    window.ops.hub.announce(Changes(appraisal=True))
    assert appraisal.out_of_date, "a hidden dock only notes that it is out of date"
    assert wait_until_idle(window, 10_000)
    bring_up_dock(window, appraisal, qtbot)
    assert not appraisal.out_of_date and len(appraisal.items) == due

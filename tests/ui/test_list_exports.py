"""Every list dock prints and exports what it shows: Export PDF… and Export Excel… in its context menu and toolbar."""

from __future__ import annotations

import openpyxl
import pytest
from dock_tabs import bring_up_dock
from printing_archive import BATCH_FILE, BORROWER, build_print_archive
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from archdesk.ui.app import wait_until_idle
from archdesk.ui.main_window import MainWindow
from archdesk.ui.settings import Settings


@pytest.fixture(autouse=True)
def no_modal_questions(monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: pytest.fail(f"error shown: {text}"))


@pytest.fixture
def window(open_main_window, archive):
    build_print_archive(archive)
    return open_main_window(archive)


def _shown(window: MainWindow, dock: str, qtbot) -> tuple[object, str]:
    """The dock's exports and one text of its first row, as the user sees it (its tab clicked)."""
    list_dock = getattr(window, f"{dock}_dock")
    bring_up_dock(window, list_dock, qtbot)
    column = {"locations": 0, "transfers": 3}.get(dock, 1)
    return list_dock.exports, list_dock.list.topLevelItem(0).text(column)


def _export(window, exports, fmt, target, monkeypatch):
    monkeypatch.setattr(
        "archdesk.ui.reports.list_export.QFileDialog.getSaveFileName", lambda *a, **k: (str(target), "")
    )
    (exports.pdf_action if fmt == "pdf" else exports.excel_action).trigger()
    assert wait_until_idle(window, 20_000)


@pytest.mark.parametrize("dock", ["locations", "loans", "appraisal", "transfers"])
def test_a_dock_exports_the_rows_it_shows_to_pdf_and_excel(window, dock, tmp_path, monkeypatch, qtbot):
    exports, first_row_text = _shown(window, dock, qtbot)
    assert first_row_text
    _export(window, exports, "pdf", tmp_path / "list.pdf", monkeypatch)
    text = "".join("".join((page.extract_text() or "").split()) for page in PdfReader(tmp_path / "list.pdf").pages)
    assert "".join(first_row_text.split()) in text
    _export(window, exports, "xlsx", tmp_path / "list.xlsx", monkeypatch)
    cells = {
        c for row in openpyxl.load_workbook(tmp_path / "list.xlsx").active.iter_rows(values_only=True) for c in row
    }
    assert first_row_text in cells
    assert "list.xlsx" in window.statusBar().currentMessage()


def test_the_loans_and_batches_lists_show_what_the_archive_holds(window, qtbot):
    assert window.loans_dock.list.topLevelItem(0).text(2) == BORROWER
    bring_up_dock(window, window.transfers_dock, qtbot)
    assert window.transfers_dock.list.topLevelItem(0).text(3) == BATCH_FILE


@pytest.mark.parametrize("dock", ["locations", "loans", "appraisal", "transfers"])
def test_each_list_offers_print_and_both_exports_in_its_context_menu_and_toolbar(window, dock, qtbot):
    exports, _ = _shown(window, dock, qtbot)
    view = exports.parent().list
    assert view.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    # The dock's own actions come first in the menu (the Transfers dock opens a batch), then the three.
    own = ["Open batch…"] if dock == "transfers" else []
    assert [a.text() for a in view.actions()] == [*own, "&Print…", "Export &PDF…", "Export &Excel…"]
    assert exports.toolbar.actions() == exports.actions
    assert exports.toolbar.isVisibleTo(exports.parent())


def test_the_cancel_of_a_file_dialog_writes_nothing(window, tmp_path, monkeypatch):
    monkeypatch.setattr("archdesk.ui.reports.list_export.QFileDialog.getSaveFileName", lambda *a, **k: ("", ""))
    assert window.locations_dock.exports.export("pdf") is None
    assert not window.ops.busy


def test_the_transfers_dock_is_toggled_from_the_view_menu_and_keeps_its_place(window, qtbot, tmp_path, archive):
    dock = window.transfers_dock
    assert dock.objectName() == "transfersDock" and dock.windowTitle() == "Transfers"
    assert dock.toggleViewAction() in window.view_menu.actions()
    dock.toggleViewAction().trigger()
    assert not dock.isVisible()
    window.save_layout()
    window.ops.shutdown()
    again = MainWindow(archive, Settings(tmp_path / "settings.ini"), english=True)
    qtbot.addWidget(again)
    again.show()
    assert not again.transfers_dock.isVisible()
    again.reset_layout()
    assert again.transfers_dock.isVisible()
    assert wait_until_idle(again, 10_000)
    again.ops.shutdown()

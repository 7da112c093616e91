"""File › Print: every document of the reporting package opens in print preview for what the table shows."""

from __future__ import annotations

from datetime import date

import openpyxl
import pytest
from printing_archive import build_print_archive
from pypdf import PdfReader
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

from archdesk.services.records_query import RecordFilter
from archdesk.ui.app import wait_until_idle
from archdesk.ui.main_window import MainWindow
from archdesk.ui.reports.preview import ReportPreview
from archdesk.ui.reports.print_menu import DOCUMENTS, EXCEL


@pytest.fixture(autouse=True)
def no_modal_questions(monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: pytest.fail(f"error shown: {text}"))
    monkeypatch.setattr(QInputDialog, "getInt", lambda *_a, **_k: (date.today().year, True))  # the annual report's year


@pytest.fixture
def window(open_main_window, archive):
    archive.codes = build_print_archive(archive)
    return open_main_window(archive)


def open_preview(qtbot, window: MainWindow, key: str) -> ReportPreview:
    with qtbot.waitSignal(window.print_menu.preview_opened, timeout=30_000) as opened:
        window.print_menu.document_actions[key].trigger()
    dialog = opened.args[0]
    qtbot.addWidget(dialog)
    return dialog


def test_the_print_menu_sits_in_the_file_menu_with_one_action_per_document(window):
    assert window.print_menu.menuAction() in window.file_menu.actions()
    keys = [key for key in DOCUMENTS if key is not None]
    assert list(window.print_menu.document_actions) == keys
    assert len(keys) == 12
    assert all(action.text() for action in window.print_menu.document_actions.values())
    assert window.print_menu.menuAction() in window.toolbar.actions()


@pytest.mark.parametrize("key", [key for key in DOCUMENTS if key is not None])
def test_each_document_opens_in_print_preview_with_pages(qtbot, window, key):
    dialog = open_preview(qtbot, window, key)
    assert dialog.page_count >= 1
    assert dialog.excel_button.isVisibleTo(dialog) == (key in EXCEL)
    dialog.close()


def test_the_register_preview_follows_the_table_filter_and_exports_what_it_previews(
    qtbot, window, tmp_path, monkeypatch
):
    lent = window.db.codes["lent"]
    window.filter_bar.set_filter(RecordFilter(fonds=lent[:4], year=int(lent.split("·")[-1][:4])))
    assert wait_until_idle(window, 10_000)
    dialog = open_preview(qtbot, window, "register")
    text = "".join(page.extract_text() for page in PdfReader(str(dialog.pdf_path)).pages)
    assert window.records.total > 0 and lent.split("-")[-1] in text
    target = tmp_path / "register.xlsx"
    monkeypatch.setattr("archdesk.ui.reports.preview.QFileDialog.getSaveFileName", lambda *a, **k: (str(target), ""))
    dialog.excel_button.click()
    assert wait_until_idle(window, 20_000)
    sheet = openpyxl.load_workbook(target).active
    assert lent in [row[1] for row in sheet.iter_rows(values_only=True)]
    dialog.close()


def test_box_spines_print_the_boxes_of_the_selected_records(qtbot, window):
    window.table.selectRow(0)
    assert wait_until_idle(window, 10_000)
    dialog = open_preview(qtbot, window, "box_spines")
    assert dialog.page_count == 1
    box = window.records.record_at(0).box_code
    reader = PdfReader(str(dialog.pdf_path))
    assert box.rsplit("-", 1)[-1].lstrip("H0") in "".join(page.extract_text() for page in reader.pages)
    dialog.close()


def test_the_records_table_exports_its_register_to_pdf_and_excel_from_its_context_menu(window, tmp_path, monkeypatch):
    assert window.print_menu.table_pdf_action in window.table.report_actions
    assert window.print_menu.table_excel_action in window.table.report_actions
    for fmt, action in (("pdf", window.print_menu.table_pdf_action), ("xlsx", window.print_menu.table_excel_action)):
        target = tmp_path / f"table.{fmt}"
        monkeypatch.setattr(
            "archdesk.ui.reports.list_export.QFileDialog.getSaveFileName", lambda *a, t=target, **k: (str(t), "")
        )
        action.trigger()
        assert wait_until_idle(window, 30_000)
        assert target.stat().st_size > 0
    assert window.db.codes["lent"] in [
        row[1] for row in openpyxl.load_workbook(tmp_path / "table.xlsx").active.iter_rows(values_only=True)
    ]


def test_records_export_opens_the_register_preview(qtbot, window):
    window.table.export_action.trigger()
    qtbot.waitUntil(lambda: any(isinstance(w, ReportPreview) for w in QApplication.topLevelWidgets()), timeout=20_000)
    preview = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ReportPreview))
    qtbot.addWidget(preview)
    assert preview.page_count >= 1
    preview.close()


def test_the_annual_report_is_printed_for_the_year_asked(qtbot, window, monkeypatch):
    asked = []

    def year(_parent, title, label, value, *_a, **_k):
        asked.append((title, label, value))
        return 2031, True

    monkeypatch.setattr(QInputDialog, "getInt", year)
    dialog = open_preview(qtbot, window, "annual_report")
    text = "".join(page.extract_text() for page in PdfReader(str(dialog.pdf_path)).pages)
    assert asked and asked[0][0] == "Annual statistics report"
    assert "2031" in text and "2031-12-31" in text  # the year asked, its holdings at the year's end
    assert dialog.excel_button.isVisibleTo(dialog)
    dialog.close()


def test_the_report_year_is_last_year_until_the_reports_are_filed():
    from archdesk.ui.reports.print_menu import report_year

    assert (report_year(date(2027, 2, 1)), report_year(date(2027, 4, 1))) == (2026, 2027)

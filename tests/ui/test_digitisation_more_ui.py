"""The record pane's Preview (a PDF in QtPdf, an image scaled), the rolling fixity check at start
with the date each file was verified in the Files list, and Tools › OCR…, driven as a user."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox

from archdesk.ui.app import wait_until_idle
from archdesk.ui.catalogue import tools

sys.path.insert(0, str(Path(__file__).parents[1] / "services" / "digitisation"))
from digitisation_files import add_record, make_image, make_pdf, make_text_image

from archdesk.services.digitisation import ocr
from archdesk.services.digitisation.attachments import attach_files


def _click_row(qtbot, panel, row: int) -> None:
    rect = panel.list.visualItemRect(panel.list.item(row))
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_preview_shows_a_pdf_in_qtpdf_and_opens_it_in_the_viewer(qtbot, archive, files_tab, tmp_path, monkeypatch):
    record_id, _ = add_record(archive)
    attach_files(archive, record_id, [make_pdf(tmp_path / "minutes.pdf", "one", "two", "three")])
    window, panel = files_tab(archive, record_id, with_files=True)
    assert not panel.preview_button.isEnabled()  # nothing chosen yet
    _click_row(qtbot, panel, 0)
    qtbot.mouseClick(panel.preview_button, Qt.MouseButton.LeftButton)
    assert wait_until_idle(window, 10_000)
    qtbot.waitUntil(lambda: panel.preview is not None and panel.preview.isVisible(), timeout=10_000)
    preview = panel.preview
    from PySide6.QtPdf import QPdfDocument

    assert preview.view.document() is preview.document
    qtbot.waitUntil(lambda: preview.document.status() == QPdfDocument.Status.Ready, timeout=10_000)
    assert preview.document.pageCount() == 3
    assert preview.pages_label.text() == "3 page(s)"
    assert preview.windowTitle() == "Preview — minutes.pdf"

    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or True))
    qtbot.mouseClick(preview.open_button, Qt.MouseButton.LeftButton)
    assert Path(opened[0].toLocalFile()).read_bytes() == (tmp_path / "minutes.pdf").read_bytes()
    qtbot.mouseClick(preview.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.preview is None, timeout=10_000)


def test_preview_scales_an_image_to_the_window(qtbot, archive, files_tab, tmp_path):
    record_id, _ = add_record(archive)
    attach_files(archive, record_id, [make_image(tmp_path / "photo.png", "PNG")])  # 40 × 30
    window, panel = files_tab(archive, record_id, with_files=True)
    _click_row(qtbot, panel, 0)
    qtbot.mouseClick(panel.preview_button, Qt.MouseButton.LeftButton)
    assert wait_until_idle(window, 10_000)
    qtbot.waitUntil(lambda: panel.preview is not None and panel.preview.isVisible(), timeout=10_000)
    image = panel.preview.image
    assert panel.preview.pages_label.text() == "40 × 30 pixels"
    qtbot.waitUntil(lambda: image.pixmap() is not None and image.pixmap().width() > 200, timeout=10_000)
    shown = image.pixmap()
    assert abs(shown.width() / shown.height() - 40 / 30) < 0.05  # scaled up, kept in proportion
    panel.preview.close()


def test_the_rolling_check_at_start_dates_each_file_verified(qtbot, archive, open_main_window, tmp_path):
    record_id, code = add_record(archive)
    attach_files(archive, record_id, [make_pdf(tmp_path / "a.pdf", "one"), make_image(tmp_path / "b.png", "PNG")])
    window = open_main_window(archive)
    tools.rolling_fixity(window, 1)  # what the application does after the first page: a period of one day
    assert wait_until_idle(window, 10_000)
    qtbot.waitUntil(lambda: "2 stored files match" in window.statusBar().currentMessage(), timeout=10_000)
    assert wait_until_idle(window, 10_000)
    window.editor.show_record(record_id)
    panel = window.editor.attachments
    today = date.today().isoformat()
    qtbot.waitUntil(lambda: panel.list.count() == 2 and today in panel.list.item(0).text(), timeout=10_000)
    assert all(f"verified {today}" in panel.list.item(n).text() for n in range(2))


def _choose_ocr(window) -> None:
    window.tools_menu.popup(window.mapToGlobal(window.rect().center()))
    action = window.tool_actions["ocr"]
    assert action in window.tools_menu.actions() and action.text() == "&OCR…"
    action.trigger()
    window.tools_menu.hide()


@pytest.mark.skipif(not ocr.available(), reason="the OCR extra is not installed (pip install 'archdesk[ocr]')")
def test_tools_ocr_reads_a_scan_and_search_finds_it(qtbot, archive, open_main_window, tmp_path, monkeypatch):
    record_id, code = add_record(archive, title="扫描件")
    attach_files(archive, record_id, [make_text_image(tmp_path / "scan.png", ["档案库房温湿度登记"])])
    window = open_main_window(archive)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda _p, _t, text: shown.append(text)))
    _choose_ocr(window)
    assert wait_until_idle(window, 60_000)
    qtbot.waitUntil(lambda: bool(shown), timeout=60_000)
    assert shown == ["1 page(s) of 1 file(s) read; 0 file(s) waiting."]
    from archdesk.services.records_query import search_records  # QTest types ASCII only: no Chinese in the field

    assert [r.reference_code for r in search_records(archive, "温湿度").records] == [code]


def test_tools_ocr_without_the_extra_says_how_to_install_it(qtbot, archive, open_main_window, monkeypatch):
    monkeypatch.setattr(ocr, "ENGINE_MODULE", "archdesk_no_such_engine")
    window = open_main_window(archive)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda _p, _t, text: shown.append(text)))
    _choose_ocr(window)
    assert wait_until_idle(window, 10_000)
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert len(shown) == 1 and "pip install 'archdesk[ocr]'" in shown[0] and "\n" not in shown[0]

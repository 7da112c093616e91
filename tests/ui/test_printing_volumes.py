"""File › Print: the register bound per year and period or as one list, and the volume forms (the window
prints in its language: English here)."""

from __future__ import annotations

import pypdfium2 as pdfium
import pytest
from printing_archive import build_print_archive
from PySide6.QtWidgets import QMessageBox

from archdesk.services.records_query import RecordFilter
from archdesk.ui.app import wait_until_idle
from archdesk.ui.main_window import MainWindow
from archdesk.ui.reports.preview import ReportPreview


@pytest.fixture(autouse=True)
def no_modal_questions(monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: pytest.fail(f"error shown: {text}"))


@pytest.fixture
def window(open_main_window, archive):
    archive.codes = build_print_archive(archive)
    return open_main_window(archive)


def preview_pages(qtbot, window: MainWindow, key: str) -> list[str]:
    with qtbot.waitSignal(window.print_menu.preview_opened, timeout=30_000) as opened:
        window.print_menu.document_actions[key].trigger()
    dialog: ReportPreview = opened.args[0]
    qtbot.addWidget(dialog)
    pdf = pdfium.PdfDocument(str(dialog.pdf_path))
    try:
        pages = [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
    finally:
        pdf.close()
    assert dialog.page_count == len(pages)
    dialog.close()
    return pages


def show(window: MainWindow, flt: RecordFilter) -> None:
    window.filter_bar.set_filter(flt)
    assert wait_until_idle(window, 10_000)


def test_the_register_prints_bound_per_year_and_period_or_as_one_list(qtbot, window):
    show(window, RecordFilter(category="WS", year=2023))
    bound = preview_pages(qtbot, window, "register")
    covers = [page for page in bound if page.startswith("Catalogue of archived records\r\nFonds number")]
    assert covers and all("Year 2023" in cover and "Retention period" in cover for cover in covers)
    one_list = preview_pages(qtbot, window, "register_continuous")
    assert not [page for page in one_list if page.startswith("Catalogue of archived records\r\nFonds number")]
    assert len(one_list) < len(bound)


def test_volume_forms_print_for_volume_arranged_series_and_say_why_for_the_others(qtbot, window):
    show(window, RecordFilter(category="KJ"))
    notes = preview_pages(qtbot, window, "volume_note")
    assert len(notes) > 1 and all("File note" in page and "Filed by" in page for page in notes)
    covers = preview_pages(qtbot, window, "volume_cover")
    assert all("Science and technology records" in page and "File title" in page for page in covers)
    assert "File no." in preview_pages(qtbot, window, "volume_spine")[0]
    show(window, RecordFilter(category="RS"))
    for key in ("volume_cover", "volume_spine", "volume_note", "volume_catalogue"):
        assert (
            "No files (volumes) in this series: Personnel records are arranged by item"
            in preview_pages(qtbot, window, key)[0]
        )

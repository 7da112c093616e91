"""The print preview shows a generated register and prints every page."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog

from archdesk.services.reports import Column, Document, Orientation, render_pdf, single_section
from archdesk.ui.reports.preview import ReportPreview


def _register(tmp_path, rows: int = 120):
    document = Document(
        title="归档文件目录",
        columns=(Column("序号", 1), Column("档号", 4), Column("题名", 6, wrap=True)),
        sections=single_section([(i, f"Z001-WS·2023-Y-BGS-{i:04d}", "关于档案工作的通知") for i in range(rows)]),
        orientation=Orientation.LANDSCAPE,
    )
    path = tmp_path / "register.pdf"
    pages = render_pdf(document, path)
    return path, pages


def test_preview_shows_the_page_count_of_the_register(qtbot, tmp_path):
    path, pages = _register(tmp_path)
    dialog = ReportPreview(path, title="归档文件目录", excel=True)
    qtbot.addWidget(dialog)
    dialog.show()
    assert pages > 1
    assert dialog.page_count == pages
    assert str(pages) in dialog.pages_label.text()
    assert dialog.excel_button.isVisibleTo(dialog)


def test_print_renders_every_page_to_the_printer(qtbot, tmp_path):
    path, pages = _register(tmp_path, rows=40)
    dialog = ReportPreview(path)
    qtbot.addWidget(dialog)
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert dialog.print_document(printer)
    from pypdf import PdfReader

    assert len(PdfReader(str(tmp_path / "printed.pdf")).pages) == pages


def test_export_excel_asks_for_a_file_and_announces_it(qtbot, tmp_path, monkeypatch):
    path, _ = _register(tmp_path, rows=5)
    dialog = ReportPreview(path, excel=True)
    qtbot.addWidget(dialog)
    target = str(tmp_path / "out.xlsx")
    monkeypatch.setattr("archdesk.ui.reports.preview.QFileDialog.getSaveFileName", lambda *a, **k: (target, ""))
    with qtbot.waitSignal(dialog.excel_requested) as signal:
        dialog.excel_button.click()
    assert signal.args == [target]


class _PrintToPdf:
    """The print dialog, patched: the user picks "Print to file (PDF)" and presses Print."""

    def __init__(self, printer, _parent=None) -> None:
        self.printer = printer

    def exec(self) -> int:
        self.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        self.printer.setOutputFileName(_PrintToPdf.target)
        return QDialog.DialogCode.Accepted


def test_clicking_print_prints_every_page_of_the_preview(qtbot, tmp_path, monkeypatch):
    from pypdf import PdfReader

    from archdesk.ui.reports import preview

    path, pages = _register(tmp_path, rows=60)
    _PrintToPdf.target = str(tmp_path / "printed.pdf")
    monkeypatch.setattr(preview, "QPrintDialog", _PrintToPdf)
    dialog = ReportPreview(path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    assert pages > 1 and len(PdfReader(_PrintToPdf.target).pages) == pages


# -- zoom and page navigation, driven as a reader does -------------------------------------------


@pytest.fixture
def chinese_ui(qapp):
    from archdesk.ui.i18n import install_translators

    install_translators(qapp, "zh_CN")
    yield
    install_translators(qapp, "en")


def _opened(qtbot, tmp_path, rows: int = 300):
    path, pages = _register(tmp_path, rows=rows)
    dialog = ReportPreview(path, title="归档文件目录")
    qtbot.addWidget(dialog)
    dialog.resize(900, 700)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog, pages


def _scroll(dialog) -> int:
    return dialog.view.verticalScrollBar().value()


def test_the_bar_says_which_page_is_shown_and_how_many_there_are(qtbot, tmp_path):
    dialog, pages = _opened(qtbot, tmp_path)
    assert pages >= 4
    assert dialog.pages_label.text() == f"Page 1 of {pages}"
    assert dialog.page_field.value() == 1
    assert not dialog.previous_button.isEnabled() and dialog.next_button.isEnabled()


def test_next_previous_last_and_first_move_the_view_and_the_count(qtbot, tmp_path):
    dialog, pages = _opened(qtbot, tmp_path)
    top = _scroll(dialog)
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert dialog.pages_label.text() == f"Page 3 of {pages}"
    assert dialog.view.pageNavigator().currentPage() == 2
    third = _scroll(dialog)
    assert third > top
    qtbot.mouseClick(dialog.previous_button, Qt.MouseButton.LeftButton)
    assert dialog.pages_label.text() == f"Page 2 of {pages}" and top < _scroll(dialog) < third
    qtbot.mouseClick(dialog.last_button, Qt.MouseButton.LeftButton)
    assert dialog.pages_label.text() == f"Page {pages} of {pages}"
    assert _scroll(dialog) == dialog.view.verticalScrollBar().maximum()
    assert not dialog.next_button.isEnabled() and not dialog.last_button.isEnabled()
    qtbot.mouseClick(dialog.first_button, Qt.MouseButton.LeftButton)
    assert dialog.pages_label.text() == f"Page 1 of {pages}" and top <= _scroll(dialog) < third / 2


def test_typing_a_page_number_goes_to_that_page(qtbot, tmp_path):
    dialog, pages = _opened(qtbot, tmp_path)
    field = dialog.page_field
    field.lineEdit().selectAll()
    qtbot.keyClicks(field.lineEdit(), "4")
    assert dialog.pages_label.text() == f"Page 1 of {pages}"  # not before Enter
    qtbot.keyClick(field.lineEdit(), Qt.Key.Key_Return)
    assert dialog.pages_label.text() == f"Page 4 of {pages}"
    assert dialog.view.pageNavigator().currentPage() == 3 and _scroll(dialog) > 0
    field.lineEdit().selectAll()
    qtbot.keyClicks(field.lineEdit(), str(pages))
    qtbot.keyClick(field.lineEdit(), Qt.Key.Key_Return)
    assert dialog.pages_label.text() == f"Page {pages} of {pages}"
    assert _scroll(dialog) == dialog.view.verticalScrollBar().maximum()


def test_page_down_and_page_up_turn_the_pages(qtbot, tmp_path):
    dialog, pages = _opened(qtbot, tmp_path)
    dialog.view.setFocus()
    qtbot.keyClick(dialog.view, Qt.Key.Key_PageDown)
    qtbot.keyClick(dialog.view, Qt.Key.Key_PageDown)
    assert dialog.pages_label.text() == f"Page 3 of {pages}"
    assert dialog.view.pageNavigator().currentPage() == 2  # turned a page, not scrolled a screen
    qtbot.keyClick(dialog.view, Qt.Key.Key_PageUp)
    assert dialog.pages_label.text() == f"Page 2 of {pages}"
    qtbot.keyClick(dialog.view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert dialog.pages_label.text() == f"Page {pages} of {pages}"


def test_zoom_buttons_and_keys_change_the_zoom_and_the_page_size(qtbot, tmp_path):
    dialog, _pages = _opened(qtbot, tmp_path)
    assert dialog.fit_width_button.isChecked()
    fitted = dialog.zoom_factor()
    assert dialog.zoom_label.text() == f"{round(fitted * 100)}%"
    height = dialog.view.verticalScrollBar().maximum()
    qtbot.mouseClick(dialog.zoom_in_button, Qt.MouseButton.LeftButton)
    assert dialog.zoom_factor() == pytest.approx(fitted * 1.25)
    assert dialog.zoom_label.text() == f"{round(fitted * 125)}%"
    assert not dialog.fit_width_button.isChecked()
    assert dialog.view.verticalScrollBar().maximum() > height  # bigger pages, a longer document
    qtbot.keyClick(dialog.view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(dialog.view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert dialog.zoom_factor() == pytest.approx(fitted / 1.25)
    qtbot.keyClick(dialog.view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert dialog.zoom_factor() == pytest.approx(fitted)
    for _ in range(20):  # zoom stops at its limit
        qtbot.mouseClick(dialog.zoom_out_button, Qt.MouseButton.LeftButton)
    assert dialog.zoom_label.text() == "25%"


def test_fit_page_shows_a_whole_page_and_fit_width_the_full_width(qtbot, tmp_path):
    dialog, pages = _opened(qtbot, tmp_path)
    dialog.resize(1200, 520)  # a wide, low window: the whole landscape page is smaller than its width
    qtbot.waitUntil(lambda: dialog.view.viewport().width() > 1000)
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    width_zoom = dialog.zoom_factor()
    qtbot.mouseClick(dialog.fit_page_button, Qt.MouseButton.LeftButton)
    assert dialog.fit_page_button.isChecked() and not dialog.fit_width_button.isChecked()
    page_zoom = dialog.zoom_factor()
    assert page_zoom < width_zoom
    assert dialog.zoom_label.text() == f"{round(page_zoom * 100)}%"
    assert dialog.pages_label.text() == f"Page 2 of {pages}"  # still on the page being read
    qtbot.mouseClick(dialog.fit_width_button, Qt.MouseButton.LeftButton)
    assert dialog.fit_width_button.isChecked() and dialog.zoom_factor() == pytest.approx(width_zoom)


def test_zooming_keeps_the_page_being_read_in_view(qtbot, tmp_path):
    dialog, pages = _opened(qtbot, tmp_path)
    for _ in range(3):
        qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    before = _scroll(dialog)
    qtbot.mouseClick(dialog.zoom_in_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _scroll(dialog) > before)  # bigger pages: page 4 starts further down
    assert dialog.pages_label.text() == f"Page 4 of {pages}"
    zoomed = _scroll(dialog)
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.previous_button, Qt.MouseButton.LeftButton)
    assert _scroll(dialog) == zoomed  # where page 4 begins at this zoom


def test_scrolling_moves_the_page_count_along(qtbot, tmp_path):
    dialog, pages = _opened(qtbot, tmp_path)
    bar = dialog.view.verticalScrollBar()
    bar.setValue(bar.maximum())
    assert dialog.pages_label.text() == f"Page {pages} of {pages}"
    bar.setValue(0)
    assert dialog.pages_label.text() == f"Page 1 of {pages}"


def test_the_bar_is_chinese_in_a_chinese_session(qtbot, tmp_path, chinese_ui):
    dialog, pages = _opened(qtbot, tmp_path)
    assert dialog.pages_label.text() == f"第 1 页 共 {pages} 页"
    texts = {b.text() for b in (dialog.first_button, dialog.previous_button, dialog.next_button,
                                dialog.last_button, dialog.zoom_in_button, dialog.zoom_out_button,
                                dialog.fit_width_button, dialog.fit_page_button)}  # fmt: skip
    assert texts == {"首页", "上一页", "下一页", "末页", "放大", "缩小", "适合宽度", "整页"}

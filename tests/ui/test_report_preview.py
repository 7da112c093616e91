"""The print preview shows a generated register and prints every page."""

from __future__ import annotations

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

"""Print preview for any report: the PDF shown with QtPdf, printed through QPrinter.

``preview_document(parent, ops, build)`` is what a list view calls for "Print…": ``build(db)``
returns the report's Document; the PDF is rendered on the worker thread (cancellable, with
progress), then shown here. Export PDF… saves the previewed file; Export Excel… renders the
same document to a workbook, again on the worker thread.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPointF, QSize, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

if TYPE_CHECKING:  # the report layer loads ReportLab and SQLAlchemy: imported in the jobs that render
    from archdesk.services.database import Database
    from archdesk.services.reports import Document


class ReportPreview(QDialog):
    """Shows one PDF file. ``excel_requested(path)`` is emitted when the user chose an Excel file name."""

    excel_requested = Signal(str)

    def __init__(
        self, pdf_path: str | Path, *, title: str = "", excel: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ReportPreview")
        self.setWindowTitle(title or self.tr("Print preview"))
        self.resize(1000, 760)
        self.pdf_path = Path(pdf_path)
        self.document = QPdfDocument(self)
        self.document.load(str(self.pdf_path))
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.pages_label = QLabel(self.tr("%n page(s)", "", self.page_count))
        self.print_button = QPushButton(self.tr("Print…"))
        self.pdf_button = QPushButton(self.tr("Export PDF…"))
        self.excel_button = QPushButton(self.tr("Export Excel…"))
        self.excel_button.setVisible(excel)
        close = QPushButton(self.tr("Close"))
        # clicked(bool) would arrive as the printer: the dialog asks for one instead.
        self.print_button.clicked.connect(lambda _checked=False: self.print_document())
        self.pdf_button.clicked.connect(self._export_pdf)
        self.excel_button.clicked.connect(self._export_excel)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.pages_label)
        buttons.addStretch(1)
        for button in (self.print_button, self.pdf_button, self.excel_button, close):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

    @property
    def page_count(self) -> int:
        return self.document.pageCount()

    def print_document(self, printer: QPrinter | None = None) -> bool:
        """Print every page (after the print dialog unless a configured ``printer`` is given)."""
        if printer is None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            dialog = QPrintDialog(printer, self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
        painter = QPainter()
        if not painter.begin(printer):
            return False
        try:
            for index in range(self.page_count):
                if index:
                    printer.newPage()
                self._paint_page(painter, printer, index)
        finally:
            painter.end()
        return True

    def _paint_page(self, painter: QPainter, printer: QPrinter, index: int) -> None:
        # Render at the printer's resolution, keeping the page's aspect ratio.
        area = printer.pageLayout().paintRectPixels(printer.resolution())
        points = self.document.pagePointSize(index)
        scale = min(area.width() / points.width(), area.height() / points.height())
        size = QSize(int(points.width() * scale), int(points.height() * scale))
        image = self.document.render(index, size)
        painter.drawImage(QPointF(0, 0), image)

    def _export_pdf(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export PDF"), self.pdf_path.name, self.tr("PDF (*.pdf)"))
        if path:
            shutil.copyfile(self.pdf_path, path)

    def _export_excel(self) -> None:
        suggested = self.pdf_path.with_suffix(".xlsx").name
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export Excel"), suggested, self.tr("Excel (*.xlsx)"))
        if path:
            self.excel_requested.emit(path)


def preview_document(parent: QWidget, ops, build: Callable[[Database], Document], *, font_path: str | None = None):  # noqa: ANN001, ANN201
    """Render ``build(db)`` to a temporary PDF on the worker thread, then open the preview.

    ``ops`` is the application's ``archdesk.ui.ops.Ops``. Both the PDF and an Excel export show
    a progress dialog whose Cancel stops the export (nothing is left behind).
    """
    folder = Path(tempfile.mkdtemp(prefix="archdesk-preview-"))
    target = folder / "report.pdf"

    def render(db: Database, progress) -> Document:  # noqa: ANN001
        from archdesk.services.reports import render_pdf

        document = build(db)
        render_pdf(document, target, font_path=font_path, progress=progress)
        return document

    def show(document: Document) -> None:
        dialog = ReportPreview(target, title=document.title, excel=True, parent=parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def export_excel(path: str) -> None:
            def render_excel(db: Database, progress) -> None:  # noqa: ANN001
                from archdesk.services.reports import render_xlsx

                render_xlsx(build(db), path, progress=progress)

            ops.query(dialog, render_excel,
                      progress_label=QCoreApplication.translate("ReportPreview", "Exporting to Excel…"))  # fmt: skip

        dialog.excel_requested.connect(export_excel)
        dialog.finished.connect(lambda _result: shutil.rmtree(folder, ignore_errors=True))
        dialog.open()

    return ops.query(
        parent, render, show, progress_label=QCoreApplication.translate("ReportPreview", "Preparing the print preview…")
    )

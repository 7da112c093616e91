"""Print preview for any report: the PDF shown with QtPdf, printed through QPrinter.

``preview_document(parent, ops, build)`` is what a list view calls for "Print…": ``build(db)``
returns the report's Document; the PDF is rendered on the worker thread (cancellable, with
progress), then shown here. Export PDF… saves the previewed file; Export Excel… renders the
same document to a workbook, again on the worker thread.

The bar above the pages zooms (in, out, fit width, fit page; Ctrl++ and Ctrl+-) and moves
between pages (first, previous, next, last, a page number field; PgUp and PgDn), and says
where the reader is: "第 3 页 共 12 页".
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

# Zoom limits and the step of one zoom in or out.
MIN_ZOOM, MAX_ZOOM, ZOOM_STEP = 0.25, 4.0, 1.25

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
        self.current_page = 0
        self._jumping = False
        self._build_navigation()
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
        buttons.addStretch(1)
        for button in (self.print_button, self.pdf_button, self.excel_button, close):
            # Enter in the page number field goes to the page; it must not press Print.
            button.setAutoDefault(False)
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(self._navigation_bar())
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.view.verticalScrollBar().valueChanged.connect(self._scrolled)
        self._show_position()

    # -- the navigation and zoom bar -------------------------------------------------------------
    def _build_navigation(self) -> None:
        def tool(text: str, tip: str, slot) -> QToolButton:  # noqa: ANN001
            button = QToolButton(self)
            button.setText(text)
            button.setToolTip(tip)
            button.clicked.connect(lambda _checked=False: slot())
            return button

        self.first_button = tool(self.tr("First"), self.tr("First page (Ctrl+Home)"), self.first_page)
        self.previous_button = tool(self.tr("Previous"), self.tr("Previous page (PgUp)"), self.previous_page)
        self.next_button = tool(self.tr("Next"), self.tr("Next page (PgDn)"), self.next_page)
        self.last_button = tool(self.tr("Last"), self.tr("Last page (Ctrl+End)"), self.last_page)
        self.page_field = QSpinBox(self)
        self.page_field.setRange(1, max(1, self.page_count))
        self.page_field.setKeyboardTracking(False)  # go when the number is complete (Enter), not per digit
        self.page_field.setAccessibleName(self.tr("Page number"))
        self.page_field.valueChanged.connect(lambda number: self.go_to_page(number - 1))
        # The existing name: the label that says how many pages there are (and which one is shown).
        self.pages_label = QLabel(self)
        self.zoom_out_button = tool(self.tr("Zoom out"), self.tr("Zoom out (Ctrl+-)"), self.zoom_out)
        self.zoom_label = QLabel(self)
        self.zoom_label.setMinimumWidth(44)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.zoom_in_button = tool(self.tr("Zoom in"), self.tr("Zoom in (Ctrl++)"), self.zoom_in)
        self.fit_width_button = tool(self.tr("Fit width"), self.tr("Fit the page width to the window"), self.fit_width)
        self.fit_page_button = tool(self.tr("Fit page"), self.tr("Show the whole page"), self.fit_page)
        for button in (self.fit_width_button, self.fit_page_button):
            button.setCheckable(True)
        shortcuts = (
            (QKeySequence.StandardKey.ZoomIn, self.zoom_in),
            (QKeySequence.StandardKey.ZoomOut, self.zoom_out),
            (QKeySequence("Ctrl+="), self.zoom_in),  # Ctrl++ without Shift on most keyboards
            (QKeySequence(Qt.Key.Key_PageUp), self.previous_page),
            (QKeySequence(Qt.Key.Key_PageDown), self.next_page),
            (QKeySequence("Ctrl+Home"), self.first_page),
            (QKeySequence("Ctrl+End"), self.last_page),
        )
        for keys, slot in shortcuts:
            QShortcut(keys, self, slot)
        # The view scrolls by a screen on PgUp/PgDn before a window shortcut is asked (and a
        # shortcut waits for an active window): the same keys are also read on the view itself.
        # By name, not bound method: a list of bound methods on self is a reference cycle, which
        # keeps the wrapper of a deleted dialog (WA_DeleteOnClose) alive until the next gc.
        self._keys = [(QKeySequence(keys), slot.__name__) for keys, slot in shortcuts]
        self.view.installEventFilter(self)
        self.view.viewport().installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: ANN001, N802 - Qt's name
        if event.type() == QEvent.Type.KeyPress and watched is self.view:
            pressed = QKeySequence(event.keyCombination())
            for keys, name in self._keys:
                if pressed == keys:
                    getattr(self, name)()
                    return True
            for standard, slot in ((QKeySequence.StandardKey.ZoomIn, self.zoom_in),
                                   (QKeySequence.StandardKey.ZoomOut, self.zoom_out)):  # fmt: skip
                if event.matches(standard):
                    slot()
                    return True
        elif event.type() == QEvent.Type.Resize and watched is self.view.viewport():
            self._show_position()  # a fit mode's zoom follows the window
        return super().eventFilter(watched, event)

    def _navigation_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        for widget in (self.first_button, self.previous_button, self.page_field, self.pages_label):
            bar.addWidget(widget)
        bar.addWidget(self.next_button)
        bar.addWidget(self.last_button)
        bar.addStretch(1)
        for widget in (self.zoom_out_button, self.zoom_label, self.zoom_in_button):
            bar.addWidget(widget)
        bar.addWidget(self.fit_width_button)
        bar.addWidget(self.fit_page_button)
        return bar

    def go_to_page(self, index: int) -> None:
        """Show page ``index`` (0-based, clamped to the document) at the top of the view."""
        index = max(0, min(index, self.page_count - 1))
        if self.page_count == 0:
            return
        self._jumping = True
        try:
            self.view.pageNavigator().jump(index, QPointF(), self.view.zoomFactor())
        finally:
            self._jumping = False
        self.current_page = index
        self._show_position()

    def first_page(self) -> None:
        self.go_to_page(0)

    def previous_page(self) -> None:
        self.go_to_page(self.current_page - 1)

    def next_page(self) -> None:
        self.go_to_page(self.current_page + 1)

    def last_page(self) -> None:
        self.go_to_page(self.page_count - 1)

    def zoom_factor(self) -> float:
        """The scale the pages are shown at (1.0 = 100 %), in the fit modes too."""
        mode = self.view.zoomMode()
        if mode is QPdfView.ZoomMode.Custom or self.page_count == 0:
            return self.view.zoomFactor()
        points = self.document.pagePointSize(self.current_page)
        margins = self.view.documentMargins()
        screen = QGuiApplication.primaryScreen()
        resolution = (screen.logicalDotsPerInch() if screen else 96.0) / 72.0
        viewport = self.view.viewport()
        width = (viewport.width() - margins.left() - margins.right()) / (points.width() * resolution)
        if mode is QPdfView.ZoomMode.FitToWidth:
            return width
        height = (viewport.height() - margins.top() - margins.bottom()) / (points.height() * resolution)
        return min(width, height)

    def zoom_in(self) -> None:
        self._set_zoom(self.zoom_factor() * ZOOM_STEP)

    def zoom_out(self) -> None:
        self._set_zoom(self.zoom_factor() / ZOOM_STEP)

    def _set_zoom(self, factor: float) -> None:
        self._rescale(QPdfView.ZoomMode.Custom, max(MIN_ZOOM, min(MAX_ZOOM, factor)))

    def fit_width(self) -> None:
        self._set_fit(QPdfView.ZoomMode.FitToWidth)

    def fit_page(self) -> None:
        self._set_fit(QPdfView.ZoomMode.FitInView)

    def _set_fit(self, mode: QPdfView.ZoomMode) -> None:
        self._rescale(mode, self.view.zoomFactor())

    def _rescale(self, mode: QPdfView.ZoomMode, factor: float) -> None:
        # The view lays its pages out again on the next turn of the event loop: only then can it
        # scroll back to the page being read. Until then its scrolling does not move the bar.
        page = self.current_page
        self._jumping = True
        self.view.setZoomMode(mode)
        self.view.setZoomFactor(factor)
        self._show_position()

        def back_to_page() -> None:
            self._jumping = False
            self.go_to_page(page)

        QTimer.singleShot(0, back_to_page)

    def _scrolled(self, value: int) -> None:
        # Scrolling (wheel, scroll bar) moves through the pages too: follow it in the bar.
        if self._jumping or self.page_count == 0:
            return
        bar = self.view.verticalScrollBar()
        if value >= bar.maximum() > 0:
            page = self.page_count - 1
        else:
            content = bar.maximum() + bar.pageStep()
            slot = content / self.page_count
            page = int((value + bar.pageStep() / 4) // slot) if slot else 0
        if page != self.current_page:
            self.current_page = max(0, min(page, self.page_count - 1))
            self._show_position()

    def _show_position(self) -> None:
        count = self.page_count
        shown = self.current_page + 1 if count else 0
        self.pages_label.setText(self.tr("Page {page} of {count}").format(page=shown, count=count))
        self.page_field.blockSignals(True)
        self.page_field.setValue(max(1, shown))
        self.page_field.blockSignals(False)
        self.zoom_label.setText(f"{round(self.zoom_factor() * 100)}%")
        mode = self.view.zoomMode()
        self.fit_width_button.setChecked(mode is QPdfView.ZoomMode.FitToWidth)
        self.fit_page_button.setChecked(mode is QPdfView.ZoomMode.FitInView)
        for button in (self.first_button, self.previous_button):
            button.setEnabled(self.current_page > 0)
        for button in (self.next_button, self.last_button):
            button.setEnabled(self.current_page < count - 1)

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

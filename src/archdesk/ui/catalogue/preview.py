"""The preview window of an attached file: a PDF in QtPdf (every page, fit to the width), an image
scaled to the window; "Open in viewer" hands the file to the system's program (QDesktopServices).

It is given the stored file's path, found on the worker by ``attachment_path`` (which refuses a
tampered stored name); QtPdf reads the file itself, off the GUI thread's critical path.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QImageReader, QPixmap, QResizeEvent
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from archdesk.ui.i18n import Retranslatable

PDF = "application/pdf"


class ScaledImage(QLabel):
    """An image kept whole inside the label as the window is resized."""

    def __init__(self, pixmap: QPixmap) -> None:
        super().__init__()
        self.original = pixmap
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumSize(QSize(100, 100))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.setPixmap(
            self.original.scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                 Qt.TransformationMode.SmoothTransformation)
        )  # fmt: skip


class PreviewWindow(Retranslatable, QDialog):
    def __init__(self, path: str, file_name: str, media_type: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("previewWindow")
        self.path = path
        self.file_name = file_name
        self.document = None  # QPdfDocument of a PDF
        self.image: ScaledImage | None = None
        self.pages_label = QLabel()
        self.pages_label.setObjectName("previewPages")
        if media_type == PDF:
            from PySide6.QtPdf import QPdfDocument
            from PySide6.QtPdfWidgets import QPdfView

            self.document = QPdfDocument(self)
            self.document.load(path)
            self.view = QPdfView(self)
            self.view.setPageMode(QPdfView.PageMode.MultiPage)
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
            self.view.setDocument(self.document)
            body: QWidget = self.view
        else:
            reader = QImageReader(path)
            reader.setAutoTransform(True)
            image = reader.read()
            self.image = ScaledImage(QPixmap.fromImage(image))
            self.image_size = image.size()
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setWidget(self.image)
            body = scroll
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self.open_in_viewer)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.pages_label, 1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(body, 1)
        layout.addLayout(buttons)
        self.resize(800, 900)
        self.retranslate_ui()

    @property
    def page_count(self) -> int:
        return self.document.pageCount() if self.document is not None else 1

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Preview — {name}").format(name=self.file_name))
        if self.document is not None:
            self.pages_label.setText(self.tr("{pages} page(s)").format(pages=self.page_count))
        else:
            size = self.image_size
            self.pages_label.setText(
                self.tr("{width} × {height} pixels").format(width=size.width(), height=size.height())
            )
        self.open_button.setText(self.tr("Open in &viewer"))
        self.close_button.setText(self.tr("&Close"))

    def open_in_viewer(self) -> None:
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(self.path)):
            from archdesk.ui.ops import show_error

            show_error(self, OSError(self.tr("No program opens this file")))

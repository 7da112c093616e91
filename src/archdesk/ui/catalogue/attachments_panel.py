"""The Files tab of the record pane: the record's attached scans and files, with thumbnails of
images, Add files… (or drop files on the list) and Open in the system viewer.

Adding runs ``attach_files`` on the worker (one unit of work for all the files dropped or chosen);
the list is read with ``list_attachments``. Services are imported inside the jobs (first paint).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent, QIcon, QImageReader, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from archdesk.ui.i18n import Retranslatable
from archdesk.ui.ops import Changes, Ops, show_error

if TYPE_CHECKING:
    from archdesk.services.digitisation.attachments import AttachmentView

THUMBNAIL = 64
_IMAGES = ("image/png", "image/jpeg", "image/tiff")
_PREVIEWED = ("application/pdf", *_IMAGES)


class FileList(QListWidget):
    """A list that takes files dropped from the file manager."""

    files_dropped = Signal(list)

    def __init__(self) -> None:
        super().__init__()
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)  # drops arrive on the viewport of a scroll area
        self.setDragDropMode(QListWidget.DragDropMode.DropOnly)
        self.setIconSize(QSize(THUMBNAIL, THUMBNAIL))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt's name
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.files_dropped.emit(paths)


class AttachmentsPanel(Retranslatable, QWidget):
    """One record's attachments."""

    loaded = Signal()

    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self._loading: int | None = None  # the op listing the files of the record shown
        self.record_id: int | None = None
        self.attachments: tuple[AttachmentView, ...] = ()
        self.list = FileList()
        self.list.itemActivated.connect(lambda _item: self.open_current())
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())
        self.list.files_dropped.connect(self.add_files)
        style = self.style()
        self.add_button = QPushButton(style.standardIcon(QStyle.StandardPixmap.SP_FileDialogNewFolder), "")
        self.open_button = QPushButton(style.standardIcon(QStyle.StandardPixmap.SP_DialogOpenButton), "")
        self.preview_button = QPushButton(style.standardIcon(QStyle.StandardPixmap.SP_FileDialogContentsView), "")
        self.preview_button.setObjectName("previewButton")
        self.preview_button.clicked.connect(self.preview_current)
        self.preview: QWidget | None = None  # the preview window last opened
        self.add_button.clicked.connect(self._choose_files)
        self.open_button.clicked.connect(self.open_current)
        self.summary = QLabel()
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.retranslate_ui()
        self._update_buttons()

    def retranslate_ui(self) -> None:
        self.add_button.setText(self.tr("&Add files…"))
        self.add_button.setToolTip(self.tr("Attach scans or electronic files (or drop them on the list)"))
        self.open_button.setText(self.tr("&Open"))
        self.open_button.setToolTip(self.tr("Open in the system's viewer"))
        self.preview_button.setText(self.tr("&Preview"))
        self._fill()

    def set_record(self, record_id: int | None, *, editable: bool = True) -> None:
        self.record_id = record_id
        self.attachments = ()
        self.add_button.setEnabled(record_id is not None and editable)
        self.list.viewport().setAcceptDrops(record_id is not None and editable)
        self._fill()
        if record_id is not None:
            self.reload()

    def reload(self) -> None:
        record_id = self.record_id
        if record_id is None:
            return

        def load(db) -> tuple[AttachmentView, ...]:  # noqa: ANN001 - worker thread
            from archdesk.services.digitisation.attachments import list_attachments

            return list_attachments(db, record_id)

        if self._loading is not None:  # another record's files, asked for before: not shown any more
            self.ops.cancel(self._loading)
        self._loading = self.ops.query(self, load, lambda found: self._loaded(record_id, found))

    def _loaded(self, record_id: int, found: tuple[AttachmentView, ...]) -> None:
        if record_id != self.record_id:
            return  # another record was shown meanwhile
        self._loading = None
        self.attachments = found
        self._fill()
        self.loaded.emit()

    def _fill(self) -> None:
        self.list.clear()
        pages = 0
        for view in self.attachments:
            size = _size_text(view.size_bytes)
            detail = self.tr("{pages} p.").format(pages=view.page_count) if view.page_count else ""
            verified = (
                self.tr("verified {date}").format(date=view.last_verified_at.strftime("%Y-%m-%d"))
                if view.last_verified_at is not None
                else self.tr("not yet verified")
            )
            item = QListWidgetItem(" · ".join(p for p in (view.file_name, size, detail, verified) if p))
            item.setToolTip(f"{view.media_type}\nSHA-256 {view.sha256}")
            item.setIcon(self._icon(view))
            self.list.addItem(item)
            pages += view.page_count or 0
        self.summary.setText(
            self.tr("{files} file(s), {pages} page(s)").format(files=len(self.attachments), pages=pages)
            if self.attachments
            else self.tr("No files attached")
        )
        self._update_buttons()

    def _icon(self, view: AttachmentView) -> QIcon:
        if view.media_type in _IMAGES and self.ops.db.file is not None:
            path = _stored_path(self.ops.db.file, view.sha256)
            reader = QImageReader(str(path))
            reader.setScaledSize(QSize(THUMBNAIL, THUMBNAIL * reader.size().height() // max(reader.size().width(), 1)))
            image = reader.read()
            if not image.isNull():
                return QIcon(QPixmap.fromImage(image))
        kind = QStyle.StandardPixmap.SP_FileIcon
        return self.style().standardIcon(kind)

    def _update_buttons(self) -> None:
        self.open_button.setEnabled(self.list.currentRow() >= 0)
        row = self.list.currentRow()
        self.preview_button.setEnabled(
            0 <= row < len(self.attachments) and self.attachments[row].media_type in _PREVIEWED
        )

    def _choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Attach files"), "",
            self.tr("Scans and documents (*.pdf *.tif *.tiff *.jpg *.jpeg *.png *.docx *.xlsx *.pptx *.doc *.xls *.ppt);;"
                    "All files (*)"),
        )  # fmt: skip
        if paths:
            self.add_files(paths)

    def add_files(self, paths: list[str]) -> None:
        record_id = self.record_id
        if record_id is None or not self.add_button.isEnabled():
            return
        files = [Path(p) for p in paths]

        def attach(db, progress):  # noqa: ANN001, ANN202 - worker thread
            from archdesk.services.digitisation.attachments import attach_files

            return attach_files(db, record_id, files, progress=progress)

        self.ops.mutate(self, attach, changes=Changes(records=True, record_ids=(record_id,)),
                        success=lambda _views: self.reload(), progress_label=self.tr("Attaching files…"))  # fmt: skip

    def open_current(self) -> None:
        row = self.list.currentRow()
        if row < 0 or row >= len(self.attachments):
            return
        attachment_id = self.attachments[row].id

        def where(db) -> str:  # noqa: ANN001 - worker thread
            from archdesk.services.digitisation.attachments import attachment_path

            return str(attachment_path(db, attachment_id))

        def opened(path: str) -> None:
            if not QDesktopServices.openUrl(QUrl.fromLocalFile(path)):
                show_error(self, OSError(self.tr("No program opens this file")))

        self.ops.query(self, where, opened)

    def preview_current(self) -> None:
        row = self.list.currentRow()
        if row < 0 or row >= len(self.attachments):
            return
        view = self.attachments[row]

        def where(db) -> str:  # noqa: ANN001 - worker thread
            from archdesk.services.digitisation.attachments import attachment_path

            return str(attachment_path(db, view.id))

        def show(path: str) -> None:
            from archdesk.ui.catalogue.preview import PreviewWindow

            window = PreviewWindow(path, view.file_name, view.media_type, self)
            window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            window.destroyed.connect(lambda: setattr(self, "preview", None))
            self.preview = window
            window.show()

        self.ops.query(self, where, show)


def _stored_path(archive: Path, sha256: str) -> Path:
    """Where the files folder of an SQLite archive keeps a file (for thumbnails; mirrors
    services/digitisation/storage.py without importing the services here)."""
    import os

    configured = os.environ.get("ARCHDESK_FILES", "").strip()
    folder = Path(configured).expanduser() if configured else archive.with_name(archive.name + ".files")
    return folder / sha256[:2] / sha256


def _size_text(size: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return ""

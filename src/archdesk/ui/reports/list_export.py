"""Print…, Export PDF… and Export Excel… for a list view: in its context menu and on a small toolbar.

The document is built from the rows the list shows (taken on the GUI thread when the user asks)
by a Qt-free builder of ``archdesk.services.reports.lists``; rendering runs on the worker thread
with a cancellable progress dialog. ``export_to_file`` is the same save step for any document.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QSize, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QBoxLayout, QFileDialog, QMainWindow, QStyle, QToolBar, QWidget

from archdesk.services.database import Database
from archdesk.ui.i18n import current_language
from archdesk.ui.ops import Ops

if TYPE_CHECKING:
    from archdesk.services.reports import Document

FontSource = Callable[[], str | None]
#: ``document(rows, language, organisation=…, **options)`` → the printable ``Document`` of those rows.
#: Called on the worker thread; it imports the report layer inside, which stays out of start-up.
DocumentBuilder = Callable[..., "Document"]


def _named_builder(name: str) -> DocumentBuilder:
    """The older spelling, ``builder="loans_document"``: that function of ``services.reports.lists``.
    Only for docks written before ``document=`` (being merged); new code passes the callable."""

    def document(*args: Any, **kwargs: Any) -> Document:
        from archdesk.services.reports import lists

        return getattr(lists, name)(*args, **kwargs)

    document.__name__ = name
    return document


def export_to_file(
    parent: QWidget,
    ops: Ops,
    build: Callable[[Database], Document],
    fmt: str,
    *,
    name: str,
    font_path: str | None = None,
) -> str | None:
    """Ask where to save ``build(db)`` as ``fmt`` ("pdf" or "xlsx"), then render it on the worker.

    Returns the chosen path (None when the user cancelled the file dialog). A cancelled render leaves
    no file behind; the main window's status bar says where the file went.
    """
    pdf = fmt == "pdf"
    translate = QCoreApplication.translate
    caption = translate("ListExports", "Export PDF") if pdf else translate("ListExports", "Export Excel")
    pattern = translate("ListExports", "PDF (*.pdf)") if pdf else translate("ListExports", "Excel (*.xlsx)")
    suggested = f"{name}-{date.today():%Y%m%d}.{fmt}"
    path, _ = QFileDialog.getSaveFileName(parent, caption, suggested, pattern)
    if not path:
        return None
    if not path.lower().endswith(f".{fmt}"):
        path += f".{fmt}"

    def render(db: Database, progress: Callable[[int, int], bool]) -> str:
        from archdesk.services.reports import render_pdf, render_xlsx  # ReportLab stays out of start-up

        document = build(db)
        if pdf:
            render_pdf(document, path, font_path=font_path, progress=progress)
        else:
            render_xlsx(document, path, progress=progress)
        return path

    def saved(written: str) -> None:
        window = parent.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(translate("ListExports", "Saved {path}").format(path=written), 8000)

    label = translate("ListExports", "Exporting to PDF…") if pdf else translate("ListExports", "Exporting to Excel…")
    ops.query(parent, render, saved, progress_label=label)
    return path


class ListExports(QObject):
    """The three actions of one list view.

    ``document`` is called on the worker as ``document(rows, language, organisation=..., **options())``;
    ``rows()`` and ``options()`` are read on the GUI thread when an action fires. The host calls
    ``retranslate_ui`` when the language changes. (``builder="name"`` is the older spelling of
    ``document=`` that builder, kept while the docks written against it are merged.)
    """

    def __init__(
        self,
        host: QWidget,
        view: QAbstractItemView,
        ops: Ops,
        *,
        name: str,
        rows: Callable[[], Sequence[Any]],
        document: DocumentBuilder | None = None,
        builder: str | None = None,
        options: Callable[[], dict[str, Any]] = dict,
        layout: QBoxLayout | None = None,
    ) -> None:
        super().__init__(host)
        self.setObjectName(f"{name}Exports")
        self.host, self.ops, self.name, self.rows = host, ops, name, rows
        if document is None:
            if builder is None:
                raise TypeError("ListExports needs the document builder of its rows")
            document = _named_builder(builder)
        self.document, self.options = document, options
        self.font_source: FontSource = lambda: None  # the main window points it at the settings' PDF font
        style = host.style()
        self.print_action = QAction(style.standardIcon(QStyle.StandardPixmap.SP_FileDialogContentsView), "", host)
        self.pdf_action = QAction(style.standardIcon(QStyle.StandardPixmap.SP_DialogSaveButton), "", host)
        self.excel_action = QAction(style.standardIcon(QStyle.StandardPixmap.SP_FileDialogDetailedView), "", host)
        self.print_action.triggered.connect(self.preview)
        self.pdf_action.triggered.connect(lambda: self.export("pdf"))
        self.excel_action.triggered.connect(lambda: self.export("xlsx"))
        self.actions = [self.print_action, self.pdf_action, self.excel_action]
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        view.addActions(self.actions)
        self.toolbar = QToolBar(host)
        self.toolbar.setObjectName(f"{name}ExportBar")
        self.toolbar.setIconSize(QSize(16, 16))
        self.toolbar.addActions(self.actions)
        if layout is not None:
            layout.insertWidget(0, self.toolbar)
        # The host calls ``retranslate_ui`` from its own changeEvent. (Not an event filter on the
        # host: a Python filter keeps being called while the host is destroyed, and that crashed
        # the interpreter now and then.)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.print_action.setText(self.tr("&Print…"))
        self.pdf_action.setText(self.tr("Export &PDF…"))
        self.excel_action.setText(self.tr("Export &Excel…"))
        for action in self.actions:
            action.setToolTip(action.text().replace("&", ""))

    def build(self) -> Callable[[Database], Document]:
        """The document of the rows shown now, in the language in effect (built later, on the worker)."""
        rows, language, options, document = list(self.rows()), current_language(), self.options(), self.document

        def build(db: Database) -> Document:
            from archdesk.services.reports.lists import organisation_name

            return document(rows, language, organisation=organisation_name(db), **options)

        return build

    def export(self, fmt: str) -> str | None:
        return export_to_file(self.host, self.ops, self.build(), fmt, name=self.name, font_path=self.font_source())

    def preview(self) -> None:
        from archdesk.ui.reports.preview import preview_document

        preview_document(self.host, self.ops, self.build(), font_path=self.font_source())

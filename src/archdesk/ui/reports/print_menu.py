"""File › Print: every document of the reporting package in print preview, for what the table shows.

归档文件目录 (bound per 年度 and 保管期限 with covers, or one list), 案卷目录, 卷内文件目录 and the volume
forms (案卷封面, 卷脊, 卷内备考表) follow the records table's filter; the inventory register its
shelf, category, year or box; box spines (盒脊) and box notes (备考表) cover the boxes of the selected
records, or of the records shown; the statistics report covers the whole archive. Each is rendered
on the worker thread (cancellable), then shown in ``ReportPreview`` with Print, Export PDF… and, where
the document is a table, Export Excel…. ``install_printing`` puts the menu into the main window.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QStyle, QToolButton, QWidget

from archdesk.messages import msg
from archdesk.services.database import Database
from archdesk.services.errors import Cancelled
from archdesk.services.listing import RecordFilter as TableFilter
from archdesk.services.listing import RowSelection
from archdesk.ui.i18n import Retranslatable
from archdesk.ui.ops import Ops
from archdesk.ui.reports.list_export import ListExports, export_to_file

if TYPE_CHECKING:  # the renderers (ReportLab, QtPdf) are imported on first use, not at start-up
    from archdesk.services.reports import Document
    from archdesk.ui.reports.preview import ReportPreview

Progress = Callable[[int, int], bool]


@dataclass(frozen=True)
class PrintScope:
    """What a printout covers, read on the GUI thread when the user asks."""

    table: TableFilter
    selection: RowSelection | None = None  # the selected rows; None: the whole table
    language: str = "zh_CN"
    font_path: str | None = None
    year: int | None = None  # the year of the annual statistics report


def _table_document(key: str, db: Database, scope: PrintScope) -> Document:
    from archdesk.services.reports import catalogue_register, inventory_register, volume_catalogue, volume_contents
    from archdesk.services.reports.lists import organisation_name
    from archdesk.services.reports.statistics import holdings_statistics, statistics_document
    from archdesk.services.reports.table_scope import classification_filter, inventory_filter

    language = scope.language
    if key in ("register", "register_continuous"):  # bound per year and period, or one list
        volumes = "continuous" if key == "register_continuous" else "per-year-period"
        return catalogue_register(db, scope.table, language=language, volumes=volumes)
    if key == "volume_catalogue":
        return volume_catalogue(db, classification_filter(db, scope.table), language=language)
    if key == "volume_contents":
        return volume_contents(db, classification_filter(db, scope.table), language=language)
    if key == "inventory":
        return inventory_register(db, inventory_filter(db, scope.table), language=language)
    if key == "annual_report":
        from archdesk.services.reports.annual import annual_report, annual_report_document

        return annual_report_document(annual_report(db, scope.year or report_year()), language)
    stats = holdings_statistics(db, language=language)
    return statistics_document(stats, organisation=organisation_name(db))


def report_year(today: date | None = None) -> int:
    """The year an annual report is most likely wanted for: last year until the end of March (the
    reports are filed in the first quarter), this year after."""
    today = today or date.today()
    return today.year - 1 if today.month <= 3 else today.year


def render_document_pdf(key: str, db: Database, scope: PrintScope, out: Path, progress: Progress) -> str:
    """Write document ``key`` for ``scope`` to ``out`` (worker thread); returns its title."""
    from archdesk.services.records_query import selected_ids
    from archdesk.services.reports import render_pdf
    from archdesk.services.reports.boxes import render_box_notes, render_box_spines
    from archdesk.services.reports.labels import label
    from archdesk.services.reports.lists import organisation_name
    from archdesk.services.reports.statistics import holdings_statistics, render_statistics_pdf
    from archdesk.services.reports.table_scope import classification_filter, shown_boxes

    if not progress(0, 1):
        raise Cancelled(msg("reports.preview_cancelled"))
    language, font = scope.language, scope.font_path
    if key in ("box_spines", "box_notes"):
        ids = selected_ids(db, scope.selection) if scope.selection is not None else ()
        boxes = shown_boxes(db, scope.table, ids, language=language)
        render = render_box_spines if key == "box_spines" else render_box_notes
        render(boxes, out, language=language, font_path=font)
        return label("box_spine" if key == "box_spines" else "box_note", language)
    if key in ("volume_cover", "volume_spine", "volume_note"):
        from archdesk.services.reports.volume_forms import volume_forms_pdf
        from archdesk.services.reports.volumes import word

        volume_forms_pdf(key, db, classification_filter(db, scope.table), out, language=language, font_path=font)
        return word(key, language)
    if key == "statistics":
        stats = holdings_statistics(db, language=language)
        render_statistics_pdf(stats, out, organisation=organisation_name(db), font_path=font)
        return label("statistics", language)
    document = _table_document(key, db, scope)
    render_pdf(document, out, font_path=font, progress=progress)
    return document.title


# The documents of the menu in order; ``None`` separates groups. Excel where the form is a table.
DOCUMENTS: tuple[str | None, ...] = (
    "register", "register_continuous", "volume_catalogue", "volume_contents", "volume_cover", "volume_spine",
    "volume_note", None, "inventory", "box_spines", "box_notes", None, "statistics", "annual_report",
)  # fmt: skip
EXCEL = {
    "register",
    "register_continuous",
    "volume_catalogue",
    "volume_contents",
    "inventory",
    "statistics",
    "annual_report",
}


def preview_report(
    parent: QWidget,
    ops: Ops,
    key: str,
    scope: PrintScope,
    shown: Callable[[ReportPreview], None] | None = None,
) -> int:
    """Render document ``key`` to a temporary PDF on the worker, then open it in ``ReportPreview``."""
    from archdesk.ui.reports.preview import ReportPreview

    folder = Path(tempfile.mkdtemp(prefix="archdesk-preview-"))
    target = folder / f"{key.replace('_', '-')}.pdf"

    def show(title: str) -> None:
        dialog = ReportPreview(target, title=title, excel=key in EXCEL, parent=parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.excel_requested.connect(lambda path: _export_excel(dialog, ops, key, scope, path))
        dialog.finished.connect(lambda _result: shutil.rmtree(folder, ignore_errors=True))
        dialog.open()
        if shown is not None:
            shown(dialog)

    def failed(_error: BaseException) -> bool:
        shutil.rmtree(folder, ignore_errors=True)
        return False  # Ops shows the error (or nothing, when the user cancelled)

    render: Callable[..., Any] = lambda db, progress: render_document_pdf(key, db, scope, target, progress)  # noqa: E731
    label = QCoreApplication.translate("ReportPreview", "Preparing the print preview…")
    return ops.query(parent, render, show, failure=failed, progress_label=label)


def _export_excel(dialog: ReportPreview, ops: Ops, key: str, scope: PrintScope, path: str) -> None:
    from archdesk.services.reports import render_xlsx

    def export(db: Database, progress: Progress) -> int:
        return render_xlsx(_table_document(key, db, scope), path, progress=progress)

    ops.query(dialog, export, progress_label=QCoreApplication.translate("ReportPreview", "Exporting to Excel…"))


class PrintMenu(Retranslatable, QMenu):
    """File › Print ▸ one action per document, plus the records table's Export PDF… / Export Excel…."""

    preview_opened = Signal(object)  # the ReportPreview, once its pages are shown

    def __init__(self, ops: Ops, scope: Callable[[], PrintScope], parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("printMenu")
        self.ops, self.scope = ops, scope
        self.setIcon(parent.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogContentsView))
        self.document_actions: dict[str, QAction] = {}
        for key in DOCUMENTS:
            if key is None:
                self.addSeparator()
                continue
            act = self.addAction("")
            act.setObjectName(f"print_{key}")
            act.triggered.connect(lambda _checked=False, key=key: self.open_preview(key))
            self.document_actions[key] = act
        self.document_actions["register"].setShortcut(QKeySequence.StandardKey.Print)
        style = parent.style()
        self.table_pdf_action = QAction(style.standardIcon(QStyle.StandardPixmap.SP_DialogSaveButton), "", parent)
        self.table_excel_action = QAction(
            style.standardIcon(QStyle.StandardPixmap.SP_FileDialogDetailedView), "", parent
        )
        self.table_pdf_action.triggered.connect(lambda: self.export_table("pdf"))
        self.table_excel_action.triggered.connect(lambda: self.export_table("xlsx"))
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("&Print"))
        texts = {
            "register": self.tr("&Catalogue register, a volume per year and period (shown records)…"),
            "register_continuous": self.tr("Catalogue register, one &list (shown records)…"),
            "volume_cover": self.tr("File c&overs…"),
            "volume_spine": self.tr("File s&pines…"),
            "volume_note": self.tr("File not&es…"),
            "volume_catalogue": self.tr("&Volume catalogue…"),
            "volume_contents": self.tr("&In-volume catalogue…"),
            "inventory": self.tr("In&ventory register…"),
            "box_spines": self.tr("Box &spines…"),
            "box_notes": self.tr("Box &notes…"),
            "statistics": self.tr("S&tatistics report…"),
            "annual_report": self.tr("&Annual statistics report…"),
        }
        for key, text in texts.items():
            self.document_actions[key].setText(text)
        self.table_pdf_action.setText(self.tr("Export register as &PDF…"))
        self.table_excel_action.setText(self.tr("Export register as E&xcel…"))

    def open_preview(self, key: str) -> int:
        """Render document ``key`` for what the table shows and open its print preview."""
        scope = self.scope()
        if key == "annual_report":  # which year: asked, the likely one offered
            from dataclasses import replace

            from PySide6.QtWidgets import QInputDialog

            year, chosen = QInputDialog.getInt(
                self.parentWidget(), self.tr("Annual statistics report"), self.tr("Year:"), report_year(), 1000, 9999
            )
            if not chosen:
                return 0
            scope = replace(scope, year=year)
        return preview_report(self.parentWidget(), self.ops, key, scope, self.preview_opened.emit)

    def export_table(self, fmt: str) -> str | None:
        """归档文件目录 of the records the table shows, saved straight to a PDF or Excel file."""
        from archdesk.services.reports import catalogue_register

        scope = self.scope()
        build = lambda db: catalogue_register(db, scope.table, language=scope.language)  # noqa: E731
        name = "catalogue-register"
        return export_to_file(self.parentWidget(), self.ops, build, fmt, name=name, font_path=scope.font_path)


def install_printing(window: Any) -> PrintMenu:
    """Put File › Print ▸, a Print toolbar button and the table's export actions into the main window."""

    def scope() -> PrintScope:
        language = "en" if window.english else "zh_CN"
        selection = window.table.selection()
        return PrintScope(window.records.filter, selection, language, window.settings.pdf_font_path or None)

    menu = PrintMenu(window.ops, scope, window)
    window.file_menu.insertMenu(window.settings_action, menu)
    window.file_menu.insertSeparator(window.settings_action)
    window.toolbar.addSeparator()
    window.toolbar.addAction(menu.menuAction())
    button = window.toolbar.widgetForAction(menu.menuAction())
    if isinstance(button, QToolButton):
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    table = window.table
    table.export_action.setVisible(True)
    table.export_action.triggered.connect(lambda: menu.open_preview("register"))
    table.report_actions = [menu.table_pdf_action, menu.table_excel_action]
    for exports in window.findChildren(ListExports):
        exports.font_source = lambda: window.settings.pdf_font_path or None
    return menu

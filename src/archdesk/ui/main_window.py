"""The main window: it only assembles the records table, the docks, menus, toolbar and status bar.

Each part does its own work (and refreshes itself from the ChangeHub); every dock is built through
``archdesk.ui.dock``, and a row activated in any of them opens what it lists here (``_open_target``).
The window keeps the layout across restarts: the default dock state is kept before the user's is
restored, so "Reset layout" can put it back, and the saved state carries ``LAYOUT_VERSION``, so a
layout saved with another set of docks is not restored over this one.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QStyle, QToolBar, QVBoxLayout, QWidget

from archdesk.services.database import Database
from archdesk.services.listing import RecordFilter, SortOrder
from archdesk.services.views import CodeTables
from archdesk.ui import backup_actions
from archdesk.ui.about import app_icon, show_about
from archdesk.ui.appraisal.appraisal_dock import AppraisalDock
from archdesk.ui.catalogue import actions, tools
from archdesk.ui.catalogue.filter_bar import FilterBar
from archdesk.ui.catalogue.record_editor import RecordEditor
from archdesk.ui.catalogue.records_model import COLUMNS, RecordsModel
from archdesk.ui.catalogue.records_view import RecordsView
from archdesk.ui.catalogue.tree_dock import CatalogueTreeDock
from archdesk.ui.collection.batches import TransfersDock
from archdesk.ui.custody.locations_dock import LocationsDock
from archdesk.ui.dock import Dock, OpenRecord, Target, create_dock
from archdesk.ui.i18n import Retranslatable, current_language
from archdesk.ui.loans.loans_dock import LoansDock
from archdesk.ui.ops import ChangeHub, Changes, Ops
from archdesk.ui.reports.print_menu import install_printing
from archdesk.ui.settings import Settings

#: Raise it whenever the set of docks (or toolbars) changes: a layout saved by an older set is then
#: ignored and the window starts from its default layout, instead of restoring a stale one.
LAYOUT_VERSION = 2


class MainWindow(Retranslatable, QMainWindow):
    archive_requested = Signal(str, bool)  # path, create new: app.py opens it in a new window
    new_archive_requested = Signal(str, str, str)  # path, fonds code, fonds name: app.py creates it
    first_page_shown = Signal()
    restore_requested = Signal(str)  # a verified backup: app.py puts it in the archive's place and reopens

    def __init__(self, db: Database, settings: Settings, *, english: bool = False, restore: bool = True) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowIcon(app_icon())
        self.db, self.settings, self.english = db, settings, english
        self.hub = ChangeHub(self)
        self.ops = Ops(db, self.hub, self)
        self.tables: CodeTables | None = None

        self.records = RecordsModel(self.ops, self, english=english)
        self.table = RecordsView(self.records)
        self.filter_bar = FilterBar()
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.table, 1)
        self.setCentralWidget(central)

        self.tree_dock = CatalogueTreeDock(self.ops, self)
        self.editor = RecordEditor(self.ops)
        self.record_dock = create_dock(
            self, self.ops, "recordDock", self.editor, title=lambda: QCoreApplication.translate("MainWindow", "Record")
        )
        self.locations_dock = LocationsDock(self.ops, self)
        self.loans_dock = LoansDock(self.ops, self, settings=settings)
        self.appraisal_dock = AppraisalDock(self.ops, self)
        self.transfers_dock = TransfersDock(self.ops, self)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.tree_dock)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.record_dock)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.locations_dock)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.loans_dock)
        self.tabifyDockWidget(self.loans_dock, self.appraisal_dock)
        self.tabifyDockWidget(self.appraisal_dock, self.transfers_dock)
        self.loans_dock.raise_()
        self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        self.resizeDocks([self.tree_dock, self.record_dock], [280, 360], Qt.Orientation.Horizontal)
        self.resizeDocks([self.tree_dock, self.locations_dock], [560, 200], Qt.Orientation.Vertical)
        self.resizeDocks([self.loans_dock], [140], Qt.Orientation.Vertical)

        self._build_actions()
        self._build_menus()
        self._build_status_bar()
        self._wire()
        self.resize(1400, 900)
        self.default_state = self.saveState(LAYOUT_VERSION)
        self.default_header = self.table.header_state()
        if restore:
            self._restore_layout()
        self.retranslate_ui()
        self._start()

    # -- assembly ---------------------------------------------------------------------------------

    def _build_actions(self) -> None:
        style = self.style()

        def action(icon: QStyle.StandardPixmap | None, slot, shortcut=None) -> QAction:  # noqa: ANN001
            act = QAction(style.standardIcon(icon) if icon is not None else app_icon(), "", self)
            if shortcut is not None:
                act.setShortcut(shortcut)
            act.triggered.connect(slot)
            return act

        sp = QStyle.StandardPixmap
        self.new_archive_action = action(sp.SP_FileIcon, lambda: self._choose_archive(create=True))
        self.open_archive_action = action(sp.SP_DialogOpenButton, lambda: self._choose_archive(create=False))
        self.setup_action = action(sp.SP_FileDialogDetailedView, self.show_archive_setup)
        self.backup_action = action(
            sp.SP_DriveHDIcon, lambda: backup_actions.back_up(self, self.ops, self.settings.backup_keep)
        )
        self.restore_action = action(sp.SP_BrowserReload, lambda: backup_actions.restore_from_backup(self, self.ops))
        self.settings_action = action(
            sp.SP_FileDialogListView, self._show_settings, QKeySequence.StandardKey.Preferences
        )
        self.quit_action = action(sp.SP_DialogCloseButton, self.close, QKeySequence.StandardKey.Quit)
        self.find_action = action(
            sp.SP_FileDialogContentsView, self.filter_bar.focus_search, QKeySequence.StandardKey.Find
        )
        self.select_all_action = action(None, self.table.selectAll, QKeySequence.StandardKey.SelectAll)
        self.new_record_action = action(
            sp.SP_FileDialogNewFolder, lambda: self.editor.new_record(), QKeySequence.StandardKey.New
        )
        self.save_record_action = action(sp.SP_DialogSaveButton, self.editor.save, QKeySequence.StandardKey.Save)
        self.refresh_action = action(sp.SP_BrowserReload, self.refresh, QKeySequence.StandardKey.Refresh)
        self.reset_layout_action = action(sp.SP_DesktopIcon, self.reset_layout)
        self.user_guide_action = action(
            sp.SP_DialogHelpButton, self._open_user_guide, QKeySequence.StandardKey.HelpContents
        )
        self.shortcuts_action = action(None, self._open_shortcuts)
        self.about_action = action(None, lambda: show_about(self, self.db.url))
        self.about_qt_action = action(sp.SP_TitleBarMenuButton, QApplication.aboutQt)
        self.table.accept_action.triggered.connect(
            lambda: self.table.with_selected_records(
                lambda records: actions.accept_into_custody(parent=self, ops=self.ops, records=records)
            )
        )
        self.table.delete_action.triggered.connect(
            lambda: self.table.with_selected_records(
                lambda records: actions.delete_pending(parent=self, ops=self.ops, records=records)
            )
        )
        self.table.transfer_action.triggered.connect(
            lambda: self.table.with_selected_records(
                lambda records: actions.transfer_out(parent=self, ops=self.ops, records=records)
            )
        )
        self.put_in_box_action = action(sp.SP_DirClosedIcon, self._put_in_box)
        self.lend_action = action(None, self._lend_selected)
        self.lend_separator = QAction(self)
        self.lend_separator.setSeparator(True)
        self.tool_actions: dict[str, QAction] = {}
        if tools.available(tools.IMPORT):
            self.tool_actions["import"] = action(
                sp.SP_ArrowDown, lambda: tools.open_import_wizard(parent=self, ops=self.ops)
            )
        if tools.available(tools.STATISTICS):
            self.tool_actions["statistics"] = action(
                sp.SP_FileDialogInfoView,
                lambda: tools.open_statistics(parent=self, ops=self.ops, language=current_language()),
            )
        self.tool_actions["verify_files"] = action(
            sp.SP_DialogApplyButton, lambda: tools.verify_files(parent=self, ops=self.ops)
        )
        self.tool_actions["ocr"] = action(
            sp.SP_FileDialogDetailedView, lambda: tools.run_ocr(parent=self, ops=self.ops)
        )

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addActions([self.new_archive_action, self.open_archive_action])
        self.file_menu.addSeparator()
        self.file_menu.addActions([self.setup_action, self.backup_action, self.restore_action])
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.settings_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.edit_menu = bar.addMenu("")
        self.edit_menu.addActions([self.table.copy_action, self.select_all_action])
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.find_action)
        self.view_menu = bar.addMenu("")
        self.records_menu = bar.addMenu("")
        self.records_menu.addActions([self.new_record_action, self.table.open_action, self.save_record_action])
        self.records_menu.addSeparator()
        self.records_menu.addActions([self.table.accept_action, self.table.delete_action, self.table.transfer_action])
        self.records_menu.addAction(self.table.export_action)
        self.records_menu.addAction(self.put_in_box_action)
        self.records_menu.addSeparator()
        self.records_menu.addAction(self.refresh_action)
        self.tools_menu = bar.addMenu("")
        self.tools_menu.addActions(list(self.tool_actions.values()))
        self.tools_menu.menuAction().setVisible(bool(self.tool_actions))
        self.help_menu = bar.addMenu("")
        self.help_menu.addActions([self.user_guide_action, self.shortcuts_action])
        self.help_menu.addSeparator()
        self.help_menu.addActions([self.about_action, self.about_qt_action])

        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("mainToolBar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar.setMovable(False)
        self.toolbar.addActions([self.new_record_action, self.save_record_action])
        self.toolbar.addSeparator()
        self.toolbar.addActions([self.table.accept_action, self.table.delete_action])
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.refresh_action)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)
        self.print_menu = install_printing(self)  # File › Print ▸, the toolbar's Print, the table's exports
        self.table.report_actions += [self.lend_separator, self.lend_action]  # Lend… for the selected records
        self.docks: list[Dock] = [
            self.tree_dock,
            self.record_dock,
            self.locations_dock,
            self.loans_dock,
            self.appraisal_dock,
            self.transfers_dock,
        ]
        for dock in self.docks:
            self.view_menu.addAction(dock.toggleViewAction())
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.toolbar.toggleViewAction())
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.reset_layout_action)

    def _build_status_bar(self) -> None:
        self.count_label = QLabel()
        self.selection_label = QLabel()
        self.path_label = QLabel(str(self.db.file or self.db.url))
        self.path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.statusBar().addWidget(self.count_label)
        self.statusBar().addWidget(self.selection_label)
        self.overdue_label = QLabel()
        self.overdue_label.setObjectName("overdueLabel")
        self.statusBar().addWidget(self.overdue_label)
        self.loans_dock.overdue_counted.connect(self._show_overdue)
        self.statusBar().addPermanentWidget(self.path_label)

    def _wire(self) -> None:
        self.tree_dock.filter_chosen.connect(self.filter_bar.set_classification)
        self.filter_bar.filter_changed.connect(self._filter_changed)
        self.table.current_record_changed.connect(self.editor.show_record)
        self.table.record_activated.connect(self._open_record)
        self.table.selectionModel().selectionChanged.connect(self._show_counts)
        self.records.first_page_loaded.connect(self._first_page_loaded)
        self.records.modelReset.connect(self._show_counts)
        self.records.rowsInserted.connect(self._show_counts)
        self.records.rowsRemoved.connect(self._show_counts)
        self.tree_dock.loaded.connect(self._show_counts)
        self.editor.record_saved.connect(self._record_saved)
        # After the view's own key or click handling is done, or it would move the selection again.
        self.editor.record_kept.connect(lambda record_id: QTimer.singleShot(0, lambda: self._record_saved(record_id)))
        self.records.block_loaded.connect(self._select_wanted)
        self.records.first_page_loaded.connect(self._select_wanted)
        self.table.current_record_changed.connect(self._forget_wanted)
        self.hub.changed.connect(self._on_changes)
        for dock in self.docks:
            dock.opened.connect(self._open_target)
        self.tree_dock.setup_requested.connect(self.show_archive_setup)
        self.tree_dock.import_requested.connect(lambda: tools.open_import_wizard(parent=self, ops=self.ops))

    def retranslate_ui(self) -> None:
        self.setWindowTitle(
            self.tr("ArchDesk — {path}").format(path=self.db.file.name if self.db.file else self.db.url)
            + (self.tr(" (read-only)") if getattr(self.db, "read_only_for", None) is not None else "")
        )
        self.file_menu.setTitle(self.tr("&File"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.view_menu.setTitle(self.tr("&View"))
        self.records_menu.setTitle(self.tr("&Records"))
        self.tools_menu.setTitle(self.tr("&Tools"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.toolbar.setWindowTitle(self.tr("Toolbar"))
        texts = {
            self.new_archive_action: self.tr("&New archive…"),
            self.open_archive_action: self.tr("&Open archive…"),
            self.setup_action: self.tr("Archive set-&up…"),
            self.backup_action: self.tr("&Back up"),
            self.restore_action: self.tr("&Restore from backup…"),
            self.settings_action: self.tr("&Settings…"),
            self.quit_action: self.tr("&Quit"),
            self.find_action: self.tr("&Find…"),
            self.select_all_action: self.tr("Select &all"),
            self.new_record_action: self.tr("&New record"),
            self.save_record_action: self.tr("&Save record"),
            self.refresh_action: self.tr("Re&fresh"),
            self.put_in_box_action: self.tr("Put in &box…"),
            self.reset_layout_action: self.tr("&Reset layout"),
            self.user_guide_action: self.tr("&User guide"),
            self.shortcuts_action: self.tr("&Keyboard shortcuts"),
            self.about_action: self.tr("&About ArchDesk"),
            self.about_qt_action: self.tr("About &Qt"),
            self.lend_action: self.tr("&Lend…"),
        }
        for act, text in texts.items():
            act.setText(text)
        tool_texts = {
            "import": self.tr("&Import transfer spreadsheet…"),
            "statistics": self.tr("&Statistics…"),
            "verify_files": self.tr("&Verify files…"),
            "ocr": self.tr("&OCR…"),
        }
        for name, act in self.tool_actions.items():
            act.setText(tool_texts[name])
        self._show_overdue(getattr(self, "overdue_count", 0))
        self._show_counts()
        if self.tables is not None and self.english != (current_language() == "en"):
            self.set_english(current_language() == "en")  # a live switch: code names follow (WS Administrative)

    def _lend_selected(self) -> None:
        self.table.with_selected_records(
            lambda records: self.loans_dock.lend([view.reference_code for view in records])
        )

    def _show_overdue(self, count: int) -> None:
        self.overdue_count = count
        self.overdue_label.setText(self.tr("%n loan(s) overdue", "", count) if count else "")

    # -- start and state --------------------------------------------------------------------------

    def _start(self) -> None:
        header = self.table.horizontalHeader()
        column = header.sortIndicatorSection()
        sort = SortOrder()
        if 0 <= column < len(COLUMNS) and self.records.is_sortable(column):
            sort = SortOrder(COLUMNS[column].key, header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder)
        self.records.set_query(RecordFilter(), sort)  # the first page goes first on the worker
        self.ops.query(self, _code_tables, self._code_tables_in)
        self._docks_loaded = False  # they load once the first page is in: the records come first

    def _restore_layout(self) -> None:
        if not self.settings.geometry.isEmpty():
            self.restoreGeometry(self.settings.geometry)
        # restoreState refuses a state saved under another LAYOUT_VERSION: the default layout stays.
        if not self.settings.dock_state.isEmpty():
            self.restoreState(self.settings.dock_state, LAYOUT_VERSION)
        if not self.settings.table_header_state.isEmpty():
            self.table.restore_header_state(self.settings.table_header_state)

    def save_layout(self) -> None:
        self.settings.geometry = self.saveGeometry()
        self.settings.dock_state = self.saveState(LAYOUT_VERSION)
        self.settings.table_header_state = self.table.header_state()
        self.settings.sync()

    def reset_layout(self) -> None:
        """Docks, toolbar and columns as they were built; the sort order goes back to reference code."""
        self.restoreState(self.default_state, LAYOUT_VERSION)
        for dock in self.docks:
            dock.show()
        self.toolbar.show()
        self.table.restore_header_state(self.default_header)
        self.records.set_query(sort=SortOrder())

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if not self.editor.confirm_discard():
            event.ignore()
            return
        self.save_layout()
        self.ops.shutdown()
        super().closeEvent(event)

    # -- reactions --------------------------------------------------------------------------------

    def refresh(self) -> None:
        self.hub.announce(Changes.everything())

    def _filter_changed(self, flt: RecordFilter) -> None:
        if not any((flt.fonds, flt.category, flt.year, flt.retention)):
            self.tree_dock.select_all()
        self.records.set_query(flt)
        if flt.text.strip():  # an exact reference code, typed or scanned, opens its record
            code = flt.text.strip()
            self.ops.query(self, lambda db: _record_with_code(db, code), self._open_found_record)

    def _open_found_record(self, record_id: int | None) -> None:
        if record_id is not None:
            self._open_record(record_id)
            self._record_saved(record_id)  # and its row is selected once the table has it

    def _code_tables_in(self, tables: CodeTables) -> None:
        self.tables = tables
        english = self.english

        def names(items) -> dict[str, str]:  # noqa: ANN001
            return {i.code: (i.name_en or i.name) if english else i.name for i in items}

        retention = names(tables.retention_periods)
        categories = {c.code: (c.name_en or c.name) if english else c.name for c in tables.categories}
        self.records.code_labels = {"retention_code": retention, "security_level_code": names(tables.security_levels)}
        self.tree_dock.code_names = {"category": categories, "retention": retention}
        self.filter_bar.code_names = {"category": categories, "retention": retention}
        self.appraisal_dock.retention_names = retention
        self.editor.set_code_tables(tables, english=english)
        self.tree_dock.retranslate_ui()
        self.records.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        self.table.viewport().update()

    def set_english(self, english: bool) -> None:
        """After the language changed: code names in the new language."""
        self.english = english
        self.records.english = english
        if self.tables is not None:
            self._code_tables_in(self.tables)

    def _on_changes(self, changes: Changes) -> None:
        if changes.codes:
            self.ops.query(self, _code_tables, self._code_tables_in)

    def _first_page_loaded(self) -> None:
        if not self._docks_loaded:
            self._docks_loaded = True
            for dock in self.docks:
                dock.refresh()  # a dock behind another's tab loads when it is shown
        self._show_counts()
        self.first_page_shown.emit()

    def _show_counts(self, *_args) -> None:  # noqa: ANN002
        shown = self.records.total
        everything = sum(node.count for node in self.tree_dock.nodes) if self.tree_dock.nodes else None
        if everything is not None and everything != shown:
            text = self.tr("{shown:,} of {total:,} records").format(shown=shown, total=everything)
        else:
            text = self.tr("{count:,} records").format(count=shown)
        self.count_label.setText(text)
        selected = self.table.selected_count()
        self.selection_label.setText(self.tr("{count:,} selected").format(count=selected) if selected > 1 else "")

    def _open_record(self, record_id: int) -> None:
        self.record_dock.show()
        self.record_dock.raise_()
        self.editor.show_record(record_id)
        self.editor.form.title.setFocus()

    def _open_target(self, target: Target) -> None:
        """A row of a dock was activated: open the record it stands for, or the records it lists."""
        if isinstance(target, OpenRecord):
            self._open_record(target.record_id)
        else:
            self.filter_bar.set_filter(target)

    def _put_in_box(self) -> None:
        from archdesk.ui.custody.actions import put_in_box

        self.table.with_selected_records(lambda records: put_in_box(parent=self, ops=self.ops, records=records))

    def _record_saved(self, record_id: int) -> None:
        """The table selects the record the editor shows (a new one once the table has reloaded it)."""
        self._wanted_record = record_id
        if not self._select_wanted() and self.table.current_record_id() not in (None, record_id):
            self.table.selectionModel().clearSelection()  # not loaded (or not in this list): no other row looks chosen

    def _forget_wanted(self, record_id: int | None) -> None:
        if record_id is not None and record_id != getattr(self, "_wanted_record", None):
            self._wanted_record = None  # the archivist chose another row meanwhile

    def _select_wanted(self, *_block: int) -> bool:
        """Select the record the editor shows once its row is loaded; True when it is selected."""
        record_id = getattr(self, "_wanted_record", None)
        row = self.records.row_of(record_id) if record_id is not None else None
        if row is None:
            return False
        self._wanted_record = None
        if self.table.current_record_id() != record_id:
            self.table.select_row(row)
        return True

    def _open_user_guide(self) -> None:
        from archdesk.ui.help import open_user_guide

        open_user_guide(self)

    def _open_shortcuts(self) -> None:
        from archdesk.ui.help import open_shortcuts

        open_shortcuts(self)

    def show_archive_setup(self) -> None:
        """File › Archive set-up…: fonds, categories and departments (each change saved as it is made)."""
        from archdesk.ui.setup.setup_dialog import ArchiveSetupDialog

        dialog = self.findChild(ArchiveSetupDialog)
        if dialog is None:
            dialog = ArchiveSetupDialog(self.ops, self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        dialog.raise_()

    def _show_settings(self) -> None:
        """The code tables are read on the worker first; the dialog saves on it too."""
        self.ops.query(self, _code_tables, self._open_settings)

    def _open_settings(self, tables: CodeTables) -> None:
        from archdesk.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.db, self.settings, self, tables=tables, ops=self.ops)
        dialog.open_database_requested.connect(lambda path: self.archive_requested.emit(path, False))
        dialog.new_database_requested.connect(self.ask_new_archive)
        dialog.language_changed.connect(lambda language: self.set_english(language == "en"))
        if dialog.exec():
            self.hub.announce(Changes(codes=True, records=True))

    def ask_new_archive(self, path: str = "") -> None:
        """File › New archive…: the file and its fonds, as the welcome screen asks them."""
        from archdesk.ui.new_archive import NewArchiveDialog

        dialog = NewArchiveDialog(self, path)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.chosen.connect(self.new_archive_requested)
        dialog.open()

    def _choose_archive(self, *, create: bool) -> None:
        if create:
            self.ask_new_archive()
            return
        from PySide6.QtWidgets import QFileDialog

        from archdesk.ui.settings_dialog import ARCHIVE_FILTER

        filter_text = self.tr("ArchDesk archives ({patterns})").format(patterns=ARCHIVE_FILTER)
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open archive"), "", filter_text)
        if path:
            self.archive_requested.emit(path, False)


def _record_with_code(db, code: str) -> int | None:  # noqa: ANN001 - worker thread
    from archdesk.services.catalogue import record_with_reference_code

    return record_with_reference_code(db, code)


def _code_tables(db: Database) -> CodeTables:  # worker thread
    from archdesk.services.codes import code_tables

    return code_tables(db)

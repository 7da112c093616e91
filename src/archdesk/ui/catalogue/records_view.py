"""The central records table: multi-select, keyboard navigation, copy as tab-separated text, context menu."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QByteArray, QItemSelection, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QMessageBox, QStyle, QTableView, QWidget

from archdesk.services.listing import RowSelection, row_count
from archdesk.services.views import RecordView
from archdesk.statuses import RecordStatus
from archdesk.ui.catalogue.records_model import COLUMNS, RecordsModel
from archdesk.ui.i18n import Retranslatable

#: Default widths in average characters (reference code, title, date, year, …); the user's widths are restored.
_DEFAULT_WIDTHS = (24, 28, 11, 6, 10, 16, 16, 6, 10, 10, 16)
#: Most rows that Copy and the record actions take at once (more: use Export, or narrow the list).
MAX_ROWS_AT_ONCE = 20_000


class RecordsView(Retranslatable, QTableView):
    """Shows a RecordsModel. The actions (open, accept, delete, copy, export) are handed to menus too."""

    current_record_changed = Signal(object)  # record id or None
    record_activated = Signal(int)  # double-click or Enter

    def __init__(self, model: RecordsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recordsView")
        self.records = model
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setCornerButtonEnabled(False)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        rows = self.verticalHeader()
        # Fixed row heights: with a million rows the view must never measure rows one by one.
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        rows.hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setHighlightSections(False)
        # The header paints each section asking whether its whole column is selected, and Qt answers
        # that by asking the model about every row: 35 s after Select All on a million rows. Sections
        # are never highlighted here, so the header gets a selection of its own that stays empty.
        header.setSelectionModel(QItemSelectionModel(model, header))
        header.setStretchLastSection(True)
        header.setSectionsMovable(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        char = self.fontMetrics().averageCharWidth()
        for column, width in enumerate(_DEFAULT_WIDTHS[: len(COLUMNS)]):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.setColumnWidth(column, width * char + 12)
        header.setSortIndicator(model.column_of(model.sort_order.column), Qt.SortOrder.AscendingOrder)
        header.setSortIndicatorShown(True)
        header.sortIndicatorChanged.connect(self._sort_requested)
        self._build_actions()
        self.selectionModel().currentRowChanged.connect(self._current_row_changed)
        model.block_loaded.connect(self._block_loaded)
        model.modelReset.connect(self._model_reset)
        self.doubleClicked.connect(self._activated)
        self.activated.connect(self._activated)
        self._announced: int | None = None

    # -- actions ------------------------------------------------------------------------------------

    def _build_actions(self) -> None:
        style = self.style()
        self.open_action = QAction(style.standardIcon(QStyle.StandardPixmap.SP_FileDialogDetailedView), "", self)
        self.accept_action = QAction(style.standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton), "", self)
        self.delete_action = QAction(style.standardIcon(QStyle.StandardPixmap.SP_TrashIcon), "", self)
        self.transfer_action = QAction(style.standardIcon(QStyle.StandardPixmap.SP_ArrowRight), "", self)
        self.copy_action = QAction(self)
        self.copy_action.setShortcut(QKeySequence.StandardKey.Copy)
        self.copy_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.copy_action.triggered.connect(self.copy_selection)
        self.export_action = QAction(style.standardIcon(QStyle.StandardPixmap.SP_DialogSaveButton), "", self)
        self.addAction(self.copy_action)
        self.export_action.setVisible(False)  # shown once a reports module offers an export
        self.report_actions: list[QAction] = []  # Export PDF… / Export Excel…, given by the reports UI
        self.open_action.triggered.connect(self._open_current)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.open_action.setText(self.tr("&Open record"))
        self.accept_action.setText(self.tr("&Accept into custody"))
        self.delete_action.setText(self.tr("&Delete pending records"))
        self.transfer_action.setText(self.tr("&Transfer out…"))
        self.copy_action.setText(self.tr("&Copy rows"))
        self.export_action.setText(self.tr("&Export…"))
        self.records.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.records.columnCount() - 1)

    def contextMenuEvent(self, event) -> None:  # noqa: ANN001, N802
        menu = QMenu(self)
        selected = self.selected_records()
        entries = (self.open_action, None, self.accept_action, self.delete_action, self.transfer_action, None)
        for action in (*entries, self.copy_action):
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        if self.export_action.isVisible():
            menu.addAction(self.export_action)
        menu.addActions(self.report_actions)
        self.open_action.setEnabled(len(selected) == 1)
        # Rows not read yet may be pending: the action reads them and skips any that are not.
        maybe_pending = (
            any(view.status == RecordStatus.PENDING for view in selected) or len(selected) < self.selected_count()
        )
        self.accept_action.setEnabled(maybe_pending)
        self.delete_action.setEnabled(maybe_pending)
        self.copy_action.setEnabled(self.selected_count() > 0)
        menu.exec(event.globalPos())

    # -- selection ----------------------------------------------------------------------------------

    def selected_ranges(self) -> list[tuple[int, int]]:
        """The selected rows as sorted, disjoint (first, last) ranges.

        Read from the selection's ranges, never row by row: Select All on a million rows is one
        range here, where ``selectedRows()`` would build a million indexes (over a minute).
        """
        spans = sorted((part.top(), part.bottom()) for part in self.selectionModel().selection())
        merged: list[tuple[int, int]] = []
        for first, last in spans:
            if merged and first <= merged[-1][1] + 1:
                merged[-1] = (merged[-1][0], max(merged[-1][1], last))
            else:
                merged.append((first, last))
        return merged

    def selected_count(self) -> int:
        return row_count(self.selected_ranges())

    def selected_records(self) -> list[RecordView]:
        """The selected records that are loaded, in row order (the cached blocks only, however large the selection)."""
        views: list[RecordView] = []
        for first, last in self.selected_ranges():
            for row in self.records.loaded_rows(first, last):
                view = self.records.record_at(row)
                if view is not None:
                    views.append(view)
        return views

    def selection(self) -> RowSelection | None:
        """The selected rows as a value for the services; None when nothing, or every row, is selected."""
        ranges = self.selected_ranges()
        if not ranges or ranges == [(0, self.records.total - 1)]:
            return None
        return self.records.selection(ranges)

    def with_selected_records(self, action: Callable[[list[RecordView]], None]) -> None:
        """Call ``action`` with the selected records in row order, reading the rows not cached on the worker.

        A selection of more than MAX_ROWS_AT_ONCE rows is refused with a message.
        """
        ranges = self.selected_ranges()
        count = row_count(ranges)
        if not count:
            action([])  # the action says there is nothing to act on (Accept with nothing selected, say)
            return
        if count > MAX_ROWS_AT_ONCE:
            QMessageBox.information(
                self,
                self.tr("Too many rows selected"),
                self.tr(
                    "{count:,} rows are selected. Copy and the record actions take up to {limit:,} rows at a "
                    "time: narrow the list with a filter, or use Export for all of it."
                ).format(count=count, limit=MAX_ROWS_AT_ONCE),
            )
            return
        self.records.fetch_records(ranges, action, parent=self)

    def current_record_id(self) -> int | None:
        view = self.records.record_at(self.currentIndex().row()) if self.currentIndex().isValid() else None
        return view.id if view is not None else None

    def select_row(self, row: int) -> None:
        index = self.records.index(row, 0)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.selectionModel().setCurrentIndex(index, flags)  # the row is selected, not only current
        self.scrollTo(index)

    def copy_selection(self) -> None:
        """Put the selected rows on the clipboard as tab-separated text, columns in their shown order."""
        self.with_selected_records(self._copy)

    def _copy(self, views: list[RecordView]) -> None:
        header = self.horizontalHeader()
        columns = [header.logicalIndex(v) for v in range(header.count()) if not header.isSectionHidden(v)]
        lines = [
            "\t".join(self.records.cell_text(view, column).replace("\t", " ") for column in columns) for view in views
        ]
        if lines:
            QGuiApplication.clipboard().setText("\n".join(lines) + "\n")

    # -- state --------------------------------------------------------------------------------------

    def header_state(self) -> QByteArray:
        return self.horizontalHeader().saveState()

    def restore_header_state(self, state: QByteArray) -> bool:
        """Column widths, order and the sort indicator; the model sorts as the indicator says."""
        return self.horizontalHeader().restoreState(state)

    # -- inside -------------------------------------------------------------------------------------

    def _sort_requested(self, column: int, order: Qt.SortOrder) -> None:
        if not self.records.is_sortable(column):  # put the indicator back where the rows are sorted
            header = self.horizontalHeader()
            current = self.records.sort_order
            header.blockSignals(True)
            header.setSortIndicator(
                self.records.column_of(current.column),
                Qt.SortOrder.DescendingOrder if current.descending else Qt.SortOrder.AscendingOrder,
            )
            header.blockSignals(False)
            return
        self.records.sort(column, order)

    def _current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        view = self.records.record_at(current.row()) if current.isValid() else None
        record_id = view.id if view is not None else None
        if record_id != self._announced:
            self._announced = record_id
            self.current_record_changed.emit(record_id)

    def _model_reset(self) -> None:
        self._announced = None
        self.current_record_changed.emit(None)

    def _block_loaded(self, _number: int) -> None:
        if self.currentIndex().isValid() and self._announced is None:
            self._current_row_changed(self.currentIndex(), QModelIndex())

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        """Ctrl+Shift+End / Ctrl+Shift+Home select from the current row to the last / first row, as in a
        spreadsheet (Qt's own table moves there without selecting)."""
        extend = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        if event.modifiers() == extend and event.key() in (Qt.Key.Key_End, Qt.Key.Key_Home) and self.records.total:
            current = self.currentIndex()
            start = current.row() if current.isValid() else 0
            target = self.records.total - 1 if event.key() == Qt.Key.Key_End else 0
            first, last = sorted((start, target))
            model, flags = self.records, QItemSelectionModel.SelectionFlag
            self.selectionModel().select(
                QItemSelection(model.index(first, 0), model.index(last, model.columnCount() - 1)),
                flags.ClearAndSelect | flags.Rows,
            )
            column = max(current.column(), 0)
            self.selectionModel().setCurrentIndex(model.index(target, column), flags.NoUpdate)
            self.scrollTo(model.index(target, column))
            event.accept()
            return
        super().keyPressEvent(event)

    def _activated(self, index: QModelIndex) -> None:
        view = self.records.record_at(index.row())
        if view is not None:
            self.record_activated.emit(view.id)

    def _open_current(self) -> None:
        record_id = self.current_record_id()
        if record_id is not None:
            self.record_activated.emit(record_id)

"""Table model of an import preview: the sheet's rows as read, invalid cells highlighted."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from archdesk.services.collection import ImportPreview
from archdesk.services.collection.parsing import as_text
from archdesk.ui.i18n import current_language

_INVALID_ROW = QColor("#fff4e5")
_INVALID_CELL = QColor("#f8c9c4")
Index = QModelIndex | QPersistentModelIndex


class PreviewModel(QAbstractTableModel):
    """Rows of the preview (sheet row number in the vertical header); data is the service's frozen preview."""

    def __init__(self, preview: ImportPreview | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._preview: ImportPreview | None = None
        self._messages: dict[tuple[int, str], str] = {}
        if preview is not None:
            self.set_preview(preview)

    def set_preview(self, preview: ImportPreview) -> None:
        self.beginResetModel()
        self._preview = preview
        self._messages = {}
        language = current_language()  # the problems read in the language the window is in
        for issue in preview.sheets[0].validation.issues:  # the sheet shown
            key = (issue.row, issue.column)
            message = issue.render(language)
            self._messages[key] = f"{self._messages[key]}\n{message}" if key in self._messages else message
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() or self._preview is None else len(self._preview.table.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() or self._preview is None else len(self._preview.table.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if self._preview is None or role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            headers = self._preview.table.headers
            return headers[section] if 0 <= section < len(headers) else None
        rows = self._preview.table.rows
        return str(rows[section].sheet_row) if 0 <= section < len(rows) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self._preview is None or not index.isValid():
            return None
        row = self._preview.table.rows[index.row()]
        heading = self._preview.table.headers[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            text = as_text(row.cells[index.column()])
            return text if len(text) <= 200 else text[:200] + "…"
        message = self._messages.get((row.sheet_row, heading))
        if role == Qt.ItemDataRole.ToolTipRole:
            return message
        if role == Qt.ItemDataRole.BackgroundRole:
            if message:
                return QBrush(_INVALID_CELL)
            if row.sheet_row in self._preview.sheets[0].validation.invalid_rows:
                return QBrush(_INVALID_ROW)
        return None

    def row_has_problem(self, row: int) -> bool:
        """True when the model's row was returned (for the "problems only" filter)."""
        if self._preview is None:
            return False
        return self._preview.table.rows[row].sheet_row in self._preview.sheets[0].validation.invalid_rows

    def is_invalid(self, row: int, column: int) -> bool:
        """True when the cell at (row, column) of the model has a problem (for tests and the status line)."""
        if self._preview is None:
            return False
        sheet_row = self._preview.table.rows[row].sheet_row
        return (sheet_row, self._preview.table.headers[column]) in self._messages

"""Table model of an import preview: the rows of every sheet read, invalid cells highlighted.

With several sheets the columns are the union of their headings (by name) and the vertical header
reads "sheet:row"; with one sheet it is the row number as in Excel."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from archdesk.ui.i18n import current_language

if TYPE_CHECKING:  # the collection services load SQLAlchemy: a preview exists only once they ran
    from archdesk.services.collection import ImportPreview

_INVALID_ROW = QColor("#fff4e5")
_INVALID_CELL = QColor("#f8c9c4")
Index = QModelIndex | QPersistentModelIndex


class PreviewModel(QAbstractTableModel):
    """Rows of the preview; data is the service's frozen preview."""

    def __init__(self, preview: ImportPreview | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._preview: ImportPreview | None = None
        self._messages: dict[tuple[str, int, str], str] = {}
        self._headers: list[str] = []
        self._rows: list[tuple[str, Any, list[int | None], frozenset[int]]] = []  # sheet, row, cell index per column
        self._several = False
        if preview is not None:
            self.set_preview(preview)

    def set_preview(self, preview: ImportPreview) -> None:

        self.beginResetModel()
        self._preview = preview
        self._messages = {}
        language = current_language()  # the problems read in the language the window is in
        for issue in preview.validation.issues:
            key = (issue.sheet, issue.row, issue.column)
            message = issue.render(language)
            self._messages[key] = f"{self._messages[key]}\n{message}" if key in self._messages else message
        self._several = len(preview.sheets) > 1
        headers: list[str] = []
        for sheet in preview.sheets:
            headers += [h for h in sheet.table.headers if h not in headers]
        self._headers = headers if self._several else list(preview.table.headers)
        self._rows = []
        for sheet in preview.sheets:
            table = sheet.table
            where = [table.headers.index(h) if h in table.headers else None for h in self._headers]
            for row in table.rows:
                self._rows.append((table.sheet_name, row, where, sheet.validation.invalid_rows))
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        if not 0 <= section < len(self._rows):
            return None
        sheet, row, _, _ = self._rows[section]
        return f"{sheet}:{row.sheet_row}" if self._several else str(row.sheet_row)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        sheet, row, where, invalid = self._rows[index.row()]
        heading = self._headers[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            from archdesk.services.collection.parsing import as_text

            at = where[index.column()]
            text = as_text(row.cells[at]) if at is not None else ""
            return text if len(text) <= 200 else text[:200] + "…"
        message = self._messages.get((sheet, row.sheet_row, heading))
        if role == Qt.ItemDataRole.ToolTipRole:
            return message
        if role == Qt.ItemDataRole.BackgroundRole:
            if message:
                return QBrush(_INVALID_CELL)
            if row.sheet_row in invalid:
                return QBrush(_INVALID_ROW)
        return None

    def row_has_problem(self, row: int) -> bool:
        """True when the model's row was returned (for the "problems only" filter)."""
        _, sheet_row, _, invalid = self._rows[row]
        return sheet_row.sheet_row in invalid

    def is_invalid(self, row: int, column: int) -> bool:
        """True when the cell at (row, column) of the model has a problem (for tests and the status line)."""
        sheet, sheet_row, _, _ = self._rows[row]
        return (sheet, sheet_row.sheet_row, self._headers[column]) in self._messages

"""A dock that shows one service's list read-only and reloads it when a change concerns it.

The Shelf locations, Loans and Appraisal docks are this with their own columns; their own issues
will give them actions.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QDockWidget, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from archdesk.services.database import Database
from archdesk.ui.ops import BACKGROUND, Changes, Ops

ATTENTION = QColor("#b3261e")


class ListDock(QDockWidget):
    """Subclasses say what to fetch, which changes concern them, and how one item becomes a row."""

    loaded = Signal()
    concerns: tuple[str, ...] = ()
    right_aligned: tuple[int, ...] = ()

    def __init__(self, ops: Ops, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.ops = ops
        self.items: list[Any] = []
        self.list = QTreeWidget()
        self.list.setRootIsDecorated(False)
        self.list.setAlternatingRowColors(True)
        self.list.setUniformRowHeights(True)
        self.list.setSortingEnabled(False)
        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setEnabled(False)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addWidget(self.empty)
        self.setWidget(body)
        ops.hub.changed.connect(self._on_changes)

    # -- for subclasses ---------------------------------------------------------------------------

    def fetch(self, db: Database) -> list[Any]:  # worker thread
        raise NotImplementedError

    def headers(self) -> Sequence[str]:
        raise NotImplementedError

    def row(self, item: Any) -> Sequence[str]:
        raise NotImplementedError

    def needs_attention(self, item: Any) -> bool:
        return False

    def empty_text(self) -> str:
        return self.tr("Nothing to show.")

    # -- loading ----------------------------------------------------------------------------------

    def reload(self) -> None:
        self.ops.query(self, self.fetch, self._show, priority=BACKGROUND)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            exports = getattr(self, "exports", None)  # the dock's Print / Export actions, when it has them
            if exports is not None:
                exports.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.list.setHeaderLabels(list(self.headers()))
        self.empty.setText(self.empty_text())
        self._show(self.items)

    def _show(self, items: list[Any]) -> None:
        self.items = items
        self.list.clear()
        rows = []
        for entry in items:
            item = QTreeWidgetItem([str(value) for value in self.row(entry)])
            for column in self.right_aligned:
                item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if self.needs_attention(entry):
                for column in range(item.columnCount()):
                    item.setForeground(column, QBrush(ATTENTION))
            rows.append(item)
        self.list.addTopLevelItems(rows)
        for column in range(max(self.list.columnCount() - 1, 0)):
            self.list.resizeColumnToContents(column)
        self.list.setVisible(bool(items))
        self.empty.setVisible(not items)
        self.loaded.emit()

    def _on_changes(self, changes: Changes) -> None:
        if changes.concerns(*self.concerns):
            self.reload()

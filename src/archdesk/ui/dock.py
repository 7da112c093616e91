"""One way to build a dock of the main window: a list (or tree), actions, Print/Export, opening a row.

Every dock of the main window is a :class:`Dock` (the idea of git-cola's ``qtutils.create_dock``):

* a unique ``objectName`` (Qt's ``saveState`` keys the layout by it) and a title re-read on
  ``LanguageChange``;
* ``concerns``, a :class:`~archdesk.ui.ops.Concern` flag: the dock reloads when a change announced on
  the ``ChangeHub`` touches one of them, and only then;
* :meth:`Dock.refresh`, how the window and the hub ask for a reload: a dock the archivist cannot see
  (behind another dock's tab, or closed) only notes that it is out of date and loads when it is
  shown, so the start of a large archive and a change do not wait for lists nobody is looking at.
  A dock whose answer is needed elsewhere while hidden sets ``load_when_hidden``;
* connections to objects that outlive the dock (the hub) made through :meth:`Dock.listen`, and
  dropped when the dock is destroyed (Vorta's ``views/base_tab.py``), so a closed dock is never
  called again;
* its own actions (Lend…, Put in box…) on a strip above the list and first in the list's context
  menu (:meth:`Dock.add_actions`), and an optional Print…/Export PDF…/Export Excel… strip
  (:meth:`Dock.add_exports`), whose document is a callable of the rows shown;
* for a list, an optional details pane under it (:meth:`ListDock.set_details`) that follows the
  current row (``current_changed``), and the rows an action applies to (``selected_items``);
* ``opened``, emitted with what a row stands for when the user activates it (double-click or
  Enter): an :class:`OpenRecord` (the main window shows it in the record editor) or a
  ``RecordFilter`` (the records table narrows to it).

:class:`ListDock` is the common case: one service's list shown read-only, its subclass saying what
to fetch, its headings, how an item becomes a row, and what a row opens. A dock around a widget
that does its own work (the record editor) is :func:`create_dock`.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QSize, Qt, Signal, SignalInstance
from PySide6.QtGui import QAction, QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QLabel,
    QToolBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from archdesk.services.database import Database
from archdesk.services.listing import RecordFilter
from archdesk.ui.i18n import Retranslatable
from archdesk.ui.ops import BACKGROUND, Changes, Concern, Ops
from archdesk.ui.reports.list_export import DocumentBuilder, ListExports

ATTENTION = QColor("#b3261e")
#: Rows beyond those in view a list column is measured over when it is fitted to its contents.
RESIZE_PRECISION = 100


@dataclass(frozen=True)
class OpenRecord:
    """A row stands for one record: the main window opens it in the record editor."""

    record_id: int


#: What activating a row opens: one record, or the records table narrowed to a filter.
Target = OpenRecord | RecordFilter


def _disconnect_all(connections: list[tuple[SignalInstance, Callable[..., Any]]]) -> None:
    # PySide drops a bound method's connection itself when its object goes; a lambda or a function it
    # cannot, and that one would be called on a dead dock. Failing to disconnect the former is harmless.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        for signal, slot in connections:
            try:
                signal.disconnect(slot)
            except (RuntimeError, TypeError, SystemError):  # the sender went first, or Qt dropped it already
                pass
    connections.clear()


class Dock(Retranslatable, QDockWidget):
    """The base of every dock. Subclasses build their body into ``self.body_layout`` and implement
    ``reload`` and ``retranslate_ui`` (calling ``super().retranslate_ui()``)."""

    loaded = Signal()
    opened = Signal(object)  # Target
    concerns: Concern = Concern.NONE
    #: Load even when hidden (the loans dock: the status bar shows its overdue count).
    load_when_hidden = False

    def __init__(self, ops: Ops, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.ops = ops
        self.exports: ListExports | None = None
        self.actions_bar: QToolBar | None = None
        self._connections: list[tuple[SignalInstance, Callable[..., Any]]] = []
        body = QWidget()
        self.body_layout = QVBoxLayout(body)
        self.body_layout.setContentsMargins(0, 0, 0, 0)
        self.setWidget(body)
        # The list is not captured by self: the handler runs while the dock is being destroyed.
        connections = self._connections
        self.destroyed.connect(lambda _obj=None: _disconnect_all(connections))
        self.listen(ops.hub.changed, self._on_changes)
        self.out_of_date = False  # asked to reload while hidden: it loads when it is shown
        self.visibilityChanged.connect(self._seen)

    def listen(self, signal: SignalInstance, slot: Callable[..., Any]) -> None:
        """Connect ``slot`` to a signal of a longer-lived object; dropped when this dock is destroyed."""
        signal.connect(slot)
        self._connections.append((signal, slot))

    @property
    def connection_count(self) -> int:
        return len(self._connections)

    def add_actions(self, view: QAbstractItemView, actions: Sequence[QAction]) -> None:
        """The dock's own actions: on a strip above the list, and first in the list's context menu."""
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        present = view.actions()
        view.insertActions(present[0] if present else None, list(actions))  # type: ignore[arg-type]
        if self.actions_bar is None:
            self.actions_bar = QToolBar(self)
            self.actions_bar.setObjectName(f"{self.objectName()}Actions")
            self.actions_bar.setIconSize(QSize(16, 16))
            self.actions_bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            self.body_layout.insertWidget(0, self.actions_bar)
        self.actions_bar.addActions(list(actions))

    def add_exports(
        self,
        view: QAbstractItemView,
        *,
        name: str,
        rows: Callable[[], Sequence[Any]],
        document: DocumentBuilder,
        options: Callable[[], dict[str, Any]] = dict,
    ) -> ListExports:
        """Print…, Export PDF… and Export Excel… of the rows shown, above the list and in its context menu."""
        self.exports = ListExports(
            self, view, self.ops, name=name, rows=rows, document=document, options=options, layout=self.body_layout
        )
        return self.exports

    def reload(self) -> None:
        raise NotImplementedError

    def retranslate_ui(self) -> None:
        if self.exports is not None:
            self.exports.retranslate_ui()

    def refresh(self) -> None:
        """Reload now if the archivist can see this dock, else when it is shown."""
        if self.load_when_hidden or self._on_screen():
            self.out_of_date = False
            self.reload()
        else:
            self.out_of_date = True

    def _on_screen(self) -> bool:
        window = self.window()
        if window is self or not window.isVisible() or window.visibleRegion().isEmpty():
            return True  # a floating dock, or a window not on screen yet: no telling, so load
        # A dock behind another's tab is "visible" to Qt but has nothing of it on screen.
        return self.isVisible() and not self.visibleRegion().isEmpty()

    def _seen(self, visible: bool) -> None:
        if visible and self.out_of_date:
            self.out_of_date = False
            self.reload()

    def _on_changes(self, changes: Changes) -> None:
        if changes.concerns(self.concerns):
            self.refresh()


class _WidgetDock(Dock):
    def __init__(self, ops: Ops, object_name: str, widget: QWidget, title: Callable[[], str], parent: QWidget) -> None:
        self._title = title
        super().__init__(ops, object_name, parent)
        self.body_layout.addWidget(widget)
        self.retranslate_ui()

    def reload(self) -> None:  # the widget refreshes itself
        pass

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self._title())
        super().retranslate_ui()


def create_dock(parent: QWidget, ops: Ops, object_name: str, widget: QWidget, *, title: Callable[[], str]) -> Dock:
    """A dock around a widget that loads and refreshes itself (git-cola's ``create_dock``).

    ``title()`` is called again whenever the language changes.
    """
    return _WidgetDock(ops, object_name, widget, title, parent)


class ListDock(Dock):
    """A dock showing one service's list. Subclasses say what to fetch, which changes concern them,
    how one item becomes a row, and (``target``) what activating a row opens."""

    right_aligned: tuple[int, ...] = ()
    current_changed = Signal(object)  # the item of the current row, or None

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        # Docks written before ``Concern`` named their concerns as strings ("loans", …): read them once.
        if isinstance(cls.__dict__.get("concerns"), (tuple, list)):
            flags = Concern.NONE
            for name in cls.__dict__["concerns"]:
                flags |= Concern[name.upper()]
            cls.concerns = flags

    def __init__(self, ops: Ops, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(ops, object_name, parent)
        self.items: list[Any] = []
        self.list = QTreeWidget()
        self.list.setRootIsDecorated(False)
        self.list.setAlternatingRowColors(True)
        self.list.setUniformRowHeights(True)
        # A column fits the rows in view and the next 100, not all of them: 500 open loans took 31 ms
        # of the GUI thread to measure four columns (QHeaderView's default reads 1,000 rows).
        self.list.header().setResizeContentsPrecision(RESIZE_PRECISION)
        self.list.setSortingEnabled(False)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.itemActivated.connect(self._activated)
        self.list.currentItemChanged.connect(
            lambda current, _previous: self.current_changed.emit(self.item_of(current))
        )
        self.details: QWidget | None = None
        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setEnabled(False)
        self.body_layout.addWidget(self.list)
        self.body_layout.addWidget(self.empty)

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

    def set_details(self, widget: QWidget) -> None:
        """A pane under the list showing the current row (connect it to ``current_changed``)."""
        self.details = widget
        self.body_layout.addWidget(widget)

    def item_of(self, row_item: QTreeWidgetItem | None) -> Any:
        row = self.list.indexOfTopLevelItem(row_item) if row_item is not None else -1
        return self.items[row] if 0 <= row < len(self.items) else None

    def selected_items(self) -> list[Any]:
        """The items of the selected rows, in list order (what an action of the dock applies to)."""
        rows = sorted(self.list.indexOfTopLevelItem(item) for item in self.list.selectedItems())
        return [self.items[row] for row in rows if 0 <= row < len(self.items)]

    def target(self, item: Any) -> Target | None:
        """What activating the row of ``item`` opens (None: nothing)."""
        return None

    # -- loading ----------------------------------------------------------------------------------

    def reload(self) -> None:
        self.ops.query(self, self.fetch, self._show, priority=BACKGROUND)

    def retranslate_ui(self) -> None:
        self.list.setHeaderLabels(list(self.headers()))
        self.empty.setText(self.empty_text())
        self._show(self.items)
        super().retranslate_ui()

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

    def _activated(self, row_item: QTreeWidgetItem) -> None:
        item = self.item_of(row_item)
        if item is not None:
            target = self.target(item)
            if target is not None:
                self.opened.emit(target)


def docks_of(window: QObject) -> list[Dock]:
    """Every dock of ``window`` built through this pattern, in creation order."""
    return window.findChildren(Dock)

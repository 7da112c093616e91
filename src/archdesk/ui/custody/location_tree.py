"""The location tree of the Shelf locations dock: storeroom → row → side → section → level.

10,000 shelves make about 12,000 items; building them all takes most of a second on a busy
2-core machine, so only the storerooms are made when the tree is shown, and each group's
children when it is first expanded (or when a shelf in it is selected). The totals of every
group (boxes, records, capacity) are summed once over the shelves, in Python.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QMimeData, Qt, Signal
from PySide6.QtGui import QBrush, QDropEvent
from PySide6.QtWidgets import QAbstractItemView, QTreeWidget, QTreeWidgetItem, QWidget

from archdesk.ui.catalogue.list_dock import ATTENTION

if TYPE_CHECKING:
    from archdesk.services.custody.locations import ShelfNode

BOX_MIME = "application/x-archdesk-box-ids"
SHELF_ROLE = Qt.ItemDataRole.UserRole  # a shelf item's location id (a box item's box id in the box list)
GROUP_ROLE = Qt.ItemDataRole.UserRole + 1  # a group item's path
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


@dataclass
class _Group:
    path: tuple[str, ...]
    children: list[Any] = field(default_factory=list)  # _Group or ShelfNode, in address order
    boxes: int = 0
    records: int = 0
    capacity: int = 0
    item: QTreeWidgetItem | None = None
    filled: bool = False


def _address(node: ShelfNode) -> tuple[str, ...]:
    """The parts of a shelf's address that it has (storeroom, area, row, side, section)."""
    return tuple(part for part in (node.storeroom, node.area, node.row, node.side, node.section) if part)


class LocationTree(QTreeWidget):
    """The tree; a shelf accepts boxes dragged from the list of boxes."""

    boxes_dropped = Signal(object, int)  # box ids, shelf id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("locationTree")
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.tops: list[_Group | ShelfNode] = []
        self.groups: dict[tuple[str, ...], _Group] = {}
        self.shelf_items: dict[int, QTreeWidgetItem] = {}
        self.nodes: dict[int, ShelfNode] = {}
        self.records: dict[int, int] = {}
        self.itemExpanded.connect(self._fill)

    # -- building ---------------------------------------------------------------------------------

    def show_nodes(self, nodes: list[ShelfNode], records: dict[int, int]) -> None:
        self.clear()
        self.groups, self.shelf_items, self.tops = {}, {}, []
        self.nodes = {n.id: n for n in nodes}
        self.records = records
        # The groups above each shelf, made once per address (shelves in address order share theirs
        # with the shelf before them): 4,458 shelves cost 96 ms on the GUI thread with a path built
        # and looked up level by level for every shelf.
        chains: dict[tuple[str, ...], list[_Group]] = {}
        totals: dict[tuple[str, ...], list[int]] = {}
        for node in nodes:
            address = _address(node)
            chain = chains.get(address)
            if chain is None:
                chain = chains[address] = self._groups_of(address)
                totals[address] = [0, 0, 0]
            (chain[-1].children if chain else self.tops).append(node)
            total = totals[address]
            total[0] += node.boxes
            total[1] += records.get(node.id, node.records)
            total[2] += node.capacity or 0
        for address, (boxes, held, capacity) in totals.items():
            for group in chains[address]:
                group.boxes += boxes
                group.records += held
                group.capacity += capacity
        self.addTopLevelItems([self._item(child) for child in self.tops])
        if len(self.tops) <= 3:
            for index in range(self.topLevelItemCount()):
                self.topLevelItem(index).setExpanded(True)

    def _groups_of(self, address: tuple[str, ...]) -> list[_Group]:
        """The groups from the storeroom down to this address, made (and placed under their parent,
        in the order first met) when new."""
        chain: list[_Group] = []
        for depth in range(1, len(address) + 1):
            path = address[:depth]
            group = self.groups.get(path)
            if group is None:
                group = self.groups[path] = _Group(path)
                (chain[-1].children if chain else self.tops).append(group)
            chain.append(group)
        return chain

    def _item(self, child: _Group | ShelfNode) -> QTreeWidgetItem:
        if isinstance(child, _Group):
            item = QTreeWidgetItem(
                ["-".join(child.path), str(child.boxes), str(child.records), str(child.capacity or ""), ""]
            )
            item.setData(0, GROUP_ROLE, child.path)
            item.setChildIndicatorPolicy(QTreeWidgetItem.ChildIndicatorPolicy.ShowIndicator)
            child.item, child.filled = item, False
        else:
            capacity = "" if child.capacity is None else str(child.capacity)
            records = self.records.get(child.id, child.records)
            item = QTreeWidgetItem([child.code, str(child.boxes), str(records), capacity, child.name])
            item.setData(0, SHELF_ROLE, child.id)
            if child.full:
                for column in range(5):
                    item.setForeground(column, QBrush(ATTENTION))
            self.shelf_items[child.id] = item
        for column in (1, 2, 3):
            item.setTextAlignment(column, _RIGHT)
        return item

    def _fill(self, item: QTreeWidgetItem) -> None:
        group = self.groups.get(item.data(0, GROUP_ROLE))
        if group is not None and not group.filled:
            group.filled = True
            item.addChildren([self._item(child) for child in group.children])

    def shelf_item(self, shelf_id: int) -> QTreeWidgetItem | None:
        """The shelf's item, making the groups above it first."""
        node = self.nodes.get(shelf_id)
        if node is None:
            return None
        path: tuple[str, ...] = ()
        for part in (node.storeroom, node.area, node.row, node.side, node.section):
            if part:
                path = (*path, part)
                group = self.groups[path]
                if group.item is not None:
                    self._fill(group.item)
                    group.item.setExpanded(True)
        return self.shelf_items.get(shelf_id)

    def set_records(self, records: dict[int, int]) -> None:
        """Record counts arrived (after the tree was shown): totals and the items made so far."""
        self.records = records
        for group in self.groups.values():
            group.records = 0
        held: dict[tuple[str, ...], int] = {}
        for node in self.nodes.values():
            address = _address(node)
            held[address] = held.get(address, 0) + records.get(node.id, 0)
        for address, count in held.items():
            for depth in range(1, len(address) + 1):
                self.groups[address[:depth]].records += count
        for group in self.groups.values():
            if group.item is not None:
                group.item.setText(2, str(group.records))
        for shelf_id, item in self.shelf_items.items():
            item.setText(2, str(records.get(shelf_id, 0)))

    # -- dropping boxes ---------------------------------------------------------------------------

    def _shelf_at(self, event: Any) -> int | None:
        item = self.itemAt(event.position().toPoint())
        return item.data(0, SHELF_ROLE) if item is not None else None

    def dragEnterEvent(self, event: Any) -> None:  # noqa: N802
        if event.mimeData().hasFormat(BOX_MIME):
            event.acceptProposedAction()

    def dragMoveEvent(self, event: Any) -> None:  # noqa: N802
        if event.mimeData().hasFormat(BOX_MIME) and self._shelf_at(event) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        shelf = self._shelf_at(event)
        if not event.mimeData().hasFormat(BOX_MIME) or shelf is None:
            event.ignore()
            return
        ids = [int(i) for i in bytes(event.mimeData().data(BOX_MIME).data()).decode().split(",") if i]
        event.acceptProposedAction()
        self.boxes_dropped.emit(ids, shelf)


class ShelfBoxList(QTreeWidget):
    """The boxes on the chosen shelf; drag them onto another shelf of the tree."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shelfBoxes")
        self.setRootIsDecorated(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [BOX_MIME]

    def mimeData(self, items: list[QTreeWidgetItem]) -> QMimeData:  # noqa: N802
        data = QMimeData()
        ids = ",".join(str(item.data(0, SHELF_ROLE)) for item in items)
        data.setData(BOX_MIME, QByteArray(ids.encode()))
        return data

"""Catalogue dock: the classification tree (fonds → category → year → retention) with record counts.

The tree counts every record the table lists under a node (what clicking it shows); the line below
it gives the holdings as the inventory and the statistics count them (``services/holdings.py``:
in custody or on loan), with pending, destroyed and transferred records said apart.

Clicking a node filters the records table to it; "All records" clears the classification filter.
An archive with no records shows the first-run checklist (``ui/setup/checklist.py``) instead.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHeaderView, QLabel, QStyle, QTreeWidget, QTreeWidgetItem, QWidget

from archdesk.services.database import Database
from archdesk.services.listing import RecordFilter, TreeNode
from archdesk.ui.dock import Dock
from archdesk.ui.ops import BACKGROUND, Changes, Concern, Ops
from archdesk.ui.setup.checklist import FirstRunChecklist

_FILTER = Qt.ItemDataRole.UserRole
_PATH = Qt.ItemDataRole.UserRole + 1


class CatalogueTreeDock(Dock):
    filter_chosen = Signal(object)  # RecordFilter of the node (classification fields only)
    setup_requested = Signal()  # from the first-run checklist
    import_requested = Signal()
    concerns = Concern.RECORDS | Concern.CODES

    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(ops, "catalogueDock", parent)
        self.nodes: list[TreeNode] = []
        self.code_names: dict[str, dict[str, str]] = {}  # "category"/"retention" -> code -> name shown
        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setUniformRowHeights(True)
        self.tree.setHeaderHidden(True)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.itemClicked.connect(self._clicked)
        self.tree.currentItemChanged.connect(lambda current, _previous: self._clicked(current))
        self.body_layout.addWidget(self.tree)
        self.holdings_line = QLabel()
        self.holdings_line.setObjectName("holdingsLine")
        self.holdings_line.setWordWrap(True)
        self.holdings = None  # services.holdings.Holdings once loaded
        self.body_layout.addWidget(self.holdings_line)
        self.checklist = FirstRunChecklist()
        self.checklist.hide()
        self.checklist.setup_requested.connect(self.setup_requested)
        self.checklist.import_requested.connect(self.import_requested)
        self.body_layout.addWidget(self.checklist)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Catalogue"))
        self._show(self.nodes)
        self._holdings_in(self.holdings)
        super().retranslate_ui()

    def reload(self) -> None:
        self.ops.query(self, _classification_tree, self._tree_in, priority=BACKGROUND)
        self.ops.query(self, _holdings, self._holdings_in, priority=BACKGROUND)

    def _holdings_in(self, holdings) -> None:  # noqa: ANN001 - services.holdings.Holdings
        self.holdings = holdings
        # An empty archive shows the first-run checklist instead, with nothing to count.
        counted = holdings is not None and holdings.items + holdings.pending + holdings.destroyed + holdings.transferred
        self.holdings_line.setVisible(bool(counted))
        if holdings is None:
            return
        self.holdings_line.setText(
            self.tr(
                "Holdings: {items:,} (on loan {on_loan:,}). Not held: pending {pending:,}, "
                "destroyed {destroyed:,}, transferred {transferred:,}"
            ).format(
                items=holdings.items, on_loan=holdings.on_loan, pending=holdings.pending,
                destroyed=holdings.destroyed, transferred=holdings.transferred,
            )
        )  # fmt: skip

    def _tree_in(self, nodes: list[TreeNode]) -> None:
        self._show(nodes)
        empty = not nodes
        self.tree.setVisible(not empty)
        self.checklist.setVisible(empty)
        if empty:
            self.ops.query(self, _first_run_checklist, self.checklist.set_checklist, priority=BACKGROUND)

    def _on_changes(self, changes: Changes) -> None:
        super()._on_changes(changes)
        if (
            self.checklist.isVisibleTo(self)
            and changes.concerns(Concern.LOCATIONS)
            and not changes.concerns(self.concerns)
        ):
            self.ops.query(self, _first_run_checklist, self.checklist.set_checklist, priority=BACKGROUND)

    def select_all(self) -> None:
        """Back to "All records" (the filter bar cleared the classification)."""
        if self.tree.topLevelItemCount():
            self.tree.blockSignals(True)
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
            self.tree.blockSignals(False)

    # -- inside -----------------------------------------------------------------------------------

    def _label(self, node: TreeNode) -> str:
        names = self.code_names.get(node.level)
        if names and node.key in names:
            return names[node.key] if node.level == "retention" else f"{node.key} {names[node.key]}"
        return node.label

    def _show(self, nodes: list[TreeNode]) -> None:
        expanded, current = self._expanded_paths(), self._current_path()
        self.nodes = nodes
        self.tree.blockSignals(True)
        self.tree.clear()
        style = self.style()
        everything = QTreeWidgetItem([self.tr("All records"), f"{sum(n.count for n in nodes):,}"])
        everything.setIcon(0, style.standardIcon(QStyle.StandardPixmap.SP_DirHomeIcon))
        everything.setData(0, _FILTER, RecordFilter())
        everything.setData(0, _PATH, ())
        self.tree.addTopLevelItem(everything)
        folder = style.standardIcon(QStyle.StandardPixmap.SP_DirIcon)

        def add(parent: QTreeWidgetItem, node: TreeNode, path: tuple[str, ...]) -> None:
            item = QTreeWidgetItem(parent, [self._label(node), f"{node.count:,}"])
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setData(0, _FILTER, node.filter)
            item.setData(0, _PATH, path)
            if node.children:
                item.setIcon(0, folder)
            item.setExpanded(path in expanded or node.level == "fonds")
            if path == current:
                self.tree.setCurrentItem(item)
            for child in node.children:
                add(item, child, (*path, child.key))

        for node in nodes:
            add(everything, node, (node.key,))
        everything.setExpanded(True)
        everything.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if self.tree.currentItem() is None:
            self.tree.setCurrentItem(everything)
        self.tree.blockSignals(False)
        self.loaded.emit()

    def _expanded_paths(self) -> set[tuple[str, ...]]:
        paths: set[tuple[str, ...]] = set()
        stack = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        while stack:
            item = stack.pop()
            if item.isExpanded():
                paths.add(tuple(item.data(0, _PATH) or ()))
            stack.extend(item.child(i) for i in range(item.childCount()))
        return paths

    def _current_path(self) -> tuple[str, ...] | None:
        item = self.tree.currentItem()
        return tuple(item.data(0, _PATH) or ()) if item is not None else None

    def _clicked(self, item: QTreeWidgetItem | None) -> None:
        if item is not None:
            self.filter_chosen.emit(item.data(0, _FILTER))


def _holdings(db: Database):  # noqa: ANN202 - worker thread
    from archdesk.services.holdings import holdings

    return holdings(db, by_category=False, pages=False)  # the line shows no pages


def _classification_tree(db: Database) -> list[TreeNode]:  # worker thread
    from archdesk.services.records_query import classification_tree

    return classification_tree(db)


def _first_run_checklist(db: Database):  # noqa: ANN202 - worker thread
    from archdesk.services.setup import first_run_checklist

    return first_run_checklist(db)

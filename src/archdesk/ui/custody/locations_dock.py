"""Shelf locations (库位) dock: the location tree with occupancy, the boxes on a shelf, drag a box to
another shelf, the scan field, find a shelf by code, add shelving, rename and retire shelves.

The tree is storeroom → row → side → section → level, grouped here from the shelves' address
components (the service returns the shelves in address order, with their box and record counts).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QSplitter,
    QToolBar,
    QTreeWidgetItem,
    QWidget,
)

from archdesk.services.database import Database
from archdesk.services.listing import RecordFilter
from archdesk.ui.custody.location_tree import GROUP_ROLE, SHELF_ROLE, LocationTree, ShelfBoxList
from archdesk.ui.custody.scan_field import ScanField
from archdesk.ui.dock import Dock, OpenRecord
from archdesk.ui.ops import BACKGROUND, URGENT, Changes, Concern, Ops, error_text

if TYPE_CHECKING:
    from archdesk.services.custody.finding import Found, ShelfBox
    from archdesk.services.custody.locations import ShelfNode
    from archdesk.services.reports import Document

RECENT_SCANS = 20
BOX_LINES = 8  # the records of a scanned box shown under the scan field


class LocationsDock(Dock):
    """Built through the one dock pattern (``ui/dock.py``): a scanned record, or a shelf activated in the
    tree, is announced with ``opened`` (the record in the editor; the records kept on the shelf)."""

    concerns = Concern.LOCATIONS | Concern.BOXES | Concern.RECORDS

    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(ops, "locationsDock", parent)
        self.items: list[ShelfNode] = []
        self.record_counts: dict[int, int] = {}
        self.limits_dialog: QDialog | None = None  # the storeroom's climate limits, while open
        self.pending_boxes: list[tuple[int, str]] = []  # boxes scanned in "move by scan", waiting for a shelf
        layout = self.body_layout
        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("locationsToolbar")
        self.add_action = self.toolbar.addAction("", self.add_shelving)
        self.rename_action = self.toolbar.addAction("", self.rename_shelf)
        self.retire_action = self.toolbar.addAction("", self.retire_shelf)
        self.ledger_action = self.toolbar.addAction("", self.show_ledger)
        self.labels_action = self.toolbar.addAction("", self.print_labels)
        self.stocktake_action = self.toolbar.addAction("", self.show_stocktake)
        self.climate_action = self.toolbar.addAction("", self.show_climate)
        self.limits_action = self.toolbar.addAction("", self.edit_climate_limits)
        layout.addWidget(self.toolbar)
        scan_row = QHBoxLayout()
        self.scan_label = QLabel()
        self.scan = ScanField()
        self.scan.scanned.connect(self.look_up)
        self.find = QLineEdit()
        self.find.setObjectName("findShelf")
        self.find.setClearButtonEnabled(True)
        self.find.textChanged.connect(self._find_shelf)
        scan_row.addWidget(self.scan_label)
        scan_row.addWidget(self.scan, 2)
        scan_row.addWidget(self.find, 1)
        layout.addLayout(scan_row)
        self.move_by_scan = QCheckBox()
        self.move_by_scan.setObjectName("moveByScan")
        layout.addWidget(self.move_by_scan)
        self.result = QLabel()
        self.result.setObjectName("scanResult")
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.result)
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.list = LocationTree()
        self.list.currentItemChanged.connect(self._shelf_chosen)
        self.list.itemActivated.connect(self._activated)
        self.list.boxes_dropped.connect(self.move_boxes)
        self.boxes = ShelfBoxList()
        self.boxes.itemDoubleClicked.connect(lambda item, _column: self.edit_box_note(item.data(0, SHELF_ROLE)))
        self.recent = QListWidget()
        self.recent.setObjectName("recentScans")
        splitter.addWidget(self.list)
        splitter.addWidget(self.boxes)
        splitter.addWidget(self.recent)
        splitter.setSizes([400, 160, 60])
        layout.addWidget(splitter, 1)
        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setEnabled(False)
        layout.addWidget(self.empty)
        self.add_exports(self.list, name="shelf-locations", rows=self._summaries, document=_locations_document)
        self.retranslate_ui()

    # -- language ---------------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Shelf locations"))
        self.add_action.setText(self.tr("Add shelving…"))
        self.rename_action.setText(self.tr("Rename…"))
        self.retire_action.setText(self.tr("Retire"))
        self.ledger_action.setText(self.tr("Ledger…"))
        self.labels_action.setText(self.tr("Labels…"))
        self.stocktake_action.setText(self.tr("Stocktake…"))
        self.climate_action.setText(self.tr("Climate…"))
        self.limits_action.setText(self.tr("Climate limits…"))
        self.limits_action.setToolTip(self.tr("Temperature and humidity limits of the chosen storeroom"))
        self.scan_label.setText(self.tr("Scan:"))
        self.scan.setPlaceholderText(self.tr("Scan or type a box, record or shelf code"))
        self.find.setPlaceholderText(self.tr("Find shelf…"))
        self.move_by_scan.setText(self.tr("Move by scan"))
        self.move_by_scan.setToolTip(self.tr("Move by scan: scan boxes, then the shelf they go to"))
        self.list.setHeaderLabels(
            [self.tr("Location"), self.tr("Boxes"), self.tr("Records"), self.tr("Capacity"), self.tr("Name")]
        )
        self.boxes.setHeaderLabels([self.tr("Box"), self.tr("Barcode"), self.tr("Records")])
        self.empty.setText(self.tr("No shelf locations yet: add shelving to start."))
        self._show(self.items)
        super().retranslate_ui()  # the export actions

    # -- loading ----------------------------------------------------------------------------------

    def reload(self) -> None:
        self.ops.query(self, _fetch_tree, self._show, priority=BACKGROUND)

    def _summaries(self) -> list:
        from archdesk.services.custody import LocationSummary

        held = self.record_counts
        return [
            LocationSummary(n.id, n.code, n.storeroom, n.name, n.capacity, n.boxes, held.get(n.id, 0))
            for n in self.items
        ]

    def _show(self, nodes: list[ShelfNode]) -> None:
        current_id = self.current_shelf()
        self.items = nodes
        self.list.show_nodes(nodes, self.record_counts)
        self.list.resizeColumnToContents(0)
        self.list.setVisible(bool(nodes))
        self.empty.setVisible(not nodes)
        if current_id is not None and current_id in self.list.nodes:
            self.select_shelf(current_id)
        self.loaded.emit()
        if nodes:  # the record counts join the records: they follow once the tree is on screen
            self.ops.query(self, _fetch_record_counts, self._show_records, priority=BACKGROUND)

    def _show_records(self, counts: dict[int, int]) -> None:
        self.record_counts = counts
        self.list.set_records(counts)

    @property
    def shelf_items(self) -> dict[int, QTreeWidgetItem]:
        return self.list.shelf_items

    # -- shelves and boxes ------------------------------------------------------------------------

    def current_shelf(self) -> int | None:
        item = self.list.currentItem()
        return item.data(0, SHELF_ROLE) if item is not None else None

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        """A shelf activated (double-click, Enter) opens the records kept on it."""
        shelf = item.data(0, SHELF_ROLE)
        node = next((n for n in self.items if n.id == shelf), None) if shelf is not None else None
        if node is not None:
            self.opened.emit(RecordFilter(location=node.code))

    def select_shelf(self, shelf_id: int) -> None:
        item = self.list.shelf_item(shelf_id)
        if item is not None:
            self.list.setCurrentItem(item)
            self.list.scrollToItem(item)

    def _find_shelf(self, text: str) -> None:
        text = text.strip().upper()
        if not text:
            return
        for node in self.items:
            if node.code.upper().startswith(text) or text in node.name.upper():
                self.select_shelf(node.id)
                return

    def _shelf_chosen(self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        shelf = current.data(0, SHELF_ROLE) if current is not None else None
        if shelf is None:
            self.boxes.clear()
            return

        def fetch(db: Database) -> list[ShelfBox]:
            from archdesk.services.custody.finding import shelf_boxes

            return shelf_boxes(db, shelf)

        self.ops.query(self, fetch, self._show_boxes, priority=URGENT)

    def _show_boxes(self, boxes: list[ShelfBox]) -> None:
        self.boxes.clear()
        rows = []
        for box in boxes:
            item = QTreeWidgetItem([box.code, box.barcode, str(box.records)])
            item.setData(0, SHELF_ROLE, box.id)
            rows.append(item)
        self.boxes.addTopLevelItems(rows)
        self.boxes.resizeColumnToContents(0)

    def move_boxes(self, box_ids: list[int], shelf_id: int, *, force: bool = False) -> None:
        """Move boxes to a shelf in one action; a full shelf asks before it takes more."""
        from PySide6.QtWidgets import QMessageBox

        def move(db: Database) -> Any:
            from archdesk.services.custody.boxes import move_boxes

            return move_boxes(db, box_ids, shelf_id, force=force)

        def failed(error: BaseException) -> bool:
            from archdesk.services.errors import NotAllowed

            if isinstance(error, NotAllowed) and error.content.id == "custody.shelf_full" and not force:
                answer = QMessageBox.question(
                    self,
                    self.tr("Shelf full"),
                    self.tr("{problem}. Move them anyway?").format(problem=error_text(error)),
                )
                if answer == QMessageBox.StandardButton.Yes:
                    self.move_boxes(box_ids, shelf_id, force=True)
                return True
            return False

        def moved(result: Any) -> None:
            from archdesk.ui.i18n import current_language

            text = self.tr("{count} boxes moved to {shelf}").format(count=result.boxes, shelf=result.location_code)
            warnings = [w.render(current_language()) for w in result.warnings]
            self.result.setText("\n".join([text, *warnings]))

        self.ops.mutate(self, move, changes=Changes(boxes=True, locations=True), success=moved, failure=failed)

    # -- scanning ---------------------------------------------------------------------------------

    def look_up(self, code: str) -> None:
        """One look-up per scanned code (the scan field hands over whole codes only)."""
        self.recent.insertItem(0, code)
        while self.recent.count() > RECENT_SCANS:
            self.recent.takeItem(self.recent.count() - 1)

        def find(db: Database) -> Found:
            from archdesk.services.custody.finding import find_code

            return find_code(db, code)

        def not_found(error: BaseException) -> bool:
            self.result.setText(error_text(error))
            return True

        self.ops.query(self, find, self._show_found, failure=not_found, priority=URGENT)

    def _show_found(self, found: Found) -> None:
        if found.kind == "box":
            place = found.location or self.tr("not shelved")
            contents = [f"{r.item_number:04d} {r.title}" for r in found.records[:BOX_LINES]]
            if len(found.records) > BOX_LINES:
                contents.append(self.tr("… and {count} more").format(count=len(found.records) - BOX_LINES))
            heading = self.tr("Box {box}: {count} records, on {place}").format(
                box=found.code, count=len(found.records), place=place
            )
            self.result.setText("\n".join([heading, *contents]))
            if self.move_by_scan.isChecked():
                self.pending_boxes.append((found.id, found.code))
                self.result.setText(
                    self.tr("{count} boxes to move: scan the shelf they go to").format(count=len(self.pending_boxes))
                )
            elif found.location:
                shelf = next((n.id for n in self.items if n.code == found.location), None)
                if shelf is not None:
                    self.select_shelf(shelf)
        elif found.kind == "location":
            self.select_shelf(found.id)
            if self.move_by_scan.isChecked() and self.pending_boxes:
                ids = [box_id for box_id, _code in self.pending_boxes]
                self.pending_boxes = []
                self.move_boxes(ids, found.id)
            else:
                self.result.setText(
                    self.tr("Shelf {shelf}: {count} boxes").format(shelf=found.code, count=len(found.boxes))
                )
        else:
            place = " / ".join(p for p in (found.box, found.location) if p) or self.tr("not boxed")
            self.result.setText(
                self.tr("Record {code}: {title} — {place}").format(code=found.code, title=found.label, place=place)
            )
            self.opened.emit(OpenRecord(found.id))

    # -- actions ----------------------------------------------------------------------------------

    def add_shelving(self) -> None:
        from archdesk.ui.custody.dialogs import ShelvingDialog

        dialog = ShelvingDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        values = dialog.values()

        def add(db: Database) -> Any:
            from archdesk.services.custody.locations import add_shelving

            return add_shelving(db, **values)

        self.ops.mutate(self, add, changes=Changes(locations=True))

    def rename_shelf(self) -> None:
        """Name the chosen shelf, or the storeroom when a storeroom is chosen."""
        shelf = self.current_shelf()
        current = self.list.currentItem()
        path = current.data(0, GROUP_ROLE) if current is not None else None
        if shelf is None and path and len(path) == 1:
            self._rename_storeroom(path[0])
            return
        if shelf is None:
            return
        node = next(n for n in self.items if n.id == shelf)
        name, ok = QInputDialog.getText(
            self, self.tr("Rename shelf"), self.tr("Name of {shelf}").format(shelf=node.code), text=node.name
        )
        if not ok:
            return

        def rename(db: Database) -> None:
            from archdesk.services.custody.locations import rename_location

            rename_location(db, shelf, name)

        self.ops.mutate(self, rename, changes=Changes(locations=True))

    def _rename_storeroom(self, code: str) -> None:
        name, ok = QInputDialog.getText(
            self, self.tr("Rename storeroom"), self.tr("Name of storeroom {code}").format(code=code)
        )
        if not ok:
            return

        def rename(db: Database) -> None:
            from archdesk.services.custody.locations import rename_storeroom

            rename_storeroom(db, code, name)

        self.ops.mutate(self, rename, changes=Changes(locations=True))

    def retire_shelf(self) -> None:
        shelf = self.current_shelf()
        if shelf is None:
            return

        def retire(db: Database) -> None:
            from archdesk.services.custody.locations import retire_location

            retire_location(db, shelf)

        self.ops.mutate(self, retire, changes=Changes(locations=True))

    def print_labels(self) -> str | None:
        """Box or shelf labels on the sheet and with the barcode chosen, to a PDF file."""
        from PySide6.QtWidgets import QFileDialog

        from archdesk.ui.custody.dialogs import LabelsDialog
        from archdesk.ui.i18n import current_language

        shelf = self.current_shelf()
        shelf_code = next((n.code for n in self.items if n.id == shelf), None)
        dialog = LabelsDialog(shelf_code, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        values = dialog.values()
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save labels"), "labels.pdf", self.tr("PDF (*.pdf)"))
        if not path:
            return None
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        shown = list(self.items)
        language = current_language()

        def render(db: Database, progress: Any) -> str:
            from archdesk.services.reports.boxes import box_labels
            from archdesk.services.reports.labels_sheet import box_label_items, render_labels, shelf_label_items
            from archdesk.services.reports.queries import InventoryFilter

            if values["what"] == "shelves":
                items = shelf_label_items(shown, language)
            else:
                flt = InventoryFilter(location=shelf_code) if values["what"] == "shelf_boxes" else None
                boxes = box_labels(db, flt, language=language)
                if values["what"] == "shelf_boxes":
                    boxes = [b for b in boxes if b.location == shelf_code]
                items = box_label_items(boxes, language)
            render_labels(items, path, sheet=values["sheet"], symbology=values["symbology"], progress=progress)
            return path

        def saved(written: str) -> None:
            self.result.setText(self.tr("Labels saved to {path}").format(path=written))

        self.ops.query(self, render, saved, progress_label=self.tr("Printing labels…"))
        return path

    def edit_box_note(self, box_id: int) -> None:
        """The box's 备考表: its note (or the draft of what left the box), who arranged and checked it, when."""

        def fetch(db: Database) -> tuple[str, dict]:
            from archdesk.services.custody.boxes import box_note

            return box_note(db, box_id)

        def edit(result: tuple[str, dict]) -> None:
            from archdesk.ui.custody.dialogs import BoxNoteDialog

            code, note = result
            dialog = BoxNoteDialog(code, note, self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            values = dialog.values()

            def save(db: Database) -> None:
                from archdesk.services.custody.boxes import set_box_note

                set_box_note(db, box_id, **values)

            self.ops.mutate(self, save, changes=Changes(boxes=True))

        self.ops.query(self, fetch, edit, priority=URGENT)

    def show_stocktake(self) -> None:
        from archdesk.ui.custody.stocktake_view import StocktakeDialog

        shelf = self.current_shelf()
        prefix = next((n.code.rsplit("-", 1)[0] for n in self.items if n.id == shelf), "")
        StocktakeDialog(self.ops, self, prefix=prefix).show()

    def show_climate(self) -> None:
        from archdesk.ui.custody.climate_view import ClimateDialog

        ClimateDialog(self.ops, self).show()

    def edit_climate_limits(self) -> None:
        """The climate limits of the chosen storeroom (of the chosen shelf or group; else the first)."""
        current = self.list.currentItem()
        path = current.data(0, GROUP_ROLE) if current is not None else None
        shelf = self.current_shelf()
        code = path[0] if path else next((n.storeroom for n in self.items if n.id == shelf), None)
        code = code or (self.items[0].storeroom if self.items else None)
        if code is None:
            return

        def fetch(db: Database) -> Any:
            from archdesk.services.custody.climate_limits import storeroom_limits

            return storeroom_limits(db, code)

        def edit(info: Any) -> None:
            from archdesk.ui.custody.limits_dialog import ClimateLimitsDialog

            self.limits_dialog = ClimateLimitsDialog(self.ops, info, self)
            self.limits_dialog.accepted.connect(
                lambda: self.result.setText(self.tr("Climate limits of {code} saved").format(code=code))
            )
            self.limits_dialog.open()

        self.ops.query(self, fetch, edit, priority=URGENT)

    def show_ledger(self) -> None:
        from archdesk.ui.custody.ledger_view import LedgerDialog

        LedgerDialog(self.ops, self).show()


def _fetch_tree(db: Database) -> list[ShelfNode]:  # worker thread
    from archdesk.services.custody.locations import location_tree

    return location_tree(db, with_records=False)


def _fetch_record_counts(db: Database) -> dict[int, int]:  # worker thread
    from archdesk.services.custody.locations import shelf_record_counts

    return shelf_record_counts(db)


def _locations_document(rows: list, language: str, **options: object) -> Document:  # worker thread
    from archdesk.services.reports.lists import locations_document

    return locations_document(rows, language, **options)

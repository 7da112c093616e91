"""Shelf locations (库位) dock: every shelf address with its boxes and records (read-only for now)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from archdesk.services.database import Database
from archdesk.ui.catalogue.list_dock import ListDock
from archdesk.ui.reports.list_export import ListExports

if TYPE_CHECKING:
    from archdesk.services.custody import LocationSummary


class LocationsDock(ListDock):
    concerns = ("locations", "boxes", "records")
    right_aligned = (1, 2, 3)

    def __init__(self, ops, parent=None) -> None:  # noqa: ANN001
        super().__init__(ops, "locationsDock", parent)
        self.exports = ListExports(
            self, self.list, ops, name="shelf-locations", rows=lambda: self.items, builder="locations_document",
            layout=self.widget().layout(),
        )  # fmt: skip
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Shelf locations"))
        super().retranslate_ui()

    def fetch(self, db: Database) -> list[LocationSummary]:
        from archdesk.services.custody import list_locations  # worker thread, after start-up

        return list_locations(db)

    def headers(self) -> list[str]:
        return [self.tr("Location"), self.tr("Boxes"), self.tr("Records"), self.tr("Capacity"), self.tr("Description")]

    def row(self, item: LocationSummary) -> list[str]:
        capacity = "" if item.capacity is None else str(item.capacity)
        return [item.code, str(item.boxes), str(item.records), capacity, item.description]

    def needs_attention(self, item: LocationSummary) -> bool:
        return item.capacity is not None and item.boxes > item.capacity

    def empty_text(self) -> str:
        return self.tr("No shelf locations yet.")

"""Shelf locations (库位) dock: every shelf address with its boxes and records (read-only for now)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from archdesk.services.database import Database
from archdesk.services.listing import RecordFilter
from archdesk.ui.dock import ListDock
from archdesk.ui.ops import Concern

if TYPE_CHECKING:
    from archdesk.services.custody import LocationSummary
    from archdesk.services.reports import Document


class LocationsDock(ListDock):
    concerns = Concern.LOCATIONS | Concern.BOXES | Concern.RECORDS
    right_aligned = (1, 2, 3)

    def __init__(self, ops, parent=None) -> None:  # noqa: ANN001
        super().__init__(ops, "locationsDock", parent)
        self.add_exports(self.list, name="shelf-locations", rows=lambda: self.items, document=_document)
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

    def target(self, item: LocationSummary) -> RecordFilter:
        """A shelf address opens the records kept there."""
        return RecordFilter(location=item.code)


def _document(rows: list[LocationSummary], language: str, **options: object) -> Document:  # worker thread
    from archdesk.services.reports.lists import locations_document

    return locations_document(rows, language, **options)

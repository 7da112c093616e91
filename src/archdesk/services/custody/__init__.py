"""Custody (保管): shelf locations and what is stored there. Read-only lists for the Shelf locations dock."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from archdesk.models import Box, Location
from archdesk.services.custody import box_counts
from archdesk.services.database import Database


@dataclass(frozen=True)
class LocationSummary:
    """One shelf address (库房-区-列-面-节-层) with how many boxes and records it holds."""

    id: int
    code: str
    storeroom: str
    description: str
    capacity: int | None
    boxes: int
    records: int


def list_locations(db: Database) -> list[LocationSummary]:
    """Every shelf location in address order, with its box and record counts. Runs on the calling thread."""
    with db.reading() as session:
        boxes = select(Box.location_id, func.count(Box.id).label("boxes")).group_by(Box.location_id).subquery()
        held = box_counts.shelf_record_counts(session)
        rows = session.execute(
            select(
                Location.id,
                Location.code,
                Location.storeroom,
                Location.description,
                Location.capacity,
                func.coalesce(boxes.c.boxes, 0),
            )
            .outerjoin(boxes, boxes.c.location_id == Location.id)
            .order_by(Location.code)
        )
        return [LocationSummary(*row, held.get(row[0], 0)) for row in rows]

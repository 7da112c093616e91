"""What a scanned or typed code is: a box (by barcode or box code), a record (档号) or a shelf.

Each look-up is one indexed equality per table, so a scan shows its item in a few milliseconds
even among 200,000 boxes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select

from archdesk.messages import msg
from archdesk.models import Box, Category, Location, Record, RetentionPeriod
from archdesk.services.database import Database
from archdesk.services.errors import NotFound


@dataclass(frozen=True)
class BoxItem:
    id: int
    reference_code: str
    title: str
    item_number: int
    pages: int | None
    status: str


@dataclass(frozen=True)
class Found:
    """The thing a code names. ``kind`` is "box", "record" or "location"."""

    kind: str
    id: int
    code: str
    label: str = ""
    location: str = ""
    box: str = ""
    status: str = ""
    capacity: int | None = None
    #: For a box its records (in item order); for a shelf its boxes' codes.
    records: tuple[BoxItem, ...] = ()
    boxes: tuple[str, ...] = ()
    details: dict = field(default_factory=dict)

    def as_json(self) -> dict:
        out = {"kind": self.kind, "id": self.id, "code": self.code, "label": self.label}
        if self.kind == "box":
            out.update(location=self.location or None, records=[r.reference_code for r in self.records], **self.details)
        elif self.kind == "record":
            out.update(box=self.box or None, location=self.location or None, status=self.status)
        else:
            out.update(capacity=self.capacity, boxes=list(self.boxes))
        return out


def find_code(db: Database, code: str) -> Found:
    """The box, record or shelf ``code`` names (boxes first: their labels are what gets scanned)."""
    code = code.strip()
    with db.reading() as session:
        box = session.execute(
            select(
                Box.id,
                Box.code,
                Box.barcode,
                Location.code.label("location"),
                Category.code.label("category"),
                Box.year,
                RetentionPeriod.code.label("retention"),
                Box.box_number,
                Box.spine_mm,
            )  # fmt: skip
            .outerjoin(Location, Location.id == Box.location_id)
            .join(Category, Category.id == Box.category_id)
            .join(RetentionPeriod, RetentionPeriod.id == Box.retention_id)
            .where((Box.barcode == code) | (Box.code == code))
        ).first()
        if box is not None:
            return Found("box", box.id, box.code, label=box.barcode or "", location=box.location or "",
                         records=box_contents(session, box.id),
                         details={"barcode": box.barcode, "category": box.category, "year": box.year,
                                  "retention": box.retention, "box_number": box.box_number,
                                  "spine_mm": box.spine_mm})  # fmt: skip
        record = session.execute(
            select(
                Record.id,
                Record.reference_code,
                Record.title,
                Box.code.label("box"),
                Location.code.label("location"),
                Record.status,
            )  # fmt: skip
            .outerjoin(Box, Box.id == Record.box_id)
            .outerjoin(Location, Location.id == Box.location_id)
            .where(Record.reference_code.in_({code, code.replace(".", "·")}))  # a label writes · as .
        ).first()
        if record is not None:
            return Found("record", record.id, record.reference_code, label=record.title, box=record.box or "",
                         location=record.location or "", status=record.status)  # fmt: skip
        shelf = session.execute(
            select(Location.id, Location.code, Location.name, Location.capacity).where(Location.code == code)
        ).first()
        if shelf is not None:
            boxes = tuple(session.scalars(select(Box.code).where(Box.location_id == shelf.id).order_by(Box.code)))
            return Found("location", shelf.id, shelf.code, label=shelf.name or "", capacity=shelf.capacity, boxes=boxes)
    raise _not_found(code)


def _not_found(code: str) -> NotFound:
    error = NotFound("custody.barcode", code)
    error.content = msg("custody.code_not_found", code=code)
    return error


def box_contents(session, box_id: int) -> tuple[BoxItem, ...]:  # noqa: ANN001
    rows = session.execute(
        select(Record.id, Record.reference_code, Record.title, Record.item_number, Record.pages, Record.status)
        .where(Record.box_id == box_id)
        .order_by(Record.item_number, Record.reference_code)
    )
    return tuple(BoxItem(**row._mapping) for row in rows)


@dataclass(frozen=True)
class ShelfBox:
    id: int
    code: str
    barcode: str
    records: int


def shelf_boxes(db: Database, location_id: int) -> list[ShelfBox]:
    """The boxes standing on one shelf with their record counts (the dock's lower list)."""
    with db.reading() as session:
        count = select(func.count()).where(Record.box_id == Box.id).correlate(Box).scalar_subquery().label("records")
        rows = session.execute(
            select(Box.id, Box.code, Box.barcode, count).where(Box.location_id == location_id).order_by(Box.code)
        )
        # A box without a barcode reads as "" (the column is nullable).
        return [ShelfBox(**{**row._mapping, "barcode": row.barcode or ""}) for row in rows]


@dataclass(frozen=True)
class RecordPlace:
    """Where a record is: its box and the box's shelf ("" when unboxed or unshelved)."""

    box: str
    location: str


def record_place(db: Database, record_id: int) -> RecordPlace:
    with db.reading() as session:
        row = session.execute(
            select(Box.code.label("box"), Location.code.label("location"))
            .select_from(Record)
            .outerjoin(Box, Box.id == Record.box_id)
            .outerjoin(Location, Location.id == Box.location_id)
            .where(Record.id == record_id)
        ).first()
    return RecordPlace(box=row.box or "", location=row.location or "") if row else RecordPlace("", "")

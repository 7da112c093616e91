"""What the records table shows, for the documents that are not about records: the volume
catalogues, the inventory register and the box forms. Qt-free.

The registers of records take the table's ``RecordFilter`` as it is. Volumes and boxes carry only
the classification (全宗, 门类, 年度, 保管期限, 机构) and the box, so a table narrowed to one box by
its id is narrowed by the box's code, and the box forms cover the boxes that hold the records on
screen (or the selected ones).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from sqlalchemy import select

from archdesk.models import Box, Record
from archdesk.services.database import Database
from archdesk.services.records_query import RecordFilter, conditions
from archdesk.services.reports.boxes import BoxLabel, box_labels
from archdesk.services.reports.queries import InventoryFilter


def _box_code(db: Database, box_id: int | None) -> str:
    if box_id is None:
        return ""
    with db.reading() as session:
        return session.scalar(select(Box.code).where(Box.id == box_id)) or ""


def classification_filter(db: Database, table: RecordFilter) -> RecordFilter:
    """The table's filter with a box chosen by id written as its code (what volumes and boxes filter by)."""
    if table.box_id is None or table.box:
        return table
    return dataclasses.replace(table, box=_box_code(db, table.box_id))


def inventory_filter(db: Database, table: RecordFilter) -> InventoryFilter:
    """The inventory (库存清册) of the boxes on the table's shelf, category, year or box."""
    box = classification_filter(db, table).box
    return InventoryFilter(
        location=table.location or None, box=box or None, category=table.category or None, year=table.year
    )


def shown_boxes(
    db: Database, table: RecordFilter, record_ids: Sequence[int] = (), *, language: str = "zh_CN"
) -> list[BoxLabel]:
    """The boxes for spines and box notes, in shelf order: those holding the selected records, or else
    those holding the records the table shows (every box when the table is not filtered)."""
    if record_ids:
        # In chunks: a large selection would pass SQLite's limit of bound parameters in one IN list
        # (32,766 in most builds, 999 in old ones).
        chunks = [record_ids[start : start + 900] for start in range(0, len(record_ids), 900)]
        wheres = [[Record.id.in_(chunk)] for chunk in chunks]
    else:
        wheres = [conditions(table)]
    scope = classification_filter(db, table) if not record_ids else RecordFilter()
    boxes = box_labels(db, scope, language=language, with_drafts=True)  # the 备考表 prints what left each box
    if wheres == [[]]:
        return boxes
    wanted: set[str] = set()
    with db.reading() as session:
        for where in wheres:
            holding = select(Record.box_id).where(*where, Record.box_id.is_not(None))
            wanted.update(session.scalars(select(Box.code).where(Box.id.in_(holding))))
    return [box for box in boxes if box.code in wanted]

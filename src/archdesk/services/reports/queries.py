"""The rows the registers print, as SQLAlchemy selects (portable to PostgreSQL).

Rows are streamed from a fresh read session in blocks (``yield_per``), as plain tuples,
never as ORM objects, so a 100,000-row register costs one block of memory at a time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.engine import Row as SqlRow

from archdesk.models import (
    Box,
    Category,
    Department,
    DestructionListItem,
    Fonds,
    Location,
    Record,
    RetentionPeriod,
    SecurityLevel,
    Volume,
)
from archdesk.services.database import Database
from archdesk.services.errors import NotFound
from archdesk.services.records_query import RecordFilter, box_clause, conditions
from archdesk.statuses import RecordStatus

#: Statuses printed on registers: everything accepted into the archive (暂存 items are not yet).
ARCHIVED_STATUSES = tuple(s for s in RecordStatus if s != RecordStatus.PENDING)


class QueryRows:
    """A re-iterable, streamed result: each iteration runs the select again in a new read session."""

    def __init__(
        self,
        db: Database,
        statement: Select[Any],
        transform: Callable[[int, SqlRow[Any]], tuple[Any, ...]] | None = None,
        *,
        block: int = 2000,
    ) -> None:
        self.db = db
        self.statement = statement
        self.transform = transform
        self.block = block

    def __iter__(self) -> Iterator[tuple[Any, ...]]:
        with self.db.reading() as session:
            result = session.execute(self.statement.execution_options(yield_per=self.block))
            transform = self.transform
            for number, row in enumerate(result, 1):
                yield transform(number, row) if transform else tuple(row)

    def count(self) -> int:
        counted = select(func.count()).select_from(self.statement.order_by(None).subquery())
        with self.db.reading() as session:
            return int(session.scalar(counted) or 0)


def category_clause(column: Any, code: str) -> Any:
    """A category and all its sub-categories (codes below it are written ``CODE·SUB``)."""
    return or_(column == code, column.like(f"{code}·%"))


def classified(statement: Select[Any], entity: Any) -> Select[Any]:
    """Join the code tables a record, volume or box is classified by (fonds, category, retention, department)."""
    return (
        statement.select_from(entity)
        .join(Fonds, Fonds.id == entity.fonds_id)
        .join(Category, Category.id == entity.category_id)
        .join(RetentionPeriod, RetentionPeriod.id == entity.retention_id)
        .outerjoin(Department, Department.id == entity.department_id)
    )


def apply_filter(statement: Select[Any], entity: Any, flt: RecordFilter, *, statuses: bool = True) -> Select[Any]:
    """Restrict ``statement`` by the same filter the records table uses.

    For records the conditions are exactly the table's (text search included); without a status
    in the filter, registers print only what was accepted into the archive (``ARCHIVED_STATUSES``).
    For volumes and boxes (``statement`` joins Category, RetentionPeriod, Department, Fonds) the
    classification fields apply: all three carry year, category, retention and department.
    """
    if entity is Record:
        statement = statement.where(*conditions(flt))
        if statuses and not flt.status:
            statement = statement.where(Record.status.in_(ARCHIVED_STATUSES))
        return statement
    if flt.fonds:
        statement = statement.where(Fonds.code == flt.fonds)
    if flt.category:
        statement = statement.where(category_clause(Category.code, flt.category))
    if flt.year is not None:
        statement = statement.where(entity.year == flt.year)
    if flt.retention:
        statement = statement.where(RetentionPeriod.code == flt.retention)
    if flt.department:
        statement = statement.where(Department.code == flt.department)
    if flt.box:
        if entity is Box:
            statement = statement.where(box_clause(flt.box))
        else:
            statement = statement.where(entity.box_id.in_(select(Box.id).where(box_clause(flt.box))))
    return statement


def record_rows_statement(flt: RecordFilter) -> Select[Any]:
    """The catalogue register's rows in reference-code order."""
    statement = (
        classified(
            select(
                Record.reference_code,
                Record.document_number,
                Record.responsible_party,
                Record.title,
                Record.title_supplied,
                Record.date,
                SecurityLevel.name.label("security_name"),
                SecurityLevel.name_en.label("security_name_en"),
                Record.pages,
                Record.notes,
                Record.status,
                Record.date_precision,
            ),
            Record,
        )
        .outerjoin(SecurityLevel, SecurityLevel.id == Record.security_level_id)
        .order_by(
            Fonds.code, Category.code, Record.year, RetentionPeriod.sort_order, Department.code, Record.item_number
        )
    )
    return apply_filter(statement, Record, flt)


def volume_rows_statement(flt: RecordFilter) -> Select[Any]:
    """The volume catalogue's rows: each volume with its item count and pages."""
    contents = (
        select(
            Record.volume_id.label("volume_id"),
            func.count(Record.id).label("item_count"),
            func.coalesce(func.sum(Record.pages), 0).label("pages"),
        )
        .where(Record.volume_id.is_not(None))
        .group_by(Record.volume_id)
        .subquery()
    )
    statement = (
        classified(
            select(
                Volume.id.label("volume_id"),
                Volume.volume_number,
                Volume.reference_code,
                Volume.title,
                Volume.start_date,
                Volume.end_date,
                func.coalesce(contents.c.item_count, 0).label("item_count"),
                func.coalesce(contents.c.pages, 0).label("pages"),
                RetentionPeriod.label.label("retention_name"),
                RetentionPeriod.label_en.label("retention_name_en"),
                SecurityLevel.name.label("security_name"),
                SecurityLevel.name_en.label("security_name_en"),
                Location.code.label("location_code"),
                Volume.notes,
            ),
            Volume,
        )
        .outerjoin(SecurityLevel, SecurityLevel.id == Volume.security_level_id)
        .outerjoin(Box, Box.id == Volume.box_id)
        .outerjoin(Location, Location.id == Box.location_id)
        .outerjoin(contents, contents.c.volume_id == Volume.id)
        .order_by(Fonds.code, Category.code, Volume.year, RetentionPeriod.sort_order, Volume.volume_number)
    )
    return apply_filter(statement, Volume, flt)


def volume_contents_statement(volume_id: int) -> Select[Any]:
    """The records of one volume, in item order."""
    return (
        select(
            Record.document_number,
            Record.responsible_party,
            Record.title,
            Record.title_supplied,
            Record.date,
            Record.pages,
            Record.notes,
            Record.status,
            Record.date_precision,
        )
        .where(Record.volume_id == volume_id)
        .order_by(Record.item_number, Record.id)
    )


@dataclass(frozen=True)
class InventoryFilter:
    """Which boxes the inventory covers: a storeroom (库房), a shelf-code prefix, a box code."""

    storeroom: str | None = None
    location: str | None = None
    box: str | None = None
    category: str | None = None
    year: int | None = None


def box_contents_subquery() -> Any:
    """Per box: the held items (在档, 出借) — their count, pages and 起止件号 — and the items
    withdrawn since boxing (destroyed, transferred), counted apart (DA/T 22: the box holds what it holds).
    A destroyed record has left its box (its place released); its destruction list item keeps the box."""
    from archdesk.services.holdings import held as held_condition

    held = held_condition()
    box = func.coalesce(Record.box_id, DestructionListItem.former_box_id)
    return (
        select(
            box.label("box_id"),
            func.count(Record.id).filter(held).label("item_count"),
            func.coalesce(func.sum(Record.pages).filter(held), 0).label("pages"),
            func.min(Record.item_number).filter(held).label("first_item"),
            func.max(Record.item_number).filter(held).label("last_item"),
            func.count(Record.id).filter(Record.status == "destroyed").label("destroyed"),
            func.count(Record.id).filter(Record.status == "transferred").label("transferred"),
        )
        .outerjoin(
            DestructionListItem,
            (DestructionListItem.record_id == Record.id) & DestructionListItem.former_box_id.is_not(None),
        )
        .where(box.is_not(None))
        .group_by(box)
        .subquery()
    )


def box_rows_statement(flt: InventoryFilter | RecordFilter) -> Select[Any]:
    """Boxes with their location and contents, in storeroom / shelf / box order."""
    contents = box_contents_subquery()
    statement = (
        classified(
            select(
                Box.id.label("box_id"),
                Location.storeroom,
                Location.code.label("location_code"),
                Box.code.label("box_code"),
                Box.box_number,
                Category.code.label("category_code"),
                Category.name.label("category_name"),
                Category.name_en.label("category_name_en"),
                Box.year,
                RetentionPeriod.code.label("retention_code"),
                RetentionPeriod.label.label("retention_name"),
                RetentionPeriod.label_en.label("retention_name_en"),
                Department.code.label("department_code"),
                Department.name.label("department_name"),
                contents.c.first_item,
                contents.c.last_item,
                func.coalesce(contents.c.item_count, 0).label("item_count"),
                func.coalesce(contents.c.pages, 0).label("pages"),
                Box.notes,
                Fonds.code.label("fonds_code"),
                Fonds.name.label("fonds_name"),
                Box.spine_mm,
                Box.arranged_by,
                Box.checked_by,
                Box.barcode,
                func.coalesce(contents.c.destroyed, 0).label("destroyed"),
                func.coalesce(contents.c.transferred, 0).label("transferred"),
                Box.arranged_on,
                Box.checked_on,
            ),
            Box,
        )
        .outerjoin(Location, Location.id == Box.location_id)
        .outerjoin(contents, contents.c.box_id == Box.id)
        .order_by(
            Location.storeroom.is_(None),
            Location.storeroom,
            Location.code,
            Fonds.code,
            Category.code,
            Box.year,
            RetentionPeriod.sort_order,
            Department.code,
            Box.box_number,
        )
    )
    if isinstance(flt, RecordFilter):
        return apply_filter(statement, Box, flt)
    if flt.storeroom:
        statement = statement.where(Location.storeroom == flt.storeroom)
    if flt.location:
        statement = statement.where(Location.code.like(f"{flt.location}%"))
    if flt.box:
        statement = statement.where(Box.code == flt.box)
    if flt.category:
        statement = statement.where(category_clause(Category.code, flt.category))
    if flt.year is not None:
        statement = statement.where(Box.year == flt.year)
    return statement


def lookup_name(db: Database, model: Any, code: str, *, what: str) -> tuple[str, str]:
    """(Chinese name, English name) of a category, retention period or department code."""
    if model is RetentionPeriod:
        names = (RetentionPeriod.label, RetentionPeriod.label_en)
    elif model is Department:
        names = (Department.name, Department.name)
    else:
        names = (model.name, model.name_en)
    with db.reading() as session:
        row = session.execute(select(*names).where(model.code == code)).first()
    if row is None:
        raise NotFound(what, code)
    return row[0], row[1] or row[0]


def first_fonds(db: Database, code: str | None) -> tuple[str, str]:
    """(code, name) of the named fonds, or of the first one when none is named."""
    with db.reading() as session:
        statement = select(Fonds.code, Fonds.name).order_by(Fonds.id)
        if code:
            statement = statement.where(Fonds.code == code)
        row = session.execute(statement.limit(1)).first()
    if row is None:
        raise NotFound("fonds", code or "(any)")
    return row[0], row[1]

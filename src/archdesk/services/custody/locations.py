"""Storerooms (库房) and their shelves: create a shelving unit from its dimensions, rename, retire.

A shelf's address joins its components with ``-``: 库房-列-面-节-层, e.g. ``K01-03-A-2-4`` (the
side is left out when a unit has one face; an area 区 comes after the storeroom when given). The
address is the shelf's code; rows, sides and sections are the groups of shelves sharing a prefix.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from sqlalchemy import exists, func, or_, select

from archdesk.messages import msg
from archdesk.models import Box, Location, Movement, Storeroom
from archdesk.models.base import utcnow
from archdesk.services.custody import box_counts
from archdesk.services.database import Database
from archdesk.services.errors import NotAllowed, NotFound, ValidationError
from archdesk.services.uow import UnitOfWork, unit_of_work


@dataclass(frozen=True)
class ShelvingAdded:
    storeroom: str
    codes: tuple[str, ...]


class ShelfNode(NamedTuple):
    """One shelf of the location tree, with its occupancy (boxes against capacity).

    A named tuple, not a frozen dataclass: the tree of 4,458 shelves at 1M is made from the query's
    rows as they come, and a frozen dataclass's ``__init__`` alone took 11 ms of it (bench/README.md).
    """

    id: int
    code: str
    storeroom: str
    area: str
    row: str
    side: str
    section: str
    level: str
    name: str
    capacity: int | None
    boxes: int
    retired: bool
    records: int = 0

    @property
    def full(self) -> bool:
        return self.capacity is not None and self.boxes >= self.capacity


@dataclass(frozen=True)
class StoreroomInfo:
    id: int
    code: str
    name: str
    temp_min: float
    temp_max: float
    rh_min: float
    rh_max: float
    temp_swing: float
    rh_swing: float
    retired: bool


def shelf_code(storeroom: str, row: str, section: str, level: str, *, side: str = "", area: str = "") -> str:
    return "-".join(part for part in (storeroom, area, row, side, section, level) if part)


def ensure_storeroom(uow: UnitOfWork, code: str) -> Storeroom:
    """The storeroom ``code``, made (with the paper-stack climate limits) when it does not exist yet."""
    room = uow.session.scalar(select(Storeroom).where(Storeroom.code == code))
    if room is None:
        room = Storeroom(code=code, name="", notes="")
        uow.session.add(room)
        uow.session.flush()
        uow.audit("create", "storeroom", room.id, msg("audit.storeroom.created", code=code), after={"code": code})
    return room


def add_shelving(
    db: Database,
    storeroom: str,
    *,
    rows: int,
    sections: int,
    levels: int,
    sides: Sequence[str] = (),
    capacity: int | None = None,
    first_row: int | None = None,
    area: str = "",
    uow: UnitOfWork | None = None,
) -> ShelvingAdded:
    """A whole shelving unit: ``rows`` × ``sides`` × ``sections`` × ``levels`` shelves in ``storeroom``.

    Rows are numbered on from the storeroom's last row unless ``first_row`` is given; an address
    that exists already refuses the whole unit.
    """
    storeroom = storeroom.strip().upper()
    if not storeroom:
        raise ValidationError("custody.storeroom", msg("custody.storeroom_required"))
    if min(rows, sections, levels) < 1:
        raise ValidationError("custody.row", msg("custody.dimensions"))
    if capacity is not None and capacity < 1:
        raise ValidationError("custody.capacity", msg("custody.capacity_positive"))
    faces = [s.strip().upper() for s in sides if s.strip()] or [""]
    with unit_of_work(db, uow) as work:
        ensure_storeroom(work, storeroom)
        if first_row is None:
            used = work.session.scalars(select(Location.row).where(Location.storeroom == storeroom)).all()
            first_row = max((int(r) for r in used if r.isdigit()), default=0) + 1
        new = []
        for row in range(first_row, first_row + rows):
            for face in faces:
                for section in range(1, sections + 1):
                    for level in range(1, levels + 1):
                        parts = dict(row=f"{row:02d}", side=face, section=str(section), shelf=str(level))
                        code = shelf_code(
                            storeroom, parts["row"], parts["section"], parts["shelf"], side=face, area=area
                        )
                        new.append(dict(code=code, storeroom=storeroom, area=area, description="", name="",
                                        capacity=capacity, **parts))  # fmt: skip
        codes = [n["code"] for n in new]
        taken = set()
        for start in range(0, len(codes), 500):
            taken.update(
                work.session.scalars(select(Location.code).where(Location.code.in_(codes[start : start + 500])))
            )
        if taken:
            raise NotAllowed(msg("custody.location_exists", code=sorted(taken)[0]))
        work.session.execute(Location.__table__.insert(), new)
        work.audit(
            "create", "location", None, msg("audit.location.shelving", count=len(new), storeroom=storeroom, first=codes[0], last=codes[-1]),
            after={"storeroom": storeroom, "rows": rows, "sections": sections, "levels": levels,
                   "sides": faces, "capacity": capacity, "first": codes[0], "last": codes[-1]},
        )  # fmt: skip
    return ShelvingAdded(storeroom, tuple(codes))


def _location(session, location_id: int) -> Location:  # noqa: ANN001
    location = session.get(Location, location_id)
    if location is None:
        raise NotFound("location", location_id)
    return location


def location_by_code(session, code: str) -> Location:  # noqa: ANN001
    location = session.scalar(select(Location).where(Location.code == code.strip()))
    if location is None:
        raise NotFound("location", code)
    return location


def rename_location(db: Database, location_id: int, name: str, *, uow: UnitOfWork | None = None) -> None:
    """Give a shelf a readable name (its address, the code on its label, never changes)."""
    with unit_of_work(db, uow) as work:
        location = _location(work.session, location_id)
        before = location.name
        location.name = name.strip()
        work.audit(
            "rename",
            "location",
            location.id,
            msg("audit.location.renamed", code=location.code, name=location.name),
            before={"name": before},
            after={"name": location.name},
        )


def rename_storeroom(db: Database, code: str, name: str, *, uow: UnitOfWork | None = None) -> None:
    """Give a storeroom a readable name (e.g. 一号库房); its code, in every shelf address, stays."""
    with unit_of_work(db, uow) as work:
        room = work.session.scalar(select(Storeroom).where(Storeroom.code == code.strip().upper()))
        if room is None:
            raise NotFound("custody.storeroom", code)
        before, room.name = room.name, name.strip()
        summary = msg("audit.storeroom.renamed", code=room.code, name=room.name)
        work.audit("rename", "storeroom", room.id, summary, before={"name": before}, after={"name": room.name})


def set_capacity(db: Database, location_id: int, capacity: int | None, *, uow: UnitOfWork | None = None) -> None:
    if capacity is not None and capacity < 1:
        raise ValidationError("custody.capacity", msg("custody.capacity_positive"))
    with unit_of_work(db, uow) as work:
        location = _location(work.session, location_id)
        before = location.capacity
        location.capacity = capacity
        work.audit(
            "update",
            "location",
            location.id,
            msg("audit.location.capacity", code=location.code, capacity=capacity)
            if capacity is not None
            else msg("audit.location.capacity_cleared", code=location.code),
            before={"capacity": before},
            after={"capacity": capacity},
        )


def retire_location(db: Database, location_id: int, *, uow: UnitOfWork | None = None) -> None:
    """Take a shelf out of use. It must be empty; it stays in the ledger and on old forms."""
    with unit_of_work(db, uow) as work:
        location = _location(work.session, location_id)
        boxes = work.session.scalar(select(func.count()).select_from(Box).where(Box.location_id == location.id)) or 0
        if boxes:
            raise NotAllowed(msg("custody.location_not_empty", code=location.code, boxes=boxes))
        location.retired_at = utcnow()
        work.audit("retire", "location", location.id, msg("audit.location.retired", code=location.code))


def delete_location(db: Database, location_id: int, *, uow: UnitOfWork | None = None) -> None:
    """Remove a shelf made by mistake; one that ever held a box can only be retired."""
    with unit_of_work(db, uow) as work:
        location = _location(work.session, location_id)
        used = work.session.scalar(
            select(
                exists().where(Box.location_id == location.id)
                | exists().where(or_(Movement.from_location_id == location.id, Movement.to_location_id == location.id))
            )
        )
        if used:
            raise NotAllowed(msg("custody.location_was_used", code=location.code))
        work.audit(
            "delete",
            "location",
            location.id,
            msg("audit.location.deleted", code=location.code),
            before={"code": location.code},
        )
        work.session.delete(location)


def set_climate_limits(
    db: Database,
    storeroom: str,
    *,
    temperature: tuple[float, float] | None = None,
    humidity: tuple[float, float] | None = None,
    temp_swing: float | None = None,
    rh_swing: float | None = None,
    uow: UnitOfWork | None = None,
) -> None:
    """A storeroom's limits (defaults for paper: 14–24 ℃, 45–60 % RH, swing ±2 ℃ / ±5 % RH)."""
    for pair, field in ((temperature, "custody.temperature"), (humidity, "custody.humidity")):
        if pair is not None and pair[0] >= pair[1]:
            raise ValidationError(field, msg("custody.limits_order"))
    with unit_of_work(db, uow) as work:
        room = ensure_storeroom(work, storeroom.strip().upper())
        before = storeroom_info(room).__dict__
        if temperature is not None:
            room.temp_min, room.temp_max = temperature
        if humidity is not None:
            room.rh_min, room.rh_max = humidity
        if temp_swing is not None:
            room.temp_swing = temp_swing
        if rh_swing is not None:
            room.rh_swing = rh_swing
        after = storeroom_info(room).__dict__
        limits = {
            k: f"{float(after[k]):g}" for k in ("temp_min", "temp_max", "rh_min", "rh_max", "temp_swing", "rh_swing")
        }
        work.audit("update", "storeroom", room.id, msg("audit.storeroom.limits", code=room.code, **limits),
                   before=before, after=after)  # fmt: skip


def storeroom_info(room: Storeroom) -> StoreroomInfo:
    return StoreroomInfo(
        room.id, room.code, room.name or "", room.temp_min, room.temp_max, room.rh_min, room.rh_max,
        room.temp_swing, room.rh_swing, room.retired_at is not None,
    )  # fmt: skip


def list_storerooms(db: Database) -> list[StoreroomInfo]:
    with db.reading() as session:
        return [storeroom_info(r) for r in session.scalars(select(Storeroom).order_by(Storeroom.code))]


def location_tree(
    db: Database, *, prefix: str = "", include_retired: bool = False, with_records: bool = True
) -> list[ShelfNode]:
    """Every shelf (in address order) with its box count, for the tree: one grouped count, one scan.

    ``with_records`` adds each shelf's record count (the dock asks for it after the tree is shown,
    with :func:`shelf_record_counts`).
    """
    with db.reading() as session:
        # A count per shelf on the box index (no grouped scan of every box), so a prefix costs its shelves only.
        boxes = select(func.count()).where(Box.location_id == Location.id).correlate(Location).scalar_subquery()
        # In ShelfNode's field order, each node made from its row's tuple (no mapping per row).
        columns = [
            Location.id, Location.code, Location.storeroom, Location.area, Location.row, Location.side,
            Location.section, Location.shelf, Location.name, Location.capacity, boxes,
            Location.retired_at.is_not(None),
        ]  # fmt: skip
        statement = select(*columns).order_by(Location.code)
        if prefix:
            statement = statement.where(Location.code.startswith(prefix.strip(), autoescape=True))
        if not include_retired:
            statement = statement.where(Location.retired_at.is_(None))
        held = box_counts.shelf_record_counts(session) if with_records else {}
        return [ShelfNode(*row, held.get(row[0], 0)) for row in session.connection().execute(statement)]


def shelf_record_counts(db: Database) -> dict[int, int]:
    """Records held per shelf id (shelves without any are left out): the sum of the kept box counts
    (``box_counts``), not a join over the records."""
    with db.reading() as session:
        return box_counts.shelf_record_counts(session)

"""Boxes (档案盒): put records in a box, move boxes between shelves, every change of place in the ledger.

DA/T 22-2015 box rule: a box never mixes items of different 年度, 机构(问题) or 保管期限; ArchDesk
also keeps one 全宗 and one 门类 to a box, since box numbers restart per category. A refusal names
the attribute and the two values that would mix. Only accepted records (在档, 出借) go into boxes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select, update

from archdesk.messages import Message, msg, term
from archdesk.models import Box, Category, Department, Fonds, Location, Record, RetentionPeriod
from archdesk.models.base import utcnow
from archdesk.services.custody.locations import location_by_code
from archdesk.services.database import Database
from archdesk.services.errors import NotAllowed, NotFound, ValidationError
from archdesk.services.ledger import MovementRow, write_movements
from archdesk.services.uow import UnitOfWork, unit_of_work
from archdesk.statuses import MovementDirection, RecordStatus

SPINE_WIDTHS = (20, 30, 35, 40, 50, 55, 75)
#: Sheets of A4 a box takes per millimetre of spine (80 g paper is about 0.1 mm a sheet).
PAGES_PER_MM = 10
BOXABLE = (RecordStatus.IN_CUSTODY, RecordStatus.ON_LOAN)
_GROUPING = ("fonds_id", "category_id", "year", "retention_id", "department_id")
_CHUNK = 500
#: A ledger row of a record taken from one box into another notes the box it left ("← CODE"): the
#: 备考表 of that box lists it among the items removed since boxing.
FROM_BOX = "← "


@dataclass(frozen=True)
class PutResult:
    box_id: int
    box_code: str
    records: int
    warnings: tuple[Message, ...] = ()


@dataclass(frozen=True)
class MoveResult:
    boxes: int
    location_code: str
    warnings: tuple[Message, ...] = ()


def _chunks(ids: Sequence[int]) -> list[Sequence[int]]:
    return [ids[i : i + _CHUNK] for i in range(0, len(ids), _CHUNK)]


def _names(session, field: str, ids: set) -> dict:  # noqa: ANN001
    model, column = {
        "fonds_id": (Fonds, Fonds.code), "category_id": (Category, Category.code),
        "retention_id": (RetentionPeriod, RetentionPeriod.code), "department_id": (Department, Department.code),
    }[field]  # fmt: skip
    names = dict(session.execute(select(model.id, column).where(model.id.in_([i for i in ids if i is not None]))).all())
    return {i: names.get(i, "—") if i is not None else "—" for i in ids}


def _shown(session, field: str, values: list) -> list:  # noqa: ANN001
    if field == "year":
        return values
    names = _names(session, field, set(values))
    return [names[v] for v in values]


def check_box_rule(session, records: Sequence[Record], box: Box | None = None) -> None:  # noqa: ANN001
    """Refuse records that would mix a box, or do not match the box they go into."""
    for record in records:
        if record.status not in BOXABLE:
            raise NotAllowed(
                msg(
                    "custody.record_not_boxable",
                    reference_code=record.reference_code,
                    status=term(f"status.{record.status}"),
                )
            )
    what_of = {f: term(f"custody.{f.removesuffix('_id')}") for f in _GROUPING}
    for field in _GROUPING:
        values = list(dict.fromkeys(getattr(r, field) for r in records))
        if len(values) > 1:
            first, second = _shown(session, field, values[:2])
            raise NotAllowed(msg("custody.box_mixes", what=what_of[field], first=first, second=second))
        if box is not None and values and getattr(box, field) != values[0]:
            other = next(r for r in records if getattr(r, field) == values[0])
            value, theirs = _shown(session, field, [getattr(box, field), values[0]])
            raise NotAllowed(
                msg("custody.box_differs", box=box.code, what=what_of[field], value=value, other=theirs,
                    reference_code=other.reference_code)
            )  # fmt: skip


def _check_barcode(session, barcode: str, box_id: int | None = None) -> None:  # noqa: ANN001
    holder = session.scalar(
        select(Box.code).where((Box.barcode == barcode) | (Box.code == barcode), Box.id != (box_id or 0))
    )
    if holder is not None:
        raise NotAllowed(msg("custody.barcode_taken", barcode=barcode, box=holder))


def _new_box(session, first: Record, barcode: str | None, spine_mm: int) -> Box:  # noqa: ANN001
    key = {f: getattr(first, f) for f in _GROUPING}
    number = (
        session.scalar(select(func.max(Box.box_number)).where(*[getattr(Box, f).is_(v) if v is None else getattr(Box, f) == v for f, v in key.items()]))
        or 0
    ) + 1  # fmt: skip
    code = f"{first.reference_code.rsplit('-', 1)[0]}-H{number:03d}"
    if session.scalar(select(Box.id).where(Box.code == code)) is not None:
        raise NotAllowed(msg("custody.box_code_taken", box=code))
    barcode = (barcode or "").strip() or code.replace("·", ".")  # Code128 encodes ASCII only
    _check_barcode(session, barcode)
    box = Box(code=code, barcode=barcode, box_number=number, spine_mm=spine_mm, notes="", arranged_by="",
              checked_by="", boxed_at=utcnow(), arranged_on=utcnow().date(), **key)  # fmt: skip
    session.add(box)
    session.flush()
    return box


def box_by_code(session, code: str) -> Box:  # noqa: ANN001
    code = code.strip()
    box = session.scalar(select(Box).where((Box.barcode == code) | (Box.code == code)))
    if box is None:
        raise NotFound("box", code)
    return box


def put_in_box(
    db: Database,
    record_ids: Sequence[int],
    *,
    box_id: int | None = None,
    box_code: str | None = None,
    new: bool = False,
    barcode: str | None = None,
    spine_mm: int = 30,
    order: str = "reference_code",
    uow: UnitOfWork | None = None,
) -> PutResult:
    """Put ``record_ids`` in a box (an existing one by id or code, or a ``new`` one), in one unit of work.

    ``order`` "reference_code" boxes them in 档号 order; "given" keeps the order chosen. Each record
    that changes box gets a ledger row (boxed), with the shelves it left and reached.
    """
    if not record_ids:
        raise ValidationError("record", msg("custody.no_records"))
    if spine_mm not in SPINE_WIDTHS:
        raise ValidationError("custody.spine_mm", msg("custody.spine_width", widths="/".join(map(str, SPINE_WIDTHS))))
    with unit_of_work(db, uow) as work:
        session = work.session
        records: list[Record] = []
        for chunk in _chunks(list(dict.fromkeys(record_ids))):
            records.extend(session.scalars(select(Record).where(Record.id.in_(chunk))))
        found = {r.id for r in records}
        missing = next((i for i in record_ids if i not in found), None)
        if missing is not None:
            raise NotFound("record", missing)
        if order == "given":
            position = {rid: n for n, rid in enumerate(record_ids)}
            records.sort(key=lambda r: position[r.id])
        else:
            records.sort(key=lambda r: (r.item_number, r.reference_code))
        if new:
            box = None
        elif box_id is not None:
            box = session.get(Box, box_id)
            if box is None:
                raise NotFound("box", box_id)
        elif box_code:
            box = box_by_code(session, box_code)
        else:
            raise ValidationError("box", msg("custody.no_boxes"))
        check_box_rule(session, records, box)
        if box is None:
            box = _new_box(session, records[0], barcode, spine_mm)
        old_boxes = {r.box_id for r in records if r.box_id not in (None, box.id)}
        places, old_codes = {}, {}
        if old_boxes:
            for old_id, old_location, old_code in session.execute(
                select(Box.id, Box.location_id, Box.code).where(Box.id.in_(old_boxes))
            ):
                places[old_id], old_codes[old_id] = old_location, old_code
        moving = [r for r in records if r.box_id != box.id]
        for chunk in _chunks([r.id for r in moving]):
            session.execute(
                update(Record).where(Record.id.in_(chunk)).values(box_id=box.id),
                execution_options={"synchronize_session": False},
            )
        write_movements(work, [
            MovementRow(MovementDirection.RELOCATE if r.box_id else MovementDirection.IN, record_id=r.id, box_id=box.id,
                        from_location_id=places.get(r.box_id), to_location_id=box.location_id, reason="boxed",
                        notes=f"{FROM_BOX}{old_codes[r.box_id]}" if r.box_id in old_codes else "")
            for r in moving
        ])  # fmt: skip
        if box.boxed_at is None:
            box.boxed_at = utcnow()
        work.audit(
            "box", "box", box.id, msg("audit.box.put", count=len(moving), box=box.code),
            after={"records": [r.id for r in moving], "order": order},
        )  # fmt: skip
        warnings = _box_warnings(session, box)
        return PutResult(box.id, box.code, len(moving), warnings)


def _box_warnings(session, box: Box) -> tuple[Message, ...]:  # noqa: ANN001
    pages = session.scalar(select(func.coalesce(func.sum(Record.pages), 0)).where(Record.box_id == box.id)) or 0
    limit = box.spine_mm * PAGES_PER_MM
    return (
        (msg("custody.box_overfull", box=box.code, pages=pages, spine=box.spine_mm, limit=limit),)
        if pages > limit
        else ()
    )


def move_boxes(
    db: Database,
    box_ids: Sequence[int],
    to_location: int | str,
    *,
    force: bool = False,
    uow: UnitOfWork | None = None,
) -> MoveResult:
    """Move boxes to one shelf (by id or code) in one unit of work: one ledger row per box.

    A retired location or a location that is not a shelf refuses; a shelf without room for them all
    refuses unless ``force`` (the user confirmed). A shelf over 90 % full comes back as a warning.
    """
    if not box_ids:
        raise ValidationError("box", msg("custody.no_boxes"))
    with unit_of_work(db, uow) as work:
        session = work.session
        if isinstance(to_location, str):
            target = location_by_code(session, to_location)
        else:
            target = session.get(Location, to_location)
            if target is None:
                raise NotFound("location", to_location)
        if target.retired_at is not None:
            raise NotAllowed(msg("custody.location_retired", code=target.code))
        ids = list(dict.fromkeys(box_ids))
        places: dict[int, int | None] = {}
        for chunk in _chunks(ids):
            places.update(session.execute(select(Box.id, Box.location_id).where(Box.id.in_(chunk))).all())
        missing = next((i for i in ids if i not in places), None)
        if missing is not None:
            raise NotFound("box", missing)
        moving = [i for i in ids if places[i] != target.id]
        held = session.scalar(select(func.count()).select_from(Box).where(Box.location_id == target.id)) or 0
        if target.capacity is not None and held + len(moving) > target.capacity and not force:
            raise NotAllowed(
                msg("custody.shelf_full", code=target.code, boxes=held, capacity=target.capacity, adding=len(moving))
            )
        for chunk in _chunks(moving):
            session.execute(
                update(Box).where(Box.id.in_(chunk)).values(location_id=target.id),
                execution_options={"synchronize_session": False},
            )
        write_movements(work, [
            MovementRow(MovementDirection.RELOCATE if places[i] else MovementDirection.IN, box_id=i,
                        from_location_id=places[i], to_location_id=target.id,
                        reason="moved" if places[i] else "shelved")
            for i in moving
        ])  # fmt: skip
        work.audit(
            "move",
            "box",
            None,
            msg("audit.box.moved", count=len(moving), location=target.code),
            after={"boxes": moving, "to": target.code},
        )
        warnings: tuple[Message, ...] = ()
        if target.capacity:
            percent = round(100 * (held + len(moving)) / target.capacity)
            if percent >= 90:
                warnings = (msg("custody.shelf_nearly_full", code=target.code, percent=percent),)
        return MoveResult(len(moving), target.code, warnings)


def set_barcode(db: Database, box_id: int, barcode: str, *, uow: UnitOfWork | None = None) -> None:
    """Give a box the code on its label; a code another box (or box code) has is refused, naming that box."""
    barcode = barcode.strip()
    if not barcode:
        raise ValidationError("custody.barcode", msg("custody.no_boxes"))
    with unit_of_work(db, uow) as work:
        box = work.session.get(Box, box_id)
        if box is None:
            raise NotFound("box", box_id)
        _check_barcode(work.session, barcode, box.id)
        before, box.barcode = box.barcode, barcode
        summary = msg("audit.box.barcode", box=box.code, barcode=barcode)
        work.audit("update", "box", box.id, summary, before={"barcode": before}, after={"barcode": barcode})


def box_ids_by_code(db: Database, codes: Sequence[str]) -> list[int]:
    """The ids of boxes named by code or barcode, in the given order (NotFound names the first unknown)."""
    with db.reading() as session:
        return [box_by_code(session, code).id for code in codes]


def set_box_note(
    db: Database,
    box_id: int,
    *,
    notes: str,
    arranged_by: str = "",
    arranged_on: date | None = None,
    checked_by: str = "",
    checked_on: date | None = None,
    uow: UnitOfWork | None = None,
) -> None:
    """The 备考表 of a box as the archivist wrote it: 情况说明, 整理人/日期, 检查人/日期."""
    with unit_of_work(db, uow) as work:
        box = work.session.get(Box, box_id)
        if box is None:
            raise NotFound("box", box_id)
        fields = ("notes", "arranged_by", "arranged_on", "checked_by", "checked_on")
        before = {f: str(getattr(box, f) or "") for f in fields}
        box.notes, box.arranged_by, box.arranged_on = notes.strip(), arranged_by.strip(), arranged_on
        box.checked_by, box.checked_on = checked_by.strip(), checked_on
        work.audit("update", "box", box.id, msg("audit.box.note", box=box.code), before=before,
                   after={f: str(getattr(box, f) or "") for f in fields})  # fmt: skip


def box_note(db: Database, box_id: int, *, language: str = "zh_CN") -> tuple[str, dict]:
    """A box's code and its 备考表 values; an empty note comes pre-filled with what left the box."""
    from archdesk.services.reports.boxes import box_note_drafts

    with db.reading() as session:
        box = session.get(Box, box_id)
        if box is None:
            raise NotFound("box", box_id)
        note = dict(notes=box.notes, arranged_by=box.arranged_by, arranged_on=box.arranged_on,
                    checked_by=box.checked_by, checked_on=box.checked_on)  # fmt: skip
        code = box.code
    if not note["notes"]:
        note["notes"] = box_note_drafts(db, [box_id], language=language).get(box_id, "")
    return code, note

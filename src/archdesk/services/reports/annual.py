"""The archive room's annual statistics report (档案室基本情况统计年报) for one year.

Every figure comes from the archive where it is kept there (holdings, accessions, use, destruction,
transfers, digitised files, storerooms, box spines) and from what the archivist entered where it is
not (the storerooms' floor area on each storeroom, the staff on the fonds: ``set_annual_facts``).
``docs/annual-report.md`` says which line comes from where. Holdings are counted at the year's end
with the one definition of ``services/holdings.py``: a record accepted by 31 December and not
destroyed or transferred by then. Returned as a frozen dataclass; ``annual_report_document`` makes
it a table document that the PDF and Excel renderers print. Qt-free; portable SQL.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import func, select

from archdesk.messages import CHINESE, Message, msg, render
from archdesk.models import (
    Attachment,
    AuditEvent,
    Box,
    Category,
    DestructionList,
    DestructionListItem,
    Fonds,
    Record,
    RetentionPeriod,
    Storeroom,
)
from archdesk.services.database import Database
from archdesk.services.errors import ValidationError
from archdesk.services.holdings import HELD_STATUSES, unit_word
from archdesk.services.reports.document import Align, Column, Document, Field, Kind, Section
from archdesk.services.uow import UnitOfWork, unit_of_work
from archdesk.statuses import DestructionListStatus, RecordStatus

ARCHIVE, SETTINGS, MISSING, NOT_KEPT = "archive", "settings", "missing", "not_kept"


@dataclass(frozen=True)
class AnnualLine:
    """One line of the report: its words (a message), unit, figure (None = not known) and source."""

    key: str  # a stable name, e.g. "received_items", "category_items:ZP" (tests and the docs use it)
    text: Message
    unit: Message | str
    value: int | float | None
    source: str
    group: str = ""


@dataclass(frozen=True)
class AnnualReport:
    year: int
    fonds_code: str
    fonds_name: str
    lines: tuple[AnnualLine, ...]
    computed_on: date = field(default_factory=date.today)

    def value(self, key: str) -> int | float | None:
        return next(line.value for line in self.lines if line.key == key)


def _year_bounds(year: int) -> tuple[datetime, datetime]:
    if not 1000 <= year <= 9999:
        raise ValidationError("year", msg("annual.bad_year", year=year))
    return datetime(year, 1, 1), datetime(year + 1, 1, 1)


def left_on(session, record_ids: list[int] | None = None) -> dict[int, tuple[str, date]]:  # noqa: ANN001
    """record id → (destroyed|transferred, the day it left): executed destruction lists, and the last
    status change to 移出 in the audit log (the record's last change when the log has none)."""
    left: dict[int, tuple[str, date]] = {}
    destroyed = session.execute(
        select(DestructionListItem.record_id, DestructionList.executed_on)
        .join(DestructionList, DestructionList.id == DestructionListItem.destruction_list_id)
        .join(Record, Record.id == DestructionListItem.record_id)
        .where(DestructionList.status == DestructionListStatus.EXECUTED.value,
               Record.status == RecordStatus.DESTROYED.value)
    )  # fmt: skip
    for record_id, executed_on in destroyed:
        if executed_on is not None:
            left[record_id] = (RecordStatus.DESTROYED.value, executed_on)
    moved = dict(
        session.execute(
            select(Record.id, Record.updated_at).where(Record.status == RecordStatus.TRANSFERRED.value)
        ).all()
    )
    if moved:
        events = session.execute(
            select(AuditEvent.entity_id, AuditEvent.occurred_at, AuditEvent.after)
            .where(AuditEvent.entity == "record", AuditEvent.action == "status", AuditEvent.entity_id.in_(moved))
            .order_by(AuditEvent.id)
        )
        for record_id, occurred_at, after in events:
            if (after or {}).get("status") == RecordStatus.TRANSFERRED.value:
                moved[record_id] = occurred_at  # the last one wins: a record brought back and moved out again
        for record_id, when in moved.items():
            day = when.date() if isinstance(when, datetime) else when
            left[record_id] = (RecordStatus.TRANSFERRED.value, day or date.today())
    return left


def annual_report(db: Database, year: int) -> AnnualReport:
    """The report of ``year`` from the archive as it is now. Read-only, any thread."""
    start, end = _year_bounds(year)
    held = tuple(str(s) for s in HELD_STATUSES)
    lines: list[AnnualLine] = []

    def add(group: str, key: str, text: Message, unit: Message | str, value: int | float | None, source: str) -> None:
        lines.append(AnnualLine(key, text, unit, value, source, group))

    with db.reading() as session:
        fonds = session.execute(
            select(Fonds.code, Fonds.name, Fonds.staff_full_time, Fonds.staff_part_time).order_by(Fonds.id).limit(1)
        ).first()
        code, name, full_time, part_time = fonds if fonds else ("", "", None, None)
        left = left_on(session)
        # Held at the year's end: accepted by then, and held now or gone only after the year.
        gone_later = [rid for rid, (_how, day) in left.items() if day >= end.date()]
        accepted_by_end = Record.accepted_at.is_(None) | (Record.accepted_at < end)
        at_end = accepted_by_end & (Record.status.in_(held) | Record.id.in_(gone_later or [-1]))
        categories = session.execute(
            select(Category.code, Category.name, Category.name_en, Category.unit, Category.arrangement,
                   func.count(Record.id), func.count(func.distinct(Record.volume_id)))
            .join(Record, Record.category_id == Category.id)
            .where(at_end)
            .group_by(Category.id, Category.code, Category.name, Category.name_en, Category.unit,
                      Category.arrangement)
            .order_by(Category.code)
        ).all()  # fmt: skip
        retentions = session.execute(
            select(RetentionPeriod.code, RetentionPeriod.label, RetentionPeriod.label_en, func.count(Record.id),
                   func.count(func.distinct(Record.volume_id)))
            .join(Record, Record.retention_id == RetentionPeriod.id)
            .where(at_end)
            .group_by(RetentionPeriod.id, RetentionPeriod.code, RetentionPeriod.label, RetentionPeriod.label_en,
                      RetentionPeriod.sort_order)
            .order_by(RetentionPeriod.sort_order)
        ).all()  # fmt: skip
        fonds_held = session.scalar(select(func.count(func.distinct(Record.fonds_id))).where(at_end)) or 0
        spine_mm = session.scalar(
            select(func.coalesce(func.sum(Box.spine_mm), 0)).where(
                Box.id.in_(select(Record.box_id).where(Record.box_id.is_not(None), Record.status.in_(held)))
            )
        )
        received = session.execute(
            select(func.count(Record.id), func.count(func.distinct(Record.volume_id))).where(
                Record.accepted_at >= start, Record.accepted_at < end, Record.status != RecordStatus.PENDING.value
            )
        ).one()
        left_this_year = {rid: how for rid, (how, day) in left.items() if start.date() <= day < end.date()}
        volume_of = dict(
            session.execute(select(Record.id, Record.volume_id).where(Record.id.in_(left_this_year or [-1]))).all()
        )
        digitised = session.execute(
            select(func.count(func.distinct(Attachment.record_id)), func.coalesce(func.sum(Attachment.page_count), 0))
            .join(Record, Record.id == Attachment.record_id)
            .where(Record.status.in_(held))
        ).one()
        digitised_year = session.execute(
            select(func.count(func.distinct(Attachment.record_id)), func.coalesce(func.sum(Attachment.page_count), 0))
            .join(Record, Record.id == Attachment.record_id)
            .where(Record.status.in_(held), Attachment.added_at >= start, Attachment.added_at < end)
        ).one()
        rooms = session.execute(
            select(Storeroom.code, Storeroom.name, Storeroom.area_m2)
            .where(Storeroom.retired_at.is_(None))
            .order_by(Storeroom.code)
        ).all()
    from archdesk.services.reports.use_statistics import use_statistics

    use = use_statistics(db, since=start.date(), until=date(year, 12, 31))

    def entered(value: int | float | None) -> str:
        return SETTINGS if value is not None else MISSING

    add("basic", "staff_full_time", msg("annual.staff_full_time"), msg("annual.unit.person"), full_time,
        entered(full_time))  # fmt: skip
    add("basic", "staff_part_time", msg("annual.staff_part_time"), msg("annual.unit.person"), part_time,
        entered(part_time))  # fmt: skip
    add("holdings", "fonds", msg("annual.fonds"), msg("annual.unit.fonds"), int(fonds_held), ARCHIVE)
    total_volumes = sum(int(v) for *_c, arrangement, _n, v in categories if arrangement == "volume")
    add("holdings", "holdings_volumes", msg("annual.holdings_volumes"), "卷", total_volumes, ARCHIVE)
    # Each unit is totalled on its own: photographs (张) and recordings (盘) are not 件.
    by_unit: dict[str, int] = {}
    for _c, _n, _e, unit, _a, items, _v in categories:
        by_unit[unit or "件"] = by_unit.get(unit or "件", 0) + int(items)
    add("holdings", "holdings_items", msg("annual.holdings_items"), "件", by_unit.pop("件", 0), ARCHIVE)
    for unit, items in sorted(by_unit.items()):
        add("holdings", f"holdings_unit:{unit}", msg("annual.holdings_in_unit", unit=unit), unit, items, ARCHIVE)
    for category, category_name, name_en, unit, arrangement, items, volumes in categories:
        shown = msg("annual.name", zh=f"{category} {category_name}", en=f"{category} {name_en or category_name}")
        if arrangement == "volume":
            add("holdings", f"category_volumes:{category}", msg("annual.category_volumes", category=shown), "卷",
                int(volumes), ARCHIVE)  # fmt: skip
        add("holdings", f"category_items:{category}", msg("annual.category_items", category=shown), unit or "件",
            int(items), ARCHIVE)  # fmt: skip
    add("holdings", "shelf_length", msg("annual.shelf_length"), msg("annual.unit.metre"),
        round(float(spine_mm or 0) / 1000, 2), ARCHIVE)  # fmt: skip
    units = sorted({unit or "件" for _c, _n, _e, unit, *_rest in categories}, key=lambda u: u != "件")
    mixed = "/".join(units) if units else "件"  # by period every record counts once, whatever its unit
    for retention, retention_name, retention_en, items, _volumes in retentions:
        shown = msg("annual.name", zh=retention_name, en=retention_en or retention_name)
        add("retention", f"retention_items:{retention}", msg("annual.retention_items", retention=shown),
            mixed, int(items), ARCHIVE)  # fmt: skip
    add("changes", "received_items", msg("annual.received"), "件", int(received[0]), ARCHIVE)
    add("changes", "received_volumes", msg("annual.received"), "卷", int(received[1]), ARCHIVE)
    for how in (RecordStatus.DESTROYED.value, RecordStatus.TRANSFERRED.value):
        ids = [rid for rid, left_how in left_this_year.items() if left_how == how]
        volumes = {volume_of[rid] for rid in ids if volume_of.get(rid) is not None}
        add("changes", f"{how}_items", msg(f"annual.{how}"), "件", len(ids), ARCHIVE)
        add("changes", f"{how}_volumes", msg(f"annual.{how}"), "卷", len(volumes), ARCHIVE)
    add("use", "use_persons", msg("annual.use_persons"), msg("annual.unit.visit"), use.persons, ARCHIVE)
    add("use", "use_items", msg("annual.use_items"), msg("annual.unit.use"), use.items, ARCHIVE)
    add("digitised", "digitised_records", msg("annual.digitised_records"), "件", int(digitised[0]), ARCHIVE)
    add("digitised", "digitised_pages", msg("annual.digitised_pages"), msg("annual.unit.page"), int(digitised[1]),
        ARCHIVE)  # fmt: skip
    add("digitised", "digitised_year_records", msg("annual.digitised_year_records"), "件", int(digitised_year[0]),
        ARCHIVE)  # fmt: skip
    add("digitised", "digitised_year_pages", msg("annual.digitised_year_pages"), msg("annual.unit.page"),
        int(digitised_year[1]), ARCHIVE)  # fmt: skip
    add("storerooms", "storerooms", msg("annual.storerooms"), msg("annual.unit.room"), len(rooms), ARCHIVE)
    areas = [area for _c, _n, area in rooms if area is not None]
    total_area = round(sum(areas), 2) if areas and len(areas) == len(rooms) else None
    add("storerooms", "storeroom_area", msg("annual.storeroom_area"), msg("annual.unit.m2"), total_area,
        SETTINGS if total_area is not None else MISSING)  # fmt: skip
    for room_code, room_name, area in rooms:
        room = f"{room_code} {room_name}".strip()
        add("storerooms", f"room_area:{room_code}", msg("annual.room_area", room=room), msg("annual.unit.m2"), area,
            entered(area))  # fmt: skip
    return AnnualReport(year, code, name, tuple(lines))


_GROUPS = ("basic", "holdings", "retention", "changes", "use", "digitised", "storerooms")


def annual_report_document(report: AnnualReport, language: str = CHINESE) -> Document:
    """The report as one table: a heading row per group, then 序号, 指标, 单位, 数量, 来源."""
    columns = (
        Column(render(msg("annual.column.seq"), language), 10, Align.CENTER, kind=Kind.NUMBER),
        Column(render(msg("annual.column.indicator"), language), 70, wrap=True),
        Column(render(msg("annual.column.unit"), language), 18, Align.CENTER),
        Column(render(msg("annual.column.value"), language), 22, Align.RIGHT, kind=Kind.NUMBER),
        Column(render(msg("annual.column.source"), language), 22, Align.CENTER),
    )
    rows: list[tuple] = []
    number = 0
    for group in _GROUPS:
        lines = [line for line in report.lines if line.group == group]
        if not lines:
            continue
        rows.append((None, render(msg(f"annual.group.{group}"), language), "", None, ""))
        for line in lines:
            number += 1
            unit = render(line.unit, language) if isinstance(line.unit, Message) else unit_word(line.unit, language)
            text = line.text
            if line.key.startswith("holdings_unit:"):  # the unit in the words of the language printed
                text = msg("annual.holdings_in_unit", unit=unit_word(line.key.partition(":")[2], language))
            rows.append((number, render(text, language), unit, line.value,
                         render(msg(f"annual.source.{line.source}"), language)))  # fmt: skip
    as_of = date(report.year, 12, 31)
    fields = (
        Field(render(msg("annual.field.fonds"), language), f"{report.fonds_code} {report.fonds_name}".strip()),
        Field(render(msg("annual.field.as_of"), language), as_of.isoformat()),
    )
    return Document(
        title=render(msg("annual.title", year=report.year), language),
        columns=columns,
        sections=(Section(rows=rows, count=len(rows)),),
        organisation=report.fonds_name,
        printed_on=report.computed_on,
        fields=fields,
        footer_notes=(render(msg("annual.note.holdings"), language), render(msg("annual.note.units"), language)),
        signatures=_signatures(language),
        language=language,
        sheet_name=render(msg("annual.sheet", year=report.year), language),
    )


def _signatures(language: str) -> tuple[str, ...]:
    from archdesk.services.reports.labels import label

    return (label("compiled_by", language), label("checked_by", language), label("sign_date", language))


def set_annual_facts(
    db: Database,
    *,
    staff_full_time: int | None = None,
    staff_part_time: int | None = None,
    storeroom_areas: dict[str, float | None] | None = None,
    uow: UnitOfWork | None = None,
) -> None:
    """Save what the report needs and the archive keeps nowhere else: the archive room's staff (on the
    first fonds) and each storeroom's floor area (m²). None clears a figure. One unit of work, audited."""
    for what, value in (("staff_full_time", staff_full_time), ("staff_part_time", staff_part_time)):
        if value is not None and (not isinstance(value, int) or value < 0):
            raise ValidationError(what, msg("annual.bad_number", field=what))
    with unit_of_work(db, uow) as work:
        fonds = work.session.scalars(select(Fonds).order_by(Fonds.id).limit(1)).first()
        if fonds is not None:
            before = {"staff_full_time": fonds.staff_full_time, "staff_part_time": fonds.staff_part_time}
            fonds.staff_full_time, fonds.staff_part_time = staff_full_time, staff_part_time
            after = {"staff_full_time": staff_full_time, "staff_part_time": staff_part_time}
            if before != after:
                work.audit("update", "fonds", fonds.id, msg("audit.holdings.staff", fonds=fonds.code),
                           before=before, after=after)  # fmt: skip
        for room_code, area in (storeroom_areas or {}).items():
            if area is not None and area < 0:
                raise ValidationError("area_m2", msg("annual.bad_number", field=room_code))
            from archdesk.services.errors import NotFound

            room = work.session.scalar(select(Storeroom).where(Storeroom.code == room_code))
            if room is None:
                raise NotFound("storeroom", room_code)
            if room.area_m2 != area:
                work.audit("update", "storeroom", room.id, msg("audit.holdings.area", storeroom=room_code),
                           before={"area_m2": room.area_m2}, after={"area_m2": area})  # fmt: skip
                room.area_m2 = area


def annual_facts(db: Database) -> tuple[int | None, int | None, dict[str, float | None]]:
    """(full-time staff, part-time staff, storeroom code → area) as entered."""
    with db.reading() as session:
        fonds = session.execute(
            select(Fonds.staff_full_time, Fonds.staff_part_time).order_by(Fonds.id).limit(1)
        ).first()
        rooms = dict(
            session.execute(
                select(Storeroom.code, Storeroom.area_m2).where(Storeroom.retired_at.is_(None)).order_by(Storeroom.code)
            ).all()
        )
    full_time, part_time = fonds if fonds else (None, None)
    return full_time, part_time, rooms

"""Climate log (温湿度记录) per storeroom: readings typed or imported from a data logger's CSV, the
storeroom's limits (paper: 14–24 ℃, 45–60 % RH, JGJ 25-2010 §5.2.1), the daily swing (at most ±2 ℃
and ±5 % RH around the day's mean, §5.2.3), days without a reading, and the inspection log.
"""

from __future__ import annotations

import csv
import io
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from archdesk.messages import msg, render, term
from archdesk.models import ClimateReading, Inspection, Storeroom
from archdesk.services.custody.locations import ensure_storeroom
from archdesk.services.database import Database
from archdesk.services.errors import NotFound, ValidationError
from archdesk.services.uow import UnitOfWork, unit_of_work
from archdesk.statuses import InspectionKind

#: Headings a logger or a hand-kept sheet uses, after lower-casing and dropping units in brackets.
_HEADINGS = {
    "time": ("time", "datetime", "date time", "timestamp", "date", "时间", "日期时间", "测量时间", "记录时间", "日期"),
    "temperature": ("temperature", "temp", "t", "温度"),
    "humidity": ("humidity", "rh", "relative humidity", "湿度", "相对湿度"),
}
_UNITS = re.compile(r"[（(\[].*?[）)\]]|℃|°c|%|％")
_TIME_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y/%m/%d %H:%M:%S", "%Y/%m/%d %H:%M", "%Y-%m-%dT%H:%M:%S",
                 "%Y-%m-%dT%H:%M", "%Y年%m月%d日 %H:%M", "%Y.%m.%d %H:%M")  # fmt: skip


@dataclass(frozen=True)
class Reading:
    measured_at: datetime
    temperature: float
    humidity: float


@dataclass(frozen=True)
class ClimateAlert:
    """One problem: ``kind`` is too_warm, too_cold, too_humid, too_dry, temp_swing, rh_swing or no_reading."""

    storeroom: str
    day: date
    kind: str
    value: float | None = None
    limit: float | None = None
    measured_at: datetime | None = None

    def text(self, language: str) -> str:
        return render(term(f"custody.{self.kind}"), language)

    def as_json(self, language: str = "en") -> dict:
        return {
            "storeroom": self.storeroom, "day": self.day.isoformat(), "kind": self.kind, "text": self.text(language),
            "value": self.value, "limit": self.limit,
            "measured_at": self.measured_at.isoformat(sep=" ") if self.measured_at else None,
        }  # fmt: skip


def _room(session, code: str) -> Storeroom:  # noqa: ANN001
    room = session.scalar(select(Storeroom).where(Storeroom.code == code.strip().upper()))
    if room is None:
        raise NotFound("custody.storeroom", code)
    return room


def _store(work: UnitOfWork, room: Storeroom, readings: list[Reading], *, source: str, recorded_by: str) -> int:
    """Insert readings; one already logged at the same time is kept as it was (a re-imported file adds nothing)."""
    rows = [
        dict(storeroom_id=room.id, measured_at=r.measured_at, temperature=r.temperature, humidity=r.humidity,
             recorded_by=recorded_by, source=source, action_taken="")
        for r in readings
    ]  # fmt: skip
    if not rows:
        return 0
    table = ClimateReading.__table__
    if work.session.get_bind().dialect.name == "sqlite":
        statement = sqlite_insert(table).on_conflict_do_nothing(index_elements=["storeroom_id", "measured_at"])
    else:
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        statement = pg_insert(table).on_conflict_do_nothing(index_elements=["storeroom_id", "measured_at"])
    # Counted from RETURNING: the driver's rowcount of a many-row insert is not the rows added on
    # PostgreSQL (psycopg reports the last batch, or -1), and a skipped duplicate returns nothing.
    added = len(work.session.execute(statement.returning(table.c.id), rows).all())
    work.audit(
        "import",
        "climate_reading",
        None,
        msg("audit.climate.imported", count=added, storeroom=room.code),
        after={"source": source, "rows": len(rows)},
    )
    return added


def _check_humidity(value: float, *, row: int | None = None, source: str | None = None) -> None:
    if not 0 <= value <= 100:
        raise ValidationError("custody.humidity", msg("custody.climate_humidity_range"), row=row, source=source)


def add_reading(
    db: Database, storeroom: str, measured_at: datetime, temperature: float, humidity: float, *,
    action_taken: str = "", uow: UnitOfWork | None = None,
) -> None:  # fmt: skip
    """One reading typed by the archivist (a storeroom seen for the first time is made with paper limits)."""
    _check_humidity(humidity)
    with unit_of_work(db, uow) as work:
        room = ensure_storeroom(work, storeroom.strip().upper())
        work.session.add(
            ClimateReading(storeroom_id=room.id, measured_at=measured_at, temperature=temperature, humidity=humidity,
                           recorded_by=work.actor, source="typed", action_taken=action_taken)
        )  # fmt: skip
        work.audit(
            "create",
            "climate_reading",
            None,
            msg("audit.climate.typed", storeroom=room.code, time=f"{measured_at:%Y-%m-%d %H:%M}"),
        )


def parse_logger_csv(path: str | Path) -> list[Reading]:
    """Readings of a logger's CSV (UTF-8, UTF-8 with BOM or GB18030; comma, semicolon or tab).

    A bad cell refuses the file, naming the file, the row and the column.
    """
    path = Path(path)
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    head = text[:2048]
    delimiter = max((",", ";", "\t"), key=head.count)
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    source = path.name
    columns: dict[str, int] = {}
    header_row = -1
    for number, row in enumerate(rows[:10]):  # loggers write a few lines of their own first
        cleaned = [_UNITS.sub("", cell).strip().lower() for cell in row]
        columns = {key: cleaned.index(name) for key, names in _HEADINGS.items() for name in names if name in cleaned}
        if len(columns) == 3:
            header_row = number
            break
    if header_row < 0:
        found = ", ".join(rows[0]) if rows else ""
        raise ValidationError("file", msg("custody.climate_no_columns", source=source, found=found))
    readings = []
    for number, row in enumerate(rows[header_row + 1 :], header_row + 2):
        if not any(cell.strip() for cell in row):
            continue
        cells = {key: row[index].strip() if index < len(row) else "" for key, index in columns.items()}
        readings.append(Reading(
            _parse_time(cells["time"], row=number, source=source),
            _parse_number(cells["temperature"], "custody.temperature", row=number, source=source),
            _parse_number(cells["humidity"], "custody.humidity", row=number, source=source),
        ))  # fmt: skip
        _check_humidity(readings[-1].humidity, row=number, source=source)
    return readings


def _parse_time(value: str, *, row: int, source: str) -> datetime:
    for fmt in _TIME_FORMATS:
        try:
            return datetime.strptime(value, fmt)
        except ValueError:
            continue
    raise ValidationError("custody.measured_at", msg("custody.climate_bad_time", value=value), row=row, source=source)


def _parse_number(value: str, field: str, *, row: int, source: str) -> float:
    try:
        return float(_UNITS.sub("", value).replace("，", ".").strip())
    except ValueError:
        raise ValidationError(field, msg("custody.climate_bad_value", value=value), row=row, source=source) from None


def import_readings(db: Database, path: str | Path, storeroom: str, *, uow: UnitOfWork | None = None) -> int:
    """Import a logger's CSV into ``storeroom`` in one unit of work; returns the readings added."""
    readings = parse_logger_csv(path)
    with unit_of_work(db, uow) as work:
        room = _room(work.session, storeroom)
        return _store(work, room, readings, source=Path(path).name, recorded_by=work.actor)


def readings(
    db: Database, storeroom: str, since: datetime | None = None, until: datetime | None = None
) -> list[Reading]:
    """A storeroom's readings in time order (for the chart)."""
    with db.reading() as session:
        room = _room(session, storeroom)
        statement = select(ClimateReading.measured_at, ClimateReading.temperature, ClimateReading.humidity).where(
            ClimateReading.storeroom_id == room.id
        )
        if since is not None:
            statement = statement.where(ClimateReading.measured_at >= since)
        if until is not None:
            statement = statement.where(ClimateReading.measured_at < until)
        return [Reading(**row._mapping) for row in session.execute(statement.order_by(ClimateReading.measured_at))]


def climate_alerts(
    db: Database, *, storeroom: str | None = None, days: int = 31, today: date | None = None
) -> list[ClimateAlert]:
    """Out-of-range readings, days whose swing is too wide, and days without a reading, over the last ``days``
    days (from the storeroom's first reading when that is later), per storeroom, in time order."""
    today = today or date.today()
    start = today - timedelta(days=days - 1)
    with db.reading() as session:
        rooms = session.scalars(
            select(Storeroom).where(Storeroom.retired_at.is_(None), *([Storeroom.code == storeroom.strip().upper()] if storeroom else [])).order_by(Storeroom.code)
        ).all()  # fmt: skip
        if storeroom and not rooms:
            raise NotFound("custody.storeroom", storeroom)
        alerts: list[ClimateAlert] = []
        for room in rooms:
            rows = session.execute(
                select(ClimateReading.measured_at, ClimateReading.temperature, ClimateReading.humidity)
                .where(ClimateReading.storeroom_id == room.id, ClimateReading.measured_at >= datetime.combine(start, datetime.min.time()),
                       ClimateReading.measured_at < datetime.combine(today + timedelta(days=1), datetime.min.time()))
                .order_by(ClimateReading.measured_at)
            ).all()  # fmt: skip
            alerts.extend(_room_alerts(room, [Reading(**row._mapping) for row in rows], start, today))
        return alerts


def _room_alerts(room: Storeroom, rows: list[Reading], start: date, today: date) -> list[ClimateAlert]:
    alerts: list[ClimateAlert] = []
    by_day: dict[date, list[Reading]] = defaultdict(list)
    for r in rows:
        day = r.measured_at.date()
        by_day[day].append(r)
        for kind, bad, limit, value in (
            ("too_warm", r.temperature > room.temp_max, room.temp_max, r.temperature),
            ("too_cold", r.temperature < room.temp_min, room.temp_min, r.temperature),
            ("too_humid", r.humidity > room.rh_max, room.rh_max, r.humidity),
            ("too_dry", r.humidity < room.rh_min, room.rh_min, r.humidity),
        ):
            if bad:
                alerts.append(ClimateAlert(room.code, day, kind, value, limit, r.measured_at))
    if not rows:
        return alerts
    day = max(start, rows[0].measured_at.date())
    while day <= today:
        readings_of_day = by_day.get(day)
        if not readings_of_day:
            if day < today:  # today is not over: its readings may still come
                alerts.append(ClimateAlert(room.code, day, "no_reading"))
        else:
            for kind, values, swing in (
                ("temp_swing", [r.temperature for r in readings_of_day], room.temp_swing),
                ("rh_swing", [r.humidity for r in readings_of_day], room.rh_swing),
            ):
                mean = sum(values) / len(values)
                deviation = max(max(values) - mean, mean - min(values))
                if deviation > swing + 1e-9:
                    alerts.append(ClimateAlert(room.code, day, kind, round(deviation, 2), swing))
        day += timedelta(days=1)
    return sorted(alerts, key=lambda a: (a.storeroom, a.day, a.measured_at or datetime.min, a.kind))


# -- inspections (消防、安防、防虫) ------------------------------------------------------------------


@dataclass(frozen=True)
class InspectionItem:
    id: int
    storeroom: str
    kind: str
    due_on: date
    done_on: date | None
    done_by: str
    notes: str

    def overdue(self, today: date) -> bool:
        return self.done_on is None and self.due_on < today


def plan_inspection(db: Database, storeroom: str, kind: str, due_on: date, *, uow: UnitOfWork | None = None) -> int:
    if kind not in set(InspectionKind):
        raise ValidationError("kind", msg("core.text", text=kind))
    with unit_of_work(db, uow) as work:
        room = _room(work.session, storeroom)
        inspection = Inspection(storeroom_id=room.id, kind=kind, due_on=due_on, done_by="", notes="")
        work.session.add(inspection)
        work.session.flush()
        work.audit(
            "create",
            "inspection",
            inspection.id,
            msg("audit.inspection.planned", kind=term(f"custody.{kind}"), storeroom=room.code, due=due_on),
        )
        return inspection.id


def record_inspection(
    db: Database, inspection_id: int, done_on: date, *, notes: str = "", next_due: date | None = None,
    uow: UnitOfWork | None = None,
) -> None:  # fmt: skip
    """Mark an inspection done (by the operator); ``next_due`` plans the next one of the same kind."""
    with unit_of_work(db, uow) as work:
        inspection = work.session.get(Inspection, inspection_id)
        if inspection is None:
            raise NotFound("inspection", inspection_id)
        inspection.done_on, inspection.done_by, inspection.notes = done_on, work.actor, notes
        work.audit(
            "update",
            "inspection",
            inspection.id,
            msg(
                "audit.inspection.done",
                kind=term(f"custody.{inspection.kind}"),
                storeroom=work.session.get(Storeroom, inspection.storeroom_id).code,
                done=done_on,
            ),
        )
        if next_due is not None:
            work.session.add(
                Inspection(
                    storeroom_id=inspection.storeroom_id, kind=inspection.kind, due_on=next_due, done_by="", notes=""
                )
            )


def inspections(db: Database, *, open_only: bool = False) -> list[InspectionItem]:
    with db.reading() as session:
        statement = select(Inspection, Storeroom.code).join(Storeroom, Storeroom.id == Inspection.storeroom_id)
        if open_only:
            statement = statement.where(Inspection.done_on.is_(None))
        return [
            InspectionItem(i.id, code, i.kind, i.due_on, i.done_on, i.done_by, i.notes)
            for i, code in session.execute(statement.order_by(Inspection.due_on, Inspection.id))
        ]

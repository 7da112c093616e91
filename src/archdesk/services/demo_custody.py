"""The custody part of the demo: storerooms with their limits, box barcodes, a movement history
(every box shelved, some moved, the records out on loan taken out), a month of climate readings
(some out of range, one day missing) and the storeroom inspections.

Called once from ``demo.add_demo_data`` after the records are written, in its unit of work; Core
inserts only, so a 1,000,000-record demo stays fast. Same seed, same day: same data.
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

from sqlalchemy import func, insert, select, update

from archdesk.messages import msg
from archdesk.models import Box, ClimateReading, Inspection, Location, Movement, Record, Storeroom
from archdesk.services.uow import UnitOfWork
from archdesk.statuses import MovementDirection, RecordStatus

CHUNK = 5000
#: The demo's month of readings ends yesterday; this day of it has no reading (the logger was off).
MISSING_DAY = 12


def add_custody_demo(uow: UnitOfWork, rng: random.Random, *, today: date | None = None) -> int:
    """Add the custody demo data; returns the number of ledger rows written."""
    session = uow.session
    conn = session.connection()
    today = today or date.today()
    known = set(session.scalars(select(Storeroom.code)))
    rooms = [
        code
        for code in session.scalars(select(Location.storeroom).distinct().order_by(Location.storeroom))
        if code not in known
    ]
    if rooms:
        conn.execute(insert(Storeroom), [
            dict(code=code, name=f"{int(code[1:]) if code[1:].isdigit() else code}号库房", temp_min=14.0, temp_max=24.0,
                 rh_min=45.0, rh_max=60.0, temp_swing=2.0, rh_swing=5.0, notes="")
            for code in rooms
        ])  # fmt: skip
    conn.execute(update(Box).where(Box.barcode.is_(None)).values(barcode=func.replace(Box.code, "·", ".")))
    for year in conn.execute(select(Box.year).where(Box.arranged_on.is_(None)).distinct()).scalars().all():
        # Arranged (整理) by the end of June of the following year, as the filing rules ask.
        conn.execute(
            update(Box)
            .where(Box.year == year, Box.arranged_on.is_(None))
            .values(arranged_on=date(min(year + 1, today.year), 6, 30))
        )
    moved = _history(uow, rng, today)
    _climate(uow, rng, today)
    return moved


def _history(uow: UnitOfWork, rng: random.Random, today: date) -> int:
    conn = uow.session.connection()
    shelves = list(conn.execute(select(Location.id).order_by(Location.id)).scalars())
    boxes = conn.execute(
        select(Box.id, Box.location_id, Box.year).where(Box.location_id.is_not(None)).order_by(Box.id)
    ).all()
    rows = []
    for box_id, location, year in boxes:
        shelved = datetime(min(year + 1, today.year), 7, 1, 9) + timedelta(minutes=rng.randrange(600))
        if rng.random() < 0.05 and len(shelves) > 1:  # some boxes came from another shelf
            first = rng.choice(shelves)
            if first != location:
                rows.append(_row(box_id, None, None, first, MovementDirection.IN, "shelved", shelved))
                rows.append(
                    _row(
                        box_id, None, first, location, MovementDirection.RELOCATE, "moved", shelved + timedelta(days=90)
                    )
                )
                continue
        rows.append(_row(box_id, None, None, location, MovementDirection.IN, "shelved", shelved))
    lent = conn.execute(
        select(Record.id, Record.box_id, Box.location_id)
        .join(Box, Box.id == Record.box_id)
        .where(Record.status == RecordStatus.ON_LOAN)
        .order_by(Record.id)
    ).all()
    for record_id, box_id, location in lent:
        when = datetime.combine(today - timedelta(days=rng.randrange(1, 30)), datetime.min.time()) + timedelta(hours=10)
        rows.append(_row(box_id, record_id, location, None, MovementDirection.OUT, "loan", when))
    for start in range(0, len(rows), CHUNK):
        conn.execute(insert(Movement), rows[start : start + CHUNK])
    uow.audit("demo", "movement", None, msg("audit.demo.ledger", rows=len(rows)), after={"rows": len(rows)})
    return len(rows)


def _row(box_id, record_id, source, target, direction, reason, when) -> dict:  # noqa: ANN001
    return dict(box_id=box_id, record_id=record_id, from_location_id=source, to_location_id=target, direction=str(direction),
                reason=reason, operator="演示", notes="", occurred_at=when)  # fmt: skip


def _climate(uow: UnitOfWork, rng: random.Random, today: date) -> None:
    conn = uow.session.connection()
    rooms = conn.execute(select(Storeroom.id, Storeroom.code).order_by(Storeroom.code)).all()
    readings, inspections = [], []
    first = today - timedelta(days=30)
    for room_id, _code in rooms[:4]:  # the logger is in the first storerooms
        for offset in range(30):
            day = first + timedelta(days=offset)
            if day.day == MISSING_DAY:
                continue
            base_t, base_h = 18 + rng.uniform(-1.5, 1.5), 52 + rng.uniform(-3, 3)
            for hour in (9, 15):
                t, h = base_t + rng.uniform(-0.8, 0.8), base_h + rng.uniform(-2, 2)
                if offset in (5, 19) and hour == 15:  # a hot afternoon, a humid one
                    t, h = (25.6, h) if offset == 5 else (t, 63.5)
                readings.append(dict(storeroom_id=room_id, measured_at=datetime.combine(day, datetime.min.time()) + timedelta(hours=hour),
                                     temperature=round(t, 1), humidity=round(h, 1), recorded_by="演示", source="demo-logger.csv", action_taken=""))  # fmt: skip
        inspections.append(
            dict(
                storeroom_id=room_id, kind="fire", due_on=today - timedelta(days=3), done_on=None, done_by="", notes=""
            )
        )
        inspections.append(
            dict(
                storeroom_id=room_id,
                kind="pests",
                due_on=today + timedelta(days=20),
                done_on=None,
                done_by="",
                notes="",
            )
        )
        inspections.append(dict(storeroom_id=room_id, kind="security", due_on=today - timedelta(days=40), done_on=today - timedelta(days=41), done_by="演示", notes="门禁正常"))  # fmt: skip
    if readings:
        conn.execute(insert(ClimateReading), readings)
        conn.execute(insert(Inspection), inspections)

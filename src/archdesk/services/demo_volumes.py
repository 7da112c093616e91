"""The volume part of the demo: 案卷 for the volume-arranged categories (科技, 会计).

The accepted items of each group (门类 + 年度 + 期限 + 机构) of a category arranged by volume
(``Category.arrangement == "volume"``) are bound in item order into volumes of 4–12 items, each
with its 案卷号 (restarting per group), 案卷题名, 起止日期, the highest 密级 of its items, the box of
its first item, 立卷人/检查人 and their dates, and now and then a 互见号 to the volume before it.

Called once from ``demo.add_demo_data`` after the records are written, in its unit of work, with
a random generator of its own (the other parts of the demo draw the same numbers as before).
Core statements only: one read of the items, one insert of the volumes, one executemany update.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from itertools import groupby

from sqlalchemy import bindparam, func, insert, select, update
from sqlalchemy.orm import Session

from archdesk.models import Category, Department, Record, SecurityLevel, Volume
from archdesk.services import demo_text
from archdesk.statuses import RecordStatus

CHUNK = 5000
#: Lowest to highest; a volume takes the highest level of its items.
SECURITY_RANK = ("", "GK", "NB", "GZMM", "MM", "JM")


def add_demo_volumes(session: Session, rng: random.Random, *, today: date | None = None) -> int:
    """Bind the demo's volume-arranged items into volumes; returns the number of volumes made."""
    today = today or date.today()
    conn = session.connection()
    categories = {
        cid: (code, name)
        for cid, code, name in conn.execute(
            select(Category.id, Category.code, Category.name).where(Category.arrangement == "volume")
        )
    }
    if not categories:
        return 0
    departments = dict(conn.execute(select(Department.id, Department.name)).all())
    rank = {sid: SECURITY_RANK.index(code) for sid, code in conn.execute(select(SecurityLevel.id, SecurityLevel.code))
            if code in SECURITY_RANK}  # fmt: skip
    level_of = {r: sid for sid, r in rank.items()}
    numbers = {
        (c, y, r, d): n
        for c, y, r, d, n in conn.execute(
            select(Volume.category_id, Volume.year, Volume.retention_id, Volume.department_id, func.max(Volume.volume_number))
            .group_by(Volume.category_id, Volume.year, Volume.retention_id, Volume.department_id)
        )
    }  # fmt: skip
    key = (Record.fonds_id, Record.category_id, Record.year, Record.retention_id, Record.department_id)
    items = conn.execute(
        select(*key, Record.id, Record.reference_code, Record.date, Record.security_level_id, Record.box_id)
        .where(
            Record.category_id.in_(list(categories)),
            Record.volume_id.is_(None),
            Record.status != RecordStatus.PENDING,
        )
        .order_by(*key[1:], Record.item_number)
    ).all()
    volumes: list[dict] = []
    members: list[list[int]] = []
    for group, rows in groupby(items, key=lambda r: tuple(r[:5])):
        fonds_id, category_id, year, retention_id, department_id = group
        code, name = categories[category_id]
        rows = list(rows)
        start = 0
        while start < len(rows):
            part = rows[start : start + rng.randint(4, 12)]
            start += len(part)
            ids = (category_id, year, retention_id, department_id)
            numbers[ids] = number = numbers.get(ids, 0) + 1
            prefix = part[0].reference_code.rsplit("-", 1)[0]
            days = [r.date for r in part if r.date is not None]
            first, last = (min(days), max(days)) if days else (None, None)
            arranged = min(date(year + 1, 3, 31), today)
            previous = volumes[-1]["reference_code"] if number > 1 and volumes else ""
            volumes.append(
                dict(
                    reference_code=f"{prefix}-J{number:03d}", fonds_id=fonds_id, category_id=category_id, year=year,
                    retention_id=retention_id, department_id=department_id, volume_number=number,
                    title=_title(code, name, departments.get(department_id, ""), year, first, last, number),
                    start_date=first, end_date=last,
                    security_level_id=level_of.get(max((rank.get(r.security_level_id, 0) for r in part), default=0)),
                    box_id=part[0].box_id, notes="", situation="",
                    arranged_by=demo_text.person(rng), arranged_on=arranged,
                    checked_by=demo_text.person(rng), checked_on=min(arranged + timedelta(days=7), today),
                    cross_reference=previous if code.startswith("KJ") and rng.random() < 0.15 else "",
                )
            )  # fmt: skip
            members.append([r.id for r in part])
    for begin in range(0, len(volumes), CHUNK):
        conn.execute(insert(Volume), volumes[begin : begin + CHUNK])
    codes = [v["reference_code"] for v in volumes]
    made: dict[str, int] = {}
    for begin in range(0, len(codes), 500):
        chunk = codes[begin : begin + 500]
        made.update(
            conn.execute(select(Volume.reference_code, Volume.id).where(Volume.reference_code.in_(chunk))).all()
        )
    bound = [{"rid": rid, "vid": made[c]} for c, ids in zip(codes, members, strict=True) for rid in ids]
    statement = update(Record.__table__).where(Record.__table__.c.id == bindparam("rid"))
    for begin in range(0, len(bound), CHUNK * 4):
        conn.execute(statement.values(volume_id=bindparam("vid")), bound[begin : begin + CHUNK * 4])
    return len(volumes)


def _title(code: str, name: str, department: str, year: int, first: date | None, last: date | None, n: int) -> str:
    """案卷题名 as an archivist writes it: who, when, what (会计: the months the volume covers)."""
    if code.startswith("KU") and first and last:
        months = f"{first.month}月" if first.month == last.month else f"{first.month}—{last.month}月"
        return f"{year}年{months}{name}（第{n}册）"
    return f"{department}{year}年{name}文件材料（第{n}卷）"

"""Demo data (演示数据): a deterministic, realistic archive to try ArchDesk on and to benchmark with.

Records across categories (mostly 文书 WS), years 2010–2025, retention periods, departments and
security levels, with titles such as 关于…的通知 and document numbers such as 办发〔2023〕12号.
Items of one group (year + retention + department) are numbered 0001… in date order and boxed
together, so a box never mixes year, department or retention (DA/T 22); boxes stand on shelves
(K01-A-03-A-05-4). A few records are pending or on loan (each with its loan, ``demo_use``); the
destroyed ones come only from an executed destruction list (``demo_appraisal``), which also leaves
records past their retention, one list awaiting approval and one record on hold.

Fast: rows are written with bulk Core inserts, item numbers are reserved per group in one step,
and the search index is rebuilt once at the end.
"""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TypeVar

from sqlalchemy import Connection, func, insert, select
from sqlalchemy.orm import Session

from archdesk.messages import msg
from archdesk.models import (
    Box,
    Carrier,
    Category,
    Department,
    Fonds,
    ItemSequence,
    Location,
    Record,
    RetentionPeriod,
    SecurityLevel,
)
from archdesk.services import demo_appraisal, demo_text, demo_use, demo_volumes, search
from archdesk.services.database import Database
from archdesk.services.demo_custody import add_custody_demo
from archdesk.services.errors import Cancelled, NotAllowed
from archdesk.services.refcode import (
    ITEM_WIDTH,
    CodeParts,
    allocate_item_numbers,
    group_key,
    render_reference_code,
)
from archdesk.services.uow import UnitOfWork
from archdesk.statuses import RecordStatus

Progress = Callable[[int, int], bool]
CHUNK = 20_000
FIRST_YEAR, LAST_YEAR = 2010, 2025
#: (category, weight, {retention: weight}, departments or None for any)
CATEGORY_PLAN = (
    ("WS", 70, {"Y": 2, "D30": 5, "D10": 3}, None),
    ("KJ·KY", 6, {"Y": 4, "D30": 1}, ("KYC",)),
    ("KJ·JJ", 4, {"Y": 1}, ("JJC",)),
    ("KJ·SB", 2, {"D30": 3, "D10": 1}, ("JJC", "BGS")),
    ("KU·01", 6, {"D30": 1}, ("CWC",)),
    ("KU·02", 2, {"D30": 1}, ("CWC",)),
    ("KU·03", 2, {"Y": 1, "D10": 1}, ("CWC",)),
    ("KU·04", 1, {"D10": 1}, ("CWC",)),
    ("RS", 3, {"Y": 1}, ("RSC",)),
    ("ZP", 3, {"Y": 1}, ("BGS", "DWB")),
    ("SW·JB", 1, {"Y": 1}, ("BGS",)),
)
SECURITY_WEIGHTS = {"": 30, "GK": 20, "NB": 35, "GZMM": 10, "MM": 4, "JM": 1}


@dataclass(frozen=True)
class DemoSummary:
    records: int
    boxes: int
    locations: int


@dataclass
class _Codes:
    fonds: Fonds
    categories: dict[str, Category]
    retention: dict[str, RetentionPeriod]
    departments: dict[str, Department]
    security: dict[str, int]
    carriers: dict[str, int]

    @classmethod
    def load(cls, session: Session) -> _Codes:
        return cls(
            fonds=session.scalars(select(Fonds).order_by(Fonds.id)).first(),
            categories={c.code: c for c in session.scalars(select(Category))},
            retention={r.code: r for r in session.scalars(select(RetentionPeriod))},
            departments={d.code: d for d in session.scalars(select(Department))},
            security={s.code: s.id for s in session.scalars(select(SecurityLevel))},
            carriers={c.code: c.id for c in session.scalars(select(Carrier))},
        )

    def parts(self, category: str, year: int, retention: str, department: str) -> CodeParts:
        dept = self.departments.get(department)
        return CodeParts(self.fonds.code, category, year, retention, department, dept.name if dept else "")


T = TypeVar("T")


class _Random(random.Random):
    """``choice`` without the exact-uniformity loop of the standard one: four times faster, and
    demo data is drawn a few million times."""

    def choice(self, seq: Sequence[T]) -> T:  # type: ignore[override]
        return seq[int(self.random() * len(seq))]


def _check(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None and progress(done, total) is False:
        raise Cancelled()


def _plan(rng: _Random, count: int, codes: _Codes) -> dict[tuple[str, int, str, str], list[date]]:
    """Which group each record falls in, and its date; groups sorted, dates in order within a group."""
    plan = [p for p in CATEGORY_PLAN if p[0] in codes.categories]
    chosen = rng.choices(plan, weights=[p[1] for p in plan], k=count)
    years = rng.choices(range(FIRST_YEAR, LAST_YEAR + 1), weights=range(10, 10 + LAST_YEAR - FIRST_YEAR + 1), k=count)
    any_department = sorted(code for code in codes.departments)
    groups: dict[tuple[str, int, str, str], list[date]] = defaultdict(list)
    today = date.today()
    periods = {
        category: [p for p, weight in retention.items() for _ in range(weight)] for category, _w, retention, _d in plan
    }
    calendar = {
        year: [min(date(year, 1, 1) + timedelta(days=day), today) for day in range(365)]
        for year in range(FIRST_YEAR, LAST_YEAR + 1)
    }  # a million dates are drawn from these few thousand
    r = rng.random  # rng.choice written out (``_Random.choice``): drawn twice per record
    for (category, _w, _r, departments), year, day in zip(chosen, years, rng.choices(range(365), k=count), strict=True):
        choices = periods[category]
        period = choices[int(r() * len(choices))]
        choices = departments or any_department
        department = choices[int(r() * len(choices))]
        groups[(category, year, period, department)].append(calendar[year][day])
    for dates in groups.values():
        dates.sort()
    return dict(sorted(groups.items()))


def _status(rng: random.Random, year: int, retention: str) -> str:
    if year == LAST_YEAR and rng.random() < 0.3:
        return RecordStatus.PENDING
    roll = rng.random()
    if roll < 0.01:
        return RecordStatus.ON_LOAN
    return RecordStatus.TRANSFERRED if roll < 0.013 else RecordStatus.IN_CUSTODY


class _Shelves:
    """Shelf addresses 库房-区-列-面-节-层 handed out in order, eight boxes to a shelf."""

    BOXES_PER_SHELF = 8

    def __init__(self, taken: set[str]) -> None:
        self.taken = taken
        self.new: list[dict] = []
        self._index = -1
        self._boxes = self.BOXES_PER_SHELF

    def next_code(self) -> str:
        if self._boxes == self.BOXES_PER_SHELF:
            self._boxes = 0
            while True:
                self._index += 1
                i = self._index
                shelf, i = i % 6 + 1, i // 6
                section, i = i % 10 + 1, i // 10
                side, i = "AB"[i % 2], i // 2
                row, i = i % 20 + 1, i // 20
                area, store = "ABCD"[i % 4], i // 4 + 1
                code = f"K{store:02d}-{area}-{row:02d}-{side}-{section:02d}-{shelf}"
                if code not in self.taken:
                    break
            self.new.append(
                dict(code=code, storeroom=f"K{store:02d}", area=area, row=f"{row:02d}", side=side,
                     section=f"{section:02d}", shelf=str(shelf), description="", capacity=self.BOXES_PER_SHELF)
            )  # fmt: skip
        self._boxes += 1
        return self.new[-1]["code"]


@dataclass
class _Group:
    """One numbering group (year + retention + department of a category) and its items in date order."""

    category: str
    year: int
    retention: str
    department: str
    key: str
    first: int
    dates: list[date]
    statuses: list[str]
    boxes: list[str | None]


def _number_groups(session: Session, rng: random.Random, codes: _Codes, records: int) -> list[_Group]:
    """Plan the records and reserve their item numbers: existing groups through refcode, new ones in one insert."""
    known = set(session.scalars(select(ItemSequence.group_key)))
    new_sequences: list[dict] = []
    groups = []
    for (category, year, retention, department), dates in _plan(rng, records, codes).items():
        key = group_key(codes.categories[category].refcode_pattern, codes.parts(category, year, retention, department))
        if key in known:
            first = allocate_item_numbers(session, key, len(dates))
        else:
            first = 1
            new_sequences.append({"group_key": key, "last_number": len(dates)})
        statuses = [_status(rng, year, retention) for _ in dates]
        groups.append(_Group(category, year, retention, department, key, first, dates, statuses, []))
    if new_sequences:
        session.connection().execute(insert(ItemSequence), new_sequences)
    return groups


def _box_groups(session: Session, rng: random.Random, codes: _Codes, groups: list[_Group]) -> tuple[int, int]:
    """Put each group's accepted items into boxes of 15–40 on shelves; returns (boxes, new locations)."""
    box_numbers = Counter(
        {
            (c, y, r, d): n
            for c, y, r, d, n in session.execute(
                select(
                    Box.category_id, Box.year, Box.retention_id, Box.department_id, func.max(Box.box_number)
                ).group_by(Box.category_id, Box.year, Box.retention_id, Box.department_id)
            )
        }
    )
    shelves = _Shelves(set(session.scalars(select(Location.code))))
    rows: list[dict] = []
    for group in groups:
        ids = (
            codes.categories[group.category].id,
            group.year,
            codes.retention[group.retention].id,
            codes.departments[group.department].id,
        )
        size, limit, box_code = 0, 0, None
        for status in group.statuses:
            if status == RecordStatus.PENDING:  # not yet arranged into a box
                group.boxes.append(None)
                continue
            if box_code is None or size >= limit:
                box_numbers[ids] += 1
                box_code = group.key.replace("#", f"H{box_numbers[ids]:03d}")
                rows.append(
                    dict(code=box_code, fonds_id=codes.fonds.id, category_id=ids[0], year=group.year,
                         retention_id=ids[2], department_id=ids[3], box_number=box_numbers[ids],
                         spine_mm=rng.choice((20, 30, 30, 40)), location_id=shelves.next_code(), notes="",
                         arranged_by=demo_text.person(rng), checked_by=demo_text.person(rng))
                )  # fmt: skip
                size, limit = 0, rng.randint(15, 40)
            size += 1
            group.boxes.append(box_code)
    conn = session.connection()
    if shelves.new:
        conn.execute(insert(Location), shelves.new)
    location_ids = dict(session.execute(select(Location.code, Location.id)).all())
    for row in rows:
        row["location_id"] = location_ids[row["location_id"]]
    for start in range(0, len(rows), CHUNK):
        conn.execute(insert(Box), rows[start : start + CHUNK])
    return len(rows), len(shelves.new)


#: The order of the values in each record row handed to ``write`` (every column of record but id).
RECORD_COLUMNS = tuple(c.name for c in Record.__table__.columns if c.name not in ("id", "date_precision"))


def _record_rows(session: Session, rng: random.Random, codes: _Codes, groups: list[_Group]) -> Iterator[tuple]:
    """Record rows as tuples in RECORD_COLUMNS order (a million dicts cost a second more)."""
    box_ids = dict(session.execute(select(Box.code, Box.id)).all())
    now = datetime.now().replace(microsecond=0)
    total = sum(len(g.dates) for g in groups)
    securities = iter(rng.choices(list(SECURITY_WEIGHTS), weights=list(SECURITY_WEIGHTS.values()), k=total))
    security_ids = codes.security.get
    carrier_ids = codes.carriers.get
    record_text = demo_text.record_text
    item = f"0{ITEM_WIDTH}d"  # refcode.format_item, written out
    for group in groups:
        parts = codes.parts(group.category, group.year, group.retention, group.department)
        pattern = codes.categories[group.category].refcode_pattern
        fonds_id, category_id = codes.fonds.id, codes.categories[group.category].id
        retention_id, department_id = codes.retention[group.retention].id, codes.departments[group.department].id
        category, year, department_name = group.category, group.year, parts.department_name
        head, _, tail = group.key.partition("#")
        plain_key = group.key.count("#") == 1
        for number, day, status, box in zip(
            range(group.first, group.first + len(group.dates)), group.dates, group.statuses, group.boxes, strict=True
        ):
            text = record_text(rng, category, year, day, department_name)
            code = f"{head}{number:{item}}{tail}" if plain_key else render_reference_code(pattern, parts, number)
            yield (code, fonds_id, category_id, year, retention_id, department_id, number, text.document_number,
                   text.responsible_party, text.title, text.supplied, day, text.pages,
                   security_ids(next(securities)), carrier_ids(text.carrier), text.notes, status, "",
                   box_ids.get(box) if box else None, None, None, None if status == RecordStatus.PENDING else now, now, now)  # fmt: skip


def core_insert(conn: Connection, rows: list[tuple]) -> None:
    """Write record rows (RECORD_COLUMNS order) with one Core executemany (portable)."""
    conn.execute(insert(Record), [dict(zip(RECORD_COLUMNS, row, strict=True)) for row in rows])


def add_demo_data(
    db: Database,
    records: int = 2000,
    *,
    seed: int = 2024,
    force: bool = False,
    build_index: bool = True,
    progress: Progress | None = None,
    write: Callable[[Connection, list[tuple]], None] = core_insert,
) -> DemoSummary:
    """Add ``records`` demo records (same seed, same archive: same data) in one unit of work.

    Refuses (NotAllowed) an archive that already has records unless ``force``. With
    ``build_index`` false the search index is left for the caller (``search.rebuild_index``);
    ``write`` may replace the Core insert (the benchmark generator writes with the raw driver); it gets
    lists of tuples in RECORD_COLUMNS order.
    Runs on the calling thread; ``progress(done, total)`` may return False to cancel (nothing is kept).
    """
    rng = _Random(seed)
    with UnitOfWork(db) as uow:
        session = uow.session
        existing = session.scalar(select(func.count()).select_from(Record)) or 0
        if existing and not force:
            raise NotAllowed(msg("demo.not_empty", count=existing))
        codes = _Codes.load(session)
        groups = _number_groups(session, rng, codes, records)
        boxes, locations = _box_groups(session, rng, codes, groups)
        _check(progress, 0, records)
        conn = session.connection()
        # Into an empty table: one sort per index afterwards beats a million random index inserts.
        dropped = [] if existing else sorted(Record.__table__.indexes, key=lambda i: i.name or "")
        for index in dropped:
            index.drop(conn)
        done = 0
        for chunk in batched(_record_rows(session, rng, codes, groups), CHUNK):
            write(conn, list(chunk))
            done += len(chunk)
            _check(progress, done, records)
        for index in dropped:
            index.create(conn)
        demo_volumes.add_demo_volumes(session, _Random(seed + 29))  # 案卷 of 科技 and 会计
        add_custody_demo(uow, rng)
        demo_use.add_use_demo(session, _Random(seed + 13), operator=uow.actor)  # a loan behind every 出借
        demo_appraisal.add_demo_appraisal(db, uow, rng)
        if build_index:
            search.rebuild_index(session)
        summary = msg("audit.demo.added", records=records)
        uow.audit("demo", "record", None, summary, after={"records": records, "seed": seed})
        uow.commit()
    return DemoSummary(records=records, boxes=boxes, locations=locations)


def batched(items: Iterable[tuple], size: int) -> Iterator[list[tuple]]:
    chunk: list[tuple] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk

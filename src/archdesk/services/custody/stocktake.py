"""Stocktake (盘点): the boxes expected on a range of shelves are frozen when it starts; the archivist
scans a shelf, then the boxes on it; the result lists missing, unexpected, misplaced (found on another
shelf) and on-loan items apart. A stocktake may be paused and resumed; scans are kept as they come.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import insert, select
from sqlalchemy.orm import aliased

from archdesk.messages import msg
from archdesk.models import Box, Location, Record, Stocktake, StocktakeExpected, StocktakeScan
from archdesk.models.base import utcnow
from archdesk.services.database import Database
from archdesk.services.errors import NotAllowed, NotFound
from archdesk.services.uow import UnitOfWork, unit_of_work
from archdesk.statuses import RecordStatus, StocktakeStatus

_CHUNK = 500


@dataclass(frozen=True)
class StocktakeInfo:
    id: int
    prefix: str
    status: str
    expected: int
    scanned: int


@dataclass(frozen=True)
class StocktakeLine:
    """One line of a result bucket: the box (or unknown code), where it was expected and where found."""

    code: str
    expected_at: str = ""
    found_at: str = ""
    reference_code: str = ""

    def as_json(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if v}


@dataclass(frozen=True)
class StocktakeResult:
    id: int
    prefix: str
    status: str
    expected: int
    found: int
    missing: tuple[StocktakeLine, ...]
    unexpected: tuple[StocktakeLine, ...]
    misplaced: tuple[StocktakeLine, ...]
    on_loan: tuple[StocktakeLine, ...]

    def as_json(self) -> dict:
        buckets = ("missing", "unexpected", "misplaced", "on_loan")
        return {
            "id": self.id, "locations": self.prefix, "status": self.status, "expected": self.expected,
            "found": self.found, **{b: [line.as_json() for line in getattr(self, b)] for b in buckets},
        }  # fmt: skip


def _stocktake(session, stocktake_id: int) -> Stocktake:  # noqa: ANN001
    stocktake = session.get(Stocktake, stocktake_id)
    if stocktake is None:
        raise NotFound("custody.stocktake", stocktake_id)
    return stocktake


def _info(session, stocktake: Stocktake) -> StocktakeInfo:  # noqa: ANN001
    from sqlalchemy import func

    expected = session.scalar(select(func.count()).where(StocktakeExpected.stocktake_id == stocktake.id)) or 0
    scanned = (
        session.scalar(
            select(func.count()).where(StocktakeScan.stocktake_id == stocktake.id, StocktakeScan.box_id.is_not(None))
        )
        or 0
    )
    return StocktakeInfo(stocktake.id, stocktake.location_prefix, stocktake.status, expected, scanned)


def start_stocktake(db: Database, prefix: str, *, uow: UnitOfWork | None = None) -> StocktakeInfo:
    """Freeze the list of boxes now standing on the shelves whose address starts with ``prefix``."""
    prefix = prefix.strip()
    with unit_of_work(db, uow) as work:
        session = work.session
        shelves = select(Location.id).where(
            Location.code.startswith(prefix, autoescape=True), Location.retired_at.is_(None)
        )
        if session.scalar(shelves.limit(1)) is None:
            raise NotAllowed(msg("custody.stocktake_empty", prefix=prefix))
        stocktake = Stocktake(location_prefix=prefix, status=str(StocktakeStatus.OPEN), operator=work.actor)
        session.add(stocktake)
        session.flush()
        session.execute(
            insert(StocktakeExpected).from_select(
                ["stocktake_id", "box_id", "location_id"],
                select(stocktake.id, Box.id, Box.location_id).where(Box.location_id.in_(shelves)),
            )
        )
        work.audit(
            "start",
            "stocktake",
            stocktake.id,
            msg("audit.stocktake.started", locations=prefix),
            after={"locations": prefix},
        )
        return _info(session, stocktake)


def _open(stocktake: Stocktake) -> None:
    if stocktake.status == StocktakeStatus.FINISHED:
        raise NotAllowed(msg("custody.stocktake_closed", id=stocktake.id))
    if stocktake.status == StocktakeStatus.PAUSED:
        raise NotAllowed(msg("custody.stocktake_paused", id=stocktake.id))


def record_scans(
    db: Database, stocktake_id: int, codes: Sequence[str], *, uow: UnitOfWork | None = None
) -> StocktakeInfo:
    """Scanned codes in the order scanned: a shelf code says where the boxes scanned after it stand."""
    with unit_of_work(db, uow) as work:
        session = work.session
        stocktake = _stocktake(session, stocktake_id)
        _open(stocktake)
        codes = [c.strip() for c in codes if c.strip()]
        distinct = list(dict.fromkeys(codes))
        boxes: dict[str, int] = {}
        shelves: dict[str, int] = {}
        for start in range(0, len(distinct), _CHUNK):
            chunk = distinct[start : start + _CHUNK]
            for box_id, code, barcode in session.execute(
                select(Box.id, Box.code, Box.barcode).where(Box.code.in_(chunk) | Box.barcode.in_(chunk))
            ):
                boxes[code] = box_id
                if barcode:
                    boxes[barcode] = box_id
            shelves.update(session.execute(select(Location.code, Location.id).where(Location.code.in_(chunk))).all())
        shelf = session.scalar(
            select(StocktakeScan.location_id)
            .where(
                StocktakeScan.stocktake_id == stocktake.id,
                StocktakeScan.box_id.is_(None),
                StocktakeScan.location_id.is_not(None),
            )
            .order_by(StocktakeScan.id.desc())
            .limit(1)
        )
        rows = []
        now = utcnow()
        for code in codes:
            if code in boxes:
                rows.append(
                    dict(stocktake_id=stocktake.id, code=code, box_id=boxes[code], location_id=shelf, scanned_at=now)
                )
            elif code in shelves:
                shelf = shelves[code]
                rows.append(dict(stocktake_id=stocktake.id, code=code, box_id=None, location_id=shelf, scanned_at=now))
            else:
                rows.append(dict(stocktake_id=stocktake.id, code=code, box_id=None, location_id=None, scanned_at=now))
        if rows:
            session.execute(insert(StocktakeScan), rows)
        return _info(session, stocktake)


def set_paused(db: Database, stocktake_id: int, paused: bool, *, uow: UnitOfWork | None = None) -> StocktakeInfo:
    """Pause (the scans so far are kept) or resume a stocktake."""
    with unit_of_work(db, uow) as work:
        stocktake = _stocktake(work.session, stocktake_id)
        if stocktake.status == StocktakeStatus.FINISHED:
            raise NotAllowed(msg("custody.stocktake_closed", id=stocktake.id))
        stocktake.status = str(StocktakeStatus.PAUSED if paused else StocktakeStatus.OPEN)
        summary = msg(
            "audit.stocktake.paused" if paused else "audit.stocktake.resumed", locations=stocktake.location_prefix
        )
        work.audit("pause" if paused else "resume", "stocktake", stocktake.id, summary)
        return _info(work.session, stocktake)


def reconcile(db: Database, stocktake_id: int) -> StocktakeResult:
    """Compare the frozen list with the scans: four buckets, each in address and code order."""
    with db.reading() as session:
        stocktake = _stocktake(session, stocktake_id)
        return _reconcile(session, stocktake)


def _reconcile(session, stocktake: Stocktake) -> StocktakeResult:  # noqa: ANN001
    where = aliased(Location)
    expected = {
        box_id: (code, shelf)
        for box_id, code, shelf in session.execute(
            select(StocktakeExpected.box_id, Box.code, Location.code)
            .join(Box, Box.id == StocktakeExpected.box_id)
            .join(Location, Location.id == StocktakeExpected.location_id)
            .where(StocktakeExpected.stocktake_id == stocktake.id)
        )
    }
    found: dict[int, tuple[str, str]] = {}
    unknown: list[StocktakeLine] = []
    for box_id, code, box_code, shelf in session.execute(
        select(StocktakeScan.box_id, StocktakeScan.code, Box.code, where.code)
        .outerjoin(Box, Box.id == StocktakeScan.box_id)
        .outerjoin(where, where.id == StocktakeScan.location_id)
        .where(StocktakeScan.stocktake_id == stocktake.id)
        .order_by(StocktakeScan.id)
    ):
        if box_id is not None:
            found[box_id] = (box_code, shelf or "")
        elif shelf is None:
            unknown.append(StocktakeLine(code))
    missing = [
        StocktakeLine(code, expected_at=shelf) for box_id, (code, shelf) in expected.items() if box_id not in found
    ]
    misplaced = [
        StocktakeLine(code, expected_at=expected[box_id][1], found_at=shelf)
        for box_id, (code, shelf) in found.items()
        if box_id in expected and shelf and shelf != expected[box_id][1]
    ]
    unexpected = [
        StocktakeLine(code, found_at=shelf) for box_id, (code, shelf) in found.items() if box_id not in expected
    ]
    on_loan = []
    ids = list(expected)
    for start in range(0, len(ids), _CHUNK):
        on_loan.extend(
            StocktakeLine(box_code, expected_at=expected[box_id][1], reference_code=reference)
            for box_id, box_code, reference in session.execute(
                select(Record.box_id, Box.code, Record.reference_code)
                .join(Box, Box.id == Record.box_id)
                .where(Record.box_id.in_(ids[start : start + _CHUNK]), Record.status == RecordStatus.ON_LOAN)
            )
        )
    by_place = lambda line: (line.expected_at or line.found_at, line.code, line.reference_code)  # noqa: E731
    return StocktakeResult(
        stocktake.id, stocktake.location_prefix, stocktake.status, len(expected),
        sum(1 for box_id in found if box_id in expected),
        tuple(sorted(missing, key=by_place)), tuple(sorted(unexpected, key=by_place) + unknown),
        tuple(sorted(misplaced, key=by_place)), tuple(sorted(on_loan, key=by_place)),
    )  # fmt: skip


def finish_stocktake(db: Database, stocktake_id: int, *, uow: UnitOfWork | None = None) -> StocktakeResult:
    """Close the stocktake and return its result (a finished stocktake takes no more scans)."""
    with unit_of_work(db, uow) as work:
        stocktake = _stocktake(work.session, stocktake_id)
        if stocktake.status != StocktakeStatus.FINISHED:
            stocktake.status = str(StocktakeStatus.FINISHED)
            stocktake.finished_at = utcnow()
            work.session.flush()
        result = _reconcile(work.session, stocktake)
        work.audit(
            "finish", "stocktake", stocktake.id,
            msg("audit.stocktake.finished", locations=stocktake.location_prefix, missing=len(result.missing),
                unexpected=len(result.unexpected), misplaced=len(result.misplaced), on_loan=len(result.on_loan)),
            after={"missing": len(result.missing), "unexpected": len(result.unexpected),
                   "misplaced": len(result.misplaced), "on_loan": len(result.on_loan)},
        )  # fmt: skip
        return result


def list_stocktakes(db: Database) -> list[StocktakeInfo]:
    with db.reading() as session:
        return [_info(session, s) for s in session.scalars(select(Stocktake).order_by(Stocktake.id.desc()))]

"""A small archive for the appraisal tests: records accepted, boxed on a shelf, one loan table away."""

from __future__ import annotations

from datetime import date

from archdesk.models import Borrower, Box, Category, Loan, Location, Record
from archdesk.services.catalogue import RecordInput, accept_records, create_record
from archdesk.services.database import Database
from archdesk.services.uow import UnitOfWork


def add_records(
    db: Database, count: int, *, year: int = 2010, retention: str = "D10", category: str = "WS"
) -> list[int]:
    """``count`` accepted records of one group, in one box on shelf K01-A-01-A-01-1; their ids."""
    ids = [
        create_record(db, RecordInput(title=f"{year}年工作记录 {n}", category=category, year=year, retention=retention,
                                      department="BGS", pages=3 + n)).id
        for n in range(count)
    ]  # fmt: skip
    accept_records(db, ids)
    with UnitOfWork(db) as uow:
        session = uow.session
        location = session.query(Location).filter_by(code="K01-A-01-A-01-1").one_or_none()
        if location is None:
            location = Location(code="K01-A-01-A-01-1", storeroom="K01", area="A", row="01", side="A", section="01",
                                shelf="1")  # fmt: skip
            session.add(location)
            session.flush()
        first = session.get(Record, ids[0])
        box = Box(code=f"BOX-{first.reference_code}", fonds_id=first.fonds_id, category_id=first.category_id,
                  year=first.year, retention_id=first.retention_id, department_id=first.department_id,
                  box_number=session.query(Box).count() + 1, location_id=location.id)  # fmt: skip
        session.add(box)
        session.flush()
        for record_id in ids:
            session.get(Record, record_id).box_id = box.id
        uow.commit()
    return ids


def references(db: Database, ids: list[int]) -> list[str]:
    with db.reading() as session:
        return [session.get(Record, i).reference_code for i in ids]


def record_state(db: Database, record_id: int) -> tuple[str, int | None]:
    with db.reading() as session:
        record = session.get(Record, record_id)
        return record.status, record.box_id


def lend(db: Database, record_id: int, lent_on: date, *, returned: bool = True) -> None:
    """A loan written straight into the table (lending is another engineer's screen)."""
    with UnitOfWork(db) as uow:
        borrower = Borrower(name="李明")
        uow.session.add(borrower)
        uow.session.flush()
        uow.session.add(Loan(record_id=record_id, borrower_id=borrower.id, status="returned" if returned else "lent",
                             lent_on=lent_on, due_on=lent_on, returned_on=lent_on if returned else None))  # fmt: skip
        uow.commit()


def accounting_category(db: Database) -> str:
    with db.reading() as session:
        codes = [c for (c,) in session.query(Category.code) if c.startswith("KU")]
    return sorted(codes)[-1]

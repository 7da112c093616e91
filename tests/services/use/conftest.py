"""An archive with records to lend: in custody on a shelf, classified, restricted, pending, destroyed,
transferred, and borrowers with and without clearance."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
from sqlalchemy import select

from archdesk.models import Box, Category, Fonds, Location, Record, RetentionPeriod, UseRestriction
from archdesk.services.catalogue import accept_records, create_record
from archdesk.services.uow import UnitOfWork
from archdesk.services.use.borrowers import BorrowerInput, add_borrower
from archdesk.services.views import RecordInput


@dataclass
class Shelf:
    records: dict[str, int]  # name → record id
    codes: dict[str, str]  # name → reference code
    borrowers: dict[str, int]
    location_id: int


@pytest.fixture
def shelf(archive) -> Shelf:
    names = {
        "plain": "", "plain2": "", "plain3": "", "internal": "NB", "secret": "MM", "confidential": "JM",
        "restricted": "", "pending": "", "destroyed": "", "transferred": "",
    }  # fmt: skip
    records, codes = {}, {}
    for name, level in names.items():
        view = create_record(
            archive,
            RecordInput(
                title=f"关于{name}的通知", category="WS", year=2020, retention="D30", security_level=level, pages=10
            ),
        )
        records[name], codes[name] = view.id, view.reference_code
    accept_records(archive, [rid for name, rid in records.items() if name != "pending"])
    with UnitOfWork(archive) as uow:
        s = uow.session
        location = Location(code="K01-A-01-A-01-1", storeroom="K01")
        s.add(location)
        s.flush()
        box = Box(
            code="Z001-WS·2020-D30-H001", fonds_id=s.scalar(select(Fonds.id)),
            category_id=s.scalar(select(Category.id).where(Category.code == "WS")), year=2020,
            retention_id=s.scalar(select(RetentionPeriod.id).where(RetentionPeriod.code == "D30")), box_number=1,
            location_id=location.id,
        )  # fmt: skip
        s.add(box)
        s.flush()
        for record in s.scalars(select(Record)):
            record.box_id = box.id
        s.get(Record, records["destroyed"]).status = "destroyed"
        s.get(Record, records["transferred"]).status = "transferred"
        s.add(
            UseRestriction(record_id=records["restricted"], reason="personnel matter", restricted_on=date(2026, 1, 5))
        )
        uow.commit()
        location_id = location.id
    borrowers = {
        "li": add_borrower(archive, BorrowerInput(name="李明", department="BGS", contact="6021", clearance="NB")),
        "wang": add_borrower(archive, BorrowerInput(name="王芳", organisation="市志办", clearance="")),
        "zhao": add_borrower(archive, BorrowerInput(name="赵强", department="RSC", clearance="JM")),
    }
    return Shelf(records, codes, borrowers, location_id)

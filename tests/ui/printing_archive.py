"""A small demo archive with something in every list: a loan gone overdue, a transfer batch, a volume.

The demo generator makes records, boxes and shelves; the loan, batch and volume are added through
the ORM (their own services come with later issues).
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from archdesk.models import Borrower, Department, Loan, Record, TransferBatch, Volume
from archdesk.services.database import Database
from archdesk.services.demo import add_demo_data
from archdesk.services.uow import UnitOfWork

BORROWER = "王五"
BATCH_FILE = "2024办公室移交清单.xlsx"
VOLUME_TITLE = "档案管理系统研发项目文件"


def build_print_archive(db: Database, records: int = 300) -> dict[str, str]:
    """Fill ``db`` and return what the lists show: the lent record's code and the volume's code."""
    add_demo_data(db, records)
    with UnitOfWork(db) as uow:
        s = uow.session
        first = s.scalars(select(Record).where(Record.status == "in_custody").order_by(Record.id)).first()
        assert first is not None
        borrower = Borrower(name=BORROWER)
        s.add(borrower)
        s.flush()
        today = date.today()
        s.add(Loan(record_id=first.id, borrower_id=borrower.id, status="lent", mode="take_out",
                   lent_on=today - timedelta(days=30), due_on=today - timedelta(days=16)))  # fmt: skip
        department = s.scalars(select(Department).order_by(Department.id)).first()
        s.add(TransferBatch(department_id=department.id if department else None, received_on=date(2024, 3, 1),
                            file_name=BATCH_FILE, row_count=5, accepted_count=5, status="accepted",
                            operator="张三"))  # fmt: skip
        volume = Volume(
            reference_code=f"{first.reference_code}-V01", fonds_id=first.fonds_id, category_id=first.category_id,
            year=first.year, retention_id=first.retention_id, department_id=first.department_id, volume_number=1,
            title=VOLUME_TITLE, start_date=date(first.year, 1, 5), end_date=date(first.year, 11, 30),
        )  # fmt: skip
        s.add(volume)
        s.flush()
        same_year = s.scalars(
            select(Record).where(Record.year == first.year, Record.category_id == first.category_id).limit(3)
        )
        for record in same_year:
            record.volume_id = volume.id
        uow.commit()
        return {"lent": first.reference_code, "volume": volume.reference_code}

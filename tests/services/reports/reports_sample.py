"""A small archive for the report tests, built through the ORM (independent of the catalogue service).

Two shelved boxes of 文书 2023 (one 永久, one 定期30年), one unshelved box, a 科研 volume with three
items, a supplied title, formula-looking text, a destroyed item and a pending one.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select

from archdesk.models import (
    Box,
    Category,
    Department,
    Fonds,
    Location,
    Record,
    RetentionPeriod,
    SecurityLevel,
    TransferBatch,
    Volume,
)
from archdesk.services.database import Database
from archdesk.services.uow import UnitOfWork

LONG_TITLE = "关于印发《档案管理办法》的通知及其附件、实施细则和各部门认真贯彻执行情况的说明材料（含会议记录与签到表）"
FORMULA_TEXT = '=HYPERLINK("http://example.invalid","x")'


def build_sample(db: Database) -> dict[str, str]:
    """Fill ``db`` (a fresh seeded archive) and return a few reference codes the tests look for."""
    with UnitOfWork(db) as uow:
        s = uow.session

        def one(model, code):
            return s.execute(select(model).where(model.code == code)).scalar_one()

        fonds = one(Fonds, "Z001")
        ws, ky = one(Category, "WS"), one(Category, "KJ·KY")
        y, d30 = one(RetentionPeriod, "Y"), one(RetentionPeriod, "D30")
        bgs, kyc = one(Department, "BGS"), one(Department, "KYC")
        nb, mm = one(SecurityLevel, "NB"), one(SecurityLevel, "MM")
        shelf = Location(code="K01-A-03-A-05-4", storeroom="K01", area="A", row="03", side="A", section="05", shelf="4")
        s.add(shelf)
        s.flush()
        box_y = Box(
            code="Z001-WS·2023-Y-BGS-001", fonds_id=fonds.id, category_id=ws.id, year=2023, retention_id=y.id,
            department_id=bgs.id, box_number=1, location_id=shelf.id, notes="第0003件原件缺失，以复印件代替。",
            arranged_by="张三", checked_by="李四",
        )  # fmt: skip
        box_d30 = Box(
            code="Z001-WS·2023-D30-BGS-001", fonds_id=fonds.id, category_id=ws.id, year=2023, retention_id=d30.id,
            department_id=bgs.id, box_number=1, location_id=shelf.id,
        )  # fmt: skip
        box_loose = Box(
            code="Z001-WS·2022-Y-BGS-001", fonds_id=fonds.id, category_id=ws.id, year=2022, retention_id=y.id,
            department_id=bgs.id, box_number=1,
        )  # fmt: skip
        s.add_all([box_y, box_d30, box_loose])
        batch = TransferBatch(department_id=bgs.id, received_on=date(2024, 3, 1), row_count=6, accepted_count=6)
        s.add(batch)
        s.flush()

        def record(retention, number, title, **extra):
            code = f"Z001-WS·{extra.pop('year', 2023)}-{retention.code}-BGS-{number:04d}"
            values = dict(
                reference_code=code, fonds_id=fonds.id, category_id=ws.id, year=int(code[8:12]),
                retention_id=retention.id, department_id=bgs.id, item_number=number, title=title,
                status="in_custody", accepted_at=datetime(2024, 3, 2, 10, 0), transfer_batch_id=batch.id,
            )  # fmt: skip
            values.update(extra)
            s.add(Record(**values))
            return code

        codes = {
            "first": record(y, 1, LONG_TITLE, document_number="办发〔2023〕1号", responsible_party="本单位办公室",
                            date=date(2023, 1, 9), pages=12, security_level_id=nb.id, box_id=box_y.id),
            "supplied": record(y, 2, "2023年度工作会议照片说明", title_supplied=True, date=date(2023, 2, 1), pages=3,
                               box_id=box_y.id),
            "formula": record(y, 3, "关于经费的请示", document_number=FORMULA_TEXT, responsible_party="+86 10 1234",
                              notes="-待补充", date=date(2023, 3, 15), pages=2, security_level_id=mm.id,
                              box_id=box_y.id),
            "destroyed": record(d30, 1, "一般性事务通知", status="destroyed", date=date(2023, 4, 2), pages=1,
                                box_id=box_d30.id),
            "older": record(y, 1, "2022年工作总结", year=2022, date=date(2022, 12, 30), pages=8, notes="@存疑",
                            box_id=box_loose.id),
            "pending": record(d30, 2, "尚未归档的文件", status="pending", date=date(2023, 5, 6), pages=4),
        }  # fmt: skip
        volume = Volume(
            reference_code="Z001-KJ·KY·2023-Y-KYC-0001", fonds_id=fonds.id, category_id=ky.id, year=2023,
            retention_id=y.id, department_id=kyc.id, volume_number=1, title="智能档案管理系统研发项目文件",
            start_date=date(2023, 1, 5), end_date=date(2023, 11, 30), security_level_id=nb.id,
        )  # fmt: skip
        s.add(volume)
        s.flush()
        for number, title in enumerate(("项目任务书", "项目中期检查报告", "项目验收报告"), 1):
            s.add(
                Record(
                    reference_code=f"Z001-KJ·KY·2023-Y-KYC-0001-{number:03d}",
                    fonds_id=fonds.id,
                    category_id=ky.id,
                    year=2023,
                    retention_id=y.id,
                    department_id=kyc.id,
                    item_number=number,
                    title=title,
                    responsible_party="科研处",
                    date=date(2023, number * 3, 1),
                    pages=10 * number,
                    status="in_custody",
                    volume_id=volume.id,
                    accepted_at=datetime(2024, 1, 10),
                )  # fmt: skip
            )
        codes["volume"] = volume.reference_code
        uow.commit()
    return codes

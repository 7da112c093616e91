"""Demo appraisal (演示鉴定): the demo archive's disposition history, made through the real services.

Every destroyed record of the demo comes from an executed destruction list: one appraisal batch
of old 10-year 文书 records decided (most destroyed, a few kept or extended), its list approved with
two witnesses and executed. A second batch leaves one list awaiting approval; one accounting
voucher is held for unsettled claims (未结清的债权债务); the other records past their retention are
left due. Deterministic (the demo's seed), and bounded so a million-record archive stays quick.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from archdesk.models import Category, Record, RetentionPeriod
from archdesk.services.appraisal import (
    approve_destruction_list,
    close_batch,
    create_batch,
    create_destruction_list,
    decide,
    execute_destruction_list,
    place_hold,
)
from archdesk.services.appraisal.common import is_accounting
from archdesk.services.database import Database
from archdesk.services.uow import UnitOfWork

#: The executed list destroys at most this many records (40 % of the candidates otherwise).
MAX_DESTROYED = 1000
PENDING_LIST = 12


@dataclass(frozen=True)
class DemoAppraisal:
    destroyed: int
    awaiting_approval: int
    held: str


def _candidates(uow: UnitOfWork, today: date) -> tuple[list[str], list[str]]:
    """(文书 10-year records past their retention, accounting ones), in 档号 order."""
    session = uow.session
    ten_years = session.scalar(select(RetentionPeriod.id).where(RetentionPeriod.code == "D10"))
    rows = session.execute(
        select(Record.reference_code, Category.code)
        .join(Category, Category.id == Record.category_id)
        .where(Record.retention_id == ten_years, Record.year <= today.year - 11, Record.status == "in_custody")
        .order_by(Record.reference_code)
    ).all()
    general = [code for code, category in rows if category == "WS"]
    accounting = [code for code, category in rows if is_accounting(category)]
    return general, accounting


def add_demo_appraisal(db: Database, uow: UnitOfWork, rng: random.Random) -> DemoAppraisal:
    """Add the appraisal history in the demo's unit of work (nothing is committed here)."""
    today = date.today()
    general, accounting = _candidates(uow, today)
    if not general:
        return DemoAppraisal(0, 0, "")
    chosen = sorted(code for code in general if rng.random() < 0.4)[:MAX_DESTROYED]
    rest = [code for code in general if code not in set(chosen)]
    kept, extended, pending = rest[:3], rest[3:6], rest[6 : 6 + PENDING_LIST]
    members = "办公室主任 王建国, 档案员 李静, 业务科 赵敏"
    first = create_batch(db, f"{today.year}年度到期文书档案鉴定", members, appraised_on=today,
                         scope="保管期限为10年、已到期的文书档案", uow=uow)  # fmt: skip
    if chosen:
        decide(db, first, chosen, "destroy", "保管期限已满，经逐件审查已无继续保存价值，同意销毁", uow=uow)
    if kept:
        decide(db, first, kept, "keep", "反映本单位重要工作，具有长远查考价值，改为永久保存", uow=uow)
    if extended:
        decide(db, first, extended, "extend", "相关事项尚未办结，延长保管期限10年", retention="D10", uow=uow)
    destroyed = 0
    if chosen:
        executed = create_destruction_list(db, first, applicant="档案员 李静", uow=uow)
        approve_destruction_list(db, executed, "局长 周明", "办公室 刘芳, 纪检组 陈伟", place="本单位档案室碎纸间",
                                 method="粉碎", uow=uow)  # fmt: skip
        destroyed = execute_destruction_list(db, executed, uow=uow).records
    close_batch(db, first, uow=uow)
    awaiting = 0
    if pending:
        second = create_batch(db, f"{today.year}年度第二批到期档案鉴定", members, appraised_on=today, uow=uow)
        decide(db, second, pending, "destroy", "保管期限已满，无保存价值", uow=uow)
        create_destruction_list(db, second, applicant="档案员 李静", uow=uow)
        close_batch(db, second, uow=uow)
        awaiting = len(pending)
    held = accounting[0] if accounting else rest[-1]
    kind = "unsettled_claims" if accounting else "legal"
    place_hold(db, held, "涉及应收账款未结清（未结清的债权债务），暂不得销毁", kind=kind, uow=uow)
    return DemoAppraisal(destroyed, awaiting, held)

"""Demo data for use (利用): borrowers, and requests behind every record the demo marks 出借.

Called by ``services/demo.py`` once the records are written, in the same unit of work. Deterministic
(its own generator from the demo's seed) and fast (Core inserts): a million-record demo gets about
100,000 loans. Every record on loan has a lent loan (about a third of them overdue, some renewed,
each with its ledger row out); returned loans make the history (some damaged, some with the use's
effect recorded); one request waits for approval and one was refused.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from archdesk.models import (
    Borrower,
    Box,
    Department,
    Loan,
    LoanRenewal,
    LoanRequest,
    Movement,
    Record,
    SecurityLevel,
    UseRestriction,
)
from archdesk.services import demo_text

ORGANISATIONS = ("市档案馆", "市志办", "某大学历史系", "审计局", "区融媒体中心")
PURPOSES = ("work",) * 6 + ("history", "history", "research", "economy", "education", "other")
APPROVERS = ("孙建国", "周敏")  # 分管领导: never a borrower
EFFECTS = ("为编写年鉴提供了依据", "查清了历史遗留问题", "为审计提供了凭证", "用于专题展览", "")
CHUNK = 20_000


def add_use_demo(session: Session, rng: random.Random, *, today: date | None = None, operator: str = "demo") -> int:
    """Borrowers and loans consistent with the records' statuses; returns the number of loans written."""
    today = today or date.today()
    conn = session.connection()
    borrowers = _add_borrowers(session, rng)
    ranks = dict(session.execute(select(SecurityLevel.id, SecurityLevel.rank)).all())
    clearance = {b["id"]: ranks.get(b["clearance_level_id"], 0) for b in borrowers}
    record_ranks = {}
    places = {}
    on_loan: list[int] = []
    in_custody: list[int] = []
    for rid, status, level, location in session.execute(
        select(Record.id, Record.status, Record.security_level_id, Box.location_id)
        .outerjoin(Box, Box.id == Record.box_id)
        .where(Record.status.in_(("on_loan", "in_custody")))
        .order_by(Record.id)
    ):
        (on_loan if status == "on_loan" else in_custody).append(rid)
        record_ranks[rid] = ranks.get(level, 0)
        places[rid] = location
    request_id = (session.scalar(select(func.max(LoanRequest.id))) or 0) + 1
    loan_id = (session.scalar(select(func.max(Loan.id))) or 0) + 1
    requests, loans, renewals, movements = [], [], [], []
    ids = [b["id"] for b in borrowers]

    def request(borrower: int, records: Sequence[int], mode: str, status: str, lent_on: date, **extra) -> dict:  # noqa: ANN003
        nonlocal request_id
        needs = any(record_ranks.get(r, 0) > clearance[borrower] for r in records)
        requests.append(dict(
            id=request_id, borrower_id=borrower, purpose=rng.choice(PURPOSES), mode=mode, days=None, status=status,
            requested_on=lent_on, approver=rng.choice(APPROVERS) if needs or status == "refused" else "",
            approved_on=lent_on if needs or status == "refused" else None, refusal_reason=extra.get("reason", ""),
            use_effect=extra.get("effect", ""), handled_by=operator, notes="", created_at=datetime.combine(lent_on, time(9)),
        ))  # fmt: skip
        request_id += 1
        return requests[-1]

    def loan(req: dict, record: int, status: str, lent_on: date | None, due: date | None, **extra) -> int:  # noqa: ANN003
        nonlocal loan_id
        loans.append(dict(
            id=loan_id, request_id=req["id"], record_id=record, borrower_id=req["borrower_id"], purpose=req["purpose"],
            mode=req["mode"], status=status, requested_at=req["created_at"], approved_by=req["approver"],
            lent_on=lent_on, due_on=due, returned_on=extra.get("returned_on"), renewals=extra.get("renewals", 0),
            return_condition=extra.get("condition", ""), returned_pages=None, handled_by=operator,
            notes=extra.get("notes", ""),
        ))  # fmt: skip
        loan_id += 1
        return loan_id - 1

    # Current loans: every record marked 出借, in requests of one to three records.
    position = 0
    while position < len(on_loan):
        group = on_loan[position : position + rng.choice((1, 1, 2, 3))]
        position += len(group)
        borrower = rng.choice(ids)
        lent_on = today - timedelta(days=rng.randint(1, 21))  # due after 14 days: about a third overdue
        mode = rng.choice(("take_out",) * 8 + ("copy", "excerpt"))
        req = request(borrower, group, mode, "lent", lent_on)
        for record in group:
            due = lent_on + timedelta(days=14)
            renewed = rng.random() < 0.15 and due <= today + timedelta(days=7)
            lid = loan(
                req, record, "lent", lent_on, due + timedelta(days=14) if renewed else due, renewals=int(renewed)
            )
            if renewed:
                renewals.append(dict(loan_id=lid, renewed_on=min(due, today), previous_due_on=due,
                                     due_on=due + timedelta(days=14), override_reason="", operator=operator))  # fmt: skip
            movements.append(dict(occurred_at=datetime.combine(lent_on, time(10)), record_id=record, box_id=None,
                                  from_location_id=places.get(record), to_location_id=None, direction="out",
                                  reason="loan", operator=operator, notes=f"request {req['id']}"))  # fmt: skip
    # History: returned loans of records in custody (some records used many times).
    history = len(in_custody) // 10 if in_custody else 0
    for record in rng.choices(in_custody, k=history) if history else ():
        lent_on = today - timedelta(days=rng.randint(45, 900))
        mode = rng.choice(("take_out",) * 6 + ("reading_room",) * 3 + ("copy",))
        req = request(rng.choice(ids), [record], mode, "closed", lent_on, effect=rng.choice(EFFECTS))
        due = lent_on if mode == "reading_room" else lent_on + timedelta(days=14)
        back = lent_on if mode == "reading_room" else lent_on + timedelta(days=rng.randint(1, 20))
        damaged = rng.random() < 0.02
        loan(req, record, "returned", lent_on, due, returned_on=back, condition="damaged" if damaged else "intact",
             notes="归还时发现页角破损" if damaged else "")  # fmt: skip
    # One request waiting for approval and one refused: classified records, a borrower without clearance.
    secret = [r for r in in_custody if record_ranks.get(r, 0) >= 3][:2]
    outsider = next(b["id"] for b in borrowers if b["clearance_level_id"] is None)
    if secret:
        req = request(outsider, secret[:1], "reading_room", "waiting", today)
        req["approver"], req["approved_on"] = "", None
        loan(req, secret[0], "requested", None, None)
    if len(secret) > 1:
        req = request(outsider, secret[1:], "take_out", "refused", today - timedelta(days=3), reason="与利用目的无关")
        loan(req, secret[1], "rejected", None, None, notes="与利用目的无关")
    for table, rows in ((LoanRequest, requests), (Loan, loans), (LoanRenewal, renewals), (Movement, movements)):
        for start in range(0, len(rows), CHUNK):
            conn.execute(insert(table), rows[start : start + CHUNK])
    if in_custody:  # one record marked restricted (控制使用): its use needs an approver
        conn.execute(
            insert(UseRestriction), [dict(record_id=in_custody[-1], reason="涉及个人隐私", restricted_on=today)]
        )
    return len(loans)


def _add_borrowers(session: Session, rng: random.Random) -> list[dict]:
    departments = [d for (d,) in session.execute(select(Department.id).order_by(Department.id))]
    levels = dict(session.execute(select(SecurityLevel.code, SecurityLevel.id)).all())
    clearances = [levels.get(code) for code in ("NB", "NB", "GZMM", "GZMM", "MM", "JM") if code in levels]
    first = (session.scalar(select(func.max(Borrower.id))) or 0) + 1
    rows, names = [], set()
    for index in range(30):
        name = demo_text.person(rng)
        while name in names or name in APPROVERS:
            name = demo_text.person(rng)
        names.add(name)
        outside = index >= 25
        rows.append(dict(
            id=first + index, name=name, department_id=None if outside or not departments else rng.choice(departments),
            organisation=rng.choice(ORGANISATIONS) if outside else "",
            contact=f"139{rng.randint(0, 99_999_999):08d}" if outside else f"{rng.randint(6000, 6999)}",
            identity_number="", clearance_level_id=None if outside or not clearances else rng.choice(clearances),
            active=index != 24,
        ))  # fmt: skip
    session.connection().execute(insert(Borrower), rows)
    return [r for r in rows if r["active"]]

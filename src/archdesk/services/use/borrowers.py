"""Borrowers (借阅人): who may use the records, from which department or outside organisation, and up to
which 密级 without approval; quick search and each borrower's history."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, or_, select

from archdesk.messages import msg
from archdesk.models import Borrower, Department, SecurityLevel
from archdesk.services.database import Database
from archdesk.services.errors import NotFound, ValidationError
from archdesk.services.uow import UnitOfWork, unit_of_work


@dataclass(frozen=True)
class BorrowerInput:
    """What the archivist types for a borrower; codes, not ids (``department`` BGS, ``clearance`` NB)."""

    name: str
    department: str = ""
    organisation: str = ""
    contact: str = ""
    identity_number: str = ""
    clearance: str = ""
    active: bool = True


@dataclass(frozen=True)
class BorrowerView:
    id: int
    name: str
    department_code: str
    department: str  # the department's name, or the outside organisation
    contact: str
    identity_number: str
    clearance_code: str
    clearance: str
    clearance_en: str
    active: bool


def _resolve(session, data: BorrowerInput) -> dict:  # noqa: ANN001
    name = data.name.strip()
    if not name:
        raise ValidationError("borrower", msg("loans.borrower_name_required"))
    department_id = clearance_id = None
    if data.department.strip():
        department_id = session.scalar(select(Department.id).where(Department.code == data.department.strip()))
        if department_id is None:
            raise ValidationError("department", msg("loans.unknown_department", code=data.department))
    if data.clearance.strip():
        code = data.clearance.strip()
        clearance_id = session.scalar(
            select(SecurityLevel.id).where(or_(SecurityLevel.code == code, SecurityLevel.name == code))
        )
        if clearance_id is None:
            raise ValidationError("security_level", msg("loans.unknown_clearance", code=code))
    return dict(
        name=name, department_id=department_id, organisation=data.organisation.strip(), contact=data.contact.strip(),
        identity_number=data.identity_number.strip(), clearance_level_id=clearance_id, active=data.active,
    )  # fmt: skip


def add_borrower(db: Database, data: BorrowerInput, *, uow: UnitOfWork | None = None) -> int:
    """Register a borrower; returns the id. Any thread (the caller's)."""
    with unit_of_work(db, uow) as work:
        values = _resolve(work.session, data)
        borrower = Borrower(**values)
        work.session.add(borrower)
        work.session.flush()
        work.audit(
            "create",
            "borrower",
            borrower.id,
            msg("audit.borrower.added", name=borrower.name),
            after={"name": borrower.name},
        )
        return borrower.id


def update_borrower(db: Database, borrower_id: int, data: BorrowerInput, *, uow: UnitOfWork | None = None) -> None:
    """Change a borrower's details (a borrower who left is set inactive, never deleted: loans refer to them)."""
    with unit_of_work(db, uow) as work:
        borrower = work.session.get(Borrower, borrower_id)
        if borrower is None:
            raise NotFound("borrower", borrower_id)
        values = _resolve(work.session, data)
        before = {k: getattr(borrower, k) for k in values}
        for key, value in values.items():
            setattr(borrower, key, value)
        work.audit(
            "update",
            "borrower",
            borrower_id,
            msg("audit.borrower.changed", name=borrower.name),
            before=before,
            after=values,
        )


def _select():  # noqa: ANN202
    # Columns labelled as BorrowerView's fields: the view is built by name, not by column order.
    return (
        select(
            Borrower.id,
            Borrower.name,
            func.coalesce(Department.code, "").label("department_code"),
            func.coalesce(Department.name, Borrower.organisation).label("department"),
            Borrower.contact,
            Borrower.identity_number,
            func.coalesce(SecurityLevel.code, "").label("clearance_code"),
            func.coalesce(SecurityLevel.name, "").label("clearance"),
            func.coalesce(SecurityLevel.name_en, "").label("clearance_en"),
            Borrower.active,
        )  # fmt: skip
        .outerjoin(Department, Department.id == Borrower.department_id)
        .outerjoin(SecurityLevel, SecurityLevel.id == Borrower.clearance_level_id)
    )


def find_borrowers(db: Database, text: str = "", *, active_only: bool = False, limit: int = 200) -> list[BorrowerView]:
    """Borrowers whose name, department, organisation, contact or ID number contains ``text``, by name."""
    stmt = _select()
    words = text.strip()
    if words:
        like = f"%{words}%"
        stmt = stmt.where(
            or_(
                Borrower.name.ilike(like),
                Borrower.organisation.ilike(like),
                Borrower.contact.ilike(like),
                Borrower.identity_number.ilike(like),
                Department.name.ilike(like),
                Department.code.ilike(like),
            )  # fmt: skip
        )
    if active_only:
        stmt = stmt.where(Borrower.active.is_(True))
    with db.reading() as session:
        rows = session.execute(stmt.order_by(Borrower.name, Borrower.id).limit(limit))
        return [BorrowerView(**row._mapping) for row in rows]


def get_borrower(db: Database, borrower_id: int) -> BorrowerView:
    with db.reading() as session:
        row = session.execute(_select().where(Borrower.id == borrower_id)).first()
    if row is None:
        raise NotFound("borrower", borrower_id)
    return BorrowerView(**row._mapping)

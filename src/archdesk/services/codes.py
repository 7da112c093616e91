"""Reading and editing the code tables (categories, retention periods, security levels, …)."""

from __future__ import annotations

from sqlalchemy import func, select

from archdesk.messages import msg
from archdesk.models import Carrier, Category, Department, Fonds, Record, RetentionPeriod, SecurityLevel
from archdesk.services.database import Database
from archdesk.services.errors import NotAllowed, NotFound
from archdesk.services.refcode import validate_pattern
from archdesk.services.uow import UnitOfWork, unit_of_work
from archdesk.services.views import CategoryItem, CodeItem, CodeTables


def code_tables(db: Database) -> CodeTables:
    """Everything a record form needs for its choice lists, in display order."""
    with db.reading() as session:
        retention_codes = {r.id: r.code for r in session.scalars(select(RetentionPeriod))}
        return CodeTables(
            fonds=[CodeItem(f.id, f.code, f.name) for f in session.scalars(select(Fonds).order_by(Fonds.code))],
            categories=[
                CategoryItem(
                    c.id,
                    c.code,
                    c.name,
                    c.name_en,
                    c.parent_id,
                    c.arrangement,
                    c.refcode_pattern,
                    retention_codes.get(c.default_retention_id or 0, ""),
                )
                for c in session.scalars(select(Category).where(Category.active).order_by(Category.id))
            ],
            retention_periods=[
                CodeItem(r.id, r.code, r.label, r.label_en)
                for r in session.scalars(
                    select(RetentionPeriod).where(RetentionPeriod.active).order_by(RetentionPeriod.sort_order)
                )
            ],
            security_levels=[
                CodeItem(s.id, s.code, s.name, s.name_en)
                for s in session.scalars(select(SecurityLevel).order_by(SecurityLevel.rank))
            ],
            carriers=[
                CodeItem(c.id, c.code, c.name, c.name_en) for c in session.scalars(select(Carrier).order_by(Carrier.id))
            ],
            departments=[
                CodeItem(d.id, d.code, d.name)
                for d in session.scalars(select(Department).where(Department.active).order_by(Department.code))
            ],
        )


def save_archive_settings(
    db: Database,
    *,
    fonds: tuple[str, str] | None = None,
    category_rules: dict[str, tuple[str, str]] | None = None,
    uow: UnitOfWork | None = None,
) -> None:
    """Settings › OK: the fonds' code and name and each category's (reference-code pattern, default
    retention code), in one unit of work: all of it is saved, or nothing when any of it is refused."""
    rules = category_rules or {}
    for pattern, _retention in rules.values():
        validate_pattern(pattern)
    with unit_of_work(db, uow) as work:
        if fonds is not None:
            _set_fonds(work, *fonds)
        for code, (pattern, retention) in rules.items():
            _set_category_rules(work, code, pattern, retention)


def set_category_rules(db: Database, code: str, *, refcode_pattern: str, default_retention: str) -> None:
    """The reference-code pattern and default retention of one category."""
    save_archive_settings(db, category_rules={code: (refcode_pattern, default_retention)})


def _set_category_rules(uow: UnitOfWork, code: str, refcode_pattern: str, default_retention: str) -> None:
    category = uow.session.scalar(select(Category).where(Category.code == code))
    if category is None:
        raise NotFound("category", code)
    retention = uow.session.scalar(select(RetentionPeriod).where(RetentionPeriod.code == default_retention))
    if default_retention and retention is None:
        raise NotFound("retention", default_retention)
    before = {"refcode_pattern": category.refcode_pattern, "default_retention_id": category.default_retention_id}
    category.refcode_pattern = refcode_pattern
    category.default_retention_id = retention.id if retention else None
    after = {"refcode_pattern": category.refcode_pattern, "default_retention_id": category.default_retention_id}
    if before != after:
        uow.audit("update", "category", category.id, msg("audit.category.rules", code=code), before=before, after=after)


def _set_fonds(uow: UnitOfWork, code: str, name: str) -> None:
    """The code and name of the archive's (first) fonds."""
    fonds = uow.session.scalar(select(Fonds).order_by(Fonds.id))
    if fonds is None:
        raise NotFound("fonds", code)
    before = {"code": fonds.code, "name": fonds.name}
    if code.strip() != fonds.code:  # the code is in every reference code of the fonds' records
        used = uow.session.scalar(select(func.count()).select_from(Record).where(Record.fonds_id == fonds.id)) or 0
        if used:
            raise NotAllowed(msg("setup.code_in_use", code=fonds.code, records=used))
    fonds.code, fonds.name = code.strip(), name.strip()
    if before != {"code": fonds.code, "name": fonds.name}:
        summary = msg("audit.fonds.changed", code=code)
        uow.audit("update", "fonds", fonds.id, summary, before=before, after={"code": code, "name": name})

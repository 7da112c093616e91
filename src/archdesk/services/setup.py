"""Setting up an archive (档案室设置): fonds (全宗), categories (门类) with sub-categories, their 档号
template and default retention, and departments (机构/问题). Qt-free; every change is audited.

A code that records use is never deleted: a category or department is *retired* (no longer offered
for new records, still shown on the records that have it) and can be brought back. A code, once
records carry it in their reference codes, cannot be changed either: only names change then.

Every mutating function takes ``*, uow=None`` and joins the caller's unit of work when given.
Reads and writes run on the calling thread (the UI calls them on its worker).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import distinct, func, select

from archdesk.messages import msg
from archdesk.models import DAT22_PATTERN, Category, Department, Fonds, Location, Record, RetentionPeriod
from archdesk.services.database import Database
from archdesk.services.errors import NotAllowed, NotFound, ValidationError
from archdesk.services.refcode import validate_pattern
from archdesk.services.uow import UnitOfWork, unit_of_work
from archdesk.services.views import CodeItem

#: 全宗号: 3–4 capital letters or digits (Z109, J001).
FONDS_CODE = re.compile(r"^[A-Z0-9]{3,4}$")
#: One level of a category code: WS, KJ, 01 (a sub-category's full code is parent·own, e.g. KJ·KY).
CATEGORY_CODE = re.compile(r"^[A-Z0-9]{1,4}$")
#: 机构(问题) code: pinyin initials or digits, e.g. BGS.
DEPARTMENT_CODE = re.compile(r"^[A-Z0-9]{1,8}$")
ARRANGEMENTS = ("item", "volume")


@dataclass(frozen=True)
class SetupFonds:
    id: int
    code: str
    name: str
    records: int


@dataclass(frozen=True)
class SetupCategory:
    id: int
    code: str  # the full code as written in a reference code ("KJ·KY")
    name: str
    name_en: str
    parent_id: int | None
    arrangement: str
    refcode_pattern: str
    default_retention: str  # a retention code, "" for none
    active: bool
    records: int


@dataclass(frozen=True)
class SetupDepartment:
    id: int
    code: str
    name: str
    active: bool
    records: int


@dataclass(frozen=True)
class Checklist:
    """What a new archive still lacks before the first records go in (the first-run checklist)."""

    fonds: int
    categories: int
    departments: int
    storerooms: int

    @property
    def complete(self) -> bool:
        return all((self.fonds, self.categories, self.departments, self.storerooms))


@dataclass(frozen=True)
class ArchiveSetup:
    fonds: list[SetupFonds]
    categories: list[SetupCategory]  # parents before their children
    departments: list[SetupDepartment]
    retention_periods: list[CodeItem]
    checklist: Checklist


def archive_setup(db: Database) -> ArchiveSetup:
    """Everything the set-up dialog shows, retired codes included."""
    with db.reading() as session:

        def counts(column) -> dict[int, int]:  # noqa: ANN001
            return dict(session.execute(select(column, func.count()).group_by(column)).all())

        by_fonds, by_category, by_department = (
            counts(Record.fonds_id),
            counts(Record.category_id),
            counts(Record.department_id),
        )
        retention_codes = {r.id: r.code for r in session.scalars(select(RetentionPeriod))}
        fonds = [
            SetupFonds(f.id, f.code, f.name, by_fonds.get(f.id, 0))
            for f in session.scalars(select(Fonds).order_by(Fonds.code))
        ]
        categories = [
            SetupCategory(
                c.id,
                c.code,
                c.name,
                c.name_en,
                c.parent_id,
                c.arrangement,
                c.refcode_pattern,
                retention_codes.get(c.default_retention_id or 0, ""),
                c.active,
                by_category.get(c.id, 0),
            )  # fmt: skip
            for c in session.scalars(select(Category).order_by(Category.code))
        ]
        departments = [
            SetupDepartment(d.id, d.code, d.name, d.active, by_department.get(d.id, 0))
            for d in session.scalars(select(Department).order_by(Department.code))
        ]
        periods = [
            CodeItem(r.id, r.code, r.label, r.label_en)
            for r in session.scalars(
                select(RetentionPeriod).where(RetentionPeriod.active).order_by(RetentionPeriod.sort_order)
            )
        ]
        storerooms = session.scalar(select(func.count(distinct(Location.storeroom)))) or 0
    checklist = Checklist(
        fonds=len(fonds),
        categories=sum(c.active for c in categories),
        departments=sum(d.active for d in departments),
        storerooms=storerooms,
    )
    return ArchiveSetup(fonds, categories, departments, periods, checklist)


def first_run_checklist(db: Database) -> Checklist:
    return archive_setup(db).checklist


# -- fonds ------------------------------------------------------------------------------------------


def add_fonds(db: Database, code: str, name: str, *, uow: UnitOfWork | None = None) -> int:
    """A new fonds (全宗); returns its id."""
    code, name = _code(code, FONDS_CODE, "fonds_code"), _name(name, "fonds_name")
    with unit_of_work(db, uow) as work:
        if work.session.scalar(select(Fonds.id).where(Fonds.code == code)) is not None:
            raise ValidationError("fonds_code", msg("setup.code_taken", code=code))
        fonds = Fonds(code=code, name=name)
        work.session.add(fonds)
        work.session.flush()
        work.audit(
            "create",
            "fonds",
            fonds.id,
            msg("audit.fonds.added", code=code, name=name),
            after={"code": code, "name": name},
        )
        return fonds.id


def update_fonds(db: Database, fonds_id: int, *, code: str, name: str, uow: UnitOfWork | None = None) -> None:
    """Rename a fonds; its code changes only while no record carries it."""
    code, name = _code(code, FONDS_CODE, "fonds_code"), _name(name, "fonds_name")
    with unit_of_work(db, uow) as work:
        fonds = work.session.get(Fonds, fonds_id)
        if fonds is None:
            raise NotFound("fonds", fonds_id)
        before = {"code": fonds.code, "name": fonds.name}
        if code != fonds.code:
            _code_unused(work, Record.fonds_id, fonds_id, fonds.code)
            if work.session.scalar(select(Fonds.id).where(Fonds.code == code)) is not None:
                raise ValidationError("fonds_code", msg("setup.code_taken", code=code))
        fonds.code, fonds.name = code, name
        after = {"code": code, "name": name}
        if after != before:
            work.audit("update", "fonds", fonds_id, msg("audit.fonds.changed", code=code), before=before, after=after)


# -- categories -------------------------------------------------------------------------------------


def add_category(
    db: Database,
    code: str,
    name: str,
    *,
    name_en: str = "",
    parent: str = "",
    arrangement: str = "item",
    refcode_pattern: str = DAT22_PATTERN,
    default_retention: str = "",
    uow: UnitOfWork | None = None,
) -> int:
    """A new category, or a sub-category of ``parent`` (its code then reads ``parent·code``); returns its id."""
    own = _code(code, CATEGORY_CODE, "category")
    name = _name(name, "setup.category_name")
    if arrangement not in ARRANGEMENTS:
        raise ValidationError("setup.arrangement", msg("setup.bad_arrangement", value=arrangement))
    validate_pattern(refcode_pattern)
    with unit_of_work(db, uow) as work:
        parent_id = None
        full = own
        if parent:
            above = work.session.scalar(select(Category).where(Category.code == parent))
            if above is None:
                raise NotFound("category", parent)
            parent_id, full = above.id, f"{above.code}·{own}"
        if work.session.scalar(select(Category.id).where(Category.code == full)) is not None:
            raise ValidationError("category", msg("setup.code_taken", code=full))
        category = Category(
            code=full, name=name, name_en=name_en.strip(), parent_id=parent_id, arrangement=arrangement,
            refcode_pattern=refcode_pattern, default_retention_id=_retention_id(work, default_retention),
        )  # fmt: skip
        work.session.add(category)
        work.session.flush()
        work.audit(
            "create",
            "category",
            category.id,
            msg("audit.category.added", code=full, name=category.name),
            after=_category_snapshot(category),
        )
        return category.id


def update_category(
    db: Database,
    category_id: int,
    *,
    name: str,
    name_en: str = "",
    refcode_pattern: str,
    default_retention: str,
    uow: UnitOfWork | None = None,
) -> None:
    """Rename a category and set its 档号 template and default retention (its code stays)."""
    name = _name(name, "setup.category_name")
    validate_pattern(refcode_pattern)
    with unit_of_work(db, uow) as work:
        category = work.session.get(Category, category_id)
        if category is None:
            raise NotFound("category", category_id)
        before = _category_snapshot(category)
        category.name, category.name_en = name, name_en.strip()
        category.refcode_pattern = refcode_pattern
        category.default_retention_id = _retention_id(work, default_retention)
        after = _category_snapshot(category)
        if after != before:
            work.audit(
                "update",
                "category",
                category_id,
                msg("audit.category.changed", code=category.code),
                before=before,
                after=after,
            )


def set_category_active(db: Database, category_id: int, active: bool, *, uow: UnitOfWork | None = None) -> None:
    """Retire a category (its records keep it; new records cannot use it) or bring it back.
    Retiring a category retires its sub-categories too."""
    with unit_of_work(db, uow) as work:
        category = work.session.get(Category, category_id)
        if category is None:
            raise NotFound("category", category_id)
        if active and category.parent is not None and not category.parent.active:
            raise NotAllowed(msg("setup.parent_retired", code=category.code, parent=category.parent.code))
        family = [category]
        if not active:
            family += list(work.session.scalars(select(Category).where(Category.code.like(f"{category.code}·%"))))
        for member in family:
            if member.active != active:
                member.active = active
                action = "restore" if active else "retire"
                work.audit(
                    action,
                    "category",
                    member.id,
                    msg(f"audit.category.{action}d", code=member.code),
                    after={"active": active},
                )


# -- departments ------------------------------------------------------------------------------------


def add_department(db: Database, code: str, name: str, *, uow: UnitOfWork | None = None) -> int:
    """A new department (机构/问题); returns its id."""
    code, name = _code(code, DEPARTMENT_CODE, "department"), _name(name, "setup.department_name")
    with unit_of_work(db, uow) as work:
        if work.session.scalar(select(Department.id).where(Department.code == code)) is not None:
            raise ValidationError("department", msg("setup.code_taken", code=code))
        department = Department(code=code, name=name)
        work.session.add(department)
        work.session.flush()
        work.audit(
            "create",
            "department",
            department.id,
            msg("audit.department.added", code=code, name=name),
            after={"code": code, "name": name},
        )
        return department.id


def update_department(db: Database, department_id: int, *, code: str, name: str, uow: UnitOfWork | None = None) -> None:
    """Rename a department; its code changes only while no record carries it."""
    code, name = _code(code, DEPARTMENT_CODE, "department"), _name(name, "setup.department_name")
    with unit_of_work(db, uow) as work:
        department = work.session.get(Department, department_id)
        if department is None:
            raise NotFound("department", department_id)
        before = {"code": department.code, "name": department.name}
        if code != department.code:
            _code_unused(work, Record.department_id, department_id, department.code)
            if work.session.scalar(select(Department.id).where(Department.code == code)) is not None:
                raise ValidationError("department", msg("setup.code_taken", code=code))
        department.code, department.name = code, name
        after = {"code": code, "name": name}
        if after != before:
            work.audit(
                "update",
                "department",
                department_id,
                msg("audit.department.changed", code=code),
                before=before,
                after=after,
            )


def set_department_active(db: Database, department_id: int, active: bool, *, uow: UnitOfWork | None = None) -> None:
    """Retire a department (its records keep it) or bring it back."""
    with unit_of_work(db, uow) as work:
        department = work.session.get(Department, department_id)
        if department is None:
            raise NotFound("department", department_id)
        if department.active != active:
            department.active = active
            action = "restore" if active else "retire"
            summary = msg(f"audit.department.{action}d", code=department.code)
            work.audit(action, "department", department_id, summary, after={"active": active})


# -- inside -----------------------------------------------------------------------------------------


_CODE_RULES = {
    "fonds_code": msg("setup.fonds_code_form"),
    "category": msg("setup.category_code_form"),
    "department": msg("setup.department_code_form"),
}


def _code(value: str, pattern: re.Pattern[str], field: str) -> str:
    code = value.strip()
    if not code:
        raise ValidationError(field, msg("setup.code_required"))
    if not pattern.match(code):
        raise ValidationError(field, msg("setup.bad_code", code=code, rule=_CODE_RULES[field]))
    return code


def _name(value: str, field: str) -> str:
    name = value.strip()
    if not name:
        raise ValidationError(field, msg("setup.name_required"))
    return name


def _code_unused(work: UnitOfWork, column, key: int, code: str) -> None:  # noqa: ANN001
    used = work.session.scalar(select(func.count()).select_from(Record).where(column == key)) or 0
    if used:
        raise NotAllowed(msg("setup.code_in_use", code=code, records=used))


def _retention_id(work: UnitOfWork, code: str) -> int | None:
    if not code:
        return None
    retention = work.session.scalar(select(RetentionPeriod).where(RetentionPeriod.code == code))
    if retention is None:
        raise NotFound("retention", code)
    return retention.id


def _category_snapshot(category: Category) -> dict[str, object]:
    return {
        "code": category.code,
        "name": category.name,
        "name_en": category.name_en,
        "arrangement": category.arrangement,
        "refcode_pattern": category.refcode_pattern,
        "default_retention_id": category.default_retention_id,
    }

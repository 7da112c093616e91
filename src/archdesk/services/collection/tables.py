"""The archive's code tables as an import reads them: keyed by every spelling it accepts."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from archdesk.messages import msg
from archdesk.models import Carrier, Category, Department, Fonds, RetentionPeriod, SecurityLevel
from archdesk.services.collection.parsing import lookup_key
from archdesk.services.errors import ValidationError
from archdesk.services.refcode import normalise_separators

DEFAULT_CATEGORY = "WS"


@dataclass(frozen=True)
class CategoryInfo:
    id: int
    code: str
    refcode_pattern: str
    default_retention: str = ""  # the retention code a row of this category takes when nothing says


@dataclass(frozen=True)
class CodeTables:
    """The archive's code tables, keyed by every spelling an import accepts (see ``lookup_key``)."""

    fonds_id: int
    fonds_code: str
    categories: dict[str, CategoryInfo]
    retention: dict[str, str]
    retention_ids: dict[str, int]
    security: dict[str, str]
    security_ids: dict[str, int]
    carriers: dict[str, int]
    departments: dict[str, tuple[int, str, str]]  # key → (id, code, name)

    def department(self, text: str) -> tuple[int, str, str] | None:
        return self.departments.get(lookup_key(text))

    def category(self, text: str) -> CategoryInfo | None:
        return self.categories.get(lookup_key(normalise_separators(text))) or self.categories.get(lookup_key(text))


def load_code_tables(session: Session) -> CodeTables:
    """Read the code tables once per import (they are small)."""
    fonds = session.execute(select(Fonds.id, Fonds.code).order_by(Fonds.id)).first()
    if fonds is None:
        raise ValidationError("fonds", msg("core.text", text="the archive has no fonds (全宗); create one first"))
    retention, retention_ids, retention_codes = {}, {}, {}
    for period in session.scalars(select(RetentionPeriod).where(RetentionPeriod.active.is_(True))):
        retention_ids[period.code] = period.id
        retention_codes[period.id] = period.code
        for spelling in (period.code, period.label, period.label_en):
            if spelling:
                retention[lookup_key(spelling)] = period.code
    categories: dict[str, CategoryInfo] = {}
    for cat in session.scalars(select(Category).where(Category.active.is_(True))):
        info = CategoryInfo(cat.id, cat.code, cat.refcode_pattern, retention_codes.get(cat.default_retention_id, ""))
        for spelling in (cat.code, cat.name, cat.name_en):
            if spelling:
                categories.setdefault(lookup_key(spelling), info)
    security, security_ids = {}, {}
    for level in session.scalars(select(SecurityLevel)):
        security_ids[level.code] = level.id
        for spelling in (level.code, level.name, level.name_en):
            if spelling:
                security[lookup_key(spelling)] = level.code
    carriers = {}
    for carrier in session.scalars(select(Carrier)):
        for spelling in (carrier.code, carrier.name, carrier.name_en, *carrier.name.split("/")):
            if spelling:
                carriers[lookup_key(spelling)] = carrier.id
    departments = {}
    for dept in session.scalars(select(Department)):
        for spelling in (dept.code, dept.name):
            departments[lookup_key(spelling)] = (dept.id, dept.code, dept.name)
    return CodeTables(
        fonds[0], fonds[1], categories, retention, retention_ids, security, security_ids, carriers, departments
    )

"""The 归档文件目录 bound as the standard binds it (DA/T 22-2015): one volume per 门类 + 年度 +
保管期限, and per 机构(问题) too when the category's reference-code template uses 机构, each with
its cover (全宗号, 全宗名称, 年度, 保管期限, 机构) and 序号 from 1. One continuous list of every row
stays available (``CONTINUOUS``) for a look over the whole archive.

The volumes are found with one grouped count; each volume's rows are its own streamed query, so
a register of a million rows is never held in memory.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import func, select

from archdesk.models import Category, Department, Fonds, Record, RetentionPeriod
from archdesk.services.database import Database
from archdesk.services.reports.document import Document, Field, Section
from archdesk.services.reports.labels import label
from archdesk.services.reports.queries import QueryRows, RecordFilter, apply_filter, classified, record_rows_statement

#: The register's row builder: (序号, query row) → the printed cells.
RowBuilder = Callable[[int, Any], tuple[Any, ...]]
PER_YEAR_PERIOD = "per-year-period"
CONTINUOUS = "continuous"
VOLUME_MODES = (PER_YEAR_PERIOD, CONTINUOUS)


@dataclass(frozen=True)
class CatalogueVolume:
    """One bound volume of the catalogue: its classification and how many rows it holds."""

    fonds_id: int
    category_id: int
    year: int
    retention_id: int
    department_id: int | None  # None: the category's template has no 机构, the volume spans them
    by_department: bool
    fonds_code: str
    fonds_name: str
    category: str
    category_name: str
    retention: str
    retention_name: str
    department: str
    department_name: str
    count: int

    def cover(self, language: str) -> tuple[Field, ...]:
        fields = [
            Field(label("fonds", language), self.fonds_code),
            Field(label("fonds_name", language), self.fonds_name),
            Field(label("category", language), f"{self.category} {self.category_name}"),
            Field(label("year", language), str(self.year)),
            Field(label("retention", language), self.retention_name),
        ]
        if self.by_department:
            fields.append(Field(label("department", language), f"{self.department} {self.department_name}".strip()))
        return tuple(fields)

    @property
    def sheet(self) -> str:
        """The worksheet's name: the volume's class number, e.g. WS·2023-Y-BGS."""
        tail = f"-{self.department}" if self.by_department and self.department else ""
        return f"{self.category}·{self.year}-{self.retention}{tail}"


def uses_department(pattern: str) -> bool:
    """True when a reference-code template writes 机构(问题) (its code or its name)."""
    return "{department" in (pattern or "")


def catalogue_volumes(db: Database, flt: RecordFilter, language: str) -> list[CatalogueVolume]:
    """The volumes the register of ``flt`` is bound in, in register order."""
    en = language == "en"
    statement = classified(
        select(
            Record.fonds_id, Record.category_id, Record.year, Record.retention_id, Record.department_id,
            Fonds.code, Fonds.name, Category.code, Category.name, Category.name_en, Category.refcode_pattern,
            RetentionPeriod.code, RetentionPeriod.label, RetentionPeriod.label_en, Department.code, Department.name,
            func.count(Record.id),
        ),
        Record,
    ).group_by(
        Record.fonds_id, Record.category_id, Record.year, Record.retention_id, Record.department_id,
        Fonds.code, Fonds.name, Category.code, Category.name, Category.name_en, Category.refcode_pattern,
        RetentionPeriod.code, RetentionPeriod.label, RetentionPeriod.label_en, RetentionPeriod.sort_order,
        Department.code, Department.name,
    ).order_by(Fonds.code, Category.code, Record.year, RetentionPeriod.sort_order, Department.code)  # fmt: skip
    volumes: dict[tuple, CatalogueVolume] = {}
    with db.reading() as session:
        rows = session.execute(apply_filter(statement, Record, flt)).all()
    for (fonds_id, category_id, year, retention_id, department_id, fonds_code, fonds_name, category, name, name_en,
         pattern, retention, retention_label, retention_en, department, department_name, count) in rows:  # fmt: skip
        by_department = uses_department(pattern)
        key = (fonds_id, category_id, year, retention_id, department_id if by_department else None)
        if key in volumes:  # a template without 机构: one volume across the departments
            volumes[key] = replace(volumes[key], count=volumes[key].count + count)
            continue
        volumes[key] = CatalogueVolume(
            fonds_id, category_id, year, retention_id, key[4], by_department, fonds_code, fonds_name, category,
            (name_en or name) if en else name, retention, (retention_en or retention_label) if en else retention_label,
            (department or "") if by_department else "", (department_name or "") if by_department else "", count,
        )  # fmt: skip
    return list(volumes.values())


def volume_rows(db: Database, flt: RecordFilter, volume: CatalogueVolume, row: RowBuilder) -> QueryRows:
    """The register rows of one volume, in item order (序号 from 1)."""
    statement = record_rows_statement(flt).where(
        Record.fonds_id == volume.fonds_id,
        Record.category_id == volume.category_id,
        Record.year == volume.year,
        Record.retention_id == volume.retention_id,
    )
    if volume.by_department:
        statement = statement.where(
            Record.department_id.is_(None)
            if volume.department_id is None
            else Record.department_id == volume.department_id
        )
    return QueryRows(db, statement.order_by(None).order_by(Record.item_number, Record.id), row)


def bound_register(
    db: Database,
    flt: RecordFilter,
    document: Document,
    row: RowBuilder,
    language: str,
) -> Document:
    """``document`` (the continuous register) re-cut into its volumes, each with its cover.

    The header fields that a volume's cover says (year, period, department, category) move from the
    document to each volume's own; the fonds and any other filter (box, search words) stay.
    """
    volumes = catalogue_volumes(db, flt, language)
    per_volume = {label(k, language) for k in ("fonds", "fonds_name", "category", "year", "retention", "department")}
    kept = tuple(f for f in document.fields if f.label not in per_volume)
    sections = []
    for volume in volumes:
        cover = volume.cover(language)
        rows = volume_rows(db, flt, volume, row)
        sections.append(Section(rows=rows, fields=cover[2:], count=volume.count, cover=cover, sheet=volume.sheet))
    fonds = tuple(f for f in document.fields if f.label in (label("fonds", language), label("fonds_name", language)))
    return replace(
        document,
        sections=tuple(sections) or document.sections,
        fields=fonds[:1] + kept if sections else document.fields,
    )

"""Custody: shelf locations (库房-区-列-面-节-层), boxes (档案盒) and the movement ledger (出入库)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from archdesk.models.base import Base, utcnow


class Location(Base):
    """A shelf address such as K01-A-03-A-05-4; components are kept in their own columns."""

    __tablename__ = "location"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(60), unique=True)
    storeroom: Mapped[str] = mapped_column(String(20))  # 库房
    area: Mapped[str] = mapped_column(String(10), default="")  # 区
    row: Mapped[str] = mapped_column(String(10), default="")  # 列
    side: Mapped[str] = mapped_column(String(10), default="")  # 面 (A/B)
    section: Mapped[str] = mapped_column(String(10), default="")  # 节
    shelf: Mapped[str] = mapped_column(String(10), default="")  # 层
    description: Mapped[str] = mapped_column(Text, default="")
    capacity: Mapped[int | None] = mapped_column(Integer)


class Box(Base):
    """档案盒: never mixes items of different year, department or retention (DA/T 22)."""

    __tablename__ = "box"
    __table_args__ = (
        UniqueConstraint("fonds_id", "category_id", "year", "retention_id", "department_id", "box_number"),
        CheckConstraint("box_number > 0", name="box_number_positive"),
        CheckConstraint("spine_mm IN (20, 30, 35, 40, 50, 55, 75)", name="spine_width"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(80), unique=True)
    fonds_id: Mapped[int] = mapped_column(ForeignKey("fonds.id"))
    category_id: Mapped[int] = mapped_column(ForeignKey("category.id"))
    year: Mapped[int] = mapped_column(Integer)
    retention_id: Mapped[int] = mapped_column(ForeignKey("retention_period.id"))
    department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id"))
    box_number: Mapped[int] = mapped_column(Integer)  # 盒号
    spine_mm: Mapped[int] = mapped_column(Integer, default=30)
    location_id: Mapped[int | None] = mapped_column(ForeignKey("location.id"), index=True)
    notes: Mapped[str] = mapped_column(Text, default="")  # 备考表 盒内文件情况说明
    arranged_by: Mapped[str] = mapped_column(String(100), default="")
    checked_by: Mapped[str] = mapped_column(String(100), default="")


class Movement(Base):
    """档案出入库登记: one entry in the ledger of items or boxes leaving and returning to the store."""

    __tablename__ = "movement"
    __table_args__ = (
        CheckConstraint("direction IN ('out', 'in', 'relocate')", name="direction"),
        CheckConstraint("record_id IS NOT NULL OR box_id IS NOT NULL", name="has_subject"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    occurred_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    record_id: Mapped[int | None] = mapped_column(ForeignKey("record.id"), index=True)
    box_id: Mapped[int | None] = mapped_column(ForeignKey("box.id"), index=True)
    from_location_id: Mapped[int | None] = mapped_column(ForeignKey("location.id"))
    to_location_id: Mapped[int | None] = mapped_column(ForeignKey("location.id"))
    direction: Mapped[str] = mapped_column(String(10))
    reason: Mapped[str] = mapped_column(String(50), default="")  # 借阅/数字化/修复/移交/销毁
    operator: Mapped[str] = mapped_column(String(100), default="")
    notes: Mapped[str] = mapped_column(Text, default="")

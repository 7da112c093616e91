"""Custody: storerooms (库房) and their shelf locations (列-面-节-层), boxes (档案盒), the movement
ledger (出入库), stocktakes (盘点) and the climate log (温湿度记录)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from archdesk.models.base import Base, utcnow
from archdesk.statuses import InspectionKind, StocktakeStatus, check_constraint


class Storeroom(Base):
    """库房: the room a shelving unit stands in, with the climate limits its holdings need (JGJ 25)."""

    __tablename__ = "storeroom"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(100), default="")
    # Paper stacks by default: 14–24 ℃, 45–60 % RH, daily swing at most ±2 ℃ / ±5 % RH.
    temp_min: Mapped[float] = mapped_column(Float, default=14.0)
    temp_max: Mapped[float] = mapped_column(Float, default=24.0)
    rh_min: Mapped[float] = mapped_column(Float, default=45.0)
    rh_max: Mapped[float] = mapped_column(Float, default=60.0)
    temp_swing: Mapped[float] = mapped_column(Float, default=2.0)
    rh_swing: Mapped[float] = mapped_column(Float, default=5.0)
    notes: Mapped[str] = mapped_column(Text, default="")
    retired_at: Mapped[datetime | None] = mapped_column(DateTime)
    # 库房面积 in square metres, for the annual statistics report; None = not given.
    area_m2: Mapped[float | None] = mapped_column(Float)


class Location(Base):
    """A shelf (层) address such as K01-03-A-2-4; components are kept in their own columns.

    Rows, sides and sections are the groups of these components (the location tree); only shelves
    hold boxes. A location that ever held a box is retired, never deleted (the ledger points at it).
    """

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
    name: Mapped[str] = mapped_column(String(100), default="")
    retired_at: Mapped[datetime | None] = mapped_column(DateTime)


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
    # The code on the box's label (unique; the box code when none was given).
    barcode: Mapped[str | None] = mapped_column(String(80), unique=True)
    arranged_on: Mapped[date | None] = mapped_column(Date)  # 整理日期
    checked_on: Mapped[date | None] = mapped_column(Date)  # 检查日期
    boxed_at: Mapped[datetime | None] = mapped_column(DateTime)


class Movement(Base):
    """档案出入库登记: one entry in the ledger; append-only (triggers refuse UPDATE and DELETE)."""

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


class Stocktake(Base):
    """盘点: the expected contents of a range of shelves, frozen when it starts, and what was scanned."""

    __tablename__ = "stocktake"
    __table_args__ = (CheckConstraint(check_constraint("status", StocktakeStatus), name="status"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    location_prefix: Mapped[str] = mapped_column(String(60))
    status: Mapped[str] = mapped_column(String(12), default="open")
    started_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime)
    operator: Mapped[str] = mapped_column(String(100), default="")


class StocktakeExpected(Base):
    """One box expected on one shelf when the stocktake started."""

    __tablename__ = "stocktake_expected"
    stocktake_id: Mapped[int] = mapped_column(ForeignKey("stocktake.id"), primary_key=True)
    box_id: Mapped[int] = mapped_column(ForeignKey("box.id"), primary_key=True)
    location_id: Mapped[int] = mapped_column(ForeignKey("location.id"))


class StocktakeScan(Base):
    """One code scanned during a stocktake, with the shelf scanned before it (where it was found)."""

    __tablename__ = "stocktake_scan"
    __table_args__ = (Index("ix_stocktake_scan_stocktake", "stocktake_id", "id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    stocktake_id: Mapped[int] = mapped_column(ForeignKey("stocktake.id"))
    code: Mapped[str] = mapped_column(String(80))
    box_id: Mapped[int | None] = mapped_column(ForeignKey("box.id"))
    location_id: Mapped[int | None] = mapped_column(ForeignKey("location.id"))
    scanned_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class ClimateReading(Base):
    """温湿度记录: one reading of temperature (℃) and relative humidity (%) in a storeroom."""

    __tablename__ = "climate_reading"
    __table_args__ = (
        UniqueConstraint("storeroom_id", "measured_at"),
        CheckConstraint("humidity BETWEEN 0 AND 100", name="humidity_range"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    storeroom_id: Mapped[int] = mapped_column(ForeignKey("storeroom.id"))
    measured_at: Mapped[datetime] = mapped_column(DateTime)
    temperature: Mapped[float] = mapped_column(Float)
    humidity: Mapped[float] = mapped_column(Float)
    recorded_by: Mapped[str] = mapped_column(String(100), default="")
    source: Mapped[str] = mapped_column(String(200), default="")  # typed, or the logger's file name
    action_taken: Mapped[str] = mapped_column(Text, default="")  # 超标处置措施


class Inspection(Base):
    """库房检查: a fire, security or pest inspection due on a date, and when it was done."""

    __tablename__ = "inspection"
    __table_args__ = (CheckConstraint(check_constraint("kind", InspectionKind), name="kind"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    storeroom_id: Mapped[int] = mapped_column(ForeignKey("storeroom.id"))
    kind: Mapped[str] = mapped_column(String(12))
    due_on: Mapped[date] = mapped_column(Date)
    done_on: Mapped[date | None] = mapped_column(Date)
    done_by: Mapped[str] = mapped_column(String(100), default="")
    notes: Mapped[str] = mapped_column(Text, default="")

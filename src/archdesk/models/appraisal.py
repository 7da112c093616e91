"""Appraisal (鉴定) decisions and destruction lists (销毁清册)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from archdesk.models.base import Base, utcnow


class Appraisal(Base):
    __tablename__ = "appraisal"
    __table_args__ = (CheckConstraint("decision IN ('keep', 'extend', 'destroy', 'transfer')", name="decision"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("record.id"), index=True)
    appraised_on: Mapped[date] = mapped_column(Date)
    decision: Mapped[str] = mapped_column(String(10))
    new_retention_id: Mapped[int | None] = mapped_column(ForeignKey("retention_period.id"))
    reason: Mapped[str] = mapped_column(Text, default="")
    appraisers: Mapped[str] = mapped_column(String(300), default="")
    destruction_list_id: Mapped[int | None] = mapped_column(ForeignKey("destruction_list.id"))


class DestructionList(Base):
    """销毁清册: kept permanently, with its approver and at least two witnesses (监销人)."""

    __tablename__ = "destruction_list"
    __table_args__ = (CheckConstraint("status IN ('draft', 'approved', 'executed', 'cancelled')", name="status"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    status: Mapped[str] = mapped_column(String(12), default="draft")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    approved_by: Mapped[str] = mapped_column(String(100), default="")
    approved_on: Mapped[date | None] = mapped_column(Date)
    witnesses: Mapped[str] = mapped_column(String(300), default="")  # 监销人, comma separated
    executed_on: Mapped[date | None] = mapped_column(Date)
    place: Mapped[str] = mapped_column(String(200), default="")  # 销毁地点
    method: Mapped[str] = mapped_column(String(100), default="")
    notes: Mapped[str] = mapped_column(Text, default="")


class DestructionListItem(Base):
    __tablename__ = "destruction_list_item"
    __table_args__ = (UniqueConstraint("destruction_list_id", "record_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    destruction_list_id: Mapped[int] = mapped_column(ForeignKey("destruction_list.id"), index=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("record.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text, default="")

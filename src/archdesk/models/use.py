"""Use (利用): borrowers and loans."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, DateTime, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from archdesk.models.base import Base, utcnow


class Borrower(Base):
    __tablename__ = "borrower"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id"))
    organisation: Mapped[str] = mapped_column(String(200), default="")  # for outside users
    contact: Mapped[str] = mapped_column(String(200), default="")
    clearance_level_id: Mapped[int | None] = mapped_column(ForeignKey("security_level.id"))
    active: Mapped[bool] = mapped_column(default=True)


class Loan(Base):
    """借阅登记: one record lent (or read in the reading room) to one borrower."""

    __tablename__ = "loan"
    __table_args__ = (
        CheckConstraint(
            "status IN ('requested', 'approved', 'rejected', 'lent', 'returned', 'cancelled')", name="status"
        ),
        CheckConstraint("mode IN ('reading_room', 'take_out', 'copy', 'excerpt', 'photograph')", name="mode"),
        CheckConstraint("due_on IS NULL OR lent_on IS NULL OR due_on >= lent_on", name="due_after_lent"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("record.id"), index=True)
    borrower_id: Mapped[int] = mapped_column(ForeignKey("borrower.id"), index=True)
    purpose: Mapped[str] = mapped_column(String(50), default="")  # 利用目的
    mode: Mapped[str] = mapped_column(String(20), default="take_out")  # 利用方式
    status: Mapped[str] = mapped_column(String(20), default="requested", index=True)
    requested_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    approved_by: Mapped[str] = mapped_column(String(100), default="")
    lent_on: Mapped[date | None] = mapped_column(Date)
    due_on: Mapped[date | None] = mapped_column(Date, index=True)
    returned_on: Mapped[date | None] = mapped_column(Date)
    renewals: Mapped[int] = mapped_column(default=0)
    return_condition: Mapped[str] = mapped_column(String(50), default="")  # 归还检查
    handled_by: Mapped[str] = mapped_column(String(100), default="")  # 经办人
    notes: Mapped[str] = mapped_column(Text, default="")

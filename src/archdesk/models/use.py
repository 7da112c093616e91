"""Use (利用): borrowers, requests (借阅申请), loans (借阅登记), renewals (续借) and restrictions.

A request lists one or more records for one borrower, with the purpose (利用目的), the use (利用方式)
and, when a record needs it, the approval. Each record of a request is one ``loan`` row; a record is
on loan exactly while one of its loans is ``lent`` (the record's status follows, in the same unit of
work).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from archdesk.models.base import Base, utcnow
from archdesk.statuses import LoanMode, LoanStatus, RequestStatus, check_constraint


class Borrower(Base):
    __tablename__ = "borrower"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), index=True)
    department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id"))
    organisation: Mapped[str] = mapped_column(String(200), default="")  # for outside users
    contact: Mapped[str] = mapped_column(String(200), default="")
    identity_number: Mapped[str] = mapped_column(String(50), default="")  # 身份证号 / 工号, optional
    # The highest 密级 the borrower may see without approval; none = only unclassified records.
    clearance_level_id: Mapped[int | None] = mapped_column(ForeignKey("security_level.id"))
    active: Mapped[bool] = mapped_column(default=True)


class LoanRequest(Base):
    """借阅申请: one borrower, one purpose and use, one or more records (its loans)."""

    __tablename__ = "loan_request"
    __table_args__ = (
        CheckConstraint(check_constraint("status", RequestStatus), name="status"),
        CheckConstraint(check_constraint("mode", LoanMode), name="mode"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    borrower_id: Mapped[int] = mapped_column(ForeignKey("borrower.id"), index=True)
    purpose: Mapped[str] = mapped_column(String(50), default="")  # 利用目的
    mode: Mapped[str] = mapped_column(String(20), default="take_out")  # 利用方式
    days: Mapped[int | None] = mapped_column(Integer)  # the period asked for; none = the default of the use
    status: Mapped[str] = mapped_column(String(20), default="waiting", index=True)
    requested_on: Mapped[date] = mapped_column(Date)
    approver: Mapped[str] = mapped_column(String(100), default="")  # 批准人
    approved_on: Mapped[date | None] = mapped_column(Date)
    refusal_reason: Mapped[str] = mapped_column(Text, default="")
    use_effect: Mapped[str] = mapped_column(Text, default="")  # 利用效果, recorded afterwards
    handled_by: Mapped[str] = mapped_column(String(100), default="")  # 经办人
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Loan(Base):
    """借阅登记: one record of a request, lent (or read in the reading room) to one borrower."""

    __tablename__ = "loan"
    __table_args__ = (
        CheckConstraint(check_constraint("status", LoanStatus), name="status"),
        CheckConstraint(check_constraint("mode", LoanMode), name="mode"),
        CheckConstraint("due_on IS NULL OR lent_on IS NULL OR due_on >= lent_on", name="due_after_lent"),
        # The overdue list: lent loans by due date.
        Index("ix_loan_status_due", "status", "due_on"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int | None] = mapped_column(ForeignKey("loan_request.id"), index=True)
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
    return_condition: Mapped[str] = mapped_column(String(50), default="")  # 归还检查: intact 完好 / damaged 缺损
    returned_pages: Mapped[int | None] = mapped_column(Integer)  # pages counted on return
    handled_by: Mapped[str] = mapped_column(String(100), default="")  # 经办人
    notes: Mapped[str] = mapped_column(Text, default="")


class LoanRenewal(Base):
    """续借: one renewal of a loan, with the reason when the archivist overrode the overdue block."""

    __tablename__ = "loan_renewal"
    id: Mapped[int] = mapped_column(primary_key=True)
    loan_id: Mapped[int] = mapped_column(ForeignKey("loan.id"), index=True)
    renewed_on: Mapped[date] = mapped_column(Date)
    previous_due_on: Mapped[date] = mapped_column(Date)
    due_on: Mapped[date] = mapped_column(Date)
    override_reason: Mapped[str] = mapped_column(Text, default="")
    operator: Mapped[str] = mapped_column(String(100), default="")


class UseRestriction(Base):
    """A record marked restricted (控制使用): any use of it needs an approver, whatever the clearance."""

    __tablename__ = "use_restriction"
    record_id: Mapped[int] = mapped_column(ForeignKey("record.id"), primary_key=True)
    reason: Mapped[str] = mapped_column(Text, default="")
    restricted_on: Mapped[date] = mapped_column(Date)

"""Appraisal (鉴定): batches and their per-record decisions, holds, destruction lists (销毁清册).

A batch (鉴定批次) is one sitting of the appraisal group: a date, a scope and its members. Each record
it reviews gets one ``appraisal`` row, whose decision is filled in when the group decides (keep
permanently, extend to a new period, destroy, transfer). A hold (冻结) blocks destruction of one
record until it is lifted with a reason. A destruction list is made from a batch's destroy
decisions, approved with an approver and at least two witnesses (监销人), and executed once.
None of these rows is ever deleted: the list and its items are kept permanently.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from archdesk.models.base import Base, utcnow
from archdesk.statuses import (
    AppraisalBatchStatus,
    AppraisalDecision,
    DestructionListStatus,
    HoldKind,
    check_constraint,
)


class AppraisalBatch(Base):
    """鉴定批次: one appraisal by the group (鉴定小组), with its date, scope and members."""

    __tablename__ = "appraisal_batch"
    __table_args__ = (CheckConstraint(check_constraint("status", AppraisalBatchStatus), name="status"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    appraised_on: Mapped[date] = mapped_column(Date)
    scope: Mapped[str] = mapped_column(Text, default="")
    members: Mapped[str] = mapped_column(String(500), default="")  # comma separated
    status: Mapped[str] = mapped_column(String(10), default="open", index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    closed_on: Mapped[date | None] = mapped_column(Date)


class Appraisal(Base):
    """One record reviewed in one batch; ``decision`` is NULL until the group decides.

    An extension keeps the record's own period (its 档号 carries it) and records the new one here,
    with the date the record falls due again (``next_due_on``).
    """

    __tablename__ = "appraisal"
    __table_args__ = (
        CheckConstraint(f"decision IS NULL OR {check_constraint('decision', AppraisalDecision)}", name="decision"),
        UniqueConstraint("batch_id", "record_id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("appraisal_batch.id"), index=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("record.id"), index=True)
    appraised_on: Mapped[date] = mapped_column(Date)
    decision: Mapped[str | None] = mapped_column(String(10))
    decided_on: Mapped[date | None] = mapped_column(Date)
    new_retention_id: Mapped[int | None] = mapped_column(ForeignKey("retention_period.id"))
    next_due_on: Mapped[date | None] = mapped_column(Date)
    transfer_to: Mapped[str] = mapped_column(String(200), default="")  # the receiving archive
    reason: Mapped[str] = mapped_column(Text, default="")  # 鉴定意见
    appraisers: Mapped[str] = mapped_column(String(300), default="")
    destruction_list_id: Mapped[int | None] = mapped_column(ForeignKey("destruction_list.id"))


class Hold(Base):
    """冻结: a legal or business hold on one record; it blocks destruction until lifted with a reason."""

    __tablename__ = "appraisal_hold"
    __table_args__ = (
        CheckConstraint(check_constraint("kind", HoldKind), name="kind"),
        Index("ix_appraisal_hold_active", "record_id", "lifted_at"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("record.id"))
    kind: Mapped[str] = mapped_column(String(20), default="legal")
    reason: Mapped[str] = mapped_column(Text)
    placed_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    placed_by: Mapped[str] = mapped_column(String(100), default="")
    lifted_at: Mapped[datetime | None] = mapped_column(DateTime)
    lifted_by: Mapped[str] = mapped_column(String(100), default="")
    lift_reason: Mapped[str] = mapped_column(Text, default="")


class DestructionList(Base):
    """销毁清册: kept permanently, with its approver and at least two witnesses (监销人).

    ``kind`` is ``general`` or ``accounting``: accounting records (会计档案) are listed on their own
    list with the accounting columns (应保管期限, 已保管期限).
    """

    __tablename__ = "destruction_list"
    __table_args__ = (
        CheckConstraint(check_constraint("status", DestructionListStatus), name="status"),
        CheckConstraint("kind IN ('general', 'accounting')", name="kind"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(40), default="", index=True)  # 清册编号, e.g. XH-2026-001
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("appraisal_batch.id"), index=True)
    kind: Mapped[str] = mapped_column(String(12), default="general")
    title: Mapped[str] = mapped_column(String(300))
    status: Mapped[str] = mapped_column(String(12), default="draft")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    applicant: Mapped[str] = mapped_column(String(100), default="")  # 申请人 / 档案员
    approved_by: Mapped[str] = mapped_column(String(100), default="")
    approved_on: Mapped[date | None] = mapped_column(Date)
    witnesses: Mapped[str] = mapped_column(String(300), default="")  # 监销人, comma separated
    executed_on: Mapped[date | None] = mapped_column(Date)
    executed_by: Mapped[str] = mapped_column(String(100), default="")
    place: Mapped[str] = mapped_column(String(200), default="")  # 销毁地点
    method: Mapped[str] = mapped_column(String(100), default="")  # 销毁方式
    notes: Mapped[str] = mapped_column(Text, default="")


class DestructionListItem(Base):
    """One record on a list, in list order; after execution it remembers the box the record left."""

    __tablename__ = "destruction_list_item"
    __table_args__ = (UniqueConstraint("destruction_list_id", "record_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    destruction_list_id: Mapped[int] = mapped_column(ForeignKey("destruction_list.id"), index=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("record.id"), index=True)
    appraisal_id: Mapped[int | None] = mapped_column(ForeignKey("appraisal.id"))
    position: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text, default="")
    former_box_id: Mapped[int | None] = mapped_column(ForeignKey("box.id"))


class DestroyedAttachment(Base):
    """A file removed with a destroyed record: its name and hash are kept, the file is not."""

    __tablename__ = "destroyed_attachment"
    id: Mapped[int] = mapped_column(primary_key=True)
    destruction_list_item_id: Mapped[int] = mapped_column(ForeignKey("destruction_list_item.id"), index=True)
    file_name: Mapped[str] = mapped_column(String(500))
    sha256: Mapped[str] = mapped_column(String(64), default="")
    size_bytes: Mapped[int] = mapped_column(Integer, default=0)

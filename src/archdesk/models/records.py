"""Records (件), volumes (案卷), transfer batches (移交批次), attachments (digitised scans)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from archdesk.models.base import Base, Timestamps, utcnow
from archdesk.statuses import BatchStatus, RecordStatus, check_constraint

#: Item status values (暂存, 在档, 出借, 移出, 销毁): ``statuses.RecordStatus``, defined once.
_STATUS_CHECK = check_constraint("status", RecordStatus)


class TransferBatch(Base):
    """移交批次: one department hand-over (a spreadsheet), with what came of it."""

    __tablename__ = "transfer_batch"
    __table_args__ = (
        CheckConstraint(check_constraint("status", BatchStatus), name="status"),
        CheckConstraint("row_count >= 0 AND accepted_count >= 0 AND returned_count >= 0", name="counts"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id"))
    received_on: Mapped[date] = mapped_column(Date)
    file_name: Mapped[str] = mapped_column(String(500), default="")
    file_sha256: Mapped[str] = mapped_column(String(64), default="", index=True)
    row_count: Mapped[int] = mapped_column(Integer, default=0)
    accepted_count: Mapped[int] = mapped_column(Integer, default=0)
    returned_count: Mapped[int] = mapped_column(Integer, default=0)
    operator: Mapped[str] = mapped_column(String(100), default="")
    status: Mapped[str] = mapped_column(String(20), default=BatchStatus.OPEN.value)
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # The rows returned to the department, as read, with their problems (JSON; services/collection/returned.py).
    returned_rows: Mapped[str] = mapped_column(Text, default="", server_default="")


class Volume(Base, Timestamps):
    """案卷: an optional grouping of items for volume-based categories (科技, 会计 …)."""

    __tablename__ = "volume"
    __table_args__ = (CheckConstraint("year BETWEEN 1000 AND 9999", name="year_range"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    reference_code: Mapped[str] = mapped_column(String(80), unique=True)
    fonds_id: Mapped[int] = mapped_column(ForeignKey("fonds.id"))
    category_id: Mapped[int] = mapped_column(ForeignKey("category.id"))
    year: Mapped[int] = mapped_column(Integer)
    retention_id: Mapped[int] = mapped_column(ForeignKey("retention_period.id"))
    department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id"))
    volume_number: Mapped[int] = mapped_column(Integer)  # 案卷号
    title: Mapped[str] = mapped_column(String(500))
    start_date: Mapped[date | None] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    security_level_id: Mapped[int | None] = mapped_column(ForeignKey("security_level.id"))
    box_id: Mapped[int | None] = mapped_column(ForeignKey("box.id"))
    notes: Mapped[str] = mapped_column(Text, default="")
    # 卷内备考表 (GB/T 9705, GB/T 11822): 本卷情况说明, 立卷人/日期, 检查人/日期, 互见号.
    situation: Mapped[str] = mapped_column(Text, default="", server_default="")
    arranged_by: Mapped[str] = mapped_column(String(100), default="", server_default="")
    arranged_on: Mapped[date | None] = mapped_column(Date)
    checked_by: Mapped[str] = mapped_column(String(100), default="", server_default="")
    checked_on: Mapped[date | None] = mapped_column(Date)
    cross_reference: Mapped[str] = mapped_column(String(200), default="", server_default="")


class Record(Base, Timestamps):
    """件: one archival item, the unit of arrangement (DA/T 22-2015)."""

    __tablename__ = "record"
    __table_args__ = (
        CheckConstraint(_STATUS_CHECK, name="status"),
        CheckConstraint("pages IS NULL OR pages >= 0", name="pages_not_negative"),
        CheckConstraint("item_number > 0", name="item_number_positive"),
        CheckConstraint("year BETWEEN 1000 AND 9999", name="year_range"),
        CheckConstraint("date_precision IN ('year', 'month', 'day')", name="date_precision"),
        # Every sortable column of the records table is indexed (keyset paging, see services.records_page).
        Index("ix_record_year_refcode", "year", "reference_code"),
        Index("ix_record_title", "title"),
        Index("ix_record_date", "date"),
        Index("ix_record_responsible_party", "responsible_party"),
        Index("ix_record_document_number", "document_number"),
        Index("ix_record_pages", "pages"),
        Index("ix_record_status", "status"),
        Index("ix_record_category", "category_id", "year"),
        Index("ix_record_retention", "retention_id"),
        # The due-for-appraisal count: one index range per retention period (services/appraisal/due.py).
        Index("ix_record_retention_year", "retention_id", "year", "status"),
        Index("ix_record_security", "security_level_id"),
        Index("ix_record_department", "department_id"),
        Index("ix_record_box", "box_id"),
        Index("ix_record_batch", "transfer_batch_id"),
        Index("ix_record_volume", "volume_id"),
        # Never reuse the id of a deleted record: the audit log refers to records by id.
        {"sqlite_autoincrement": True},
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    reference_code: Mapped[str] = mapped_column(String(80), unique=True)  # 档号
    fonds_id: Mapped[int] = mapped_column(ForeignKey("fonds.id"))
    category_id: Mapped[int] = mapped_column(ForeignKey("category.id"))
    year: Mapped[int] = mapped_column(Integer)  # 年度
    retention_id: Mapped[int] = mapped_column(ForeignKey("retention_period.id"))
    department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id"))
    item_number: Mapped[int] = mapped_column(Integer)  # 件号
    document_number: Mapped[str] = mapped_column(String(100), default="")  # 文号
    responsible_party: Mapped[str] = mapped_column(String(200), default="")  # 责任者
    title: Mapped[str] = mapped_column(String(1000))  # 题名
    # A title the archivist wrote (自拟题名) is printed in [ ] on the catalogue.
    title_supplied: Mapped[bool] = mapped_column(Boolean, default=False)
    date: Mapped[date | None] = mapped_column(Date)
    # What of the date is known (DA/T 22 writes 19970700): the date column holds the first day of it.
    date_precision: Mapped[str] = mapped_column(String(5), default="day", server_default="day")
    pages: Mapped[int | None] = mapped_column(Integer)
    security_level_id: Mapped[int | None] = mapped_column(ForeignKey("security_level.id"))
    carrier_id: Mapped[int | None] = mapped_column(ForeignKey("carrier.id"))
    notes: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default=RecordStatus.PENDING.value)
    # The retention value as the department wrote it (e.g. legacy 长期), kept when it was mapped.
    original_retention: Mapped[str] = mapped_column(String(50), default="")
    box_id: Mapped[int | None] = mapped_column(ForeignKey("box.id"))
    volume_id: Mapped[int | None] = mapped_column(ForeignKey("volume.id"))
    transfer_batch_id: Mapped[int | None] = mapped_column(ForeignKey("transfer_batch.id"))
    accepted_at: Mapped[datetime | None] = mapped_column(DateTime)


class ItemSequence(Base):
    """The last item number (件号) handed out in one group; numbers are never reused."""

    __tablename__ = "item_sequence"
    group_key: Mapped[str] = mapped_column(String(120), primary_key=True)
    last_number: Mapped[int] = mapped_column(Integer, default=0)


class Attachment(Base):
    """A digitised scan or born-digital file attached to a record."""

    __tablename__ = "attachment"
    __table_args__ = (
        CheckConstraint("size_bytes >= 0", name="size_not_negative"),
        Index("ix_attachment_sha256", "sha256"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("record.id"), index=True)
    file_name: Mapped[str] = mapped_column(String(500))
    stored_path: Mapped[str] = mapped_column(String(1000))
    media_type: Mapped[str] = mapped_column(String(100), default="")
    size_bytes: Mapped[int] = mapped_column(Integer, default=0)
    sha256: Mapped[str] = mapped_column(String(64), default="")
    page_count: Mapped[int | None] = mapped_column(Integer)
    added_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    added_by: Mapped[str] = mapped_column(String(100), default="")
    # Fixity (services/digitisation/fixity.py): when the stored file last matched its hash.
    last_verified_at: Mapped[datetime | None] = mapped_column(DateTime)
    # The text layer of a PDF (or OCR text), kept so the search index can be rebuilt from it.
    content_text: Mapped[str | None] = mapped_column(Text)
    # OCR (services/digitisation/ocr.py), a page at a time: pages read so far, and when the last was.
    ocr_pages_done: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    ocr_done_at: Mapped[datetime | None] = mapped_column(DateTime)

"""Code tables: fonds (全宗), categories (门类), retention periods (保管期限), security levels (密级),
carriers (载体) and departments (机构/问题). Seeded on a new database, editable afterwards."""

from __future__ import annotations

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from archdesk.models.base import Base

#: DA/T 22-2015 item-level reference code: 全宗号-门类·年度-保管期限-机构(问题)-件号.
DAT22_PATTERN = "{fonds}-{category}·{year}-{retention}[-{department}]-{item}"
#: DA/T 13-2022 general rule: year, period and department joined by '·' into one class number.
DAT13_PATTERN = "{fonds}-{category}·{year}·{retention}[·{department_name}]-{item}"


class Fonds(Base):
    """全宗: the records of one creating organisation."""

    __tablename__ = "fonds"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(8), unique=True)  # 全宗号, e.g. Z001
    name: Mapped[str] = mapped_column(String(200))  # 全宗名称 / 立档单位
    # The archive room's staff (专职/兼职档案人员), for the annual statistics report; None = not given.
    staff_full_time: Mapped[int | None] = mapped_column(Integer)
    staff_part_time: Mapped[int | None] = mapped_column(Integer)


class Category(Base):
    """门类 (series), a tree: e.g. KJ 科技 with children KY 科研, JJ 基建."""

    __tablename__ = "category"
    __table_args__ = (
        UniqueConstraint("code"),
        CheckConstraint("arrangement IN ('item', 'volume')", name="arrangement"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("category.id"))
    # The full code as written in a reference code: "WS", "KJ·KY", "KU·01".
    code: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(100))
    name_en: Mapped[str] = mapped_column(String(100), default="")
    arrangement: Mapped[str] = mapped_column(String(8), default="item")
    refcode_pattern: Mapped[str] = mapped_column(String(200), default=DAT22_PATTERN)
    default_retention_id: Mapped[int | None] = mapped_column(ForeignKey("retention_period.id"))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # 计量单位 the category's items are counted in: 件 (paper), 张 (photographs), 盘 (tapes, discs).
    unit: Mapped[str] = mapped_column(String(8), default="件", server_default="件")

    parent: Mapped[Category | None] = relationship(remote_side=[id])


class RetentionPeriod(Base):
    """保管期限: Y 永久 (years NULL), D30, D10; an optional trigger event for event-based periods."""

    __tablename__ = "retention_period"
    __table_args__ = (CheckConstraint("years IS NULL OR years > 0", name="years_positive"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(8), unique=True)
    label: Mapped[str] = mapped_column(String(50))
    label_en: Mapped[str] = mapped_column(String(50), default="")
    years: Mapped[int | None] = mapped_column(Integer)
    trigger_event: Mapped[str | None] = mapped_column(String(200))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class SecurityLevel(Base):
    """密级, ordered by rank (0 = 公开 … 5 = 绝密)."""

    __tablename__ = "security_level"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(50))
    name_en: Mapped[str] = mapped_column(String(50), default="")
    rank: Mapped[int] = mapped_column(Integer, unique=True)
    max_years: Mapped[int | None] = mapped_column(Integer)
    statutory: Mapped[bool] = mapped_column(Boolean, default=False)


class Carrier(Base):
    """载体: the medium a record is on."""

    __tablename__ = "carrier"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(50))
    name_en: Mapped[str] = mapped_column(String(50), default="")


class Department(Base):
    """机构(问题): the organisational unit (or subject) code used in reference codes, e.g. BGS 办公室."""

    __tablename__ = "department"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # Column mapping remembered from this department's last transfer spreadsheet (JSON text).
    import_mapping: Mapped[str | None] = mapped_column(Text)

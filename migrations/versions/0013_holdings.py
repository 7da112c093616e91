"""Holdings: the unit each category counts in, storerooms' floor area, the archive room's staff

``category`` gains ``unit`` (计量单位: 件 for paper items, 张 for photographs, 盘 for audio and video
recordings); existing categories are given theirs by code. ``storeroom`` gains ``area_m2`` (库房面积)
and ``fonds`` the archive room's staff (专职/兼职档案人员): the annual statistics report
(档案室基本情况统计年报) asks for both and the archive holds them nowhere else. None of these tables
has triggers, so the batch copies lose nothing.

Revision ID: 0013_holdings
Revises: 0012_volume_forms
Create Date: 2026-12-02 05:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013_holdings"
down_revision: str | None = "0012_volume_forms"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: Category code (and its sub-categories) -> unit, as the seed gives them (resources/seed/code_tables.json).
_UNITS = {"ZP": "张", "LY": "盘", "LX": "盘"}


def upgrade() -> None:
    with op.batch_alter_table("category") as batch:
        batch.add_column(sa.Column("unit", sa.String(length=8), nullable=False, server_default="件"))
    with op.batch_alter_table("storeroom") as batch:
        batch.add_column(sa.Column("area_m2", sa.Float(), nullable=True))
    with op.batch_alter_table("fonds") as batch:
        batch.add_column(sa.Column("staff_full_time", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("staff_part_time", sa.Integer(), nullable=True))
    category = sa.table("category", sa.column("code", sa.String), sa.column("unit", sa.String))
    for code, unit in _UNITS.items():
        op.execute(
            category.update()
            .where(sa.or_(category.c.code == code, category.c.code.like(f"{code}·%")))
            .values(unit=unit)
        )


def downgrade() -> None:
    with op.batch_alter_table("fonds") as batch:
        batch.drop_column("staff_part_time")
        batch.drop_column("staff_full_time")
    with op.batch_alter_table("storeroom") as batch:
        batch.drop_column("area_m2")
    with op.batch_alter_table("category") as batch:
        batch.drop_column("unit")

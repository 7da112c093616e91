"""Volume forms: the 卷内备考表's fields on ``volume``

``volume`` gains 本卷情况说明 (``situation``), 立卷人/立卷日期 (``arranged_by``, ``arranged_on``),
检查人/检查日期 (``checked_by``, ``checked_on``) and 互见号 (``cross_reference``), printed on the
卷内备考表 (services/reports/volume_forms.py). Only ``volume`` is batch-altered; it has no triggers.

Revision ID: 0012_volume_forms
Revises: 0011_digitisation
Create Date: 2026-12-02 05:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012_volume_forms"
down_revision: str | None = "0011_digitisation"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("volume") as batch:
        batch.add_column(sa.Column("situation", sa.Text(), nullable=False, server_default=""))
        batch.add_column(sa.Column("arranged_by", sa.String(length=100), nullable=False, server_default=""))
        batch.add_column(sa.Column("arranged_on", sa.Date(), nullable=True))
        batch.add_column(sa.Column("checked_by", sa.String(length=100), nullable=False, server_default=""))
        batch.add_column(sa.Column("checked_on", sa.Date(), nullable=True))
        batch.add_column(sa.Column("cross_reference", sa.String(length=200), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("volume") as batch:
        for name in ("cross_reference", "checked_on", "checked_by", "arranged_on", "arranged_by", "situation"):
            batch.drop_column(name)

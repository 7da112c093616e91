"""record.date_precision (a date known to the year, the month or the day: DA/T 22 writes 19970700)
and transfer_batch.returned_rows (the rows a batch returned, for the Transfers dock)

The date column keeps the first day of what is known; existing records were all entered to the
day, so they get "day".

Revision ID: 0004_date_precision
Revises: 0002_search_index
Create Date: 2026-12-02 02:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004_date_precision"
down_revision: str | None = "0002_search_index"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("record") as batch:
        batch.add_column(sa.Column("date_precision", sa.String(5), nullable=False, server_default="day"))
        batch.create_check_constraint(op.f("ck_record_date_precision"), "date_precision IN ('year', 'month', 'day')")
    # The rows a batch returned, kept with the batch so the Transfers dock can show and reprint them.
    with op.batch_alter_table("transfer_batch") as batch:
        batch.add_column(sa.Column("returned_rows", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("transfer_batch") as batch:
        batch.drop_column("returned_rows")
    with op.batch_alter_table("record") as batch:
        batch.drop_constraint(op.f("ck_record_date_precision"), type_="check")
        batch.drop_column("date_precision")

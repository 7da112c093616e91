"""audit_event.message: each event's summary as a message id and parameters, read in the user's language

Events written before keep their English summary (message NULL); the History tab shows it as it is.

Revision ID: 0009_house
Revises: 0007_appraisal
Create Date: 2026-12-02 02:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009_house"
down_revision: str | None = "0007_appraisal"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("audit_event") as batch:
        batch.add_column(sa.Column("message", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("audit_event") as batch:
        batch.drop_column("message")

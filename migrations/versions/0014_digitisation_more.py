"""Digitisation, more: OCR state of attachments

``attachment`` gains ``ocr_pages_done`` (pages read by OCR so far, so an interrupted run goes on
with the next page) and ``ocr_done_at`` (when the file was read to its end). Added with ALTER TABLE
ADD COLUMN (batch mode does not recreate the table for added columns): no table with triggers is
touched.

Revision ID: 0014_digitisation_more
Revises: 0013_holdings
Create Date: 2026-12-02 05:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014_digitisation_more"
down_revision: str | None = "0013_holdings"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("attachment") as batch:
        batch.add_column(sa.Column("ocr_pages_done", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("ocr_done_at", sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("attachment") as batch:
        batch.drop_column("ocr_done_at")
        batch.drop_column("ocr_pages_done")

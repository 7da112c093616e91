"""Digitisation: fixity date and text of attachments, and the content search index

``attachment`` gains ``last_verified_at`` (fixity) and ``content_text`` (a PDF's text layer or OCR
text) and an index on ``sha256`` (identical files are stored once). On SQLite a trigram FTS5 table
``search_content`` holds, per record (rowid = record id), the text of its attachments
(services/digitisation/content.py). Only ``attachment`` is batch-altered: never ``audit_event`` or
``movement`` (their append-only triggers would be lost).

Revision ID: 0011_digitisation
Revises: 0008_audit_chain
Create Date: 2026-12-02 03:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011_digitisation"
down_revision: str | None = "0008_audit_chain"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("attachment") as batch:
        batch.add_column(sa.Column("last_verified_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("content_text", sa.Text(), nullable=True))
        batch.create_index("ix_attachment_sha256", ["sha256"], unique=False)
    if op.get_bind().dialect.name == "sqlite":
        op.execute("CREATE VIRTUAL TABLE search_content USING fts5(content, tokenize='trigram', columnsize=0)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS search_content")
    with op.batch_alter_table("attachment") as batch:
        batch.drop_index("ix_attachment_sha256")
        batch.drop_column("content_text")
        batch.drop_column("last_verified_at")

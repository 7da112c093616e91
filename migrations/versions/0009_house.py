"""audit_event.message: each event's summary as a message id and parameters, read in the user's language;
the search index covers the reference code (档号) too

Events written before keep their English summary (message NULL); the History tab shows it as it is.
The search tables are made again with the reference code as a fifth field and every record indexed
(SQLite only; elsewhere search is ILIKE on the columns). The SQL and the token function are frozen
copies, as in 0002.

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


OLD_FIELDS = "title, document_number, responsible_party, notes"
FIELDS = "title, document_number, responsible_party, notes, reference_code"


def _grams(*texts):
    # Each field's distinct characters (8 hex digits) and character pairs (16), case-folded.
    fields = []
    for value in texts:
        if value:
            points = value.lower().encode("utf-32-be").hex()
            tokens = {points[i : i + 8] for i in range(0, len(points), 8)}
            tokens.update(points[i : i + 16] for i in range(0, len(points) - 8, 8))
            fields.append(" ".join(tokens))
    return " ".join(fields)


def _index(fields: str) -> None:
    count = len(fields.split(","))
    op.execute("DROP TABLE IF EXISTS search_gram")
    op.execute("DROP TABLE IF EXISTS search_trigram")
    op.execute(f"CREATE VIRTUAL TABLE search_trigram USING fts5({fields}, tokenize='trigram', columnsize=0)")
    op.execute(
        "CREATE VIRTUAL TABLE search_gram USING fts5(grams, tokenize='unicode61', content='', detail=none, columnsize=0)"
    )
    op.get_bind().connection.dbapi_connection.create_function(
        "archdesk_migration_grams", count, _grams, deterministic=True
    )
    op.execute(f"INSERT INTO search_trigram(rowid, {fields}) SELECT id, {fields} FROM record")
    op.execute(f"INSERT INTO search_gram(rowid, grams) SELECT id, archdesk_migration_grams({fields}) FROM record")


def upgrade() -> None:
    with op.batch_alter_table("audit_event") as batch:
        batch.add_column(sa.Column("message", sa.JSON(), nullable=True))
    if op.get_bind().dialect.name == "sqlite":
        _index(FIELDS)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _index(OLD_FIELDS)
    with op.batch_alter_table("audit_event") as batch:
        batch.drop_column("message")

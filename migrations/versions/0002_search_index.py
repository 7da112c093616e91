"""search index: FTS5 trigram table plus a character/pair table for 1- and 2-character words (SQLite only)

The index is built outside the ORM by archdesk.services.search (tables named search_*, which
autogenerate ignores). This revision creates the two tables and indexes the records already
there. On other databases it does nothing: search falls back to ILIKE there.
The SQL and the token function are frozen copies, so this revision keeps working when the
search module changes later (a later revision would then rebuild the index).

Revision ID: 0002_search_index
Revises: 0001_baseline
Create Date: 2026-11-26 00:10:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0002_search_index"
down_revision: str | None = "0001_baseline"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FIELDS = "title, document_number, responsible_party, notes"


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


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    op.execute(f"CREATE VIRTUAL TABLE search_trigram USING fts5({FIELDS}, tokenize='trigram', columnsize=0)")
    op.execute(
        "CREATE VIRTUAL TABLE search_gram USING fts5(grams, tokenize='unicode61', content='', detail=none, columnsize=0)"
    )
    bind.connection.dbapi_connection.create_function("archdesk_migration_grams", 4, _grams, deterministic=True)
    op.execute(f"INSERT INTO search_trigram(rowid, {FIELDS}) SELECT id, {FIELDS} FROM record")
    op.execute(f"INSERT INTO search_gram(rowid, grams) SELECT id, archdesk_migration_grams({FIELDS}) FROM record")


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("DROP TABLE IF EXISTS search_gram")
    op.execute("DROP TABLE IF EXISTS search_trigram")

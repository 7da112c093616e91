"""PostgreSQL search: how many records hold each token, and a partial index of attachments with text

On PostgreSQL only (SQLite's FTS5 tables answer these from their own structures):

- ``search_token_frequency`` (token, records): for each character and character pair in
  ``search_token``, the number of records holding it, kept in step by ``services/search_pg.py``.
  The count of a one- or two-character word (one token) is then one row, not a bitmap heap scan
  over every record holding it (工 is in 448,640 of 1,000,000 records: 1.1 s to count).
- ``search_attachment_text``: attachments whose text is known, so "does any record have attached
  text?" (which decides whether a search must also look at that text) is one index probe.

Then ANALYZE, so the planner knows how common each token is (``most_common_elems``) and walks the
catalogue's order index for a common word instead of sorting all its hits (bench/README.md).

Revision ID: 0016_pg_search
Revises: 0015_content_grams
Create Date: 2026-12-02 12:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0016_pg_search"
down_revision: str | None = "0015_content_grams"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None
#: Nothing changes on SQLite (tests/migrations/test_every_revision.py knows).
POSTGRESQL_ONLY = True


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("CREATE TABLE search_token_frequency (token text PRIMARY KEY, records integer NOT NULL)")
    op.execute(
        "INSERT INTO search_token_frequency (token, records) "
        "SELECT token, count(*) FROM search_token, unnest(tokens) AS token GROUP BY token"
    )
    op.execute(
        "CREATE INDEX search_attachment_text ON attachment (record_id) "
        "WHERE content_text IS NOT NULL AND content_text <> ''"
    )
    op.execute("ANALYZE search_token")
    op.execute("ANALYZE search_token_frequency")
    op.execute("ANALYZE record")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP INDEX IF EXISTS search_attachment_text")
    op.execute("DROP TABLE IF EXISTS search_token_frequency")

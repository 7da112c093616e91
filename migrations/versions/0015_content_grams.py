"""Search of attached text for words of one or two characters: the character-pair table

On SQLite a contentless FTS5 table ``search_content_gram`` (``detail=none``, rowid = record id)
holds each record's attachment text as its characters and character pairs, one ASCII token each
(the code points in hex, as ``search_gram`` does for the catalogue fields), and is filled from the
text ``search_content`` holds. Column sizes are kept (the ``_docsize`` shadow table, a row per
record) so ``archdesk check`` can compare its rows with ``search_content``'s. The token function is
a frozen copy of ``services/search_tokens.grams``: the search module deletes these rows later with
its own tokens, so the two must make the same ones. Elsewhere nothing changes (PostgreSQL searches
the attachments' text in place).

Revision ID: 0015_content_grams
Revises: 0014_digitisation_more
Create Date: 2026-12-02 11:45:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0015_content_grams"
down_revision: str | None = "0014_digitisation_more"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _grams(value):
    # Every character (8 hex digits) and every pair of neighbours (16) of the case-folded text.
    if not value:
        return ""
    points = value.lower().encode("utf-32-be")
    size = len(points)
    if size <= 4:
        return points.hex()
    return " ".join(
        (points.hex(" ", -4), points[: size & ~7].hex(" ", -8), points[4 : 4 + ((size - 4) & ~7)].hex(" ", -8))
    )


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("DROP TABLE IF EXISTS search_content_gram")
    op.execute(
        "CREATE VIRTUAL TABLE search_content_gram USING fts5(grams, tokenize='unicode61', content='', detail=none)"
    )
    op.get_bind().connection.dbapi_connection.create_function(
        "archdesk_migration_content_grams", 1, _grams, deterministic=True
    )
    op.execute(
        "INSERT INTO search_content_gram(rowid, grams) "
        "SELECT rowid, archdesk_migration_content_grams(content) FROM search_content"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS search_content_gram")

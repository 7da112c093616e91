"""short gram tokens: the character and pair tokens of search_gram and search_content_gram in UTF-16

The tokens of the two contentless FTS5 tables for words of one or two characters were each
character's code point in 8 hex digits (UTF-32) and each pair's in 16. They become half as long: a
character of the Basic Multilingual Plane is its UTF-16 code unit in 4 hex digits, one beyond it
``g`` and its code point in 6 (``services/search_tokens.py``), so FTS5 tokenises half the bytes
(100,000 imported records: 0.68 → 0.48 s, bench/README.md, issue 11). Both tables are emptied and
filled again from the text their trigram tables keep (``search_trigram`` for the catalogue
fields, ``search_content`` for attached text), the text their rows are deleted by later. The token
functions are frozen copies: the search modules delete these rows with their own tokens, so the
two must make the same ones. Elsewhere nothing changes (PostgreSQL keeps its own tokens).

Revision ID: 0018_short_gram_tokens
Revises: 0017_box_record_counts
Create Date: 2026-12-03 15:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0018_short_gram_tokens"
down_revision: str | None = "0017_box_record_counts"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None
#: The tables stay as they are; their rows are written again (tests/migrations/test_every_revision.py).
ROWS_ONLY = True

_FIELDS = "title, document_number, responsible_party, notes, reference_code"  # as 0009_house


def _short_token(folded):
    points = folded.encode("utf-16-be")
    if len(points) == 2 * len(folded):
        return points.hex()
    return "".join(c.encode("utf-16-be").hex() if c <= "\uffff" else f"g{ord(c):06x}" for c in folded)


def _short_grams(*texts):
    # Each character and each pair of neighbours of each case-folded text (pairs never across two),
    # written out by bytes.hex with a separator while no character is beyond the BMP.
    points, rare = [], []
    for value in texts:
        if value:
            folded = value.lower()
            encoded = folded.encode("utf-16-be")
            if len(encoded) == 2 * len(folded):
                points.append(encoded)
            else:
                rare.append(folded)
    tokens = []
    if points:
        from_first = b"".join([p[: len(p) & ~3] for p in points])
        from_second = b"".join([p[2 : 2 + ((len(p) - 2) & ~3)] for p in points])
        tokens = [b"".join(points).hex(" ", -2), from_first.hex(" ", -4), from_second.hex(" ", -4)]
    for folded in rare:
        tokens.extend(_short_token(c) for c in folded)
        tokens.extend(_short_token(folded[i : i + 2]) for i in range(len(folded) - 1))
    return " ".join(tokens)


def _long_grams(*texts):
    # The tokens before this revision: 8 hex digits a character (UTF-32), 16 a pair.
    points = [value.lower().encode("utf-32-be") for value in texts if value]
    if not points:
        return ""
    from_first = b"".join([p[: len(p) & ~7] for p in points])
    from_second = b"".join([p[4 : 4 + ((len(p) - 4) & ~7)] for p in points])
    return " ".join((b"".join(points).hex(" ", -4), from_first.hex(" ", -8), from_second.hex(" ", -8)))


def _refill(grams) -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    connection = op.get_bind().connection.dbapi_connection
    connection.create_function("archdesk_migration_grams", 5, grams, deterministic=True)
    connection.create_function("archdesk_migration_content_grams", 1, grams, deterministic=True)
    op.execute("INSERT INTO search_gram(search_gram) VALUES ('delete-all')")
    op.execute(
        f"INSERT INTO search_gram(rowid, grams) SELECT rowid, archdesk_migration_grams({_FIELDS}) FROM search_trigram"
    )
    op.execute("INSERT INTO search_content_gram(search_content_gram) VALUES ('delete-all')")
    op.execute(
        "INSERT INTO search_content_gram(rowid, grams) "
        "SELECT rowid, archdesk_migration_content_grams(content) FROM search_content"
    )


def upgrade() -> None:
    _refill(_short_grams)


def downgrade() -> None:
    _refill(_long_grams)

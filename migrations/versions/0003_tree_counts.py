"""tree counts: record_count, kept by triggers on record (SQLite)

The Catalogue tree's counts by fonds, category, year and retention, read in a millisecond instead
of a full GROUP BY (about a second at 1,000,000 records). On SQLite three triggers on ``record``
keep it in the same transaction as every change; on other databases the table stays empty and the
tree is counted in full (services/tree_counts.py). The trigger SQL is a frozen copy: a later
change of services/tree_counts.TRIGGERS comes with a revision of its own.

Revision ID: 0003_tree_counts
Revises: 0009_house
Create Date: 2026-12-02 02:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003_tree_counts"
down_revision: str | None = "0009_house"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_KEY = "fonds_id, category_id, year, retention_id"
_MATCH_OLD = (
    "fonds_id = OLD.fonds_id AND category_id = OLD.category_id AND year = OLD.year AND retention_id = OLD.retention_id"
)
_ADD_NEW = (
    f"INSERT INTO record_count ({_KEY}, records) "
    "VALUES (NEW.fonds_id, NEW.category_id, NEW.year, NEW.retention_id, 1) "
    f"ON CONFLICT ({_KEY}) DO UPDATE SET records = records + 1;"
)
_REMOVE_OLD = (
    f"UPDATE record_count SET records = records - 1 WHERE {_MATCH_OLD}; "
    f"DELETE FROM record_count WHERE {_MATCH_OLD} AND records <= 0;"
)
_CHANGED = (
    "OLD.fonds_id IS NOT NEW.fonds_id OR OLD.category_id IS NOT NEW.category_id "
    "OR OLD.year IS NOT NEW.year OR OLD.retention_id IS NOT NEW.retention_id"
)
TRIGGERS = {
    "record_count_insert": f"CREATE TRIGGER record_count_insert AFTER INSERT ON record BEGIN {_ADD_NEW} END",
    "record_count_delete": f"CREATE TRIGGER record_count_delete AFTER DELETE ON record BEGIN {_REMOVE_OLD} END",
    "record_count_update": (
        f"CREATE TRIGGER record_count_update AFTER UPDATE OF {_KEY} ON record "
        f"WHEN {_CHANGED} BEGIN {_REMOVE_OLD} {_ADD_NEW} END"
    ),
}


def upgrade() -> None:
    op.create_table(
        "record_count",
        sa.Column("fonds_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("category_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("year", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("retention_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("records", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("fonds_id", "category_id", "year", "retention_id", name=op.f("pk_record_count")),
        sqlite_with_rowid=False,
    )
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute(f"INSERT INTO record_count ({_KEY}, records) SELECT {_KEY}, count(*) FROM record GROUP BY {_KEY}")
    for statement in TRIGGERS.values():
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table("record_count")

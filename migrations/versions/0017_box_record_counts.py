"""box record counts: box_record_count, kept by triggers on record (SQLite)

How many records each box holds, so the Shelf locations dock sums 35,663 boxes per shelf (6 ms)
instead of joining the 972,256 boxed records of the 1,000,000-record archive (90–160 ms,
bench/README.md, issue 10). Per box, not per shelf: moving a box to another shelf changes nothing
here, so only ``record`` needs triggers. On SQLite three triggers keep it in the same transaction
as every insert, delete and change of ``box_id``; on other databases the table stays empty and the
shelves are counted in full (services/custody/box_counts.py). The trigger SQL is a frozen copy: a
later change of box_counts.TRIGGERS comes with a revision of its own.

Revision ID: 0017_box_record_counts
Revises: 0016_pg_search
Create Date: 2026-12-02 18:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0017_box_record_counts"
down_revision: str | None = "0016_pg_search"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ADD_NEW = (
    "INSERT INTO box_record_count (box_id, records) SELECT NEW.box_id, 1 WHERE NEW.box_id IS NOT NULL "
    "ON CONFLICT (box_id) DO UPDATE SET records = records + 1;"
)
_REMOVE_OLD = (
    "UPDATE box_record_count SET records = records - 1 WHERE box_id = OLD.box_id; "
    "DELETE FROM box_record_count WHERE box_id = OLD.box_id AND records <= 0;"
)
TRIGGERS = {
    "box_record_count_insert": (
        f"CREATE TRIGGER box_record_count_insert AFTER INSERT ON record WHEN NEW.box_id IS NOT NULL "
        f"BEGIN {_ADD_NEW} END"
    ),
    "box_record_count_delete": (
        f"CREATE TRIGGER box_record_count_delete AFTER DELETE ON record WHEN OLD.box_id IS NOT NULL "
        f"BEGIN {_REMOVE_OLD} END"
    ),
    "box_record_count_update": (
        f"CREATE TRIGGER box_record_count_update AFTER UPDATE OF box_id ON record "
        f"WHEN OLD.box_id IS NOT NEW.box_id BEGIN {_REMOVE_OLD} {_ADD_NEW} END"
    ),
}


def upgrade() -> None:
    op.create_table(
        "box_record_count",
        sa.Column("box_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("records", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("box_id", name=op.f("pk_box_record_count")),
    )
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute(
        "INSERT INTO box_record_count (box_id, records) "
        "SELECT box_id, count(*) FROM record WHERE box_id IS NOT NULL GROUP BY box_id"
    )
    for statement in TRIGGERS.values():
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table("box_record_count")

"""A batch change re-creates a parent table in SQLite; its child rows must come through untouched."""

from __future__ import annotations

from migration_helpers import file_some_records, foreign_keys_enforced, rows_of, version_rows
from sqlalchemy import inspect

from archdesk.services import migrate

# category is referenced by record, box, volume and itself (the tree); fonds by record, box and volume.
BATCH_ON_PARENTS = """
    with op.batch_alter_table("category", recreate="always") as batch_op:
        batch_op.add_column(sa.Column("scope_note", sa.Text(), nullable=True))
    with op.batch_alter_table("fonds", recreate="always") as batch_op:
        batch_op.alter_column("name", type_=sa.String(300), existing_nullable=False)
"""


def test_batch_change_to_category_and_fonds_keeps_records_boxes_and_the_category_tree(archive, scripts):
    file_some_records(archive, 5, category_code="WS")
    file_some_records(archive, 2, category_code="KJ·KY")  # a child category: parent_id points into category
    children = ("record", "box", "category", "fonds")
    before = rows_of(archive.engine, *children)
    revision = scripts.add_revision("9001_batch_parents", BATCH_ON_PARENTS)

    backup = migrate.upgrade(archive.engine, sqlite_path=archive.file, script_location=scripts.folder)

    assert backup is not None and backup.exists()
    assert version_rows(archive.engine) == [revision]
    after = rows_of(archive.engine, *children)
    assert after["record"] == before["record"]
    assert after["box"] == before["box"]
    assert [row[:-1] for row in after["category"]] == before["category"]  # same rows, one new (empty) column
    assert all(row[-1] is None for row in after["category"])
    assert after["fonds"] == before["fonds"]
    with archive.engine.connect() as conn:
        assert "scope_note" in {c["name"] for c in inspect(conn).get_columns("category")}
        assert conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
    assert foreign_keys_enforced(archive.engine), "foreign keys must be back on after the migration"

"""Rows indexed by the 0002 migration (its frozen token function) can be re-indexed and deleted by
today's search module: the contentless index stays sound and the counts exact."""

from __future__ import annotations

from sqlalchemy import text

from archdesk.services import catalogue, migrate
from archdesk.services.archive import open_archive
from archdesk.services.records_query import RecordFilter, count_records


def test_records_indexed_at_upgrade_can_be_edited_and_deleted_later(tmp_path):
    path = tmp_path / "archive.db"
    db = open_archive(path)
    # Repeated characters and pairs in one field: the migration writes each gram once per field,
    # the search module once per occurrence.
    notice = catalogue.RecordInput(
        title="会议会议纪要纪要会议", category="WS", year=2023, retention="Y", notes="备注备注"
    )
    ids = [catalogue.create_record(db, notice).id for _ in range(30)]
    migrate.downgrade(db.engine, "0001_baseline")
    db.dispose()

    db = open_archive(path)  # 0002 runs again and indexes the 30 records its own way
    for record_id in ids[:20]:
        catalogue.update_record(db, record_id, title="关于会议的通知", notes="")
    for record_id in ids[20:25]:
        catalogue.delete_record(db, record_id)

    with db.reading() as session:
        session.execute(text("INSERT INTO search_gram(search_gram) VALUES('integrity-check')"))
        session.execute(text("INSERT INTO search_trigram(search_trigram) VALUES('integrity-check')"))
    assert count_records(db, RecordFilter(text="会议")) == 25
    assert count_records(db, RecordFilter(text="纪要")) == 5
    assert count_records(db, RecordFilter(text="备")) == 5
    assert count_records(db, RecordFilter(text="通")) == 20
    db.dispose()

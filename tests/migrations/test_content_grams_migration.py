"""Migration 0015 fills the character-pair table of attached text from what ``search_content``
already holds, with the tokens today's search module deletes by: an archive upgraded with attached
text finds it by one- and two-character words at once, and its rows can be replaced later."""

from __future__ import annotations

from migration_helpers import record_with_text
from sqlalchemy import text, update

from archdesk.models import Attachment
from archdesk.services import migrate
from archdesk.services.archive import open_archive
from archdesk.services.digitisation import content
from archdesk.services.integrity import check_archive
from archdesk.services.records_query import search_records
from archdesk.services.uow import UnitOfWork


def test_attached_text_indexed_before_the_upgrade_is_found_by_short_words_and_can_be_replaced(tmp_path):
    path = tmp_path / "archive.db"
    db = open_archive(path)
    minutes = record_with_text(db, "会议纪要", "各部门负责人出席。Budget Review；会议会议")
    other = record_with_text(db, "采购清单", "计算机十台、打印机两台")
    migrate.downgrade(db.engine, "0014_digitisation_more")  # an archive of before: no pair table
    with db.engine.connect() as connection:
        names = set(connection.scalars(text("SELECT name FROM sqlite_master WHERE name LIKE 'search_content%'")))
        assert content.CONTENT_GRAM_TABLE not in names and content.CONTENT_TABLE in names
    db.dispose()

    db = open_archive(path)  # 0015 runs and fills the pair table from search_content
    assert migrate.current_revision(db.engine) == migrate.head_revision()
    assert [r.id for r in search_records(db, "出").records] == [minutes]
    assert search_records(db, "Re 两台").total == 0  # every word in one record
    assert [r.id for r in search_records(db, "两台").records] == [other]
    assert [r.id for r in search_records(db, "bu").records] == [minutes]
    with db.reading() as session:
        assert content.gram_index_differences(session) == (0, 0)

    with UnitOfWork(db) as uow:  # the text read again: the rows the migration wrote are deleted by today's tokens
        uow.session.execute(update(Attachment).where(Attachment.record_id == minutes).values(content_text="另文"))
        content.index_content(uow.session, [minutes])
        uow.commit()
    assert search_records(db, "出").total == 0
    assert [r.id for r in search_records(db, "另").records] == [minutes]
    with db.reading() as session:
        session.execute(text("INSERT INTO search_content_gram(search_content_gram) VALUES ('integrity-check')"))
    search_index = next(r for r in check_archive(db).results if r.name == "search_index")
    assert search_index.status == "ok"
    db.dispose()

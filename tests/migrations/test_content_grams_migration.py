"""Migration 0015 fills the character-pair table of attached text from what ``search_content``
already holds, with the tokens today's search module deletes by: an archive upgraded with attached
text finds it by one- and two-character words at once, and its rows can be replaced later."""

from __future__ import annotations

from datetime import date

from sqlalchemy import text, update

from archdesk.models import Attachment
from archdesk.services import migrate
from archdesk.services.archive import open_archive
from archdesk.services.catalogue import RecordInput, create_record
from archdesk.services.digitisation import content
from archdesk.services.integrity import check_archive
from archdesk.services.records_query import search_records
from archdesk.services.uow import UnitOfWork


def _record_with_text(db, title: str, attached_text: str) -> int:
    record = create_record(
        db, RecordInput(title=title, category="WS", year=2023, retention="Y", department="BGS", date=date(2023, 3, 1)),
        accept=True,
    )  # fmt: skip
    with UnitOfWork(db) as uow:
        uow.session.add(
            Attachment(record_id=record.id, file_name="scan.png", stored_path=f"{record.id:064x}.png",
                       media_type="image/png", size_bytes=1, sha256=f"{record.id:064x}", page_count=1,
                       added_by="test", content_text=attached_text)
        )  # fmt: skip
        uow.session.flush()
        content.index_content(uow.session, [record.id])
        uow.commit()
    return record.id


def test_attached_text_indexed_before_the_upgrade_is_found_by_short_words_and_can_be_replaced(tmp_path):
    path = tmp_path / "archive.db"
    db = open_archive(path)
    minutes = _record_with_text(db, "会议纪要", "各部门负责人出席。Budget Review；会议会议")
    other = _record_with_text(db, "采购清单", "计算机十台、打印机两台")
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

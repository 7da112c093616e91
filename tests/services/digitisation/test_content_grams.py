"""Words of one or two characters in attached text are found through the character-pair table
(``search_content_gram``), with the same answers as the LIKE over all the text they replace, and the
table stays in step with ``search_content`` whenever the text is written, replaced or removed."""

from __future__ import annotations

import pytest
from digitisation_files import add_record, make_pdf
from sqlalchemy import delete, select, text, update

from archdesk.models import Attachment, Record
from archdesk.services import search
from archdesk.services.digitisation import content
from archdesk.services.digitisation.attachments import attach_files
from archdesk.services.integrity import check_archive
from archdesk.services.records_query import RecordFilter, count_records, search_records
from archdesk.services.uow import UnitOfWork

#: (title, attached text): the text has what the title has not, ASCII in both cases, punctuation
#: that is LIKE syntax (% and _), full-width brackets, one-character lines and a repeated pair.
ARCHIVE = [
    ("关于召开年度工作会议的通知", "会议纪要：各部门负责人出席。Budget Review 2023"),
    ("财务报表", "〔2023〕5号 关于预算执行情况的报告；比率 15% 已完成"),
    ("人事任免", "任命张三为办公室主任。file_name_01 扫描件"),
    ("基建项目验收", "验收合格，项目编号 AB-12，照片 3 张\n附\n件"),
    ("设备采购", "采购清单：计算机 10 台、打印机 2 台（会议室用）"),
    ("档案移交", "移交清册一份，会议会议会议"),
    ("无附件的档案", None),
    ("安全检查", "消防通道畅通，灭火器在有效期内。OK ok Ok"),
]

#: 1-, 2- and 3-character words, mixed queries, words only in the title, and words found nowhere.
QUERIES = [
    "会", "议", "〔", "%", "_", "a", "b", "Z", "附", "三",
    "会议", "通知", "Bu", "re", "ok", "5%", "e_", "〔2", "台、", "件\n",
    "会议纪", "Budget", "AB-12", "file_name",
    "会 通知", "会议 Budget", "采购 会议室", "财务 预算", "会议 人事", "ok 消防", "3 张",
    "无附件", "档案", "不存在", "xyz",
]  # fmt: skip


def _make_archive(archive) -> list[int]:
    ids = [add_record(archive, title=title)[0] for title, _ in ARCHIVE]
    with UnitOfWork(archive) as uow:
        session = uow.session
        for n, (record_id, (_, attached_text)) in enumerate(zip(ids, ARCHIVE, strict=True)):
            if attached_text is not None:
                session.add(_attachment(record_id, n, attached_text))
        session.flush()
        content.index_content(session, ids)  # as OCR does after reading a page
        uow.commit()
    return ids


def _attachment(record_id: int, n: int, attached_text: str) -> Attachment:
    return Attachment(
        record_id=record_id, file_name=f"scan-{n}.png", stored_path=f"{n:064x}.png", media_type="image/png",
        size_bytes=1, sha256=f"{n:064x}", page_count=1, added_by="test", content_text=attached_text,
    )  # fmt: skip


def _like_before(session, words: list[str]) -> set[int]:
    """The records whose indexed text holds every word as the search found them before the pair
    table: a trigram MATCH per long word and a LIKE over all the text per short one."""
    where, params = [], {}
    for n, word in enumerate(words):
        if len(word) >= 3:
            where.append(f"search_content MATCH :m{n}")
            params[f"m{n}"] = '"' + word.replace('"', '""') + '"'
        else:
            where.append(f"content LIKE :l{n} ESCAPE '\\'")
            params[f"l{n}"] = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    return set(session.scalars(text("SELECT rowid FROM search_content WHERE " + " AND ".join(where)), params))


def _in_catalogue(session, query: str) -> set[int]:
    words = [w.lower() for w in search.query_words(query)]
    columns = [getattr(Record, name) for name in search.FIELDS]
    return {
        record_id
        for record_id, *values in session.execute(select(Record.id, *columns))
        if all(any(w in (v or "").lower() for v in values) for w in words)
    }


def _wanted(archive, query: str) -> set[int]:
    """What a search must find: every word in the catalogue fields, or every word in the text of
    the record's attachments (each word a case-insensitive substring), worked out without the index."""
    words = search.query_words(query)
    with archive.reading() as session:
        joined: dict[int, str] = {}
        for record_id, attached_text in session.execute(select(Attachment.record_id, Attachment.content_text)):
            joined[record_id] = joined.get(record_id, "") + "\n" + (attached_text or "")
        in_text = {rid for rid, value in joined.items() if all(w.lower() in value.lower() for w in words)}
        return _in_catalogue(session, query) | in_text


@pytest.mark.sqlite_only  # the character-pair table; PostgreSQL searches the attachments' text in place
def test_short_long_and_mixed_words_find_what_the_like_over_the_text_found(archive):
    ids = _make_archive(archive)
    for query in QUERIES:
        wanted = _wanted(archive, query)
        with archive.reading() as session:
            before = _like_before(session, search.query_words(query)) | _in_catalogue(session, query)
        found = search_records(archive, query, limit=100)
        assert {r.id for r in found.records} == wanted == before, query
        assert found.total == len(wanted) == count_records(archive, RecordFilter(text=query)), query
    # Some of the words are found only in attached text, and only through the pair table.
    assert {r.id for r in search_records(archive, "议").records} >= {ids[0], ids[4], ids[5]}
    assert [r.id for r in search_records(archive, "〔2").records] == [ids[1]]


def test_the_answers_are_the_same_on_every_database(archive):
    _make_archive(archive)
    for query in QUERIES:
        wanted = _wanted(archive, query)
        found = search_records(archive, query, limit=100)
        assert {r.id for r in found.records} == wanted, query
        assert found.total == len(wanted), query


def _pairs_table_hits(archive, word: str) -> set[int]:
    with archive.reading() as session:
        return set(
            session.scalars(
                text(f"SELECT rowid FROM {content.CONTENT_GRAM_TABLE} WHERE {content.CONTENT_GRAM_TABLE} MATCH :w"),
                {"w": '"' + search.gram_token(word) + '"'},
            )
        )


def _assert_in_step(archive) -> None:
    with archive.reading() as session:
        assert content.gram_index_differences(session) == (0, 0)
    search_result = next(r for r in check_archive(archive).results if r.name == "search_index")
    assert search_result.status == "ok", search_result


@pytest.mark.sqlite_only
def test_an_attached_pdf_is_found_by_a_two_letter_word_at_once(archive, tmp_path):
    record_id, _ = add_record(archive, title="关于召开年度工作会议的通知")
    assert search_records(archive, "Qz").total == 0
    attach_files(archive, record_id, [make_pdf(tmp_path / "a.pdf", "Minutes Qz")])
    assert [r.id for r in search_records(archive, "Qz").records] == [record_id]
    assert _pairs_table_hits(archive, "qz") == {record_id}
    second = make_pdf(tmp_path / "b.pdf", "Appendix Wy")  # a second file of the same record: both texts
    attach_files(archive, record_id, [second])
    assert search_records(archive, "Qz Wy").total == 1
    _assert_in_step(archive)


@pytest.mark.sqlite_only
def test_replaced_text_forgets_its_old_words(archive):
    ids = _make_archive(archive)
    assert ids[5] in _pairs_table_hits(archive, "清册")
    with UnitOfWork(archive) as uow:  # OCR reads the page again, or a corrected text
        uow.session.execute(
            update(Attachment).where(Attachment.record_id == ids[5]).values(content_text="移交目录两份")
        )
        content.index_content(uow.session, [ids[5]])
        uow.commit()
    assert ids[5] not in _pairs_table_hits(archive, "清册")
    assert ids[5] not in {r.id for r in search_records(archive, "册").records}
    assert [r.id for r in search_records(archive, "两份").records] == [ids[5]]
    with UnitOfWork(archive) as uow:  # the text removed: the record leaves both tables
        uow.session.execute(update(Attachment).where(Attachment.record_id == ids[5]).values(content_text=None))
        content.index_content(uow.session, [ids[5]])
        uow.commit()
    assert search_records(archive, "两份").total == 0
    assert ids[5] not in _pairs_table_hits(archive, "移")
    _assert_in_step(archive)


@pytest.mark.sqlite_only
def test_removed_records_leave_the_pair_table(archive):
    ids = _make_archive(archive)
    gone = [ids[0], ids[4]]
    with UnitOfWork(archive) as uow:  # as deleting or withdrawing records does, with their files
        search.remove_records(uow.session, gone)
        uow.session.execute(delete(Attachment).where(Attachment.record_id.in_(gone)))
        uow.session.execute(delete(Record).where(Record.id.in_(gone)))
        uow.commit()
    assert _pairs_table_hits(archive, "会议") == {ids[5]}
    _assert_in_step(archive)


@pytest.mark.sqlite_only
def test_the_rebuilt_index_answers_the_same_and_the_check_finds_a_stray_row(archive):
    _make_archive(archive)
    before = {query: search_records(archive, query, limit=100).total for query in QUERIES}
    with UnitOfWork(archive) as uow:
        search.rebuild_index(uow.session)
        uow.commit()
    assert {query: search_records(archive, query, limit=100).total for query in QUERIES} == before
    _assert_in_step(archive)

    with UnitOfWork(archive) as uow:  # a row no attached text stands behind (written outside)
        uow.session.execute(text("INSERT INTO search_content_gram(rowid, grams) VALUES (999999, '00004f1a')"))
        uow.commit()
    result = next(r for r in check_archive(archive).results if r.name == "search_index")
    assert result.status == "problems"
    assert [str(f.message) for f in result.findings] == [
        "0 records with indexed attached text are missing from it and 1 of its rows have no such text; "
        "rebuild the search index"
    ]
    with UnitOfWork(archive) as uow:
        search.rebuild_index(uow.session)
        uow.commit()
    _assert_in_step(archive)

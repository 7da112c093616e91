"""Search: every word of a query is found as a substring of title, document number, responsible party
or notes — 1- and 2-character words included — and no query text can break it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import func, insert, select, text

from archdesk.models import Category, Fonds, Record, RetentionPeriod, TransferBatch
from archdesk.services import migrate, search
from archdesk.services.archive import open_archive
from archdesk.services.catalogue import RecordInput, create_record, delete_record, update_record
from archdesk.services.database import Database
from archdesk.services.demo import add_demo_data
from archdesk.services.records_query import (
    RecordFilter,
    SortOrder,
    block_anchors,
    count_records,
    records_page,
    search_records,
)
from archdesk.services.uow import UnitOfWork

QUERIES = [
    # one character
    "会", "档", "〔", "2", "g",
    # two
    "会议", "通知", "GB", "gb", "纪要", "号 ",
    # three and four
    "的通知", "工作会", "202", "档案管理", "2023", "关于召开",
    # several words: all must occur
    "会议 2023", "关于 通知", "GB 9705", "会 〔2023〕",
    # found nowhere
    "钛", "不存在的词", "ZZZZ",
]  # fmt: skip
HOSTILE = [
    '"AND (', "*", "NEAR(", '"', '""', "'", 'a"b', ")", "(", "AND", "OR", "NOT", "会议 OR 通知",
    "NEAR(会议 通知)", "会议*", "title:会议", "-会议", "^会", "{", "%", "_", "\\", "%%", "a_b", ":", "+",
    "\u3000", "   ", "", "x" * 5000, "会" * 1200, "\x00", "😀", "会议" + "\u200b",
]  # fmt: skip


@pytest.fixture(scope="module")
def demo_archive(tmp_path_factory) -> Iterator[Database]:
    """3,000 demo records plus a few with Latin text, added through the catalogue."""
    db = open_archive(tmp_path_factory.mktemp("search") / "archive.db")
    add_demo_data(db, 3000, seed=7)
    for title, number, notes in [
        ("执行GB/T 9705-2008标准的情况说明", "", ""),
        ("关于贯彻gb/t 18894的通知", "办发〔2023〕7号", "Gb 标准"),
        ("ISO 15489 records management", "", "English notes, 2023"),
    ]:
        create_record(
            db, RecordInput(title=title, category="WS", year=2023, retention="D30", document_number=number, notes=notes)
        )
    yield db
    db.dispose()


def _all_records(db: Database) -> list[tuple]:
    with db.reading() as session:
        return session.execute(
            select(
                Record.id,
                Record.reference_code,
                Record.title,
                Record.document_number,
                Record.responsible_party,
                Record.notes,
                Record.year,
                Record.category_id,
            )
        ).all()


def _brute_force(db: Database, query: str, where=lambda row: True) -> list[str]:
    """Reference codes of the records containing every word of the query, found in Python."""
    words = search.query_words(query)
    hits = []
    for row in _all_records(db):
        fields = [value.lower() for value in (*row[2:6], row[1])]  # the four texts and the reference code
        if where(row) and all(any(w.lower() in f for f in fields) for w in words):
            hits.append(row[1])
    return sorted(hits)


@pytest.mark.parametrize("query", QUERIES)
def test_the_count_and_first_page_equal_a_brute_force_substring_search(demo_archive, query):
    expected = _brute_force(demo_archive, query)
    result = search_records(demo_archive, query, limit=50)
    assert result.total == len(expected)
    assert count_records(demo_archive, RecordFilter(text=query)) == len(expected)
    assert [r.reference_code for r in result.records] == expected[:50]


def test_one_and_two_character_words_are_found_although_a_trigram_index_alone_misses_them(demo_archive):
    with demo_archive.reading() as session:
        trigram_only = session.scalar(text("SELECT count(*) FROM search_trigram WHERE title LIKE '%会议%'"))
    assert trigram_only == 0  # the reason for the second table
    assert search_records(demo_archive, "会议").total == len(_brute_force(demo_archive, "会议")) > 100


def test_the_portable_fallback_means_the_same_as_the_index(demo_archive):
    """PostgreSQL gets ILIKE; run that SQL here too and compare with the FTS answer."""
    with demo_archive.reading() as session:
        for query in ["会", "会议", "的通知", "GB", "会议 2023", "%", "a_b", '"AND (']:
            portable = session.scalar(select(func.count()).select_from(Record).where(search.portable_condition(query)))
            assert portable == count_records(demo_archive, RecordFilter(text=query)), query


@pytest.mark.parametrize("query", HOSTILE)
def test_any_query_text_gives_an_answer_never_an_error(demo_archive, query):
    result = search_records(demo_archive, query)
    words = search.query_words(query)
    if words:
        assert result.total == len(_brute_force(demo_archive, query))
    flt = RecordFilter(text=query)
    assert count_records(demo_archive, flt) == result.total
    assert len(records_page(demo_archive, flt, SortOrder("title", descending=True), limit=10)) <= 10
    assert len(block_anchors(demo_archive, flt, SortOrder())) == (result.total + 255) // 256


def test_a_common_word_pages_through_every_hit_in_order(demo_archive):
    """ "关于" matches a large share: it filters the sort index instead of driving the query."""
    flt = RecordFilter(text="关于")
    expected = _brute_force(demo_archive, "关于")
    assert len(expected) > 0.05 * 3000
    seen, after = [], None
    while True:
        page = records_page(demo_archive, flt, SortOrder(), after=after, limit=256)
        if not page:
            break
        seen += [r.reference_code for r in page]
        after = (page[-1].reference_code, page[-1].id)
    assert seen == expected


def test_filters_narrow_a_text_search(demo_archive):
    with demo_archive.reading() as session:
        ws = session.scalar(select(Category.id).where(Category.code == "WS"))
    result = search_records(demo_archive, "会议", RecordFilter(category="WS", year=2023), limit=500)
    expected = _brute_force(demo_archive, "会议", lambda row: row[6] == 2023 and row[7] == ws)
    assert 0 < result.total == len(expected)
    assert [r.reference_code for r in result.records] == expected


def test_the_index_follows_create_edit_and_delete_in_the_catalogue(archive):
    def found(query: str) -> list[int]:
        return [r.id for r in search_records(archive, query).records]

    record = create_record(
        archive,
        RecordInput(title="琥珀色的备忘录", category="WS", year=2022, retention="D10", responsible_party="Qz实验室"),
    )
    assert found("琥珀") == [record.id] == found("Qz") == found("琥珀色的备忘") == found("qZ 备忘")
    update_record(archive, record.id, title="青铜器修复记录", notes="附照片")
    assert found("琥珀") == [] == found("备忘录")
    assert found("青铜") == [record.id] == found("铜器修复") == found("附") == found("Qz")
    delete_record(archive, record.id)
    assert found("青铜") == [] == found("Qz") == found("附")
    with archive.reading() as session:
        assert search.indexed_record_count(session) == 0


def test_rebuilding_the_index_and_indexing_a_transfer_batch_find_the_same_records(archive):
    add_demo_data(archive, 300, seed=3)
    before = {q: search_records(archive, q).total for q in ["会", "会议", "的通知"]}
    with UnitOfWork(archive) as uow:
        search.rebuild_index(uow.session)
        uow.commit()
    assert {q: search_records(archive, q).total for q in before} == before
    with UnitOfWork(archive) as uow:
        s = uow.session
        batch = TransferBatch(received_on=date(2024, 3, 1))
        s.add(batch)
        s.flush()
        s.execute(
            insert(Record),
            [
                dict(reference_code=f"Z001-WS·2024-D10-{n:04d}", fonds_id=s.scalar(select(Fonds.id)),
                     category_id=s.scalar(select(Category.id).where(Category.code == "WS")), year=2024,
                     retention_id=s.scalar(select(RetentionPeriod.id).where(RetentionPeriod.code == "D10")),
                     item_number=n, title=f"移交清册第{n}页", transfer_batch_id=batch.id)
                for n in range(1, 4)
            ],
        )  # fmt: skip
        search.index_records_of_batch(s, batch.id)
        uow.commit()
    assert search_records(archive, "移交清册").total == 3
    assert search_records(archive, "册第").total == 3
    with archive.reading() as session:
        assert search.indexed_record_count(session) == 303


def test_upgrading_an_archive_without_a_search_index_indexes_its_records(archive):
    add_demo_data(archive, 200, seed=5)
    expected = search_records(archive, "会议").total
    migrate.downgrade(archive.engine, "0001_baseline")
    with archive.reading() as session:
        assert search.indexed_record_count(session) is None
    migrate.upgrade(archive.engine)
    assert search_records(archive, "会议").total == expected == len(_brute_force(archive, "会议"))


@pytest.mark.parametrize("query", ["会", "纪要", ""])
@pytest.mark.parametrize(
    "sort",
    [SortOrder(), SortOrder(descending=True), SortOrder("date"), SortOrder("date", True), SortOrder("pages", True)],
    ids=lambda s: f"{s.column}{' desc' if s.descending else ''}",
)
def test_keyset_pages_and_block_anchors_walk_every_hit_in_sort_order(demo_archive, query, sort):
    flt = RecordFilter(text=query)
    seen, after = [], None
    while page := records_page(demo_archive, flt, sort, after=after, limit=97):
        seen += page
        after = (getattr(page[-1], sort.column), page[-1].id)
    assert len(seen) == count_records(demo_archive, flt) == len({r.id for r in seen})
    wanted = set(_brute_force(demo_archive, query)) if query else None
    assert wanted is None or {r.reference_code for r in seen} == wanted

    def key(view):
        value = getattr(view, sort.column)
        return (value is not None, value if value is not None else 0, view.id)

    expected = sorted(seen, key=key, reverse=sort.descending)
    if sort.descending:  # NULLs last when descending, ties by id descending
        expected = [r for r in expected if getattr(r, sort.column) is not None] + sorted(
            (r for r in seen if getattr(r, sort.column) is None), key=lambda r: r.id, reverse=True
        )
    assert [r.id for r in seen] == [r.id for r in expected]
    anchors = block_anchors(demo_archive, flt, sort, block_size=97)
    assert anchors == [(getattr(r, sort.column), r.id) for r in seen[::97]]
    for n in (0, len(anchors) // 2, len(anchors) - 1):
        assert records_page(demo_archive, flt, sort, start=anchors[n], limit=97) == seen[n * 97 : (n + 1) * 97]


def test_on_postgresql_the_condition_is_the_token_index_not_fts_nor_ilike_over_the_catalogue():
    from sqlalchemy.dialects import postgresql

    sql = str(select(Record.id).where(search.text_condition('会议 "AND ( 50%')).compile(dialect=postgresql.dialect()))
    assert "search_token" in sql and "@>" in sql and "MATCH" not in sql
    # One index look-up for every word; only the two words of 3+ characters are rechecked, on five columns.
    assert sql.count("@>") == 1 and sql.count("strpos(lower(") == 2 * 5
    # ILIKE only over the attached files' text, one per word (the catalogue's columns use the index).
    assert sql.count("ILIKE") == 4 and sql.count("attachment.content_text ILIKE") == 4


@pytest.mark.parametrize("query", ["Z001-RS·2010-Y-RSC-0003", "RSC-0003", "rsc-0003", "RS·2010 0003"])
def test_a_reference_code_whole_or_in_part_finds_its_record(archive, query):
    made = [
        create_record(
            archive, RecordInput(title=f"人事档案{n}", category="RS", year=2010, retention="Y", department="RSC")
        )
        for n in range(3)
    ]
    assert made[2].reference_code == "Z001-RS·2010-Y-RSC-0003"
    found = search_records(archive, query)
    assert [view.id for view in found.records] == [made[2].id] and found.total == 1
    assert search_records(archive, "2010-Y-RSC").total == 3  # part of every code of the group


def test_on_any_other_database_the_condition_is_portable_ilike():
    from sqlalchemy.dialects import mysql

    sql = str(select(Record.id).where(search.text_condition('会议 "AND ( 50%')).compile(dialect=mysql.dialect()))
    assert "LIKE" in sql and "MATCH" not in sql and "search_" not in sql


def test_a_text_search_with_a_year_keeps_to_that_year(archive):
    """The text condition is one operand of the WHERE clause: on PostgreSQL its "index hit OR
    attached text" once bound to the next AND, and a hit of any year came through."""
    for year, title in ((2022, "关于设备采购的通知"), (2023, "关于会议安排的通知"), (2023, "年度工作总结")):
        create_record(archive, RecordInput(title=title, category="WS", year=year, retention="D30", department="BGS"))

    rows = records_page(archive, RecordFilter(text="通知", year=2023), SortOrder())

    assert [view.title for view in rows] == ["关于会议安排的通知"]
    assert count_records(archive, RecordFilter(text="通知", year=2023)) == 1


@pytest.mark.parametrize(
    "fields",
    [
        ("关于召开会议的通知", "办发〔2023〕1号", "办公室", "", "Z001-WS·2023-Y-BGS-0001"),
        ("会", None, "ab", "abc", "ABCD"),  # one, two, three and four characters, case folded
        ("", None, "", "", ""),
        ("İ", "ǅx", "ß", "会会会", "e\u0301"),  # folding that changes the length; a repeated character
        ("𠮷野家", "会𠮷", "𠮷", "a\U0001f600b", "\U0010ffff\uffff"),  # beyond the BMP (surrogate pairs in UTF-16)
    ],
)
def test_the_gram_tokens_of_a_row_are_each_fields_characters_and_pairs_never_a_pair_across_two_fields(fields):
    from collections import Counter

    from archdesk.services.search_tokens import gram_token, grams

    expected: Counter[str] = Counter()
    for value in fields:
        folded = (value or "").lower()
        expected.update(gram_token(c) for c in folded)
        expected.update(gram_token(folded[i : i + 2]) for i in range(len(folded) - 1))

    assert Counter(grams(*fields).split()) == expected


def test_a_gram_token_stands_for_one_character_sequence_only():
    """A single and a pair, a character of the BMP and one beyond it: never the same token, so a
    one-character word never finds a record holding only some other character or pair."""
    from archdesk.services.search_tokens import gram_token

    words = ["会", "会议", "a", "ab", "𠮷", "𠮷野", "野𠮷", "\u0002\u0bb7", "\uffff", "\U00010000",
             "\U0010ffff", "g", "g0", "0", "00", "\x00"]  # fmt: skip
    tokens = [gram_token(word) for word in words]
    assert len(set(tokens)) == len(words)
    assert all(token.isascii() and token.isalnum() for token in tokens)  # one FTS5 token each
    assert gram_token("会") == "4f1a" and gram_token("会议") == "4f1a8bae" and gram_token("𠮷") == "g020bb7"
    assert gram_token("AB") == gram_token("ab")


@pytest.mark.sqlite_only
def test_words_of_one_or_two_characters_beyond_the_bmp_are_found_and_their_records_edited(archive):
    from archdesk.services.integrity import check_archive

    made = create_record(archive, RecordInput(title="𠮷野家的报告", category="WS", year=2023, retention="Y",
                                              department="BGS"))  # fmt: skip
    assert [r.id for r in search_records(archive, "𠮷").records] == [made.id]
    assert [r.id for r in search_records(archive, "𠮷野").records] == [made.id]
    assert search_records(archive, "野𠮷").total == 0
    update_record(archive, made.id, title="另一份报告")
    assert search_records(archive, "𠮷").total == 0
    assert [r.id for r in search_records(archive, "另").records] == [made.id]
    search_index = next(r for r in check_archive(archive).results if r.name == "search_index")
    assert search_index.status == "ok"

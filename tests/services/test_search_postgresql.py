"""Search on PostgreSQL gives the same records as FTS5 on SQLite, for words of 1 to 5 characters,
Latin and Chinese, punctuation included — and from the GIN index, not a scan."""

from __future__ import annotations

import random

import backends
import pytest
from sqlalchemy import text

from archdesk.services.archive import open_archive
from archdesk.services.catalogue import RecordInput, create_record, update_record
from archdesk.services.demo import add_demo_data
from archdesk.services.records_query import RecordFilter, SortOrder, records_page, search_records

pytestmark = pytest.mark.skipif(not backends.POSTGRES_URL, reason="ARCHDESK_TEST_POSTGRES_URL is not set")


@pytest.fixture
def both(tmp_path, _postgres_template):
    sqlite = open_archive(tmp_path / "archive.db")
    url = backends.fresh_database()
    postgresql = open_archive(url)
    for db in (sqlite, postgresql):
        add_demo_data(db, records=800, seed=7)
        create_record(db, RecordInput(title="ArchDesk 〔2024〕第3号 Notice", category="WS", year=2024, retention="Y"))
    yield sqlite, postgresql
    sqlite.dispose()
    postgresql.dispose()
    backends.drop_database(url)


def _codes(db, query: str) -> list[str]:
    rows = records_page(db, RecordFilter(text=query), SortOrder(), limit=100_000)
    return [row.reference_code for row in rows]


def _words(db, count: int) -> list[str]:
    rng = random.Random(5)
    titles = [row.title for row in records_page(db, RecordFilter(), SortOrder(), limit=100_000)]
    words = []
    for _ in range(count):
        title = rng.choice(titles)
        size = rng.randint(1, 5)
        start = rng.randrange(max(len(title) - size, 1))
        words.append(title[start : start + size].strip() or "会")
    return words


def test_every_word_finds_the_same_records_on_both(both):
    sqlite, postgresql = both
    queries = _words(sqlite, 60) + [
        "会",
        "纪要",
        "会议 通知",
        "archdesk",
        "ARCH",
        "〔",
        "〔2024〕",
        "notice 3号",
        "不存在的词",
    ]
    for query in queries:
        assert _codes(postgresql, query) == _codes(sqlite, query), query
        assert search_records(postgresql, query).total == search_records(sqlite, query).total, query


def test_an_edited_title_is_found_by_its_new_words_only(both):
    for db in both:
        [record] = records_page(db, RecordFilter(text="ArchDesk"), SortOrder(), limit=10)
        update_record(db, record.id, title="档案室搬迁方案")
        assert _codes(db, "搬迁") == [record.reference_code]
        assert _codes(db, "ArchDesk") == []


def test_the_postgresql_search_uses_the_gin_index(both):
    _sqlite, postgresql = both
    with postgresql.reading() as session:
        session.execute(text("SET enable_seqscan = off"))  # the table is small; ask what the index can do
        plan = "\n".join(
            row[0]
            for row in session.execute(
                text("EXPLAIN SELECT record_id FROM search_token WHERE tokens @> ARRAY['会']::text[]")
            )
        )
    assert "search_token_gin" in plan

"""Search on PostgreSQL gives the same records as FTS5 on SQLite, for words of 1 to 5 characters,
Latin and Chinese, punctuation included — and from the GIN index, not a scan."""

from __future__ import annotations

import random

import backends
import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from archdesk.models import Attachment
from archdesk.services import search
from archdesk.services.archive import open_archive
from archdesk.services.catalogue import RecordInput, create_record, delete_pending_records, update_record
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
        on_server, in_file = search_records(postgresql, query), search_records(sqlite, query)
        assert on_server.total == in_file.total, query  # counted from the frequencies, or beside the page
        assert [r.reference_code for r in on_server.records] == [r.reference_code for r in in_file.records], query


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


def _frequencies(session) -> tuple[dict[str, int], dict[str, int]]:
    """(the frequency table without its zero rows, a recount of the index)."""
    kept = dict(session.execute(text("SELECT token, records FROM search_token_frequency WHERE records <> 0")).all())
    counted = dict(
        session.execute(text("SELECT token, count(*) FROM search_token, unnest(tokens) AS token GROUP BY token")).all()
    )
    return kept, counted


def test_token_frequencies_follow_create_edit_delete_and_a_rebuild(both):
    _sqlite, postgresql = both
    created = create_record(postgresql, RecordInput(title="档案室搬迁方案", category="WS", year=2024, retention="Y"))
    update_record(postgresql, created.id, title="档案室搬迁方案（修订）", notes="迁")
    [first] = records_page(postgresql, RecordFilter(text="ArchDesk"), SortOrder(), limit=1)
    update_record(postgresql, first.id, title="另一个题名")
    delete_pending_records(postgresql, [created.id])
    with postgresql.reading() as session:
        kept, counted = _frequencies(session)
    assert kept == counted
    assert "搬" not in counted  # the only record with it was deleted; its row is at 0, not dropped below
    with Session(postgresql.engine) as session:
        session.execute(text("UPDATE search_token_frequency SET records = records + 7"))
        search.rebuild_index(session)
        session.commit()
    with postgresql.reading() as session:
        assert _frequencies(session)[0] == _frequencies(session)[1]


def test_a_one_or_two_character_word_alone_is_counted_from_its_frequency_row(both):
    _sqlite, postgresql = both
    with postgresql.reading() as session:
        held = session.scalar(text("SELECT records FROM search_token_frequency WHERE token = '会'"))
        assert held > 0
        assert search.count_matches(session, "会") == held
        assert search.count_matches(session, "会 会") == held  # one token however often it is typed
        assert search.count_matches(session, "会议 通知") is None  # several tokens: the rows are counted
        assert search.count_matches(session, "会议通知") is None


def test_with_attached_text_a_word_found_only_in_a_file_is_found_and_counted(both):
    sqlite, postgresql = both
    [record] = records_page(postgresql, RecordFilter(text="ArchDesk"), SortOrder(), limit=1)
    assert search_records(postgresql, "鼋").total == 0
    with Session(postgresql.engine) as session:
        session.add(Attachment(record_id=record.id, file_name="a.pdf", stored_path="x/a.pdf", content_text="鼋鼍"))
        session.commit()
    with postgresql.reading() as session:
        assert search.has_attached_text(session)
        assert search.count_matches(session, "鼋") is None  # the frequencies know the catalogue only
    found = search_records(postgresql, "鼋")
    assert found.total == 1 and [r.id for r in found.records] == [record.id]
    assert search_records(postgresql, "会").total == search_records(sqlite, "会").total


def test_the_first_page_in_reference_code_order_can_be_read_from_its_index():
    # reference_code holds no NULLs: "NULLS FIRST" would keep PostgreSQL from its ascending index
    # (NULLS LAST) and sort every hit of a common word for the first 50 (bench/README.md).
    from sqlalchemy import select
    from sqlalchemy.dialects import postgresql

    from archdesk.models import Record
    from archdesk.services.records_query import _order

    for descending in (False, True):
        stmt = _order(select(Record.id), SortOrder("reference_code", descending), "postgresql")
        assert "NULLS" not in str(stmt.compile(dialect=postgresql.dialect()))
    dated = _order(select(Record.id), SortOrder("date"), "postgresql")
    assert "NULLS FIRST" in str(dated.compile(dialect=postgresql.dialect()))  # a column with NULLs keeps SQLite's order


def test_check_reports_a_token_counted_wrongly_and_a_rebuild_repairs_it(both):
    from archdesk.services.integrity import check_archive

    _sqlite, postgresql = both
    with Session(postgresql.engine) as session:
        session.execute(text("UPDATE search_token_frequency SET records = records + 1 WHERE token = '会'"))
        session.commit()
    [result] = [r for r in check_archive(postgresql).results if r.name == "search_index"]
    assert result.status == "problems"
    [finding] = result.findings
    assert finding.content.id == "integrity.token_frequency_rows"
    assert finding.content.params["token"] == "会" and finding.content.params["count"] == 1
    assert finding.content.params["kept"] == finding.content.params["counted"] + 1
    with Session(postgresql.engine) as session:
        search.rebuild_index(session)
        session.commit()
    [result] = [r for r in check_archive(postgresql).results if r.name == "search_index"]
    assert result.status == "ok"

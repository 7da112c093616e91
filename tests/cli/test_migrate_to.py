"""`archdesk migrate-to URL` copies an SQLite archive into an empty PostgreSQL database and verifies it."""

from __future__ import annotations

import backends
import pytest
from sqlalchemy import create_engine, text

from archdesk.cli import main
from archdesk.services.archive import open_archive
from archdesk.services.catalogue import RecordInput, accept_records, create_record, update_record
from archdesk.services.demo import add_demo_data
from archdesk.services.integrity import check_archive
from archdesk.services.records_query import RecordFilter, SortOrder, records_page

pytestmark = [
    pytest.mark.skipif(not backends.POSTGRES_URL, reason="ARCHDESK_TEST_POSTGRES_URL is not set"),
    pytest.mark.sqlite_only,  # the source is a file; the target is the server named by the URL
]


@pytest.fixture
def empty_server_database():
    url = backends.fresh_database(template="template0")
    yield url
    backends.drop_database(url)


@pytest.fixture
def office(tmp_path):
    path = tmp_path / "office.db"
    db = open_archive(path)
    add_demo_data(db, records=500)
    record = create_record(db, RecordInput(title="关于档案室搬迁的请示", category="WS", year=2024, retention="Y"))
    update_record(db, record.id, title="关于档案室搬迁的请示（修订）")
    accept_records(db, [record.id])
    db.dispose()
    return path


def test_migrate_to_copies_everything_and_the_server_checks_clean(office, empty_server_database, capsys):
    status = main(["--lang", "en", "migrate-to", empty_server_database, "--db", str(office)])

    out = capsys.readouterr().out
    assert status == 0, out
    assert out.startswith(f"copied {office} to ")
    assert ": 501 records, " in out and "counts and audit chain verified" in out
    server = open_archive(empty_server_database)
    file = open_archive(office)
    try:
        assert check_archive(server).clean
        with server.reading() as session:
            # The planner has statistics at once (how common each token is), and the tokens are counted.
            analyzed = session.scalar(
                text("SELECT count(*) FROM pg_stats WHERE tablename = 'search_token' AND most_common_elems IS NOT NULL")
            )
            assert analyzed == 1
            assert session.scalar(text("SELECT records FROM search_token_frequency WHERE token = '搬'")) == 1
        for query in ("搬迁", "会", "纪要", "修订"):
            flt = RecordFilter(text=query)
            assert [r.reference_code for r in records_page(server, flt, SortOrder(), limit=10_000)] == [
                r.reference_code for r in records_page(file, flt, SortOrder(), limit=10_000)
            ]
        # The server goes on from the copied ids: a new record gets the next one.
        created = create_record(server, RecordInput(title="迁移后第一件", category="WS", year=2024, retention="Y"))
        assert created.id == 502
        assert check_archive(server).clean
    finally:
        server.dispose()
        file.dispose()


def test_migrate_to_a_database_that_is_not_empty_is_refused_in_one_line(office, empty_server_database, capsys):
    engine = create_engine(empty_server_database)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE something_else (id integer)"))
    engine.dispose()

    status = main(["--lang", "en", "migrate-to", empty_server_database, "--db", str(office)])

    err = capsys.readouterr().err
    assert status == 1
    assert err.endswith(": the database is not empty (1 tables); migrate-to copies only into an empty one\n")
    assert err.count("\n") == 1

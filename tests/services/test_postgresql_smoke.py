"""The same services on PostgreSQL (opt-in: set ARCHDESK_TEST_POSTGRES_URL to an empty database's
SQLAlchemy URL, e.g. postgresql+psycopg://archdesk@127.0.0.1:54329/archtest, and install the
`postgres` extra). Everything but the search index is portable; search falls back to ILIKE."""

from __future__ import annotations

import os

import pytest
from sqlalchemy import MetaData, text

from archdesk.services import catalogue, records_query
from archdesk.services.archive import open_archive
from archdesk.services.demo import add_demo_data
from archdesk.services.integrity import check_archive
from archdesk.services.listing import RowSelection
from archdesk.services.reports import render_pdf
from archdesk.services.reports.registers import catalogue_register

URL = os.environ.get("ARCHDESK_TEST_POSTGRES_URL", "")
pytestmark = pytest.mark.skipif(not URL, reason="ARCHDESK_TEST_POSTGRES_URL is not set")


@pytest.fixture
def pg_archive():
    db = open_archive(URL, actor="pg-test")
    yield db
    with db.engine.begin() as conn:  # leave the database empty for the next run
        metadata = MetaData()
        metadata.reflect(conn)
        metadata.drop_all(conn)
        conn.execute(text("DROP TABLE IF EXISTS alembic_version"))
    db.dispose()


def test_the_catalogue_pages_searches_prints_and_checks_on_postgresql(pg_archive, tmp_path):
    add_demo_data(pg_archive, 600)
    created = catalogue.create_record(
        pg_archive, catalogue.RecordInput(title="关于召开档案工作会议的通知", category="WS", year=2024, retention="Y")
    )
    assert created.reference_code.startswith("Z001-WS·2024-Y-")
    assert [e.action for e in catalogue.record_history(pg_archive, created.id)] == ["create"]

    flt = records_query.RecordFilter()
    for column in ("reference_code", "date", "pages"):
        for descending in (False, True):
            sort = records_query.SortOrder(column, descending)
            everything = records_query.records_page(pg_archive, flt, sort, limit=10_000)
            anchors = records_query.block_anchors(pg_archive, flt, sort, block_size=97)
            jumped = [
                row.id for a in anchors for row in records_query.records_page(pg_archive, flt, sort, start=a, limit=97)
            ]
            assert jumped == [row.id for row in everything]
            selection = RowSelection(flt, sort, ((3, 5), (300, 520)))
            assert records_query.selected_ids(pg_archive, selection) == [
                row.id for row in everything[3:6] + everything[300:521]
            ]

    hits = records_query.count_records(pg_archive, records_query.RecordFilter(text="会议"))
    expected = sum(
        "会议" in r.title for r in records_query.records_page(pg_archive, flt, records_query.SortOrder(), limit=10_000)
    )
    assert hits >= expected > 0
    assert render_pdf(catalogue_register(pg_archive, records_query.RecordFilter(year=2024)), tmp_path / "r.pdf") >= 1
    report = check_archive(pg_archive)
    assert all(result.status in ("ok", "skipped") for result in report.results)

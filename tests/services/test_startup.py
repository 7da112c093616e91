"""Start-up without SQLAlchemy: an archive that needs nothing is opened, and the catalogue's first page
read, with the standard library's sqlite3, giving exactly what the general queries give."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from archdesk.services import migrate
from archdesk.services.archive import open_archive
from archdesk.services.catalogue import create_record
from archdesk.services.codes import code_tables
from archdesk.services.demo import add_demo_data
from archdesk.services.listing import SORTABLE_COLUMNS, RecordFilter, SortOrder
from archdesk.services.records_query import count_records, records_page
from archdesk.services.startup import _first_page_sqlite, archive_is_ready, first_page
from archdesk.services.views import RecordInput

pytestmark = pytest.mark.sqlite_only  # the start-up reads SQLite files with sqlite3


@pytest.fixture
def filled(archive):
    """Demo records plus some with the nullable sort columns empty and ties on a sort value."""
    add_demo_data(archive, 600)
    for _ in range(6):
        create_record(
            archive,
            RecordInput(title="同名文件", category="WS", year=2020, retention="D30", pages=None, date=None),
        )
    create_record(
        archive,
        RecordInput(title="自拟题名的文件", category="WS", year=2021, retention="Y", date=date(2021, 3, 4), pages=7,
                    security_level="MM", title_supplied=True, document_number="办〔2021〕4号"),
    )  # fmt: skip
    return archive


@pytest.mark.parametrize("descending", [False, True], ids=["ascending", "descending"])
@pytest.mark.parametrize("column", SORTABLE_COLUMNS)
def test_the_first_page_read_with_sqlite3_is_the_general_querys_first_page(filled, column, descending):
    sort = SortOrder(column, descending)
    page = _first_page_sqlite(filled.file, sort, english=False, limit=300)
    assert page.total == count_records(filled, RecordFilter()) == 607
    assert page.rows == records_page(filled, RecordFilter(), sort, limit=300)


def test_the_first_page_carries_the_code_names_the_main_window_shows_later(filled):
    """The names the window takes from the code tables once they are in: the cells do not change then."""
    tables = code_tables(filled)
    for english in (False, True):
        labels = _first_page_sqlite(filled.file, SortOrder(), english=english, limit=10).code_labels
        for key, items in (
            ("retention_code", tables.retention_periods),
            ("security_level_code", tables.security_levels),
        ):
            assert {item.code: labels[key][item.code] for item in items} == {
                item.code: (item.name_en or item.name) if english else item.name for item in items
            }
    english = _first_page_sqlite(filled.file, SortOrder(), english=True, limit=10).code_labels
    assert english["retention_code"]["D30"] == "30 years"


def test_a_filter_or_a_loaded_engine_goes_through_the_general_query(filled):
    flt = RecordFilter(year=2020)
    page = first_page(filled, flt, SortOrder())  # this archive's engine is running (it was just filled)
    assert page.total == count_records(filled, flt)
    assert page.rows == records_page(filled, flt, SortOrder())
    assert page.code_labels == {}


def test_an_empty_archive_has_an_empty_first_page(archive):
    page = _first_page_sqlite(archive.file, SortOrder(), english=False, limit=256)
    assert (page.total, page.rows) == (0, [])


def test_only_an_archive_at_the_shipped_head_with_its_code_tables_is_ready(tmp_path, archive):
    assert archive_is_ready(archive.file)
    assert not archive_is_ready(tmp_path / "missing.db")
    assert not (tmp_path / "missing.db").exists()  # looking did not create it

    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE notes (x)").connection.close()
    assert not archive_is_ready(other)

    with sqlite3.connect(archive.file) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0001_baseline'")
    assert not archive_is_ready(archive.file)
    with sqlite3.connect(archive.file) as conn:
        conn.execute("UPDATE alembic_version SET version_num = ?", (migrate.shipped_head(),))
        conn.execute("DELETE FROM retention_period")
    assert not archive_is_ready(archive.file)  # not seeded: open_archive must seed it


def test_reading_at_start_leaves_no_files_behind(tmp_path):
    path = tmp_path / "office.db"
    open_archive(path).dispose()
    archive_is_ready(path)
    _first_page_sqlite(path, SortOrder(), english=False, limit=10)
    # The audit chain's head was written by the seeding commit, before the reads.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["office.db", "office.db.audit-head"]


START_UP = """
import json, sys
from pathlib import Path
from archdesk.services.archive import open_archive
from archdesk.services.listing import RecordFilter, SortOrder
from archdesk.services.startup import first_page

db = open_archive(Path(sys.argv[1]))
page = first_page(db, RecordFilter(), SortOrder("title", descending=True))
loaded = [name for name in ("sqlalchemy", "alembic") if name in sys.modules]
print(json.dumps({"loaded": loaded, "total": page.total, "ids": [view.id for view in page.rows]}))
from archdesk.services.records_query import count_records
count_records(db, RecordFilter())  # the first service that needs the engine makes it
print(json.dumps({"engine": db.engine_started}))
"""


def test_a_ready_archive_opens_and_shows_its_first_page_before_sqlalchemy_is_loaded(filled):
    filled.dispose()
    output = subprocess.run(
        [sys.executable, "-c", START_UP, str(filled.file)], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    shown, later = json.loads(output[0]), json.loads(output[1])
    assert shown["loaded"] == []
    assert shown["total"] == 607
    assert shown["ids"] == [view.id for view in records_page(filled, RecordFilter(), SortOrder("title", True))]
    assert later == {"engine": True}


def test_opening_a_ready_archive_keeps_who_is_working(filled):
    db = open_archive(Path(filled.file), actor="王档案")
    assert (db.actor, db.engine_started) == ("王档案", False)
    assert count_records(db, RecordFilter()) == 607  # the engine is made when a service needs it
    assert db.engine_started
    db.dispose()

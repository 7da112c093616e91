"""Block anchors of the whole catalogue read by stepping the index equal the window function's."""

from __future__ import annotations

import itertools
import sqlite3

import pytest
from sqlalchemy import func, select

from archdesk.models import Record
from archdesk.services import records_query
from archdesk.services.demo import add_demo_data
from archdesk.services.records_query import BLOCK_SIZE, RecordFilter, SortOrder, block_anchors, records_page


@pytest.mark.parametrize("descending", [False, True])
def test_stepped_anchors_are_the_first_row_of_every_block(archive, descending, monkeypatch):
    add_demo_data(archive, 3 * BLOCK_SIZE + 17)
    sort = SortOrder("reference_code", descending=descending)
    stepped = block_anchors(archive, RecordFilter(), sort)
    monkeypatch.setattr(records_query, "STEPPED_COLUMNS", ())  # the window function, as for any filter
    assert block_anchors(archive, RecordFilter(), sort) == stepped
    rows = records_page(archive, RecordFilter(), sort, limit=10_000)
    assert stepped == [(rows[n].reference_code, rows[n].id) for n in range(0, len(rows), BLOCK_SIZE)]
    with archive.reading() as session:
        assert len(stepped) == -(-session.scalar(select(func.count()).select_from(Record)) // BLOCK_SIZE)


def test_an_empty_catalogue_has_no_anchors(archive):
    assert block_anchors(archive, RecordFilter(), SortOrder()) == []


@pytest.mark.parametrize(
    "flt", [RecordFilter(text="通知"), RecordFilter(text="关于", status="in_custody"), RecordFilter()]
)
def test_the_first_page_of_a_filter_is_its_count_and_first_rows(archive, flt):
    add_demo_data(archive, 700)
    total, rows = records_query.count_and_page(archive, flt, SortOrder("title"), limit=50)
    assert total == records_query.count_records(archive, flt) > 0
    assert [r.id for r in rows] == [r.id for r in records_page(archive, flt, SortOrder("title"), limit=50)]


@pytest.mark.sqlite_only  # the interrupt of a superseded read is SQLite's (Database.interrupt_reads_when)
def test_stepping_the_anchors_stops_when_the_read_is_superseded(archive):
    add_demo_data(archive, 700)
    assert len(block_anchors(archive, RecordFilter(), SortOrder(), block_size=8)) == 88  # 700 / 8, rounded up
    asked = itertools.count()
    # Superseded once the stepping has begun: BEGIN and the first row's statement were let through.
    archive.interrupt_reads_when(lambda: next(asked) >= 2)
    try:
        with pytest.raises(sqlite3.OperationalError, match="interrupted"):  # on the driver's cursor: its own error
            block_anchors(archive, RecordFilter(), SortOrder(), block_size=8)
    finally:
        archive.interrupt_reads_when(None)
    assert next(asked) == 3  # it asked again inside the loop, where no statement event is seen

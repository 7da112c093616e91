"""``bulk.insert_rows`` on SQLite writes many rows per INSERT statement (one statement journal per
statement, not per row: services/bulk.py). Every row and every value arrives however the rows fall
into statements — a short last statement, SQLite's limit of bound variables — and a statement that
fails takes the whole unit of work with it."""

from __future__ import annotations

import sqlite3
import sys
from datetime import date
from pathlib import Path
from unittest.mock import patch

import pytest
from sqlalchemy import Column, Date, Integer, MetaData, String, Table, create_engine, event, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from archdesk.models import Record
from archdesk.services import bulk
from archdesk.services.collection import import_transfer
from archdesk.services.integrity import check_archive

sys.path.insert(0, str(Path(__file__).parent / "collection"))
from transfer_sheets import messy_rows, write_messy_xlsx


def _seven_rows() -> list[list[object]]:
    rows = messy_rows()
    extra = list(rows[0])
    extra[0], extra[2], extra[4] = 7, "办发〔2023〕7号", "关于印发第七号文件的通知"
    return [*rows, extra]


def test_an_import_written_three_rows_per_statement_keeps_every_row_its_values_and_counts(archive, tmp_path):
    """Seven rows, three per statement: two whole statements and a short last one."""
    sheet = write_messy_xlsx(tmp_path / "办公室2023.xlsx", _seven_rows())
    with patch.object(bulk, "ROWS_PER_STATEMENT", 3):
        result = import_transfer(archive, sheet, department="BGS")
    assert result.imported == 7
    with archive.reading() as session:
        records = session.execute(
            select(Record.title, Record.pages, Record.date, Record.reference_code).order_by(Record.id)
        ).all()
    assert [r.title for r in records] == [row[4] for row in _seven_rows()]
    assert [r.pages for r in records] == [12, 3, 4, 2, 20, 5, 12]
    assert records[0].date == date(2023, 1, 9) and records[-1].date == date(2023, 1, 9)
    assert records[-1].reference_code == "Z001-WS·2023-Y-BGS-0003"
    results = {r.name: r.status for r in check_archive(archive).results}
    assert set(results.values()) <= {"ok", "skipped"}, results


def test_an_import_where_the_bound_variable_limit_allows_one_row_per_statement(
    archive, tmp_path, limit_bound_parameters
):
    """Fewer bound variables than a record has columns times two: one row per statement, none lost."""
    from archdesk.services.collection.transfer import RECORD_COLUMNS

    limit_bound_parameters(archive, len(RECORD_COLUMNS) + 1)
    result = import_transfer(archive, write_messy_xlsx(tmp_path / "办公室2023.xlsx"), department="BGS")
    assert result.imported == 6
    with archive.reading() as session:
        assert session.scalars(select(Record.title).order_by(Record.id)).all() == [row[4] for row in messy_rows()]


@pytest.fixture
def codes_table(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'bulk.db'}")
    metadata = MetaData()
    table = Table(
        "t",
        metadata,
        Column("id", Integer, primary_key=True),
        Column("code", String, unique=True, nullable=False),
        Column("n", Integer),
        Column("day", Date),
    )
    metadata.create_all(engine)
    yield engine, table
    engine.dispose()


def _stored(engine, table) -> list[tuple]:
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(select(table.c.code, table.c.n, table.c.day).order_by(table.c.id))]


@pytest.mark.sqlite_only
def test_rows_split_by_the_variable_limit_arrive_in_order_with_dates_converted(codes_table):
    engine, table = codes_table
    # Ten variables per statement: three rows of three columns each, and a last statement of one row.
    event.listen(engine, "connect", lambda conn, _record: conn.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 10))
    engine.dispose()  # the table's creation left a connection without the limit in the pool
    rows = [(f"C{i}", i, date(2020, 1, i + 1)) for i in range(10)]
    statements: list[str] = []
    event.listen(engine, "before_cursor_execute", lambda *args: statements.append(args[2]))
    with Session(engine) as session, session.begin():
        bulk.insert_rows(session, table, ["code", "n", "day"], rows)
    assert _stored(engine, table) == rows
    inserts = [s for s in statements if s.startswith("INSERT")]
    assert [s.count("(?, ?, ?)") for s in inserts] == [3, 3, 3, 1]


@pytest.mark.sqlite_only
def test_a_duplicate_in_the_last_short_statement_fails_the_whole_unit_of_work(codes_table):
    engine, table = codes_table
    rows = [(f"C{i}", i, None) for i in range(7)] + [("C2", 99, None)]
    with patch.object(bulk, "ROWS_PER_STATEMENT", 3), pytest.raises(IntegrityError):
        with Session(engine) as session, session.begin():
            bulk.insert_rows(session, table, ["code", "n", "day"], rows)
    assert _stored(engine, table) == []

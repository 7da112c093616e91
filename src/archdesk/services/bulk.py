"""Bulk inserts through SQLAlchemy Core with the statement compiled once for the session's dialect.

``session.execute(insert(table), dicts)`` spends as long converting 100,000 parameter dicts as SQLite
spends writing them. Here the statement is compiled once and each column's bind processor runs only
where a value needs converting (dates on SQLite), with repeated values converted once. The SQL is
SQLAlchemy's own for the dialect, so this runs on PostgreSQL too.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from itertools import chain
from typing import Any

from sqlalchemy import Table, insert, text
from sqlalchemy.orm import Session


def insert_rows(session: Session, table: Table, columns: Sequence[str], rows: Sequence[tuple[Any, ...]]) -> None:
    """Insert ``rows`` (tuples in ``columns`` order) into ``table`` in the session's transaction."""
    if not rows:
        return
    connection = session.connection()
    dialect = connection.dialect
    compiled = insert(table).inline().compile(dialect=dialect, column_keys=list(columns))
    converters = []
    for index, name in enumerate(columns):
        processor = table.c[name].type._cached_bind_processor(dialect)  # private, but the documented hook
        if processor is not None:
            converters.append((index, processor))
    if converters:
        rows = converted_columns(rows, converters)
    if compiled.positional:
        order = [columns.index(_bind_column(compiled, key)) for key in compiled.positiontup or ()]
        same = order == list(range(len(columns)))
        params: list[Any] = list(rows) if same else [tuple(row[i] for i in order) for row in rows]
    else:
        names = [(key, columns.index(_bind_column(compiled, key))) for key in compiled.binds]
        params = [{key: row[i] for key, i in names} for row in rows]
    if compiled.positional and dialect.name == "sqlite":
        _insert_many_per_statement(connection, compiled.string, len(columns), params)
    else:
        connection.exec_driver_sql(compiled.string, params)


#: Most rows in one SQLite INSERT statement (fewer when the columns would pass SQLite's limit of
#: bound variables).
ROWS_PER_STATEMENT = 1000


def _insert_many_per_statement(connection: Any, sql: str, width: int, params: list[Any]) -> None:
    """``sql`` (one row's ``INSERT … VALUES (?, …)``) run as statements of many rows each.

    On a table with an insert trigger SQLite opens a statement journal for each statement and
    copies into it every page the statement is about to change, so ``executemany`` (one statement
    per row) copied each row's table and index pages once more: 100,000 records into the record
    table with its sixteen indexes took 7.9 s with its triggers and 2.7 s without them. A thousand
    rows per statement share one journal: 1.9–2.4 s, triggers or not (bench/README.md, issue 11).
    """
    head, values = sql.rsplit(" VALUES ", 1)
    limit = connection.connection.dbapi_connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    per_statement = max(1, min(ROWS_PER_STATEMENT, limit // max(width, 1)))
    full = f"{head} VALUES {', '.join([values] * per_statement)}"
    for start in range(0, len(params), per_statement):
        chunk = params[start : start + per_statement]
        statement = full if len(chunk) == per_statement else f"{head} VALUES {', '.join([values] * len(chunk))}"
        connection.exec_driver_sql(statement, tuple(chain.from_iterable(chunk)))


def _bind_column(compiled: Any, key: str) -> str:
    bind = compiled.binds[key]
    return bind.key


def converted_columns(rows: Sequence[tuple[Any, ...]], converters: list[tuple[int, Any]]) -> list[tuple[Any, ...]]:
    """The rows with each (column index, converter) applied to its column, column by column: each
    distinct value is converted once (an import's timestamps are one value, its dates a few
    hundred); None stays None."""
    columns = list(zip(*rows, strict=True))
    for index, processor in converters:
        values = columns[index]
        try:
            distinct = set(values)
        except TypeError:  # unhashable values: convert each one
            columns[index] = tuple(None if v is None else processor(v) for v in values)
            continue
        converted = {value: None if value is None else processor(value) for value in distinct}
        columns[index] = tuple(map(converted.__getitem__, values))
    return list(zip(*columns, strict=True))


@contextmanager
def large_page_cache(session: Session, mebibytes: int = 16) -> Iterator[None]:
    """On SQLite, a larger page cache for this connection while a bulk write runs, then the old size.

    Inserting 100,000 records updates sixteen indexes; with SQLite's default 2 MB cache their pages
    are read back through the WAL again and again (the insert alone: 4.6 s → 3.8 s at 16 MB, no
    faster at 64 or 256 MB, which raised the import's peak memory by 60 MB; bench/README.md). Memory is only taken as pages are used and is freed after.
    """
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        yield
        return
    before = connection.exec_driver_sql("PRAGMA cache_size").scalar()
    connection.exec_driver_sql(f"PRAGMA cache_size = {-mebibytes * 1024}")
    try:
        yield
    finally:
        connection.exec_driver_sql(f"PRAGMA cache_size = {int(before)}")


#: Fewest rows for which dropping and re-creating a table's indexes is worth its DDL.
REBUILD_AT_LEAST = 10_000


@contextmanager
def indexes_built_after(session: Session, table: str, incoming: int) -> Iterator[None]:
    """On SQLite, the table's secondary indexes dropped while ``incoming`` rows go in and created
    again (from their own stored SQL) at the end of the block, when the table is small beside them.

    Into an empty archive 100,000 records went in with their 15 indexes in 1.8–2.4 s, and without
    them plus building the indexes afterwards in 1.3 s; into an archive of as many records the two
    were even, and into one of 1,000,000 the rebuild took 11 s against 3.5 s (bench/README.md). So
    the indexes are rebuilt only when the table holds fewer than half as many rows as come in.
    Everything happens in the caller's transaction: a rollback (an error, a cancel) brings the
    indexes back, and no other connection sees the table without them. SQLite's own indexes of
    UNIQUE constraints (no stored SQL) stay, so uniqueness is still checked row by row.
    """
    connection = session.connection()
    if connection.dialect.name != "sqlite" or incoming < REBUILD_AT_LEAST:
        yield
        return
    existing = connection.exec_driver_sql(f'SELECT coalesce(max(rowid), 0) FROM "{table}"').scalar_one()
    if existing * 2 >= incoming:
        yield
        return
    indexes = connection.execute(
        text("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = :table AND sql IS NOT NULL"),
        {"table": table},
    ).all()
    for name, _sql in indexes:
        connection.exec_driver_sql(f'DROP INDEX "{name}"')
    yield
    for _name, sql in indexes:
        connection.exec_driver_sql(sql)

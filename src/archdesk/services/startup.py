"""Opening an SQLite archive and reading the catalogue's first page without SQLAlchemy.

Importing SQLAlchemy and mapping the models costs about 0.3 s of the 0.6 s the window may take to
show its first page of records (issue 3; bench/README.md). So the start-up path does not wait for
it: an SQLite archive that needs no upgrade and no seeding is recognised with the standard
library's ``sqlite3`` (``archive_is_ready``, used by ``open_archive``), and the records table's
first page for the unfiltered catalogue is read here too (``first_page``). Everything after that
goes through the ORM services on the database worker thread, which loads SQLAlchemy while the
archivist looks at the window.

The SQL below is SQLite's (the other module with SQLite-only SQL is ``search.py``) and mirrors two
general queries: ``views.record_view_select`` (the columns of a RecordView and their joins) and
``records_query.records_page`` / ``count_records`` for the empty filter in every sort order.
tests/services/test_startup.py checks they return the same rows for every sortable column, both
directions, NULLs included.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from archdesk.services.database import Database
from archdesk.services.listing import BLOCK_SIZE, SORTABLE_COLUMNS, RecordFilter, SortOrder
from archdesk.services.views import RecordView, record_view_from_row

#: The columns of RecordView, in its field order, over ``record r`` and its code tables.
_VIEW_SQL = """
SELECT r.id AS id, r.reference_code AS reference_code, f.code AS fonds_code, c.code AS category_code,
       c.name AS category_name, r.year AS year, rp.code AS retention_code, rp.label AS retention_label,
       d.code AS department_code, d.name AS department_name, r.item_number AS item_number,
       r.document_number AS document_number, r.responsible_party AS responsible_party, r.title AS title,
       r.title_supplied AS title_supplied, r.date AS date, r.pages AS pages, s.code AS security_level_code,
       s.name AS security_level_name, ca.code AS carrier_code, r.notes AS notes, r.status AS status,
       b.code AS box_code, l.code AS location_code, r.transfer_batch_id AS transfer_batch_id,
       r.original_retention AS original_retention, r.created_at AS created_at, r.updated_at AS updated_at,
       r.date_precision AS date_precision
FROM record r
JOIN fonds f ON f.id = r.fonds_id
JOIN category c ON c.id = r.category_id
JOIN retention_period rp ON rp.id = r.retention_id
LEFT JOIN department d ON d.id = r.department_id
LEFT JOIN security_level s ON s.id = r.security_level_id
LEFT JOIN carrier ca ON ca.id = r.carrier_id
LEFT JOIN box b ON b.id = r.box_id
LEFT JOIN location l ON l.id = b.location_id
WHERE r.id IN ({ids})
"""


@dataclass(frozen=True)
class FirstPage:
    """What the records table shows first: the count, the first rows, and (when it was read here)
    the names of the codes it shows, in the language asked for: ``{"retention_code": {"D30": "30年"}, …}``.
    """

    total: int
    rows: list[RecordView]
    code_labels: dict[str, dict[str, str]] = field(default_factory=dict)


def archive_is_ready(path: Path) -> bool:
    """True if the SQLite file is an ArchDesk archive at the shipped schema head, code tables seeded.

    Such an archive opens without migrating or seeding (``open_archive``); any doubt (no file,
    another schema, a read error) answers False and the full path decides, with its own messages.
    """
    from archdesk.services.migrate import shipped_head

    head = shipped_head()
    if head is None or not path.is_file():
        return False
    try:
        with closing(_connect(path)) as conn:
            versions = [row[0] for row in conn.execute("SELECT version_num FROM alembic_version")]
            seeded = conn.execute("SELECT 1 FROM retention_period LIMIT 1").fetchone() is not None
    except sqlite3.Error:
        return False
    return versions == [head] and seeded


def first_page(
    db: Database, flt: RecordFilter, sort: SortOrder, *, english: bool = False, limit: int = BLOCK_SIZE
) -> FirstPage:
    """The count and the first ``limit`` rows of a filter in a sort order.

    While SQLAlchemy is not loaded yet (``db.engine_started`` is False), an SQLite archive's
    unfiltered catalogue is read here with ``sqlite3``, code names included; anything else through
    ``records_query``. Worker thread.
    """
    if db.file is not None and not db.engine_started and flt == RecordFilter():
        try:
            return _first_page_sqlite(db.file, sort, english=english, limit=limit)
        except sqlite3.Error:
            pass  # the general path below reads it again and reports what is wrong in its own terms
    from archdesk.services.records_query import count_and_page

    return FirstPage(*count_and_page(db, flt, sort, limit=limit))


def _first_page_sqlite(path: Path, sort: SortOrder, *, english: bool, limit: int) -> FirstPage:
    if sort.column not in SORTABLE_COLUMNS:  # SortOrder checks it too; the name goes into the SQL
        raise ValueError(sort.column)
    # ``records_query._order`` on SQLite: the column and then the id, both in the same direction
    # (NULLs first ascending, last descending: SQLite's own order, which the index follows).
    direction = "DESC" if sort.descending else "ASC"
    with closing(_connect(path)) as conn:
        conn.execute("BEGIN")  # one snapshot for the count and the rows
        try:
            total = conn.execute("SELECT count(*) FROM record").fetchone()[0]
            ids = [
                row[0]
                for row in conn.execute(
                    f"SELECT id FROM record ORDER BY {sort.column} {direction}, id {direction} LIMIT ?", (limit,)
                )
            ]
            found = {}
            if ids:
                cursor = conn.execute(_VIEW_SQL.format(ids=",".join("?" * len(ids))), ids)
                names = [column[0] for column in cursor.description]
                for row in cursor:
                    view = _record_view(dict(zip(names, row, strict=True)))
                    found[view.id] = view
            retention = conn.execute("SELECT code, label, label_en FROM retention_period").fetchall()
            security = conn.execute("SELECT code, name, name_en FROM security_level").fetchall()
        finally:
            conn.execute("ROLLBACK")
    return FirstPage(
        total,
        [found[i] for i in ids if i in found],
        {"retention_code": _names(retention, english), "security_level_code": _names(security, english)},
    )


def _names(rows: list[tuple[str, str, str]], english: bool) -> dict[str, str]:
    """Code → name as the main window shows it: the English name when there is one and English is wanted."""
    return {code: (name_en or name) if english else name for code, name, name_en in rows}


def _record_view(values: dict) -> RecordView:
    """A RecordView from a row of ``_VIEW_SQL`` by column name: SQLite's stored text and integers as
    Python values."""
    values["title_supplied"] = bool(values["title_supplied"])
    if values["date"] is not None:
        values["date"] = date.fromisoformat(values["date"])
    for name in ("created_at", "updated_at"):
        values[name] = datetime.fromisoformat(values[name])
    return record_view_from_row(values)


def _connect(path: Path) -> sqlite3.Connection:
    """A connection that never creates the file and never writes (query_only); its own transactions.

    ``mode=rw``, not ``ro``: the last connection to close then removes the -wal and -shm files as usual.
    """
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=rw", uri=True, isolation_level=None, timeout=30)
    conn.execute("PRAGMA query_only=ON")
    return conn

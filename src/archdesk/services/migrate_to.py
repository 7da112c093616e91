"""Moving an SQLite archive into an empty PostgreSQL database (``archdesk migrate-to URL``).

The target gets the schema from the migrations (so it is at the same head), then every table's rows
in dependency order, in one transaction; the id sequences are moved past the copied ids and the
search index is built. Every table is then ANALYZEd: a copied database has no planner statistics
until autovacuum comes round, and without them a search for a common word was planned as for a rare
one (bench/README.md, Data safety). It is then verified: the same number of rows in every table, an audit chain
that is whole and ends at the head kept beside the SQLite file, and every record as audited.
A failure leaves the target empty again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, inspect, select, text
from sqlalchemy.orm import Session

from archdesk.messages import msg
from archdesk.models import Base
from archdesk.services import audit_chain, audit_check, migrate, search
from archdesk.services.database import Database, make_engine
from archdesk.services.errors import DatabaseError

_CHUNK = 5000
Progress = Callable[[int, int], bool]


@dataclass(frozen=True)
class MigrationReport:
    target: str
    counts: dict[str, int]  # rows per table, the same on both sides
    events: int  # audit events verified on the target


class _Found:
    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, subject: str, message: str) -> None:
        self.items.append(f"{subject}: {message}")


def migrate_to(source: Database, url: str, *, progress: Progress | None = None) -> MigrationReport:
    """Copy the SQLite archive ``source`` into the empty database at ``url`` and verify the copy."""
    if source.file is None:
        raise DatabaseError(msg("safety.migrate_from_sqlite"))
    target = make_engine(url)
    where = target.url.render_as_string(hide_password=True)
    try:
        existing = [name for name in inspect(target).get_table_names() if not name.startswith("pg_")]
        if existing:
            raise DatabaseError(msg("safety.migrate_not_empty", where=where, tables=len(existing)))
        migrate.upgrade(target)
        try:
            counts = _copy(source, target, progress)
            with target.begin() as conn:
                conn.execute(text("ANALYZE"))
            events = _verify(source, target, counts, where)
        except BaseException:
            _empty(target)
            raise
    finally:
        target.dispose()
    return MigrationReport(where, counts, events)


def _copy(source: Database, target, progress: Progress | None) -> dict[str, int]:  # noqa: ANN001
    counts: dict[str, int] = {}
    tables = Base.metadata.sorted_tables
    with source.reading() as reading, Session(target) as writing:
        total = sum(int(reading.scalar(select(func.count()).select_from(t)) or 0) for t in tables)
        done = 0
        for table in tables:
            writing.execute(table.delete())  # the migrations seed nothing, but be sure
            order = list(table.primary_key.columns) or list(table.columns)
            rows = reading.execute(select(table).order_by(*order).execution_options(yield_per=_CHUNK))
            copied = 0
            for chunk in rows.partitions(_CHUNK):
                writing.execute(table.insert(), [dict(row._mapping) for row in chunk])
                copied += len(chunk)
                done += len(chunk)
                if progress is not None and progress(done, total) is False:
                    from archdesk.services.errors import Cancelled

                    raise Cancelled()
            counts[table.name] = copied
            if "id" in table.c and copied:
                writing.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), (SELECT max(id) FROM {table.name}))"
                    )
                )
        search.rebuild_index(writing)
        writing.commit()
    return counts


def _verify(source: Database, target, counts: dict[str, int], where: str) -> int:  # noqa: ANN001
    problems = _Found()
    with Session(target) as session:
        for table in Base.metadata.sorted_tables:
            copied = int(session.scalar(select(func.count()).select_from(table)) or 0)
            if copied != counts[table.name]:
                problems.add(table.name, f"{copied} rows on the server, {counts[table.name]} in the file")
        audit_check.check_audit_trail(session, problems, None)
        record_count = counts.get("record", 0)
        audit_check.check_audited_state(session, problems, record_count, None)
        head = audit_chain.read_head(Path(source.file))
        newest = audit_chain.newest_head(session)
        if head is not None and (newest is None or (newest.event_id, newest.hash) != (head.event_id, head.hash)):
            problems.add("audit chain", "the server's newest event is not the head kept beside the archive file")
        events = counts.get("audit_event", 0)
    if problems.items:
        raise DatabaseError(msg("safety.migrate_unverified", where=where, problem=problems.items[0]))
    return events


def _empty(target) -> None:  # noqa: ANN001
    """Back to an empty database after a failed copy (tables, the search index, the trigger function)."""
    with target.begin() as conn:
        for name in inspect(conn).get_table_names():
            conn.execute(text(f'DROP TABLE IF EXISTS "{name}" CASCADE'))
        conn.execute(text("DROP FUNCTION IF EXISTS archdesk_append_only() CASCADE"))

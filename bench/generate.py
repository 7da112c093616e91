"""A fast generator of N synthetic records for the benchmarks: the demo data (services.demo), written
with the raw driver's executemany on the SQLAlchemy connection instead of Core (about twice as fast),
into a real archive (same schema, migrations included), then the search index built once.

    python -m bench.generate [--records N] [PATH]
"""

from __future__ import annotations

import argparse
import sqlite3
import time
from contextlib import closing
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import Connection, event

from archdesk.services import audit_chain, demo, search
from archdesk.services.archive import open_archive
from archdesk.services.uow import UnitOfWork

DATA = Path(__file__).resolve().parent / "data"
_INSERT = (
    f"INSERT INTO record ({', '.join(demo.RECORD_COLUMNS)}) VALUES ({', '.join('?' for _ in demo.RECORD_COLUMNS)})"
)
_DATE = demo.RECORD_COLUMNS.index("date")
_STAMPS = tuple(demo.RECORD_COLUMNS.index(c) for c in ("accepted_at", "created_at", "updated_at"))
assert _STAMPS == (_STAMPS[0], _STAMPS[0] + 1, _STAMPS[0] + 2) and _STAMPS[-1] == len(demo.RECORD_COLUMNS) - 1


def _sqlite_value(value: object) -> object:
    # The text SQLAlchemy's SQLite dialect stores for DATE and DATETIME columns.
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, date):
        return value.isoformat()
    return value


def raw_insert(conn: Connection, rows: list[tuple]) -> None:
    """executemany on the driver cursor: no per-row parameter processing by SQLAlchemy.

    Rows come in demo.RECORD_COLUMNS order; the date and the three time stamps (the last columns)
    are put in as SQLAlchemy would store them, each distinct value converted once.
    """
    cursor = conn.connection.dbapi_connection.cursor()
    memo: dict[object, object] = {}
    stamps: dict[tuple, tuple] = {}
    first = _STAMPS[0]

    def converted(row: tuple) -> tuple:
        day, last = row[_DATE], row[first:]
        if day not in memo:
            memo[day] = _sqlite_value(day)
        if last not in stamps:
            stamps[last] = tuple(_sqlite_value(v) for v in last)
        return (*row[:_DATE], memo[day], *row[_DATE + 1 : first], *stamps[last])

    try:
        cursor.executemany(_INSERT, map(converted, rows))
    finally:
        cursor.close()


def database_path(records: int) -> Path:
    return DATA / f"archive-{records}.db"


def _bulk_load_settings(dbapi_connection, _record) -> None:
    # Only for this generator, and safe because it writes to a scratch file renamed when complete
    # (a crash leaves a ``.partial`` file, never a half-written archive): the rollback journal in
    # memory (WAL wrote every page twice), no fsync, foreign keys checked once at the end instead
    # of nine look-ups per row.
    dbapi_connection.execute("PRAGMA journal_mode=MEMORY")
    dbapi_connection.execute("PRAGMA synchronous=OFF")
    dbapi_connection.execute("PRAGMA foreign_keys=OFF")


def _finish(path: Path) -> None:
    """Check every foreign key, and leave the archive in WAL mode as the application opens it."""
    with closing(sqlite3.connect(path)) as conn:
        problems = conn.execute("PRAGMA foreign_key_check").fetchall()
        if problems:
            raise RuntimeError(f"generated rows break foreign keys: {problems[:5]}")
        conn.execute("PRAGMA journal_mode=WAL")


def generate(path: Path, records: int, *, seed: int = 2024) -> dict[str, float]:
    """Create the archive at ``path`` (replacing it) with ``records`` records; returns phase timings."""
    partial = path.with_name(path.name + ".partial")
    for leftover in [*path.parent.glob(path.name + "*")]:
        leftover.unlink()
    path.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    db = open_archive(partial, actor="bench")
    try:
        db.engine.dispose()  # the next connection gets the bulk-load settings
        event.listen(db.engine, "connect", _bulk_load_settings)
        demo.add_demo_data(db, records, seed=seed, build_index=False, write=raw_insert)
        generated = time.perf_counter()
        with UnitOfWork(db) as uow:
            search.rebuild_index(uow.session)
            uow.commit()
        indexed = time.perf_counter()
    finally:
        db.dispose()
    _finish(partial)
    partial.rename(path)
    head = audit_chain.head_file(partial)  # the audit chain's head goes with the file (audit_chain.py)
    if head.exists():
        head.rename(audit_chain.head_file(path))
    finished = time.perf_counter()
    return {"generate": generated - started + (finished - indexed), "index": indexed - generated}


def ensure_database(records: int) -> tuple[Path, dict[str, float] | None]:
    """The benchmark archive of this size, generated unless bench/data already has it."""
    path = database_path(records)
    if path.exists() and not Path(str(path) + "-journal").exists():
        return path, None
    return path, generate(path, records)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.generate")
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("path", nargs="?", type=Path)
    args = parser.parse_args()
    path = args.path or database_path(args.records)
    timings = generate(path, args.records)
    print(f"{path}: {args.records} records, " + ", ".join(f"{k} {v:.1f} s" for k, v in timings.items()))


if __name__ == "__main__":
    main()

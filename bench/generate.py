"""A fast generator of N synthetic records for the benchmarks: the demo data (services.demo), written
with the raw driver's executemany on the SQLAlchemy connection instead of Core (about twice as fast),
into a real archive (same schema, migrations included), then the search index built once.

    python -m bench.generate [--records N] [PATH]
"""

from __future__ import annotations

import argparse
import time
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import Connection

from archdesk.models import Record
from archdesk.services import demo, search
from archdesk.services.archive import open_archive
from archdesk.services.uow import UnitOfWork

DATA = Path(__file__).resolve().parent / "data"
_COLUMNS = [c.name for c in Record.__table__.columns if c.name != "id"]
_INSERT = f"INSERT INTO record ({', '.join(_COLUMNS)}) VALUES ({', '.join('?' for _ in _COLUMNS)})"


def _sqlite_value(value: object) -> object:
    # The text SQLAlchemy's SQLite dialect stores for DATE and DATETIME columns.
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, date):
        return value.isoformat()
    return value


_CONVERTED = {i for i, c in enumerate(_COLUMNS) if c in ("date", "accepted_at", "created_at", "updated_at")}


def raw_insert(conn: Connection, rows: list[dict]) -> None:
    """executemany on the driver cursor: no per-row parameter processing by SQLAlchemy."""
    cursor = conn.connection.dbapi_connection.cursor()
    memo: dict[object, object] = {None: None}

    def convert(value: object) -> object:
        if value not in memo:
            memo[value] = _sqlite_value(value)
        return memo[value]

    values = []
    for row in rows:
        line = [row[c] for c in _COLUMNS]
        for i in _CONVERTED:
            line[i] = convert(line[i])
        values.append(line)
    try:
        cursor.executemany(_INSERT, values)
    finally:
        cursor.close()


def database_path(records: int) -> Path:
    return DATA / f"archive-{records}.db"


def generate(path: Path, records: int, *, seed: int = 2024) -> dict[str, float]:
    """Create the archive at ``path`` (replacing it) with ``records`` records; returns phase timings."""
    for leftover in path.parent.glob(path.name + "*"):
        leftover.unlink()
    path.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    db = open_archive(path, actor="bench")
    try:
        demo.add_demo_data(db, records, seed=seed, build_index=False, write=raw_insert)
        generated = time.perf_counter()
        with UnitOfWork(db) as uow:
            search.rebuild_index(uow.session)
            uow.commit()
        indexed = time.perf_counter()
    finally:
        db.dispose()
    return {"generate": generated - started, "index": indexed - generated}


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

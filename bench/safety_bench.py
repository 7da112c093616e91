"""Benchmark: data safety on a generated archive (1,000,000 records by default).

Targets (issue 17): ``archdesk backup`` ≤ 15 s; ``archdesk check`` ≤ 60 s (with progress); search
on PostgreSQL — first page sorted by reference code plus the hit count — p95 ≤ 150 ms for words of
1–4 characters, measured beside SQLite in the same run on the same records.

The PostgreSQL rows need ``ARCHDESK_BENCH_POSTGRES_URL`` naming an empty database (the archive is
copied there with ``migrate-to``, itself timed); without it they are left out. Run alone with
``python -m bench safety``.
"""

from __future__ import annotations

import os
import statistics
import time

from archdesk.services import backup
from archdesk.services.archive import open_archive
from archdesk.services.integrity import check_archive
from archdesk.services.records_query import search_records
from bench.generate import ensure_database
from bench.search_bench import sample_queries

RECORDS = int(os.environ.get("ARCHDESK_BENCH_RECORDS", 1_000_000))
POSTGRES_URL = os.environ.get("ARCHDESK_BENCH_POSTGRES_URL", "")
PER_LENGTH = 10


def _load() -> str:
    return f"load {os.getloadavg()[0]:.1f}"


def run() -> list[dict]:
    path, _ = ensure_database(RECORDS)
    rows = []
    out = path.with_name(path.stem + ".bench-backup.db")
    started = time.perf_counter()
    taken = backup.backup(path, out)
    rows.append(
        {
            "operation": "archdesk backup (online backup API, one self-contained file)",
            "size": RECORDS,
            "seconds": round(time.perf_counter() - started, 2),
            "note": f"{taken.size / 1e6:.0f} MB; {_load()}",
        }
    )
    out.unlink()
    backup.audit_chain.head_file(out).unlink(missing_ok=True)

    db = open_archive(path)
    steps: list[float] = []
    started = time.perf_counter()
    report = check_archive(db, progress=lambda done, total: steps.append(time.perf_counter()) or True)
    rows.append(
        {
            "operation": "archdesk check (all checks, audit chain and audited state included)",
            "size": RECORDS,
            "seconds": round(time.perf_counter() - started, 2),
            "note": f"clean={report.clean}; {len(steps)} progress calls; {_load()}",
        }
    )
    queries = {n: sample_queries(db, n, PER_LENGTH) for n in (1, 2, 3, 4)}
    rows += _search_rows("SQLite FTS5", db, queries)
    if POSTGRES_URL:
        from archdesk.services.migrate_to import migrate_to

        started = time.perf_counter()
        migrate_to(db, POSTGRES_URL)
        rows.append(
            {
                "operation": "archdesk migrate-to (copy, index, verify counts and audit chain)",
                "size": RECORDS,
                "seconds": round(time.perf_counter() - started, 1),
                "note": _load(),
            }
        )
        server = open_archive(POSTGRES_URL)
        rows += _search_rows("PostgreSQL GIN tokens", server, queries)
        server.dispose()
    db.dispose()
    return rows


def _search_rows(label: str, db, queries: dict[int, list[str]]) -> list[dict]:
    rows = []
    for length, words in queries.items():
        search_records(db, words[0])  # warm the caches once
        times = []
        for word in words:
            started = time.perf_counter()
            search_records(db, word)
            times.append(time.perf_counter() - started)
        p95 = statistics.quantiles(times, n=20)[-1] if len(times) >= 2 else times[0]
        rows.append(
            {
                "operation": f"search {label}: {length}-character words, first page + count (p95 of {len(times)})",
                "size": RECORDS,
                "seconds": round(p95, 3),
                "note": f"max {max(times) * 1000:.0f} ms, e.g. {' '.join(words[:3])}; {_load()}",
            }
        )
    return rows


if __name__ == "__main__":
    for row in run():
        print(row)

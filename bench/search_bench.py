"""Benchmark: search and deep paging on a generated archive (1,000,000 records by default).

Targets (issue 2): a search's first page sorted by reference code plus the hit count, p95 under
100 ms for queries of 3+ characters (reference codes whole or in part included, issue 9) and under
250 ms for 1–2 characters (a LIKE scan of 1M rows
costs ~330 ms). The archive is kept in bench/data/ and reused (``--fresh`` regenerates it).
Queries are substrings of the titles of randomly chosen records (seeded), so common words are
drawn as often as archivists would type them. Run alone with ``python -m bench search``.
"""

from __future__ import annotations

import os
import random
import re
import statistics
import time
from collections.abc import Callable

from sqlalchemy import func, select

from archdesk.models import Record
from archdesk.services import search
from archdesk.services.archive import open_archive
from archdesk.services.catalogue import record_with_reference_code
from archdesk.services.database import Database
from archdesk.services.records_query import (
    RecordFilter,
    SortOrder,
    block_anchors,
    count_records,
    records_page,
    search_records,
)
from archdesk.services.view_queries import record_view_select
from archdesk.services.views import record_view_from_row
from bench.generate import database_path, generate

RECORDS = int(os.environ.get("ARCHDESK_BENCH_RECORDS", 1_000_000))
QUERIES = 50
_CHINESE = re.compile(r"^[\u4e00-\u9fff]+$")


def sample_queries(db: Database, length: int, count: int = QUERIES, seed: int = 1) -> list[str]:
    """``count`` distinct runs of ``length`` Chinese characters taken from random records' titles."""
    rng = random.Random(seed * 100 + length)
    with db.reading() as session:
        last = session.scalar(select(func.max(Record.id))) or 0
        titles = list(session.scalars(select(Record.title).where(Record.id.in_(rng.sample(range(1, last + 1), 2000)))))
    found: list[str] = []
    for title in titles:
        start = rng.randrange(max(1, len(title) - length + 1))
        word = title[start : start + length]
        if len(word) == length and _CHINESE.match(word) and word not in found:
            found.append(word)
        if len(found) == count:
            break
    return found


def sample_code_queries(db: Database, count: int = QUERIES, seed: int = 1) -> dict[str, list[str]]:
    """Reference codes of random records, whole and in the parts an archivist types: the group
    without the fonds and series (``2019-Y-BGS``) and the tail (``BGS-0003``)."""
    rng = random.Random(seed)
    with db.reading() as session:
        last = session.scalar(select(func.max(Record.id))) or 0
        ids = rng.sample(range(1, last + 1), min(count, last))
        codes = list(session.scalars(select(Record.reference_code).where(Record.id.in_(ids))))
    parts = [code.split("·", 1)[-1] for code in codes]  # 2019-Y-BGS-0003
    return {
        "whole code": codes,
        "year-retention-department": ["-".join(p.split("-")[:-1]) for p in parts],
        "department-item": ["-".join(p.split("-")[-2:]) for p in parts],
    }


def _time(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def _latency_row(label: str, size: int, latencies: list[float], note: str = "") -> dict:
    p95 = statistics.quantiles(latencies, n=20)[-1] if len(latencies) > 1 else latencies[0]
    median = statistics.median(latencies)
    return {
        "operation": label,
        "size": size,
        "seconds": round(p95, 4),
        "note": f"p95 {_ms(p95)}, median {_ms(median)}, max {_ms(max(latencies))}{note}",
    }


def _offset_page(db: Database, offset: int, limit: int = 256) -> list:
    with db.reading() as session:
        stmt = record_view_select().order_by(Record.reference_code, Record.id).offset(offset).limit(limit)
        return [record_view_from_row(row) for row in session.execute(stmt)]


def run() -> list[dict]:
    rows: list[dict] = []
    path = database_path(RECORDS)
    if not path.exists() or os.environ.get("ARCHDESK_BENCH_FRESH"):
        timings = generate(path, RECORDS)
        rows.append({"operation": "generate records (demo data, raw executemany)", "size": RECORDS,
                     "seconds": round(timings["generate"], 2)})  # fmt: skip
        rows.append({"operation": "build search index (INSERT … SELECT, both tables)", "size": RECORDS,
                     "seconds": round(timings["index"], 2)})  # fmt: skip
    db = open_archive(path)
    size = count_records(db, RecordFilter())
    for length in (1, 2, 3, 4):
        queries = sample_queries(db, length)
        for query in queries:  # one pass to warm the cache, as a session's earlier searches would
            search_records(db, query)
        latencies, hits = [], []
        for query in queries:
            started = time.perf_counter()
            hits.append(search_records(db, query, limit=50).total)
            latencies.append(time.perf_counter() - started)
        rows.append(
            _latency_row(
                f"search {length} char(s): first page by reference code + count ({len(queries)} queries)",
                size,
                latencies,
                f"; hits median {int(statistics.median(hits)):,}, max {max(hits):,}",
            )
        )
    for kind, queries in sample_code_queries(db).items():
        for query in queries:
            search_records(db, query)
        latencies, hits = [], []
        for query in queries:
            started = time.perf_counter()
            hits.append(search_records(db, query, limit=50).total)
            latencies.append(time.perf_counter() - started)
        rows.append(
            _latency_row(
                f"search a reference code, {kind} ({len(queries)} queries)",
                size,
                latencies,
                f"; hits median {int(statistics.median(hits)):,}, max {max(hits):,}",
            )
        )
    # A whole code typed or scanned into the search field: the window looks the record up by its
    # code (to open it in the editor) and runs the search for the table, one after the other.
    codes = sample_code_queries(db, seed=2)["whole code"]
    latencies, opened = [], 0
    for code in codes:
        started = time.perf_counter()
        opened += record_with_reference_code(db, code) is not None
        search_records(db, code, limit=50)
        latencies.append(time.perf_counter() - started)
    rows.append(
        _latency_row(
            f"a whole reference code typed or scanned: open the record + search ({len(codes)} codes)",
            size,
            latencies,
            f"; {opened} of {len(codes)} opened",
        )
    )
    baseline = sample_queries(db, 2, 5)
    with db.reading() as session:
        scan = [
            _time(
                lambda q=q: session.scalar(select(func.count()).select_from(Record).where(search.portable_condition(q)))
            )
            for q in baseline
        ]
    rows.append(_latency_row("baseline: LIKE scan of the 5 columns, count only (5 queries)", size, scan))

    rows.append({"operation": "count all records", "size": size,
                 "seconds": round(_time(lambda: count_records(db, RecordFilter())), 4)})  # fmt: skip
    anchors: list = []
    seconds = _time(lambda: anchors.extend(block_anchors(db, RecordFilter(), SortOrder())))
    rows.append({"operation": "block anchors (256-row blocks, by reference code)", "size": size,
                 "seconds": round(seconds, 4)})  # fmt: skip
    deep = anchors[int(len(anchors) * 0.9)]
    pages = [_time(lambda: records_page(db, RecordFilter(), SortOrder(), start=deep)) for _ in range(5)]
    rows.append(_latency_row("page of 256 at 90 % depth: keyset from a block anchor", size, pages))
    offset = int(len(anchors) * 0.9) * 256
    pages = [_time(lambda: _offset_page(db, offset)) for _ in range(3)]
    rows.append(_latency_row(f"page of 256 at 90 % depth: OFFSET {offset:,} (for comparison)", size, pages))
    common = RecordFilter(text="关于")
    text_anchors: list = []
    seconds = _time(lambda: text_anchors.extend(block_anchors(db, common, SortOrder())))
    rows.append({"operation": "block anchors of a common search text (关于)", "size": size,
                 "seconds": round(seconds, 4), "note": f"{count_records(db, common):,} hits"})  # fmt: skip
    db.dispose()
    return rows


if __name__ == "__main__":
    from bench.__main__ import table

    print(table(run()))

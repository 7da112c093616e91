"""Benchmark: a fresh search while a stale one's block anchors are still being read (issue 10).

Three ways the one database worker can answer the second search of "通知 → 会议纪要" while the
anchors of 关于 (a word in half the titles, the slowest anchors there are) are being read, all on
the generated 1,000,000-record archive, in the same process and the same minute:

- **queued** (before issue 10): the fresh search waits until the anchors are done;
- **interrupt**: the anchors' statement is stopped by ``Database.interrupt_read_on`` (SQLite's own
  interrupt, sent from the asking thread as ``Ops.cancel`` does) and the search runs next on the same
  connection and thread;
- **second connection**: the search runs at once on another thread with its own connection (WAL
  lets readers run beside each other) while the anchors go on.

Each figure is from the moment the second search is asked for until its first page and count are
in, the median of ROUNDS; the anchors alone and the search alone are measured too, and the cost of
the progress handler on a query that is not interrupted; and the Catalogue tree's counts from
``record_count`` against the full count they replaced.
"""

from __future__ import annotations

import os
import statistics
import threading
import time
from collections.abc import Callable

RECORDS = int(os.environ.get("ARCHDESK_BENCH_RECORDS", 1_000_000))
ROUNDS = 7
STALE, FRESH = "关于", "会议纪要"
HEAD_START = 0.15  # seconds the stale anchors run before the fresh search is typed


def run() -> list[dict]:
    from archdesk.services.archive import open_archive
    from archdesk.services.listing import RecordFilter, SortOrder
    from archdesk.services.records_query import block_anchors
    from archdesk.services.startup import first_page
    from bench.generate import ensure_database

    path, _ = ensure_database(RECORDS)
    db = open_archive(path, create=False)
    other = open_archive(path, create=False)  # the "second connection" (its own engine and pool)
    sort = SortOrder()

    def anchors(database=db) -> None:
        block_anchors(database, RecordFilter(text=STALE), sort)

    def search(database=db) -> None:
        first_page(database, RecordFilter(text=FRESH), sort)

    search()
    anchors()  # warm the cache, as the session's earlier searches would
    alone_anchors = _median(lambda: _timed(anchors))
    alone_search = _median(lambda: _timed(search))

    def queued() -> float:
        return _behind(anchors, search)

    stop = threading.Event()
    running: list[str] = []  # what the worker runs now, as Ops knows its current job

    def stale_anchors() -> None:
        running.append("stale")
        try:
            anchors()
        finally:
            running.clear()

    db.interrupt_reads_when(lambda: stop.is_set() and bool(running))

    def interrupted() -> float:
        stop.clear()

        def supersede(worker: threading.Thread) -> None:  # what Ops.cancel does
            stop.set()
            db.interrupt_read_on(worker.ident)

        return _behind(stale_anchors, search, before=supersede)

    def second_connection() -> float:
        worker = threading.Thread(target=anchors)
        worker.start()
        time.sleep(HEAD_START)
        started = time.perf_counter()
        search(other)
        answered = time.perf_counter() - started
        worker.join()
        return answered

    figures = {name: _median(way) for name, way in (("queued", queued), ("interrupt", interrupted))}
    figures["second connection"] = _median(second_connection)
    db.interrupt_reads_when(None)
    without_handler = _median(lambda: _timed(anchors))
    db.interrupt_reads_when(lambda: False)
    with_handler = _median(lambda: _timed(anchors))
    db.interrupt_reads_when(None)
    rows_tree = _tree_rows(db)
    db.dispose()
    other.dispose()
    note = f"median of {ROUNDS}; {STALE} anchors alone {alone_anchors * 1000:.0f} ms, {FRESH} alone {alone_search * 1000:.0f} ms"
    rows = [
        {
            "operation": f"worker: {FRESH} asked while {STALE}'s anchors run — {name}",
            "size": RECORDS,
            "seconds": round(seconds, 3),
            "note": note,
        }
        for name, seconds in figures.items()
    ]
    rows.append(
        {
            "operation": f"worker: {STALE}'s anchors with the interrupt check installed (not interrupted)",
            "size": RECORDS,
            "seconds": round(with_handler, 3),
            "note": f"{without_handler:.3f} s without it, same run",
        }
    )
    return rows + rows_tree


def _tree_rows(db) -> list[dict]:
    """The Catalogue tree's counts: from record_count (triggers), against the full count it replaced."""
    from archdesk.services import tree_counts
    from archdesk.services.records_query import classification_tree

    maintained = _median(lambda: _timed(lambda: classification_tree(db)))
    real = tree_counts.maintained
    tree_counts.maintained = lambda _connection: False  # the full GROUP BY over record
    try:
        full = _median(lambda: _timed(lambda: classification_tree(db)))
    finally:
        tree_counts.maintained = real
    return [
        {
            "operation": "tree: classification tree with its counts (record_count, kept by triggers)",
            "size": RECORDS,
            "seconds": round(maintained, 4),
            "note": f"full GROUP BY over record {full:.3f} s, same run; median of {ROUNDS}",
        }
    ]


def _timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def _median(measure: Callable[[], float]) -> float:
    return statistics.median(measure() for _ in range(ROUNDS))


def _behind(
    stale: Callable[[], None], fresh: Callable[[], None], *, before: Callable[[threading.Thread], None] | None = None
) -> float:
    """One worker thread runs ``stale`` then ``fresh``; the seconds from asking for ``fresh`` (after
    HEAD_START, calling ``before`` then: the supersede) until it has answered."""
    asked: list[float] = []
    answered: list[float] = []

    def worker() -> None:
        try:
            stale()
        except Exception:  # noqa: BLE001 - the interrupted statement ("interrupted")
            pass
        fresh()
        answered.append(time.perf_counter())

    thread = threading.Thread(target=worker)
    thread.start()
    time.sleep(HEAD_START)
    asked.append(time.perf_counter())
    if before is not None:
        before(thread)
    thread.join()
    return answered[0] - asked[0]


if __name__ == "__main__":
    from bench.__main__ import table

    print(table(run()))

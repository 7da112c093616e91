"""Benchmark: appraisal on a generated archive (1,000,000 records by default).

Targets (issue 14): the due list (the Appraisal dock's first 500 rows and its count) ≤ 300 ms, and
executing a 10,000-record destruction list ≤ 10 s, all or nothing. The kill test SIGKILLs a child
process in the middle of an execution, reopens the archive and checks that nothing of it was kept
(no record destroyed, no ledger row, the list still approved), then executes the list to the end.

The generated archive is reused from ARCHDESK_APPRAISAL_BENCH_DIR (default bench/data); each
execution runs on a scratch copy of it. Run alone with ``python -m bench appraisal``.
"""

from __future__ import annotations

import os
import shutil
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import func, select

from archdesk.models import Appraisal, Category, DestructionList, DestructionListItem, Movement, Record, RetentionPeriod
from archdesk.services.appraisal import (
    approve_destruction_list,
    count_due,
    create_batch,
    create_destruction_list,
    decide,
    due_for_appraisal,
    execute_destruction_list,
)
from archdesk.services.archive import open_archive
from archdesk.services.database import Database
from bench.generate import DATA, generate

RECORDS = int(os.environ.get("ARCHDESK_BENCH_RECORDS", 1_000_000))
LIST_SIZE = int(os.environ.get("ARCHDESK_BENCH_LIST_SIZE", 10_000))
FOLDER = Path(os.environ.get("ARCHDESK_APPRAISAL_BENCH_DIR", DATA))
_KILL_CHILD = """
import sys
from archdesk.services.archive import open_archive
from archdesk.services.appraisal import execute_destruction_list
db = open_archive(sys.argv[1])
def progress(done, total):
    print(f"progress {done} {total}", flush=True)
    return True
execute_destruction_list(db, int(sys.argv[2]), progress=progress)
print("finished", flush=True)
"""


def _archive() -> tuple[Path, float | None]:
    path = FOLDER / f"archive-{RECORDS}.db"
    if path.exists() and not os.environ.get("ARCHDESK_BENCH_FRESH"):
        return path, None
    started = time.perf_counter()
    generate(path, RECORDS)
    return path, time.perf_counter() - started


def _scratch(path: Path, name: str) -> Path:
    copy = path.with_name(f"{path.stem}-{name}.db")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{copy}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(path, copy)
    return copy


def _prepare_list(db: Database) -> tuple[int, float]:
    """A batch deciding destroy on LIST_SIZE due 文书 records, its list made and approved: (list id, seconds)."""
    with db.reading() as session:
        ten_years = session.scalar(select(RetentionPeriod.id).where(RetentionPeriod.code == "D10"))
        general = session.scalar(select(Category.id).where(Category.code == "WS"))
        codes = list(
            session.scalars(
                select(Record.reference_code)
                .where(Record.retention_id == ten_years, Record.category_id == general, Record.status == "in_custody",
                       Record.year <= 2014, ~Record.id.in_(select(Appraisal.record_id)))
                .order_by(Record.id)
                .limit(LIST_SIZE)
            )
        )  # fmt: skip
    started = time.perf_counter()
    batch = create_batch(db, "基准测试鉴定", "张三, 李四")
    decide(db, batch, codes, "destroy", "保管期限已满")
    list_id = create_destruction_list(db, batch)
    approve_destruction_list(db, list_id, "周明", "孙丽, 吴强")
    return list_id, time.perf_counter() - started


def _list_state(db: Database, list_id: int) -> tuple[str, int, int]:
    """(list status, its records destroyed, destruction ledger rows)."""
    with db.reading() as session:
        status = session.scalar(select(DestructionList.status).where(DestructionList.id == list_id))
        destroyed = session.scalar(
            select(func.count())
            .select_from(DestructionListItem)
            .join(Record, Record.id == DestructionListItem.record_id)
            .where(DestructionListItem.destruction_list_id == list_id, Record.status == "destroyed")
        )
        ledger = session.scalar(select(func.count()).where(Movement.reason == "destruction", Movement.notes != ""))
    return status, int(destroyed or 0), int(ledger or 0)


def _due_rows(path: Path) -> list[dict]:
    db = open_archive(path)
    try:
        due_for_appraisal(db, limit=500)  # warm the cache, as the dock's second load is
        runs = []
        for _ in range(7):
            started = time.perf_counter()
            shown, total = due_for_appraisal(db, limit=500), count_due(db)
            runs.append(time.perf_counter() - started)
        return [{"operation": "due list: first 500 rows + count (median of 7)", "size": RECORDS,
                 "seconds": statistics.median(runs), "note": f"max {max(runs):.3f} s; {total:,} due, {len(shown)} shown"}]  # fmt: skip
    finally:
        db.dispose()


def _execute_rows(path: Path) -> list[dict]:
    copy = _scratch(path, "execute")
    db = open_archive(copy)
    try:
        list_id, setup = _prepare_list(db)
        before = _list_state(db, list_id)[2]
        started = time.perf_counter()
        done = execute_destruction_list(db, list_id)
        seconds = time.perf_counter() - started
        status, destroyed, ledger = _list_state(db, list_id)
        note = f"{status}; {destroyed:,} destroyed, {ledger - before:,} ledger rows; batch+decide+list+approve {setup:.1f} s"
        return [{"operation": "execute a destruction list (one transaction)", "size": done.records,
                 "seconds": seconds, "note": note}]  # fmt: skip
    finally:
        db.dispose()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{copy}{suffix}").unlink(missing_ok=True)


def _kill_rows(path: Path) -> list[dict]:
    copy = _scratch(path, "kill")
    db = open_archive(copy)
    try:
        list_id, _setup = _prepare_list(db)
        before = _list_state(db, list_id)
        db.dispose()
        child = subprocess.Popen([sys.executable, "-c", _KILL_CHILD, str(copy), str(list_id)], stdout=subprocess.PIPE,
                                 text=True)  # fmt: skip
        assert child.stdout is not None
        reached = 0
        for line in child.stdout:
            if line.startswith("progress"):
                done, total = map(int, line.split()[1:])
                reached = done
                if done * 2 >= total:
                    break
        child.send_signal(signal.SIGKILL)
        child.wait()
        db = open_archive(copy)
        after = _list_state(db, list_id)
        intact = after == before
        started = time.perf_counter()
        execute_destruction_list(db, list_id)
        again = time.perf_counter() - started
        final = _list_state(db, list_id)
        note = (f"killed at {reached:,}/{LIST_SIZE:,}: after reopening {after[0]}, {after[1]} destroyed, "
                f"{after[2] - before[2]} ledger rows ({'nothing kept' if intact else 'HALF-DONE'}); "
                f"re-run {final[0]}, {final[1]:,} destroyed in {again:.1f} s")  # fmt: skip
        return [{"operation": "kill test: SIGKILL mid-execution" + ("" if intact else " FAILED"), "size": LIST_SIZE,
                 "seconds": again, "note": note}]  # fmt: skip
    finally:
        db.dispose()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{copy}{suffix}").unlink(missing_ok=True)


def run() -> list[dict]:
    path, generated = _archive()
    rows = [] if generated is None else [{"operation": "generate archive", "size": RECORDS, "seconds": generated}]
    load = f"load {os.getloadavg()[0]:.1f}"
    rows += _due_rows(path) + _execute_rows(path) + _kill_rows(path)
    for row in rows:
        row["note"] = f"{row.get('note', '')}; {load} at start".lstrip("; ")
    return rows

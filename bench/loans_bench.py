"""Benchmark: use (利用) on a 1,000,000-record archive with about 100,000 loans (issue 13).

Targets on a 2-core machine: the overdue list ≤ 100 ms, lending 20 records in one request ≤ 200 ms,
the borrowing slip from click to preview (read the request, describe, render the PDF, load it in
QtPdf) ≤ 500 ms. The archive is the demo's (``archdesk demo --records 1000000``: its use data has
about 94,000 returned and 9,400 current loans); it is built once at ``ARCHDESK_LOANS_BENCH_DB``
(default /tmp/archdesk-loans-bench/million.db) and reused. Each figure is the median of 7 runs after a
warm-up (the overdue list also
its first call after opening); the note gives the machine's load average, since the machine is shared.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RECORDS = int(os.environ.get("ARCHDESK_BENCH_RECORDS", "1000000"))
DB = Path(os.environ.get("ARCHDESK_LOANS_BENCH_DB", "/tmp/archdesk-loans-bench/million.db"))
RUNS = 7


def ensure_archive() -> None:
    if DB.exists() and not os.environ.get("ARCHDESK_BENCH_FRESH"):
        return
    DB.parent.mkdir(parents=True, exist_ok=True)
    DB.unlink(missing_ok=True)
    subprocess.run([sys.executable, "-m", "archdesk", "--db", str(DB), "demo", "--records", str(RECORDS)], check=True)


def _median(fn, runs: int = RUNS) -> float:
    fn()  # warm-up: caches, first statement compilation
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def _load() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.1f} (5 min {five:.1f}) on {os.cpu_count()} cores"


def run() -> list[dict]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    ensure_archive()
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtPdf import QPdfDocument
    from sqlalchemy import func, select

    from archdesk.models import Borrower, Loan, Record
    from archdesk.services.archive import open_archive
    from archdesk.services.reports import render_pdf
    from archdesk.services.reports.use_forms import borrowing_slip
    from archdesk.services.use.lending import lend
    from archdesk.services.use.queries import overdue_loans, request_detail
    from archdesk.services.use.returns import ReturnCheck, return_loans

    app = QGuiApplication.instance() or QGuiApplication([])
    db = open_archive(DB)
    with db.reading() as session:
        loans = session.scalar(select(func.count()).select_from(Loan))
        borrower = session.scalar(select(Borrower.id).where(Borrower.clearance_level_id.is_not(None), Borrower.active))
        candidates = list(
            session.scalars(
                select(Record.id).where(Record.status == "in_custody", Record.security_level_id.is_(None)).limit(400)
            )
        )
        request = session.scalar(select(Loan.request_id).where(Loan.status == "lent").order_by(Loan.id.desc()).limit(1))
    size = f"{RECORDS:,} records, {loans:,} loans"
    started = time.perf_counter()
    overdue = overdue_loans(db)  # the first call after opening: the pages it reads are not cached yet
    first = time.perf_counter() - started
    rows = [
        {"operation": f"overdue list, first call after opening ({len(overdue):,} loans)", "size": size,
         "seconds": first, "note": _load()},
        {"operation": f"overdue list ({len(overdue):,} loans)", "size": size, "seconds": _median(lambda: overdue_loans(db)),
         "note": _load()},
    ]  # fmt: skip

    batches = iter(range(0, len(candidates), 20))

    def lend_twenty() -> None:
        start = next(batches)
        lend(db, borrower, candidates[start : start + 20])

    lent_seconds = _median(lend_twenty)
    with db.reading() as session:  # put them back (not measured), so the archive stays as built
        out = list(session.scalars(select(Loan.id).where(Loan.record_id.in_(candidates), Loan.status == "lent")))
    return_loans(db, [ReturnCheck(loan_id) for loan_id in out])
    rows.append({"operation": "lend 20 records in one request", "size": size, "seconds": lent_seconds, "note": _load()})

    folder = Path(tempfile.mkdtemp(prefix="archdesk-slip-"))
    document = QPdfDocument()

    def slip_to_preview() -> None:
        path = folder / "slip.pdf"
        render_pdf(borrowing_slip(request_detail(db, request), "zh_CN"), path)
        document.load(str(path))
        assert document.pageCount() == 1

    rows.append({"operation": "borrowing slip, click to preview", "size": size, "seconds": _median(slip_to_preview),
                 "note": _load()})  # fmt: skip
    db.dispose()
    del app
    return rows


if __name__ == "__main__":
    for row in run():
        print(f"{row['operation']:<40} {row['seconds'] * 1000:8.1f} ms  {row['size']}  ({row['note']})")

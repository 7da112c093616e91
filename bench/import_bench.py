"""Benchmark: importing a 100,000-row transfer spreadsheet (.xlsx) into a fresh archive.

Target (issue 5): under 5 s on a 2-core machine, peak memory under 400 MB. Run with
``.venv/bin/python -m bench.import_bench``; ``run()`` returns rows {operation, size, seconds, peak_mb}.
Peak memory is the process's resident high-water mark (ru_maxrss), so the import runs in a fresh
child process to measure it alone.

The floor (issue 10): in the same child, right after the import, calamine reads the same sheet
(every cell to Python values) and SQLite inserts the same 100,000 record rows (read back from the
imported archive) into a fresh archive's ``record`` table, indexes and triggers included, in one
transaction, a thousand rows per ``INSERT`` statement (the fastest way SQLite takes them: with
``executemany`` each row is a statement of its own, and on a table with insert triggers each
statement opens a statement journal that copies every page it touches, 2.5–3 × slower; issue 11).
The import is reported as a ratio to read + insert: a slower machine moves both, a slower importer
only the ratio.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROWS = 100_000
HEADINGS = ["序号", "档号", "文号", "责任者", "题名", "日期", "页数", "密级", "保管期限", "备注"]


def write_sheet(path: Path, rows: int = ROWS) -> None:
    """A realistic transfer list: a title row, the header, then ``rows`` data rows."""
    import xlsxwriter

    workbook = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = workbook.add_worksheet("移交清单")
    date_format = workbook.add_format({"num_format": "yyyy-mm-dd"})
    sheet.write_row(0, 0, ["办公室 2023 年度归档文件目录"])
    sheet.write_row(1, 0, HEADINGS)
    start = date(2023, 1, 1)
    retention = ("永久", "定期30年", "10年")
    for n in range(rows):
        r = n + 2
        sheet.write_number(r, 0, n + 1)
        sheet.write_string(r, 2, f"办发〔2023〕{n + 1}号")
        sheet.write_string(r, 3, "办公室")
        sheet.write_string(r, 4, f"关于做好第{n + 1}项工作的通知")
        sheet.write_datetime(r, 5, start + timedelta(days=n % 365), date_format)
        sheet.write_number(r, 6, 1 + n % 40)
        if n % 7 == 0:
            sheet.write_string(r, 7, "内部")
        sheet.write_string(r, 8, retention[n % 3])
    workbook.close()


def _child(sheet: str, db_path: str) -> None:
    from archdesk.services.archive import open_archive
    from archdesk.services.collection import import_transfer

    db = open_archive(db_path)
    started = time.perf_counter()
    result = import_transfer(db, sheet, department="BGS")
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    read, insert = _floor(sheet, db_path)
    print(
        json.dumps(
            {"seconds": seconds, "peak_mb": peak_mb, "imported": result.imported, "read": read, "insert": insert}
        )
    )


def _floor(sheet: str, db_path: str) -> tuple[float, float]:
    """Seconds for calamine to read the sheet, and for SQLite to insert the imported rows afresh."""
    import sqlite3
    from contextlib import closing

    from python_calamine import CalamineWorkbook

    from archdesk.services.archive import open_archive

    started = time.perf_counter()
    rows = CalamineWorkbook.from_path(sheet).get_sheet_by_index(0).to_python()
    read = time.perf_counter() - started
    assert len(rows) >= ROWS
    with closing(sqlite3.connect(db_path)) as source:
        columns = [r[1] for r in source.execute("PRAGMA table_info(record)") if r[1] not in ("id", "transfer_batch_id")]
        records = source.execute(f"SELECT {', '.join(columns)} FROM record").fetchall()
    fresh = Path(db_path).with_name("floor.db")
    open_archive(fresh).dispose()  # a new archive at the head revision: the same indexes and triggers
    with closing(sqlite3.connect(fresh, isolation_level=None)) as target:
        target.execute("PRAGMA journal_mode=WAL")
        target.execute("PRAGMA synchronous=NORMAL")
        target.execute("PRAGMA foreign_keys=ON")
        per_statement = 1000
        one_row = f"({', '.join('?' * len(columns))})"
        statement = f"INSERT INTO record ({', '.join(columns)}) VALUES {', '.join([one_row] * per_statement)}"
        assert len(records) % per_statement == 0, len(records)
        started = time.perf_counter()
        target.execute("BEGIN IMMEDIATE")
        for start in range(0, len(records), per_statement):
            target.execute(statement, [value for row in records[start : start + per_statement] for value in row])
        target.execute("COMMIT")
        insert = time.perf_counter() - started
    return read, insert


def run() -> list[dict]:
    with tempfile.TemporaryDirectory() as folder:
        sheet = Path(folder) / "transfer.xlsx"
        write_sheet(sheet)
        db_path = Path(folder) / "archive.db"
        code = "import sys; from bench.import_bench import _child; _child(sys.argv[1], sys.argv[2])"
        out = subprocess.run(
            [sys.executable, "-c", code, str(sheet), str(db_path)],
            check=True,
            capture_output=True,
            text=True,
            cwd=Path(__file__).resolve().parent.parent,
        )
        figures = json.loads(out.stdout.strip().splitlines()[-1])
    assert figures["imported"] == ROWS, figures
    floor = figures["read"] + figures["insert"]
    return [
        {
            "operation": "import .xlsx (read, check, insert, index)",
            "size": ROWS,
            "seconds": round(figures["seconds"], 2),
            "peak_mb": round(figures["peak_mb"], 1),
            "note": f"{figures['seconds'] / floor:.2f} × the floor below, same run",
        },
        {
            "operation": "floor: calamine reads the sheet + SQLite inserts the same rows (1,000 per statement)",
            "size": ROWS,
            "seconds": round(floor, 2),
            "note": f"read {figures['read']:.2f} s, insert {figures['insert']:.2f} s",
        },
    ]


if __name__ == "__main__":
    for row in run():
        print(row)

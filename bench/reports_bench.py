"""Benchmark: exporting a 100,000-row catalogue register (归档文件目录) to Excel and PDF.

Targets (issue 4) on a 2-core machine: xlsx under 8 s, PDF under 20 s, peak memory under
400 MB. Also compares the two Excel writers on the same 100,000 x 10 cells, which is how
the renderer's writer was chosen (bench/README.md). Run with
``.venv/bin/python -m bench.reports_bench``; ``run()`` returns rows {operation, size, seconds,
peak_mb}. Each measurement runs in a fresh child process, so peak memory (ru_maxrss, the
resident high-water mark) belongs to that operation alone: it includes Python, SQLAlchemy
and ReportLab themselves (about 60-80 MB).
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

#: ``python -m bench --records N`` (ARCHDESK_BENCH_RECORDS) makes a quick run on fewer rows.
ROWS = int(os.environ.get("ARCHDESK_BENCH_RECORDS", 100_000))
_ROOT = Path(__file__).resolve().parents[1]


def build_archive(path: Path, rows: int = ROWS) -> None:
    """A temp archive with ``rows`` accepted records (Core bulk insert, 10,000 per statement)."""
    from sqlalchemy import insert, select

    from archdesk.models import Category, Department, Fonds, Record, RetentionPeriod, SecurityLevel
    from archdesk.services.archive import open_archive

    db = open_archive(path)
    with db.engine.begin() as conn:
        fonds = conn.scalar(select(Fonds.id))
        category = conn.scalar(select(Category.id).where(Category.code == "WS"))
        retention = {c: i for c, i in conn.execute(select(RetentionPeriod.code, RetentionPeriod.id))}
        department = conn.scalar(select(Department.id).where(Department.code == "BGS"))
        internal = conn.scalar(select(SecurityLevel.id).where(SecurityLevel.code == "NB"))
        batch = []
        for n in range(rows):
            year = 2000 + n // 5000
            code = ("Y", "D30", "D10")[n % 3]
            item = n // 3 % 5000 + 1
            batch.append(
                dict(
                    reference_code=f"Z001-WS·{year}-{code}-BGS-{item:04d}-{n}",
                    fonds_id=fonds, category_id=category, year=year, retention_id=retention[code],
                    department_id=department, item_number=item, document_number=f"办发〔{year}〕{item}号",
                    responsible_party="本单位办公室",
                    title=f"关于做好第{n + 1}项工作的通知" + ("及其附件、实施细则和执行情况的说明材料" if n % 4 == 0 else ""),
                    title_supplied=n % 10 == 0, date=date(year, 1, 1) + timedelta(days=n % 360),
                    pages=1 + n % 40, security_level_id=internal if n % 7 == 0 else None,
                    notes="=见附件" if n % 997 == 0 else "", status="in_custody", accepted_at=datetime(year + 1, 6, 1),
                    created_at=datetime(2024, 1, 1), updated_at=datetime(2024, 1, 1),
                )
            )  # fmt: skip
            if len(batch) == 10_000:
                conn.execute(insert(Record), batch)
                batch = []
        if batch:
            conn.execute(insert(Record), batch)
    db.dispose()


def _child(operation: str, db_path: str, out_dir: str) -> None:
    started = time.perf_counter()
    if operation.startswith("register-"):
        from archdesk.services.archive import open_archive
        from archdesk.services.reports import catalogue_register, render_pdf, render_xlsx

        db = open_archive(db_path)
        started = time.perf_counter()
        document = catalogue_register(db)
        if operation == "register-xlsx":
            render_xlsx(document, Path(out_dir) / "register.xlsx")
        else:
            render_pdf(document, Path(out_dir) / "register.pdf")
    else:
        _raw_writer(operation, Path(out_dir) / f"{operation}.xlsx")
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "peak_mb": peak_mb}))


def _raw_rows():
    for n in range(ROWS):
        yield (n + 1, f"Z001-WS·2023-Y-BGS-{n:05d}", f"办发〔2023〕{n}号", "办公室", f"关于做好第{n}项工作的通知",
               date(2023, 1, 1) + timedelta(days=n % 360), "内部", 1 + n % 40, "", "在档")  # fmt: skip


def _raw_writer(operation: str, out: Path) -> None:
    """The same 100,000 x 10 cells (text, numbers, dates) through each writer's streaming mode."""
    if operation == "xlsxwriter-constant-memory":
        import xlsxwriter

        book = xlsxwriter.Workbook(str(out), {"constant_memory": True})
        sheet, date_format = book.add_worksheet(), book.add_format({"num_format": "yyyymmdd"})
        for r, row in enumerate(_raw_rows()):
            for c, value in enumerate(row):
                if isinstance(value, date):
                    sheet.write_datetime(r, c, datetime.combine(value, datetime.min.time()), date_format)
                elif isinstance(value, int):
                    sheet.write_number(r, c, value)
                else:
                    sheet.write_string(r, c, value)
        book.close()
    else:
        from openpyxl import Workbook

        book = Workbook(write_only=True)
        sheet = book.create_sheet()
        for row in _raw_rows():
            sheet.append(row)
        book.save(out)


def _measure(operation: str, db_path: Path, out_dir: Path, size: int) -> dict:
    output = subprocess.run(
        [sys.executable, "-m", "bench.reports_bench", "--child", operation, str(db_path), str(out_dir)],
        capture_output=True, text=True, check=True, cwd=_ROOT,
    ).stdout  # fmt: skip
    result = json.loads(output.strip().splitlines()[-1])
    return {
        "operation": operation,
        "size": size,
        "seconds": round(result["seconds"], 2),
        "peak_mb": round(result["peak_mb"]),
    }


def run() -> list[dict]:
    """Measure the register exports (and the two raw Excel writers) on ROWS rows (100,000)."""
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        db_path = work / "bench.db"
        build_archive(db_path)
        operations = ["register-xlsx", "register-pdf", "xlsxwriter-constant-memory", "openpyxl-write-only"]
        return [_measure(op, db_path, work, ROWS) for op in operations]


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        _child(*sys.argv[2:5])
    else:
        for row in run():
            print(f"{row['operation']:<28} {row['size']:>8} rows {row['seconds']:>7.2f} s {row['peak_mb']:>6} MB")

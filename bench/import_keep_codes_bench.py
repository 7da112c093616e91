"""Benchmark: the 100,000-row import with ``--keep-reference-codes`` (issue 11, a catalogue moved from
another system), beside the plain import of the same sheet measured in the same run.

Target: within the import's 5 s (issue 5). Machines differ and the shared one differs from hour to
hour, so the row's note also gives the ratio to the baseline measured a moment before (keep ÷
plain) and to the floor of the kept run (``import_bench._floor``: calamine reading the same sheet
plus SQLite inserting the same rows, in the same process right after the import). The code that
met the 5 s on the development machine (4.59–4.86 s, commit 84e66e1) runs at 2.2–2.3 × that floor:
a kept-codes import within 5 s is one at ≤ 2.4 × it (bench/README.md, issue 11).
The sheet is ``import_bench``'s with every row's 档号 filled in; each import runs in a fresh child
process on a fresh archive.
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
_RETENTION = (("永久", "Y"), ("定期30年", "D30"), ("10年", "D10"))


def write_sheet(path: Path, rows: int = ROWS) -> None:
    """The import benchmark's transfer list, with the 档号 each row had in its old system."""
    import xlsxwriter

    workbook = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = workbook.add_worksheet("归档文件目录")
    date_format = workbook.add_format({"num_format": "yyyy-mm-dd"})
    sheet.write_row(0, 0, ["办公室 2023 年度归档文件目录"])
    sheet.write_row(1, 0, HEADINGS)
    start = date(2023, 1, 1)
    items = [0, 0, 0]
    for n in range(rows):
        r = n + 2
        kind = n % 3
        items[kind] += 1
        label, code = _RETENTION[kind]
        sheet.write_number(r, 0, n + 1)
        sheet.write_string(r, 1, f"Z001-WS·2023-{code}-BGS-{items[kind]:04d}")
        sheet.write_string(r, 2, f"办发〔2023〕{n + 1}号")
        sheet.write_string(r, 3, "办公室")
        sheet.write_string(r, 4, f"关于做好第{n + 1}项工作的通知")
        sheet.write_datetime(r, 5, start + timedelta(days=n % 365), date_format)
        sheet.write_number(r, 6, 1 + n % 40)
        if n % 7 == 0:
            sheet.write_string(r, 7, "内部")
        sheet.write_string(r, 8, label)
    workbook.close()


def _child(sheet: str, db_path: str, keep: str) -> None:
    from archdesk.services.archive import open_archive
    from archdesk.services.collection import import_transfer

    db = open_archive(db_path)
    started = time.perf_counter()
    result = import_transfer(db, sheet, department="BGS", keep_reference_codes=keep == "keep")
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    figures = {"seconds": seconds, "peak_mb": peak_mb, "imported": result.imported}
    if keep == "keep":
        from bench.import_bench import _floor

        figures["read"], figures["insert"] = _floor(sheet, db_path)
    print(json.dumps(figures))


def _measure(sheet: Path, folder: Path, keep: bool) -> dict:
    code = "import sys; from bench.import_keep_codes_bench import _child; _child(*sys.argv[1:])"
    db_path = folder / ("keep.db" if keep else "plain.db")
    out = subprocess.run(
        [sys.executable, "-c", code, str(sheet), str(db_path), "keep" if keep else "plain"],
        check=True,
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parent.parent,
    )
    figures = json.loads(out.stdout.strip().splitlines()[-1])
    assert figures["imported"] == ROWS, figures
    return figures


def run() -> list[dict]:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        sheet = folder / "catalogue.xlsx"
        write_sheet(sheet)
        plain = _measure(sheet, folder, keep=False)
        keep = _measure(sheet, folder, keep=True)
    ratio = keep["seconds"] / plain["seconds"]
    floor = keep["read"] + keep["insert"]
    return [
        {
            "operation": "import .xlsx with 档号 (baseline: new codes)",
            "size": ROWS,
            "seconds": round(plain["seconds"], 2),
            "peak_mb": round(plain["peak_mb"], 1),
        },
        {
            "operation": "import .xlsx --keep-reference-codes",
            "size": ROWS,
            "seconds": round(keep["seconds"], 2),
            "peak_mb": round(keep["peak_mb"], 1),
            "note": f"{ratio:.2f} × the baseline; {keep['seconds'] / floor:.2f} × the floor of the run "
            f"(read {keep['read']:.2f} + insert {keep['insert']:.2f} s); target 5 s, ≤ 2.4 × the floor",
        },
    ]


if __name__ == "__main__":
    for row in run():
        print(row)

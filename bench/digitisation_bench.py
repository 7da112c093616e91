"""Benchmark: digitisation (issue 16). Targets on a 2-core machine: attaching a scanner's folder of
1,000 files (100 MB) ≤ 10 s; the fixity check ≥ 200 MB/s of file data; PDF text per page reported.

A demo archive of 1,000 records gets a folder of one 100 KB file per record, named by its reference
code (the ``·`` written ``_`` as scanners do), attached with ``attach_folder`` (match + store + one
unit of work). The files are random bytes behind a JPEG signature, so no image decoder runs: the
figure is copying, hashing and the database. Fixity then re-reads and hashes them all.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FILES = 1000
SIZE = 100_000


def run() -> list[dict]:
    from archdesk.services.archive import open_archive
    from archdesk.services.digitisation.attachments import attach_folder
    from archdesk.services.digitisation.content import pdf_text
    from archdesk.services.digitisation.fixity import verify_files

    rows = []
    with tempfile.TemporaryDirectory() as work:
        db_path = Path(work) / "bench.db"
        subprocess.run([sys.executable, "-m", "archdesk", "--db", str(db_path), "demo", "--records", str(FILES * 2)],
                       check=True, stdout=subprocess.DEVNULL)  # fmt: skip
        db = open_archive(db_path)
        with db.reading() as session:
            from sqlalchemy import select

            from archdesk.models import Record

            codes = session.scalars(
                select(Record.reference_code).where(Record.status == "in_custody").order_by(Record.id).limit(FILES)
            ).all()
        scans = Path(work) / "scans"
        scans.mkdir()
        rng = random.Random(16)
        for code in codes:
            (scans / f"{code.replace('·', '_')}.jpg").write_bytes(b"\xff\xd8\xff\xe0" + rng.randbytes(SIZE - 4))
        os.sync()
        started = time.perf_counter()
        report = attach_folder(db, scans)
        seconds = time.perf_counter() - started
        rows.append({"operation": "attach a folder (match, copy, hash, one transaction)",
                     "size": f"{len(report.matched)} files, {len(report.matched) * SIZE / 1e6:.0f} MB",
                     "seconds": round(seconds, 3), "note": "target ≤ 10 s"})  # fmt: skip
        started = time.perf_counter()
        fixity = verify_files(db)
        seconds = time.perf_counter() - started
        rows.append({"operation": "fixity check (read + SHA-256 + record dates)", "size": f"{fixity.bytes / 1e6:.0f} MB",
                     "seconds": round(seconds, 3),
                     "note": f"{fixity.bytes / 1e6 / seconds:.0f} MB/s (target ≥ 200; page cache warm)"})  # fmt: skip
        db.dispose()

        from reportlab.lib.pagesizes import A4
        from reportlab.pdfgen import canvas

        pdf = Path(work) / "text.pdf"
        pages = 50
        page = canvas.Canvas(str(pdf), pagesize=A4)
        for n in range(pages):
            for line in range(40):
                page.drawString(50, 800 - line * 18, f"Page {n} line {line}: minutes of the annual archive meeting")
            page.showPage()
        page.save()
        started = time.perf_counter()
        text = pdf_text(pdf)
        seconds = time.perf_counter() - started
        rows.append({"operation": "PDF text extraction (pypdfium2)", "size": f"{pages} pages, {len(text)} chars",
                     "seconds": round(seconds, 3), "note": f"{seconds / pages * 1000:.2f} ms per page"})  # fmt: skip
    return rows

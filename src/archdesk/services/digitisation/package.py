"""Hand-over package (移交): chosen records' files and metadata as a BagIt bag (RFC 8493), zipped.

The bag holds ``data/metadata.csv`` (one row per file: the record's catalogue fields, the file's
name, type, size, pages and SHA-256; UTF-8 with BOM so a spreadsheet opens it in Chinese) and
``data/files/<reference code>/<file name>`` copied from the managed folder. Manifests are SHA-256
(``bagit`` library). The zip is written beside ``out`` and renamed into place when complete, so a
failed or refused export leaves no half-written file.
"""

from __future__ import annotations

import csv
import os
import re
import shutil
import tempfile
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from archdesk.models import Attachment, Record
from archdesk.services.database import Database
from archdesk.services.digitisation import storage
from archdesk.services.errors import NotFound

COLUMNS = ("reference_code", "title", "year", "date", "document_number", "responsible_party", "file_name",
           "path", "media_type", "size_bytes", "page_count", "sha256")  # fmt: skip


@dataclass(frozen=True)
class PackageResult:
    path: Path
    records: int
    files: int
    bytes: int


def _safe(name: str) -> str:
    """A file or folder name for the bag: no separators, no control characters, not '.' or '..'."""
    cleaned = re.sub(r'[\\/:*?"<>|\x00-\x1f]', "_", name).strip(" .")
    return cleaned or "file"


def export_package(db: Database, reference_codes: Sequence[str], out: Path | str) -> PackageResult:
    import bagit

    out = Path(out)
    folder = storage.files_folder(db)
    with db.reading() as session:
        records = {}
        for code in dict.fromkeys(c.strip() for c in reference_codes):
            record = session.scalar(select(Record).where(Record.reference_code == code))
            if record is None:
                raise NotFound("record", code)
            records[record.id] = record
        attachments = session.scalars(
            select(Attachment)
            .where(Attachment.record_id.in_(list(records)))
            .order_by(Attachment.record_id, Attachment.id)
        ).all()
        with tempfile.TemporaryDirectory(dir=out.parent if out.parent.exists() else None) as work:
            bag_dir = Path(work) / "bag"
            files_dir = bag_dir / "files"
            files_dir.mkdir(parents=True)
            rows, used, total = [], set(), 0
            for attachment in attachments:
                record = records[attachment.record_id]
                target_dir = files_dir / _safe(record.reference_code)
                target_dir.mkdir(exist_ok=True)
                name = _safe(attachment.file_name)
                stem, suffix = os.path.splitext(name)
                n = 1
                while (target_dir / name) in used:
                    n += 1
                    name = f"{stem}-{n}{suffix}"
                used.add(target_dir / name)
                shutil.copyfile(storage.resolve(folder, attachment.stored_path), target_dir / name)
                total += attachment.size_bytes
                rows.append([record.reference_code, record.title, record.year, record.date or "",
                             record.document_number or "", record.responsible_party or "", attachment.file_name,
                             f"data/files/{target_dir.name}/{name}", attachment.media_type, attachment.size_bytes,
                             attachment.page_count or "", attachment.sha256])  # fmt: skip
            with (bag_dir / "metadata.csv").open("w", encoding="utf-8-sig", newline="") as sheet:
                writer = csv.writer(sheet)
                writer.writerow(COLUMNS)
                writer.writerows(rows)
            bagit.make_bag(str(bag_dir), {"Source-Organization": "ArchDesk", "External-Description":
                           f"{len(records)} records, {len(rows)} files"}, checksums=["sha256"])  # fmt: skip
            partial = Path(work) / "package.zip"
            with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
                root = out.stem or "bag"
                for path in sorted(bag_dir.rglob("*")):
                    if path.is_file():
                        archive.write(path, f"{root}/{path.relative_to(bag_dir).as_posix()}")
            os.replace(partial, out) if out.parent.exists() else shutil.move(partial, out)
    return PackageResult(out, len(records), len(rows), total)

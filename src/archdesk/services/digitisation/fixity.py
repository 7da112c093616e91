"""Fixity: every stored file read back and compared with the SHA-256 it was stored under.

A file is stored once however many attachments share it, so it is read once. Progress counts bytes
(``progress(done_bytes, total_bytes)``; False cancels). :func:`verify_files` reports the missing and
the altered files and, with ``record=True`` (Tools › Verify files, the rolling check), writes the
date each sound file was verified (``attachment.last_verified_at``); ``archdesk check`` changes
nothing. ``limit`` checks only the files verified longest ago (never-verified first), so a rolling
check of a part of the files at each start covers them all within a period.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, select, update

from archdesk.models import Attachment, Record
from archdesk.models.base import utcnow
from archdesk.services.digitisation import storage
from archdesk.services.errors import ArchDeskError, Cancelled
from archdesk.services.uow import UnitOfWork, unit_of_work

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from archdesk.services.database import Database

Progress = Callable[[int, int], bool]
#: Threads reading and hashing files at once (bench/digitisation_bench.py: 2 cores hash, a disk stays busy).
HASH_THREADS = min(4, os.cpu_count() or 1)
MISSING, ALTERED = "missing", "altered"


@dataclass(frozen=True)
class FixityProblem:
    kind: str  # MISSING or ALTERED
    stored_path: str
    file_name: str
    reference_codes: tuple[str, ...]


@dataclass(frozen=True)
class FixityReport:
    files: int
    bytes: int
    problems: tuple[FixityProblem, ...]
    verified_at: datetime

    @property
    def clean(self) -> bool:
        return not self.problems


def _stored_files(session: Session, limit: int | None) -> list[tuple[str, str, int, str, tuple[str, ...]]]:
    """(stored_path, sha256, size, first file name, reference codes) per stored file."""
    oldest = func.min(func.coalesce(Attachment.last_verified_at, datetime(1, 1, 1)))
    stmt = (
        select(Attachment.stored_path, Attachment.sha256, func.max(Attachment.size_bytes), func.min(Attachment.file_name))
        .group_by(Attachment.stored_path, Attachment.sha256)
        .order_by(oldest, Attachment.stored_path)
    )  # fmt: skip
    if limit is not None:
        stmt = stmt.limit(limit)
    rows = session.execute(stmt).all()
    codes: dict[str, list[str]] = {}
    paths = [row[0] for row in rows]
    for start in range(0, len(paths), 500):
        chunk = paths[start : start + 500]
        for stored_path, code in session.execute(
            select(Attachment.stored_path, Record.reference_code)
            .join(Record, Record.id == Attachment.record_id)
            .where(Attachment.stored_path.in_(chunk))
            .order_by(Record.reference_code)
        ):
            codes.setdefault(stored_path, []).append(code)
    return [(p, sha, size, name, tuple(codes.get(p, ()))) for p, sha, size, name in rows]


def _digest(folder: Path, stored_path: str) -> str | None:
    """The SHA-256 of a stored file, None when it is missing or unreadable (or its name tampered)."""
    try:
        return storage.hash_file(storage.resolve(folder, stored_path))
    except ArchDeskError:  # a tampered name: the file it should name is, as far as we know, missing
        return None
    except OSError:  # missing, a folder in its place, unreadable
        return None


def check_files(db: Database, session: Session, *, limit: int | None = None, progress: Progress | None = None
                ) -> tuple[FixityReport, list[str]]:  # fmt: skip
    """Read every stored file (or the ``limit`` verified longest ago); changes nothing.
    Returns the report and the stored names found sound."""
    files = _stored_files(session, limit)
    started = utcnow()
    if not files:
        return FixityReport(0, 0, (), started), []
    folder = storage.files_folder(db)
    total = sum(size for _, _, size, _, _ in files)
    done = 0
    sound: list[str] = []
    problems: list[FixityProblem] = []
    # Files are read and hashed on a few threads (hashlib and file reads release the GIL), in order,
    # so the disk queue stays full and both cores hash; results come back in the list's order.
    pool = ThreadPoolExecutor(max_workers=HASH_THREADS, thread_name_prefix="fixity")
    try:
        digests = pool.map(lambda item: _digest(folder, item[0]), files)
        for (stored_path, sha256, size, name, codes), digest in zip(files, digests, strict=True):
            if digest is None:
                problems.append(FixityProblem(MISSING, stored_path, name, codes))
            elif digest != sha256:
                problems.append(FixityProblem(ALTERED, stored_path, name, codes))
            else:
                sound.append(stored_path)
            done += size  # an altered file may be shorter or longer: count what it should be
            if progress is not None and progress(done, total) is False:
                raise Cancelled()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    return FixityReport(len(files), done, tuple(problems), started), sound


def verify_files(
    db: Database,
    *,
    limit: int | None = None,
    progress: Progress | None = None,
    record: bool = True,
    uow: UnitOfWork | None = None,
) -> FixityReport:
    """Check the stored files; with ``record`` write when each sound one was verified."""
    with db.reading() as session:
        report, sound = check_files(db, session, limit=limit, progress=progress)
    if record and sound:
        record_verified(db, sound, report.verified_at, uow=uow)
    return report


def record_verified(db: Database, stored_paths: list[str], at: datetime, *, uow: UnitOfWork | None = None) -> None:
    """Write when these stored files were found sound (every attachment sharing one)."""
    with unit_of_work(db, uow) as work:
        for start in range(0, len(stored_paths), 500):
            work.session.execute(
                update(Attachment).where(Attachment.stored_path.in_(stored_paths[start : start + 500]))
                .values(last_verified_at=at)
            )  # fmt: skip


def rolling_share(session: Session, period_days: int, now: datetime | None = None) -> int:
    """How many stored files the check at this start reads: a 1/period share of them, and at least
    every file not verified within the period (counted from when it was added if never verified), so
    every file is read within the period when ArchDesk starts once a day or more, and a pause (a
    holiday, an office closed) is caught up at the next start."""
    now = now or utcnow()
    period_days = max(int(period_days), 1)
    per_file = (
        select(Attachment.stored_path, func.min(func.coalesce(Attachment.last_verified_at, Attachment.added_at)).label("at"))
        .group_by(Attachment.stored_path)
        .subquery()
    )  # fmt: skip
    files = session.scalar(select(func.count()).select_from(per_file)) or 0
    due = session.scalar(
        select(func.count()).select_from(per_file).where(per_file.c.at < now - timedelta(days=period_days))
    ) or 0  # fmt: skip
    return min(files, max(-(-files // period_days), due))


def rolling_check(db: Database, period_days: int, *, progress: Progress | None = None
                  ) -> tuple[FixityReport, list[str]]:  # fmt: skip
    """The rolling check at start: the share of files verified longest ago; changes nothing (the
    caller writes the dates of the sound ones with :func:`record_verified`)."""
    with db.reading() as session:
        share = rolling_share(session, period_days)
        if share == 0:
            return FixityReport(0, 0, (), utcnow()), []
        return check_files(db, session, limit=share, progress=progress)

"""Backups of an SQLite archive and restoring one (备份与恢复).

A backup is a consistent copy taken with SQLite's online backup API while the archive stays open
(other readers and writers go on; the copy is one snapshot), written under a ``.part`` name and
renamed when complete. Beside it go the audit chain's head as the copy has it
(``<backup>.audit-head``, see ``audit_chain.py``) and, when the archive has attachments, their
manifest (``<backup>.attachments.json``: stored path, size and SHA-256 of each file; the files
themselves are not copied).

By default backups go to the ``backups`` folder beside the archive, named
``<archive stem>.<YYYYmmdd-HHMMSS>.db``; :func:`prune` keeps the newest N of them. The app takes one
on start once a day (``daily_backup``); ``migrate.upgrade`` copies the file before a migration.

:func:`restore` verifies a backup first (integrity check, a schema revision this ArchDesk knows,
the audit chain against its head) and keeps the current archive aside before putting the backup in
its place.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from archdesk.messages import msg
from archdesk.services import audit_chain
from archdesk.services.errors import ArchDeskError, DatabaseError

BACKUP_FOLDER = "backups"
MANIFEST_SUFFIX = ".attachments.json"
DEFAULT_KEEP = 10
_PAGES_PER_STEP = 4096  # ~16 MB a step: progress, and the archive's writers get a turn between steps

Progress = Callable[[int, int], bool]


@dataclass(frozen=True)
class BackupResult:
    path: Path
    size: int
    events: int  # audit events in the copy
    attachments: int


@dataclass(frozen=True)
class Verification:
    path: Path
    problems: tuple[str, ...]
    revision: str | None

    @property
    def sound(self) -> bool:
        return not self.problems


def backup_folder(archive: Path) -> Path:
    return archive.parent / BACKUP_FOLDER


def _require_file(db_file: Path | None) -> Path:
    if db_file is None:
        raise DatabaseError(msg("safety.backup_sqlite_only"))
    return db_file


def backup(db_file: Path | None, out: Path | None = None, *, progress: Progress | None = None) -> BackupResult:
    """Copy the archive at ``db_file`` to ``out`` (default: a new name in the backups folder).

    ``progress(done_pages, total_pages)`` returning False cancels (Cancelled; nothing is left).
    """
    from archdesk.services.errors import Cancelled

    archive = _require_file(db_file)
    if not archive.exists():
        raise DatabaseError(msg("archive.no_such_file", path=str(archive)))
    target = out if out is not None else _new_name(archive)
    target.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale_parts(target.parent)
    part = target.with_name(f".{target.name}.{os.getpid()}.part")
    part.unlink(missing_ok=True)
    try:
        with closing(sqlite3.connect(_read_only_uri(archive), uri=True)) as source:
            with closing(sqlite3.connect(part)) as copy:

                def step(_status: int, remaining: int, total: int) -> None:
                    if progress is not None and progress(total - remaining, total) is False:
                        raise Cancelled()

                source.backup(copy, pages=_PAGES_PER_STEP, progress=step)
                copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it
                head, events, attachments = _copy_facts(copy)
        _write_sidecars(target, head, attachments)
        os.replace(part, target)
    except BaseException:
        part.unlink(missing_ok=True)
        for sidecar in (audit_chain.head_file(target), target.with_name(target.name + MANIFEST_SUFFIX)):
            if not target.exists():
                sidecar.unlink(missing_ok=True)
        raise
    return BackupResult(target, target.stat().st_size, events, len(attachments))


def _remove_stale_parts(folder: Path) -> None:
    """The ``.part`` files of backups whose process was killed (its pid is gone)."""
    from archdesk.services.reports.document import pid_alive

    for part in folder.glob(".*.part"):
        pid = part.name.removesuffix(".part").rsplit(".", 1)[-1]
        if pid.isdigit() and int(pid) != os.getpid() and not pid_alive(int(pid)):
            part.unlink(missing_ok=True)


def _read_only_uri(path: Path) -> str:
    return path.resolve().as_uri() + "?mode=ro"


def _new_name(archive: Path) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    folder = backup_folder(archive)
    target = folder / f"{archive.stem}.{stamp}.db"
    n = 1
    while target.exists():  # two backups in one second
        n += 1
        target = folder / f"{archive.stem}.{stamp}-{n}.db"
    return target


def _copy_facts(copy: sqlite3.Connection) -> tuple[audit_chain.ChainHead | None, int, list[dict]]:
    tables = {name for (name,) in copy.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    head, events = None, 0
    if "audit_event" in tables:
        row = copy.execute("SELECT id, hash FROM audit_event ORDER BY id DESC LIMIT 1").fetchone()
        head = audit_chain.ChainHead(row[0], row[1]) if row else None
        events = copy.execute("SELECT count(*) FROM audit_event").fetchone()[0]
    attachments: list[dict] = []
    if "attachment" in tables:
        for rid, name, stored, size, sha in copy.execute(
            "SELECT record_id, file_name, stored_path, size_bytes, sha256 FROM attachment ORDER BY id"
        ):
            attachments.append(
                {"record_id": rid, "file_name": name, "stored_path": stored, "size": size, "sha256": sha}
            )
    return head, events, attachments


def _write_sidecars(target: Path, head: audit_chain.ChainHead | None, attachments: list[dict]) -> None:
    head_path = audit_chain.head_file(target)
    head_path.unlink(missing_ok=True)
    if head is not None:
        audit_chain.write_head(target, head)
    manifest = target.with_name(target.name + MANIFEST_SUFFIX)
    if attachments:
        manifest.write_text(json.dumps(attachments, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    else:
        manifest.unlink(missing_ok=True)


def list_backups(archive: Path) -> list[Path]:
    """The backups in the archive's backups folder, newest first."""
    folder = backup_folder(archive)
    if not folder.is_dir():
        return []
    found = [p for p in folder.glob(f"{archive.stem}.*.db") if p.is_file()]
    return sorted(found, key=lambda p: (p.stat().st_mtime, p.name), reverse=True)


def prune(archive: Path, keep: int) -> list[Path]:
    """Remove all but the newest ``keep`` backups (and their sidecars); returns what was removed."""
    removed = list_backups(archive)[max(keep, 1) :]
    for path in removed:
        for sidecar in (audit_chain.head_file(path), path.with_name(path.name + MANIFEST_SUFFIX)):
            sidecar.unlink(missing_ok=True)
        path.unlink(missing_ok=True)
    return removed


def daily_backup(db_file: Path | None, keep: int = DEFAULT_KEEP, today: date | None = None) -> BackupResult | None:
    """A backup unless one was taken today already (then None); keeps the newest ``keep``."""
    if db_file is None or not db_file.exists() or db_file.stat().st_size == 0:
        return None
    today = today or date.today()
    newest = list_backups(db_file)
    if newest and date.fromtimestamp(newest[0].stat().st_mtime) >= today:
        return None
    result = backup(db_file)
    prune(db_file, keep)
    return result


# -- verifying and restoring ----------------------------------------------------------------------


def verify(path: Path) -> Verification:
    """Is ``path`` a sound ArchDesk archive: integrity check, a known schema revision, a whole audit chain?"""
    from archdesk.services import migrate

    problems: list[str] = []
    revision = None
    try:
        with path.open("rb") as handle:
            if handle.read(16) != b"SQLite format 3\x00":
                return Verification(path, ("not an SQLite database",), None)
        with closing(sqlite3.connect(_read_only_uri(path), uri=True)) as conn:
            lines = [line for (line,) in conn.execute("PRAGMA integrity_check")]
            if lines != ["ok"]:
                problems.append(f"integrity check: {lines[0].splitlines()[0]}")
            versions = [v for (v,) in conn.execute("SELECT version_num FROM alembic_version")]
            has_chain = bool(conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'audit_seal'").fetchone()[0])
    except (OSError, sqlite3.Error) as exc:
        return Verification(path, (f"cannot be read: {exc}",), None)
    if len(versions) != 1:
        problems.append(f"{len(versions)} schema versions")
    else:
        revision = versions[0]
        if not migrate.knows_revision(revision):
            problems.append(f"schema revision {revision} is unknown to this ArchDesk")
    if not problems and has_chain:
        problems += _chain_problems(path)
    return Verification(path, tuple(problems), revision)


def _chain_problems(path: Path) -> list[str]:
    """The audit trail's findings, read through a read-only connection (nothing is written to the backup)."""
    from sqlalchemy import create_engine
    from sqlalchemy.orm import Session

    from archdesk.services import audit_check

    found: list[str] = []

    class _Found:
        def add(self, subject: str, message: str) -> None:
            found.append(f"{subject}: {message}")

    engine = create_engine("sqlite://", creator=lambda: sqlite3.connect(_read_only_uri(path), uri=True))
    try:
        with Session(engine) as session:
            audit_check.check_audit_trail(session, _Found(), path)
    finally:
        engine.dispose()
    return found


def restore(archive: Path, backup_path: Path) -> Path | None:
    """Put a verified backup in the archive's place; returns where the current archive was kept.

    Refuses (ArchDeskError) a backup that fails verification; nothing is changed then. The archive
    must not be open in this process (close it first).
    """
    check = verify(backup_path)
    if not check.sound:
        raise ArchDeskError(msg("safety.backup_unsound", where=backup_path, problem=check.problems[0]))
    kept = None
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    if archive.exists():
        kept = archive.with_name(f"{archive.stem}.{stamp}.before-restore{archive.suffix or '.db'}")
        with closing(sqlite3.connect(archive)) as current:
            current.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the -wal is part of the archive
        os.replace(archive, kept)
        for suffix in ("-wal", "-shm"):
            Path(f"{archive}{suffix}").unlink(missing_ok=True)
        head = audit_chain.head_file(archive)
        if head.exists():
            os.replace(head, audit_chain.head_file(kept))
    part = archive.with_name(archive.name + ".restoring")
    shutil.copyfile(backup_path, part)
    os.replace(part, archive)
    source_head = audit_chain.head_file(backup_path)
    if source_head.exists():
        shutil.copyfile(source_head, audit_chain.head_file(archive))
    return kept

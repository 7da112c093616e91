"""Attaching files to records: one record's files at once, or a scanner's folder by file name.

Each call is one unit of work: every file is stored (``storage.store``), its row written and the
attachment audited; a refused file (unknown type, unreadable, no such record) rolls back the whole
call, and files this call newly stored are removed again. The same file attached twice to one
record stays one attachment; identical files on different records share one stored copy.

A folder's file names carry reference codes (``Z001-WS·2023-Y-BGS-0001.pdf``); scanners write the
``·`` as ``.`` or ``_`` and number the pages of one record ``_01``, ``_02``. A name matches a
record when, with ``·``, ``.`` and ``_`` taken as the same character (and case ignored), it equals
the reference code, or does so once a page suffix ``_NN`` is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select

from archdesk.messages import msg
from archdesk.models import Attachment, Record
from archdesk.services.database import Database
from archdesk.services.digitisation import content, storage
from archdesk.services.errors import Cancelled, NotAllowed, NotFound
from archdesk.services.uow import UnitOfWork, unit_of_work
from archdesk.statuses import RecordStatus

Progress = Callable[[int, int], bool]
#: Extensions a scanner's folder holds; anything else in a name is part of the code.
EXTENSIONS = {".pdf", ".tif", ".tiff", ".jpg", ".jpeg", ".png", ".docx", ".xlsx", ".pptx", ".doc", ".xls", ".ppt"}
_PAGE_SUFFIX = re.compile(r"_\d{1,4}$")
_CLOSED = {RecordStatus.DESTROYED.value, RecordStatus.TRANSFERRED.value}


@dataclass(frozen=True)
class AttachmentView:
    id: int
    record_id: int
    file_name: str
    media_type: str
    size_bytes: int
    sha256: str
    page_count: int | None
    added_at: datetime
    last_verified_at: datetime | None
    has_text: bool


@dataclass(frozen=True)
class FolderMatch:
    file: str
    reference_code: str
    attachment_id: int


@dataclass(frozen=True)
class FolderReport:
    matched: tuple[FolderMatch, ...]
    unmatched: tuple[str, ...]


def _view(row: Attachment) -> AttachmentView:
    return AttachmentView(row.id, row.record_id, row.file_name, row.media_type, row.size_bytes, row.sha256,
                          row.page_count, row.added_at, row.last_verified_at, bool(row.content_text))  # fmt: skip


def list_attachments(db: Database, record_id: int) -> tuple[AttachmentView, ...]:
    with db.reading() as session:
        rows = session.scalars(select(Attachment).where(Attachment.record_id == record_id).order_by(Attachment.id))
        return tuple(_view(row) for row in rows)


def attachment_path(db: Database, attachment_id: int) -> Path:
    """Where an attachment's file is (to open it in the system viewer); refuses a tampered name."""
    with db.reading() as session:
        row = session.get(Attachment, attachment_id)
        if row is None:
            raise NotFound("attachment", attachment_id)
        return storage.resolve(storage.files_folder(db), row.stored_path)


def attach_files(
    db: Database,
    record_id: int,
    paths: Sequence[Path | str],
    *,
    progress: Progress | None = None,
    uow: UnitOfWork | None = None,
) -> tuple[AttachmentView, ...]:
    """Attach files to one record, all or none."""
    return _attach(db, [(record_id, Path(p)) for p in paths], progress, uow)


def attach_to_reference(
    db: Database, reference_code: str, paths: Sequence[Path | str], *, uow: UnitOfWork | None = None
) -> tuple[AttachmentView, ...]:
    """Attach files to the record with this reference code (档号)."""
    with db.reading() as session:
        record_id = session.scalar(select(Record.id).where(Record.reference_code == reference_code.strip()))
    if record_id is None:
        raise NotFound("record", reference_code)
    return attach_files(db, record_id, paths, uow=uow)


def name_key(text: str) -> str:
    """A reference code or file stem with ``·``, ``.`` and ``_`` made one character, upper case."""
    return re.sub(r"[·．._]", "_", text.strip()).upper()


def _stem(path: Path) -> str:
    return path.stem if path.suffix.lower() in EXTENSIONS else path.name


def match_folder(db: Database, folder: Path | str) -> tuple[list[tuple[Path, int, str]], list[Path]]:
    """(file, record id, reference code) for each file of the folder whose name carries a code,
    and the files that match none; in name order (so pages ``_01``, ``_02`` keep theirs)."""
    files = sorted((p for p in Path(folder).iterdir() if p.is_file() and not p.name.startswith(".")),
                   key=lambda p: p.name)  # fmt: skip
    candidates: dict[Path, list[str]] = {}
    for path in files:
        key = name_key(_stem(path))
        keys = [key]
        if _PAGE_SUFFIX.search(key):
            keys.append(_PAGE_SUFFIX.sub("", key))
        candidates[path] = keys
    wanted = sorted({key for keys in candidates.values() for key in keys})
    found: dict[str, tuple[int, str]] = {}
    normalised = func.upper(
        func.replace(func.replace(func.replace(Record.reference_code, "·", "_"), ".", "_"), "．", "_")
    )
    with db.reading() as session:
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            for key, rid, code in session.execute(
                select(normalised, Record.id, Record.reference_code).where(normalised.in_(chunk))
            ):
                found[key] = (rid, code)
    matched, unmatched = [], []
    for path in files:
        hit = next((found[key] for key in candidates[path] if key in found), None)
        if hit is None:
            unmatched.append(path)
        else:
            matched.append((path, hit[0], hit[1]))
    return matched, unmatched


def attach_folder(
    db: Database, folder: Path | str, *, progress: Progress | None = None, uow: UnitOfWork | None = None
) -> FolderReport:
    """Attach every file of a folder whose name carries a reference code; report the others."""
    matched, unmatched = match_folder(db, folder)
    views = _attach(db, [(rid, path) for path, rid, _ in matched], progress, uow)
    return FolderReport(
        matched=tuple(
            FolderMatch(path.name, code, view.id) for (path, _, code), view in zip(matched, views, strict=True)
        ),
        unmatched=tuple(path.name for path in unmatched),
    )


def _attach(
    db: Database, items: list[tuple[int, Path]], progress: Progress | None, uow: UnitOfWork | None
) -> tuple[AttachmentView, ...]:
    folder = storage.files_folder(db)
    created: list[Path] = []
    try:
        with unit_of_work(db, uow) as work:
            session = work.session
            records = {}
            for start in range(0, len(items), 500):
                ids = sorted({rid for rid, _ in items[start : start + 500]})
                records.update({r.id: r for r in session.execute(
                    select(Record.id, Record.reference_code, Record.status).where(Record.id.in_(ids)))})  # fmt: skip
            rows: list[tuple[Attachment, bool]] = []
            # The records' attachments already there, read once (not one look-up per file).
            known: dict[tuple[int, str], Attachment] = {}
            ids = sorted(records)
            for start in range(0, len(ids), 500):
                for row in session.scalars(
                    select(Attachment).where(Attachment.record_id.in_(ids[start : start + 500]))
                ):
                    known.setdefault((row.record_id, row.sha256), row)
            for done, (record_id, path) in enumerate(items, 1):
                record = records.get(record_id)
                if record is None:
                    raise NotFound("record", record_id)
                if record.status in _CLOSED:
                    raise NotAllowed(msg("digitisation.record_closed", reference_code=record.reference_code))
                stored = storage.store(folder, path)
                target = storage.resolve(folder, stored.stored_path)
                if stored.new:
                    created.append(target)
                existing = known.get((record_id, stored.sha256))
                if existing is not None:  # the same file on the same record is one attachment
                    rows.append((existing, False))
                else:
                    row = Attachment(
                        record_id=record_id, file_name=storage.display_name(path.name),
                        stored_path=stored.stored_path, media_type=stored.media_type, size_bytes=stored.size_bytes,
                        sha256=stored.sha256, page_count=storage.page_count(target, stored.media_type),
                        added_by=work.actor,
                        content_text=(content.pdf_text(target) or None) if stored.media_type == storage.PDF else None,
                    )  # fmt: skip
                    session.add(row)
                    known[(record_id, stored.sha256)] = row
                    rows.append((row, True))
                if progress is not None and progress(done, len(items)) is False:
                    raise Cancelled()
            session.flush()
            for row, new in rows:
                if new:
                    work.audit("attach", "attachment", row.id,
                               msg("digitisation.audit_attached", file_name=row.file_name,
                                   reference_code=records[row.record_id].reference_code),
                               after={"record_id": row.record_id, "file_name": row.file_name, "sha256": row.sha256,
                                      "size_bytes": row.size_bytes, "media_type": row.media_type})  # fmt: skip
            content.index_content(session, [row.record_id for row, new in rows if new and row.content_text])
            views = tuple(_view(row) for row, _ in rows)
    except BaseException:
        for path in created:
            path.unlink(missing_ok=True)
        raise
    return views


def delete_unshared_files(db: Database, names: Sequence[str]) -> None:
    """After the transaction that removed attachments has committed: delete the stored copies no
    attachment names any more (identical files are stored once, so a copy may still serve another
    record); only names of the managed folder are ever followed."""
    if not names:
        return
    kept: set[str] = set()
    unique = sorted(set(names))
    with db.reading() as session:
        for start in range(0, len(unique), 500):
            chunk = unique[start : start + 500]
            kept.update(session.scalars(select(Attachment.stored_path).where(Attachment.stored_path.in_(chunk))))
    folder = storage.files_folder(db)
    for name in set(unique) - kept:
        try:
            storage.resolve(folder, name).unlink(missing_ok=True)
        except NotAllowed:  # a name that does not belong to the folder is never followed
            continue


def remove_for_deleted_records(work: UnitOfWork, records: dict[int, str]) -> list[str]:
    """Remove the attachments of records being deleted (pending records entered by mistake: ``records``
    maps their ids to reference codes), each audited, in the caller's transaction. Returns the stored
    names, for ``delete_unshared_files`` once the transaction has committed."""
    session = work.session
    ids = sorted(records)
    found: list[Attachment] = []
    for start in range(0, len(ids), 500):
        found.extend(session.scalars(select(Attachment).where(Attachment.record_id.in_(ids[start : start + 500]))))
    for row in found:
        work.audit("delete", "attachment", row.id,
                   msg("digitisation.audit_removed", file_name=row.file_name,
                       reference_code=records[row.record_id]),
                   before={"record_id": row.record_id, "file_name": row.file_name, "sha256": row.sha256,
                           "size_bytes": row.size_bytes, "media_type": row.media_type})  # fmt: skip
        session.delete(row)
    session.flush()
    return [row.stored_path for row in found]

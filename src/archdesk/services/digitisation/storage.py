"""The managed folder of attached files: content-addressed, traversal-proof, typed by content.

A file is stored once, as ``<folder>/<aa>/<sha256>`` (``aa`` the first two hex digits, so no
folder holds more than a few thousand files); the database keeps the relative name
``aa/<sha256>`` in ``attachment.stored_path``. A stored name is only ever turned back into a path
by :func:`resolve`, which accepts nothing but that exact shape and checks the result lies inside
the folder: a name changed in the database (``../../etc/passwd``, an absolute path, a symlink out)
is refused, never opened. The file's original name is metadata only, never a path.

Where the folder is: ``ARCHDESK_FILES`` when set (a shared path, required on PostgreSQL), else
``<archive>.files/`` beside an SQLite file.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
import threading
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from archdesk.messages import msg
from archdesk.services.errors import NotAllowed, ValidationError

if TYPE_CHECKING:
    from archdesk.services.database import Database

FILES_ENV = "ARCHDESK_FILES"
FOLDER_SUFFIX = ".files"
#: Files are copied and hashed in blocks this size, one reused buffer per thread (large reads keep
#: the disk streaming: one system call per 4 MiB).
HASH_BLOCK = 4 << 20
_STORED_NAME = re.compile(r"([0-9a-f]{2})/([0-9a-f]{64})")

PDF = "application/pdf"
TIFF = "image/tiff"
JPEG = "image/jpeg"
PNG = "image/png"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
OLE = "application/x-ole-storage"  # .doc, .xls, .ppt of Office 97-2003 (one container format)
IMAGE_TYPES = (TIFF, JPEG, PNG)


def files_folder(db: Database) -> Path:
    """The managed folder of this archive (not created here)."""
    configured = os.environ.get(FILES_ENV, "").strip()
    if configured:
        return Path(configured).expanduser().resolve()
    if db.file is not None:
        return db.file.with_name(db.file.name + FOLDER_SUFFIX).resolve()
    raise NotAllowed(msg("digitisation.no_folder", variable=FILES_ENV))


def stored_name(sha256: str) -> str:
    """The relative name a file with this hash is stored under."""
    return f"{sha256[:2]}/{sha256}"


def resolve(folder: Path, name: str) -> Path:
    """The path of a stored name inside the folder; refuses any other name (no path traversal)."""
    match = _STORED_NAME.fullmatch(name)
    if match is None or not match.group(2).startswith(match.group(1)):
        raise NotAllowed(msg("digitisation.bad_stored_name", name=name))
    path = folder / match.group(1) / match.group(2)
    # A symlink planted in the folder must not lead out of it either.
    real = path.resolve()
    if not real.is_relative_to(folder.resolve()):
        raise NotAllowed(msg("digitisation.bad_stored_name", name=name))
    return path


def display_name(original: str) -> str:
    """The original file name as kept in the database: its last component, without control
    characters (metadata only: it never becomes a path)."""
    name = re.split(r"[\\/]", original)[-1]
    name = "".join(ch for ch in name if ch.isprintable()).strip()
    return name[:500] or "file"


def detect_type(head: bytes, path: Path | None = None) -> str | None:
    """The content type from a file's first bytes (and, for a zip, its entries); None when the
    content is none of the kinds an archive keeps."""
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return TIFF
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return OLE
    if head.startswith(b"PK\x03\x04") and path is not None:
        return _ooxml_type(path)
    return None


def _ooxml_type(path: Path) -> str | None:
    try:
        with zipfile.ZipFile(path) as package:
            names = set(package.namelist())
    except (zipfile.BadZipFile, OSError):
        return None
    if "[Content_Types].xml" not in names:
        return None
    for prefix, kind in (("word/", DOCX), ("xl/", XLSX), ("ppt/", PPTX)):
        if any(name.startswith(prefix) for name in names):
            return kind
    return None


@dataclass(frozen=True)
class StoredFile:
    sha256: str
    stored_path: str
    size_bytes: int
    media_type: str
    new: bool  # False when an identical file was stored already


def store(folder: Path, source: Path) -> StoredFile:
    """Copy a file into the folder under its hash (one read: copied and hashed together).

    Refuses a file whose content is none of the archive's kinds (naming it). When an identical
    file is stored already, the copy is dropped and the stored one kept.
    """
    try:
        reader = source.open("rb")
    except OSError as exc:
        raise ValidationError("file", msg("digitisation.unreadable", reason=exc.strerror or str(exc)),
                              source=source.name) from exc  # fmt: skip
    folder.mkdir(parents=True, exist_ok=True)
    incoming = folder / "incoming"
    incoming.mkdir(exist_ok=True)
    with reader:
        head = reader.read(16)
        kind = detect_type(head, source)
        if kind is None:
            raise ValidationError("file", msg("digitisation.unknown_type"), source=source.name)
        reader.seek(0)
        handle, temporary = tempfile.mkstemp(dir=incoming)
        try:
            with os.fdopen(handle, "wb") as writer:
                digest, size = _copy(reader, writer)
            name = stored_name(digest)
            target = resolve(folder, name)
            if target.exists():
                os.unlink(temporary)
                return StoredFile(digest, name, size, kind, new=False)
            target.parent.mkdir(exist_ok=True)
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    return StoredFile(digest, name, size, kind, new=True)


def _copy(reader: BinaryIO, writer: BinaryIO) -> tuple[str, int]:
    hasher = hashlib.sha256()
    size = 0
    buffer = _buffer()
    view = memoryview(buffer)
    while count := reader.readinto(buffer):
        hasher.update(view[:count])
        writer.write(view[:count])
        size += count
    return hasher.hexdigest(), size


_buffers = threading.local()


def _buffer() -> bytearray:
    buffer = getattr(_buffers, "buffer", None)
    if buffer is None:
        buffer = _buffers.buffer = bytearray(HASH_BLOCK)
    return buffer


def hash_file(path: Path, progress_bytes: list[int] | None = None) -> str:
    """SHA-256 of a file, streamed through one buffer per thread (allocating and zeroing a fresh
    megabyte per file cost more than hashing a scanner's 100 KB page); adds the bytes read to
    ``progress_bytes[0]`` as it goes."""
    buffer = _buffer()
    view = memoryview(buffer)
    hasher = hashlib.sha256()
    with path.open("rb", buffering=0) as reader:
        while count := reader.readinto(buffer):
            hasher.update(view[:count])
            if progress_bytes is not None:
                progress_bytes[0] += count
    return hasher.hexdigest()


def page_count(path: Path, media_type: str) -> int | None:
    """Pages of a PDF or a (multi-page) TIFF, 1 for other images, None for office documents or a
    file the reader cannot open."""
    if media_type == PDF:
        import pypdfium2

        try:
            document = pypdfium2.PdfDocument(str(path))
        except pypdfium2.PdfiumError:
            return None
        try:
            return len(document)
        finally:
            document.close()
    if media_type == TIFF:
        from PIL import Image

        try:
            with Image.open(path) as image:
                return int(getattr(image, "n_frames", 1))
        except OSError:
            return None
    if media_type in IMAGE_TYPES:
        return 1
    return None

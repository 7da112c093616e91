"""OCR, offline: the text of scans that have none (images, PDFs without a text layer).

The engine is RapidOCR (``rapidocr-onnxruntime``: PP-OCR detection and recognition models inside
the wheel, run by ONNX Runtime on the CPU); it is the optional extra ``archdesk[ocr]``. Chosen
over Tesseract ``chi_sim`` by bench/ocr_bench.py: on rendered and degraded Chinese pages it reads
with a character error rate several times lower, and needs no system package (see bench/README.md).
Without the extra every entry point refuses with ``digitisation.ocr_missing``, naming the command
that installs it.

Work goes a page at a time and each page is its own short unit of work: the page's text is
appended to ``attachment.content_text``, ``ocr_pages_done`` counts the pages read and the record's
content index is refreshed. A cancelled or interrupted run therefore keeps every page it finished,
and the next run continues with the next page. ``ocr_done_at`` marks a file read to its end. A PDF
with a text layer is not read again (its text came with it).
"""

from __future__ import annotations

import importlib.util
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, or_, select

from archdesk.messages import msg
from archdesk.models import Attachment, Record
from archdesk.models.base import utcnow
from archdesk.services.digitisation import content, storage
from archdesk.services.errors import Cancelled, NotAllowed
from archdesk.services.uow import unit_of_work

if TYPE_CHECKING:
    from PIL.Image import Image

    from archdesk.services.database import Database

Progress = Callable[[int, int], bool]
ENGINE_MODULE = "rapidocr_onnxruntime"
INSTALL_COMMAND = "pip install 'archdesk[ocr]'"
#: PDF pages are rendered at this many dots per inch for OCR (scanner resolution of text pages).
PDF_DPI = 200
#: Recognised boxes below this confidence are noise (stamps, specks), not text.
MIN_SCORE = 0.5

_engine: Any = None
_engine_lock = threading.Lock()


@dataclass(frozen=True)
class OcrFile:
    attachment_id: int
    record_id: int
    reference_code: str
    file_name: str
    pages: int
    characters: int
    finished: bool


@dataclass(frozen=True)
class OcrReport:
    files: tuple[OcrFile, ...]
    pages: int
    characters: int
    remaining: int  # files still waiting for OCR after this run


def available() -> bool:
    try:
        return importlib.util.find_spec(ENGINE_MODULE) is not None
    except (ImportError, ValueError):
        return False


def require() -> None:
    """Refuses, in the user's language and naming the install command, when the extra is absent."""
    if not available():
        raise NotAllowed(msg("digitisation.ocr_missing", command=INSTALL_COMMAND))


def engine() -> Any:
    """The RapidOCR engine, loaded once (its models take a second to load)."""
    global _engine
    require()
    with _engine_lock:
        if _engine is None:
            from rapidocr_onnxruntime import RapidOCR

            _engine = RapidOCR()
        return _engine


def read_image(image: Image) -> str:
    """The text of one page image, line by line, top to bottom."""
    import numpy

    picture = image.convert("RGB")
    result, _elapsed = engine()(numpy.asarray(picture)[:, :, ::-1])  # RapidOCR takes OpenCV's BGR
    if not result:
        return ""
    lines = []
    for box, text, score in result:
        if float(score) >= MIN_SCORE and text.strip():
            top = min(point[1] for point in box)
            left = min(point[0] for point in box)
            lines.append((top, left, text.strip()))
    lines.sort()
    return "\n".join(text for _, _, text in lines)


def page_image(path: Path, media_type: str, page: int) -> Image:
    """Page ``page`` (0-based) of a stored scan as an image."""
    if media_type == storage.PDF:
        import pypdfium2

        document = pypdfium2.PdfDocument(str(path))
        try:
            pdf_page = document[page]
            try:
                return pdf_page.render(scale=PDF_DPI / 72).to_pil()
            finally:
                pdf_page.close()
        finally:
            document.close()
    from PIL import Image as PILImage

    with PILImage.open(path) as image:
        if page:
            image.seek(page)
        image.load()
        return image.copy()


def _pending(session: Any, limit: int | None) -> list[tuple[int, str, str, str, int, int, str, str]]:
    wanted = and_(
        Attachment.ocr_done_at.is_(None),
        or_(
            Attachment.media_type.in_(storage.IMAGE_TYPES),
            and_(
                Attachment.media_type == storage.PDF,
                or_(Attachment.content_text.is_(None), Attachment.ocr_pages_done > 0),
            ),
        ),
    )
    stmt = (
        select(Attachment.id, Attachment.record_id, Attachment.stored_path, Attachment.media_type,
               Attachment.page_count, Attachment.ocr_pages_done, Attachment.file_name, Record.reference_code)
        .join(Record, Record.id == Attachment.record_id)
        .where(wanted)
        .order_by(Attachment.id)
    )  # fmt: skip
    if limit is not None:
        stmt = stmt.limit(limit)
    return [tuple(row) for row in session.execute(stmt)]


def pending_count(db: Database) -> int:
    with db.reading() as session:
        return len(_pending(session, None))


def run_ocr(db: Database, *, limit: int | None = None, progress: Progress | None = None) -> OcrReport:
    """Read the waiting scans (at most ``limit`` files), a page at a time; progress counts pages."""
    require()
    folder = storage.files_folder(db)
    with db.reading() as session:
        waiting = _pending(session, limit)
    total = sum(max((pages or 1) - (done or 0), 0) for _, _, _, _, pages, done, _, _ in waiting)
    finished_pages = 0
    files: list[OcrFile] = []
    characters = 0
    for attachment_id, record_id, stored_path, media_type, pages, done, file_name, code in waiting:
        path = storage.resolve(folder, stored_path)
        if not path.is_file():
            continue  # missing: left waiting (fixity reports it), the run goes on with the others
        pages = pages or 1
        read_here = chars_here = 0
        for page in range(done or 0, pages):
            if progress is not None and progress(finished_pages, total) is False:
                raise Cancelled()
            text = _read_page(path, media_type, page)
            _keep_page(db, attachment_id, record_id, page, text, last=page == pages - 1,
                       file_name=file_name, reference_code=code, pages=pages)  # fmt: skip
            finished_pages += 1
            read_here += 1
            chars_here += len(text)
        if read_here == 0:  # counted pages all done already (a page count that was wrong): close it
            _keep_page(db, attachment_id, record_id, pages - 1, "", last=True, file_name=file_name,
                       reference_code=code, pages=pages, append=False)  # fmt: skip
        characters += chars_here
        files.append(OcrFile(attachment_id, record_id, code, file_name, read_here, chars_here, True))
    if progress is not None:
        progress(finished_pages, total)
    return OcrReport(tuple(files), finished_pages, characters, pending_count(db))


def _read_page(path: Path, media_type: str, page: int) -> str:
    try:
        return read_image(page_image(path, media_type, page))
    except Exception:  # noqa: BLE001 - a damaged page (PDFium, Pillow or the engine refuse it) has no
        return ""  # text to find; the next pages are still read


def _keep_page(db: Database, attachment_id: int, record_id: int, page: int, text: str, *, last: bool,
               file_name: str, reference_code: str, pages: int, append: bool = True) -> None:  # fmt: skip
    with unit_of_work(db) as work:
        row = work.session.get(Attachment, attachment_id)
        if row is None:
            return  # removed meanwhile
        if append and text:
            row.content_text = ((row.content_text + "\n") if row.content_text else "") + text
            row.content_text = row.content_text[: content.MAX_TEXT]
        row.ocr_pages_done = page + 1
        if last:
            row.ocr_done_at = utcnow()
            work.audit("ocr", "attachment", attachment_id,
                       msg("audit.digitisation.ocr_read", file_name=file_name, reference_code=reference_code,
                           pages=pages),
                       after={"pages": pages, "characters": len(row.content_text or "")})  # fmt: skip
        content.index_content(work.session, [record_id])


def iter_pages(path: Path, media_type: str, pages: int) -> Iterator[Image]:
    for page in range(pages):
        yield page_image(path, media_type, page)

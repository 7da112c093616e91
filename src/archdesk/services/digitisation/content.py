"""The text of attached files, indexed with the catalogue so a search finds records by content.

PDFs with a text layer are read with pypdfium2 (PDFium: the reader Chrome uses; it opens damaged
scanner output that pure-Python readers refuse, and reads a text page in about a millisecond, see
bench/digitisation_bench.py). The text is kept on the attachment (``content_text``) and, on SQLite,
in the FTS5 table ``search_content`` (trigram, rowid = record id): one row per record holding the
text of all its attachments. ``services/search.py`` consults it beside the catalogue fields.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from archdesk.models import Attachment

CONTENT_TABLE = "search_content"
#: Text kept per attachment (characters): enough for a thick file; a scanned book is cut short.
MAX_TEXT = 2_000_000


def pdf_text(path: Path) -> str:
    """The text layer of a PDF, page after page ('' for a scan without one or a damaged file)."""
    import pypdfium2

    try:
        document = pypdfium2.PdfDocument(str(path))
    except pypdfium2.PdfiumError:
        return ""
    parts: list[str] = []
    size = 0
    try:
        for page in document:
            textpage = page.get_textpage()
            try:
                part = textpage.get_text_bounded()
            finally:
                textpage.close()
                page.close()
            parts.append(part)
            size += len(part)
            if size >= MAX_TEXT:
                break
    finally:
        document.close()
    joined = "\n".join(parts).replace("\r\n", "\n").replace("\x00", "")[:MAX_TEXT]
    return joined if joined.strip() else ""  # a scan's empty pages are no text layer: OCR reads it


def has_content_index(session: Session) -> bool:
    if session.get_bind().dialect.name != "sqlite":
        return False
    found = session.scalar(text("SELECT count(*) FROM sqlite_master WHERE name = :t"), {"t": CONTENT_TABLE})
    return bool(found)


def index_content(session: Session, record_ids: Sequence[int]) -> None:
    """(Re)index the attachment text of these records, in the caller's transaction."""
    if not record_ids or not has_content_index(session):
        return
    session.flush()
    ids = sorted({int(i) for i in record_ids})
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ", ".join(str(i) for i in chunk)
        session.execute(text(f"DELETE FROM {CONTENT_TABLE} WHERE rowid IN ({marks})"))
        rows = session.execute(
            select(Attachment.record_id, Attachment.content_text)
            .where(Attachment.record_id.in_(chunk), Attachment.content_text.is_not(None))
            .order_by(Attachment.record_id, Attachment.id)
        ).all()
        joined: dict[int, list[str]] = {}
        for record_id, content in rows:
            if content:
                joined.setdefault(record_id, []).append(content)
        if joined:
            session.execute(
                text(f"INSERT INTO {CONTENT_TABLE}(rowid, content) VALUES (:r, :c)"),
                [{"r": rid, "c": "\n".join(parts)} for rid, parts in joined.items()],
            )


def content_match(words: Sequence[str]) -> str | None:
    """The subquery (SQL text) of record ids whose attachment text holds every word, or None when
    there is no word. Words of three or more characters use the trigram index; shorter ones (a
    two-character Chinese word) a LIKE over the matching rows' text."""
    if not words:
        return None
    return f"SELECT rowid FROM {CONTENT_TABLE} WHERE " + " AND ".join(
        f"{CONTENT_TABLE} MATCH :cm{n}" if len(word) >= 3 else f"content LIKE :cl{n} ESCAPE '\\'"
        for n, word in enumerate(words)
    )


def content_params(words: Sequence[str]) -> dict[str, str]:
    params: dict[str, str] = {}
    for n, word in enumerate(words):
        if len(word) >= 3:
            params[f"cm{n}"] = '"' + word.replace('"', '""') + '"'
        else:
            escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            params[f"cl{n}"] = f"%{escaped}%"
    return params

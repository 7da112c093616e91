"""The text of attached files, indexed with the catalogue so a search finds records by content.

PDFs with a text layer are read with pypdfium2 (PDFium: the reader Chrome uses; it opens damaged
scanner output that pure-Python readers refuse, and reads a text page in about a millisecond, see
bench/digitisation_bench.py). The text is kept on the attachment (``content_text``) and, on SQLite,
in the FTS5 table ``search_content`` (trigram, rowid = record id): one row per record holding the
text of all its attachments, for words of three or more characters; and the same text as its
characters and character pairs in ``search_content_gram`` (as ``search_gram`` is for the
catalogue), for words of one or two, which a trigram table cannot find. The two are written and
deleted together here, and ``archdesk check`` compares their rows. ``services/search.py``
consults them beside the catalogue fields.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from archdesk.models import Attachment
from archdesk.services.search_tokens import CONTENT_GRAMS_FUNCTION as _GRAMS_FUNCTION
from archdesk.services.search_tokens import gram_token

CONTENT_TABLE = "search_content"
#: Contentless FTS5 (``detail=none``) of each record's attachment text as character and pair
#: tokens (``services/search_tokens.py``), for words of one or two characters (migration 0015).
CONTENT_GRAM_TABLE = "search_content_gram"
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


def _tables(session: Session) -> set[str]:
    """Which of the two content tables this archive has (none on PostgreSQL)."""
    if session.get_bind().dialect.name != "sqlite":
        return set()
    names = session.scalars(
        text("SELECT name FROM sqlite_master WHERE name IN (:t, :g)").bindparams(t=CONTENT_TABLE, g=CONTENT_GRAM_TABLE)
    )
    return set(names)


def has_content_index(session: Session) -> bool:
    return CONTENT_TABLE in _tables(session)


def _chunks(ids: Sequence[int], size: int = 500) -> Iterator[str]:
    """The ids, sorted and distinct, as comma-separated lists of at most ``size``."""
    ordered = sorted({int(i) for i in ids})
    for start in range(0, len(ordered), size):
        yield ", ".join(str(i) for i in ordered[start : start + size])


def _forget(session: Session, marks: str, with_grams: bool) -> None:
    # The contentless pair table forgets a row only when told the tokens it was indexed with: they
    # are made again from the text the trigram table keeps, before that row goes too.
    if with_grams:
        session.execute(
            text(
                f"INSERT INTO {CONTENT_GRAM_TABLE}({CONTENT_GRAM_TABLE}, rowid, grams) "
                f"SELECT 'delete', rowid, {_GRAMS_FUNCTION}(content) FROM {CONTENT_TABLE} WHERE rowid IN ({marks})"
            )
        )
    session.execute(text(f"DELETE FROM {CONTENT_TABLE} WHERE rowid IN ({marks})"))


def index_content(session: Session, record_ids: Sequence[int]) -> None:
    """(Re)index the attachment text of these records, in the caller's transaction."""
    tables = _tables(session) if record_ids else set()
    if CONTENT_TABLE not in tables:
        return
    with_grams = CONTENT_GRAM_TABLE in tables  # the token function is on every connection (database.py)
    session.flush()
    for marks in _chunks(record_ids):
        _forget(session, marks, with_grams)
        chunk = [int(i) for i in marks.split(", ")]
        rows = session.execute(
            select(Attachment.record_id, Attachment.content_text)
            .where(Attachment.record_id.in_(chunk), Attachment.content_text.is_not(None))
            .order_by(Attachment.record_id, Attachment.id)
        ).all()
        joined: dict[int, list[str]] = {}
        for record_id, content in rows:
            if content:
                joined.setdefault(record_id, []).append(content)
        if not joined:
            continue
        session.execute(
            text(f"INSERT INTO {CONTENT_TABLE}(rowid, content) VALUES (:r, :c)"),
            [{"r": rid, "c": "\n".join(parts)} for rid, parts in joined.items()],
        )
        if with_grams:
            session.execute(
                text(
                    f"INSERT INTO {CONTENT_GRAM_TABLE}(rowid, grams) "
                    f"SELECT rowid, {_GRAMS_FUNCTION}(content) FROM {CONTENT_TABLE} WHERE rowid IN ({marks})"
                )
            )


def remove_content(session: Session, record_ids: Sequence[int]) -> None:
    """Drop these records' attachment text from the index (their records are deleted), in the caller's transaction."""
    tables = _tables(session) if record_ids else set()
    if CONTENT_TABLE not in tables:
        return
    with_grams = CONTENT_GRAM_TABLE in tables
    for marks in _chunks(record_ids):
        _forget(session, marks, with_grams)


def clear_content(session: Session) -> None:
    """Empty both content tables (the search index is rebuilt), in the caller's transaction."""
    tables = _tables(session)
    if CONTENT_TABLE in tables:
        session.execute(text(f"DELETE FROM {CONTENT_TABLE}"))
    if CONTENT_GRAM_TABLE in tables:
        session.execute(text(f"INSERT INTO {CONTENT_GRAM_TABLE}({CONTENT_GRAM_TABLE}) VALUES ('delete-all')"))


def gram_index_differences(session: Session) -> tuple[int, int] | None:
    """(records with indexed text missing from the pair table, pair-table rows of records without
    indexed text), or None when the archive has not both tables. Both are 0 when they are in step."""
    if _tables(session) != {CONTENT_TABLE, CONTENT_GRAM_TABLE}:
        return None
    # The trigram table's rows are in its _content shadow table, the contentless table's rowids in
    # its _docsize one (it is made with column sizes for this count); both are keyed by id.
    missing = session.scalar(
        text(
            f"SELECT count(*) FROM {CONTENT_TABLE}_content c "
            f"WHERE NOT EXISTS (SELECT 1 FROM {CONTENT_GRAM_TABLE}_docsize d WHERE d.id = c.id)"
        )
    )
    stale = session.scalar(
        text(
            f"SELECT count(*) FROM {CONTENT_GRAM_TABLE}_docsize d "
            f"WHERE NOT EXISTS (SELECT 1 FROM {CONTENT_TABLE}_content c WHERE c.id = d.id)"
        )
    )
    return int(missing or 0), int(stale or 0)


def _is_long(word: str) -> bool:
    # The rule of services/search.match_expressions: a word of three or more characters once
    # case-folded is a trigram phrase, a shorter one a character or pair token.
    return len(word.lower()) >= 3


def content_match(words: Sequence[str]) -> str | None:
    """The subquery (SQL text, one SELECT) of record ids whose attachment text holds every word,
    or None when there is no word. Words of three or more characters are one MATCH of the trigram
    table, shorter ones (a one- or two-character Chinese word) one MATCH of the pair table."""
    if not words:
        return None
    long = any(_is_long(word) for word in words)
    short = not all(_is_long(word) for word in words)
    trigram = f"SELECT rowid FROM {CONTENT_TABLE} WHERE {CONTENT_TABLE} MATCH :cm"
    if not short:
        return trigram
    pairs = f"SELECT rowid FROM {CONTENT_GRAM_TABLE} WHERE {CONTENT_GRAM_TABLE} MATCH :cg"
    # One SELECT, not an INTERSECT: the caller puts it after a UNION, and SQLite reads a compound
    # left to right (A INTERSECT B UNION C INTERSECT D is ((A ∩ B) ∪ C) ∩ D).
    return pairs + (f" AND rowid IN ({trigram})" if long else "")


def content_params(words: Sequence[str]) -> dict[str, str]:
    """The parameters of ``content_match``: the MATCH texts (words quoted or as tokens, never syntax)."""
    params: dict[str, str] = {}
    long = [word for word in words if _is_long(word)]
    short = [word for word in words if not _is_long(word)]
    if long:
        params["cm"] = " AND ".join('"' + word.replace('"', '""') + '"' for word in long)
    if short:
        params["cg"] = " AND ".join('"' + gram_token(word) + '"' for word in short)
    return params

"""Search on PostgreSQL: the same answers as the SQLite index (``search.py``), from a GIN index.

``search_token`` holds, per record, the distinct characters and character pairs of its four
searchable fields, case-folded, as a ``text[]`` with a GIN index (made by migration 0008). A word:

- of one or two characters is one token: ``tokens @> ARRAY[word]`` is the whole answer, exactly
  as the SQLite gram table gives it (1- and 2-character words included, which ``pg_trgm`` cannot
  serve from its index);
- of three or more characters needs all its pairs (``tokens @> ARRAY[pairs]``, from the index) and
  then, on those candidate rows only, a case-folded substring test on the fields (``strpos``):
  what FTS5's trigram phrase matches.

Every word's tokens go into one ``@>``, so a query is one index look-up. Measured against ILIKE
scans and pg_trgm in bench/README.md.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from sqlalchemy import ColumnElement, and_, func, literal, literal_column, or_, select, text, true
from sqlalchemy.dialects.postgresql import ARRAY, TEXT, insert
from sqlalchemy.orm import Session

from archdesk.models import Record

TOKEN_TABLE = "search_token"
FIELDS = ("title", "document_number", "responsible_party", "notes", "reference_code")  # as services/search.py
_CHUNK = 5000


def tokens(*texts: str | None) -> list[str]:
    """The distinct characters and pairs of each text, case-folded (pairs never span two fields)."""
    found: set[str] = set()
    for value in texts:
        if value:
            folded = value.lower()
            found.update(folded)
            found.update(folded[i : i + 2] for i in range(len(folded) - 1))
    return sorted(found)


def _word_tokens(word: str) -> list[str]:
    folded = word.lower()
    if len(folded) <= 2:
        return [folded]
    return sorted({folded[i : i + 2] for i in range(len(folded) - 1)})


def condition(words: Sequence[str]) -> ColumnElement[bool]:
    """Record rows containing every word (the caller has split and checked the words)."""
    if not words:
        return true()
    wanted = sorted({token for word in words for token in _word_tokens(word)})
    hits = (
        select(literal_column("record_id"))
        .select_from(text(TOKEN_TABLE))
        .where(literal_column("tokens").op("@>")(literal(wanted, ARRAY(TEXT))))
    )
    rechecks = [
        or_(*[func.strpos(func.lower(getattr(Record, name)), word.lower()) > 0 for name in FIELDS])
        for word in words
        if len(word.lower()) > 2
    ]
    return and_(Record.id.in_(hits), *rechecks)


# -- keeping the index in step --------------------------------------------------------------------


def _rows(session: Session, statement) -> Iterator[dict]:  # noqa: ANN001
    for row in session.execute(statement.execution_options(yield_per=_CHUNK)):
        yield {"record_id": row[0], "tokens": tokens(*row[1:])}


def _upsert(session: Session, rows: Iterable[dict]) -> None:
    from sqlalchemy import Column, Integer, MetaData, Table

    table = Table(
        TOKEN_TABLE, MetaData(), Column("record_id", Integer, primary_key=True), Column("tokens", ARRAY(TEXT))
    )
    batch: list[dict] = []
    for row in rows:
        batch.append(row)
        if len(batch) == _CHUNK:
            _write(session, table, batch)
            batch = []
    if batch:
        _write(session, table, batch)


def _write(session: Session, table, batch: list[dict]) -> None:  # noqa: ANN001
    statement = insert(table).values(batch)
    session.execute(
        statement.on_conflict_do_update(index_elements=["record_id"], set_={"tokens": statement.excluded.tokens})
    )


def _select(*where: ColumnElement[bool]):  # noqa: ANN202
    return select(Record.id, *[getattr(Record, name) for name in FIELDS]).where(*where).order_by(Record.id)


def index_records(session: Session, record_ids: Sequence[int]) -> None:
    session.flush()
    ids = sorted({int(i) for i in record_ids})
    for start in range(0, len(ids), _CHUNK):
        _upsert(session, _rows(session, _select(Record.id.in_(ids[start : start + _CHUNK]))))


def remove_records(session: Session, record_ids: Sequence[int]) -> None:
    ids = sorted({int(i) for i in record_ids})
    for start in range(0, len(ids), _CHUNK):
        session.execute(
            text(f"DELETE FROM {TOKEN_TABLE} WHERE record_id = ANY(:ids)"), {"ids": ids[start : start + _CHUNK]}
        )


def index_records_of_batch(session: Session, transfer_batch_id: int) -> None:
    session.flush()
    _upsert(session, _rows(session, _select(Record.transfer_batch_id == transfer_batch_id)))


def rebuild_index(session: Session) -> None:
    session.flush()
    session.execute(text(f"DELETE FROM {TOKEN_TABLE}"))
    _upsert(session, _rows(session, _select()))


def indexed_record_count(session: Session) -> int | None:
    exists = session.scalar(text("SELECT to_regclass(:t) IS NOT NULL"), {"t": TOKEN_TABLE})
    if not exists:
        return None
    return int(session.scalar(text(f"SELECT count(*) FROM {TOKEN_TABLE}")) or 0)

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

``search_token_frequency`` (migration 0016_pg_search) holds, per token, how many records hold it, kept in step
here: a one-token query (a word of one or two characters) is counted from one row, where counting
the index's hits reads every record's row that holds the token (工: 448,640 rows, 1.1 s). Each change
adds the difference between a record's new and old tokens, in token order (two workstations saving
at once wait for each other on a common token's row, and never deadlock).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence

from sqlalchemy import ColumnElement, and_, func, literal, literal_column, or_, select, text, true
from sqlalchemy.dialects.postgresql import ARRAY, TEXT, insert
from sqlalchemy.orm import Session

from archdesk.models import Record

TOKEN_TABLE = "search_token"
FREQUENCY_TABLE = "search_token_frequency"
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


def single_token(words: Sequence[str]) -> str | None:
    """The one token a query comes down to (every word the same one or two characters), else None."""
    wanted = {token for word in words for token in _word_tokens(word)}
    if len(wanted) != 1 or any(len(word.lower()) > 2 for word in words):
        return None
    return next(iter(wanted))


def token_count(session: Session, token: str) -> int | None:
    """How many records hold this token, from the frequency table; None without one (before 0016)."""
    if not _has_frequencies(session):
        return None
    found = session.scalar(text(f"SELECT records FROM {FREQUENCY_TABLE} WHERE token = :t"), {"t": token})
    return int(found or 0)


def has_attached_text(session: Session) -> bool:
    """Whether any attachment has text (a search then also looks there): one probe of a partial index."""
    found = session.scalar(
        text("SELECT 1 FROM attachment WHERE content_text IS NOT NULL AND content_text <> '' LIMIT 1")
    )
    return found is not None


def _has_frequencies(session: Session) -> bool:
    return bool(session.scalar(text("SELECT to_regclass(:t) IS NOT NULL"), {"t": FREQUENCY_TABLE}))


# -- keeping the index in step --------------------------------------------------------------------


def _rows(session: Session, statement, added: Counter | None = None) -> Iterator[dict]:  # noqa: ANN001
    for row in session.execute(statement.execution_options(yield_per=_CHUNK)):
        found = tokens(*row[1:])
        if added is not None:
            added.update(found)
        yield {"record_id": row[0], "tokens": found}


def _indexed_tokens(session: Session, ids: Sequence[int]) -> Counter:
    """How many of these records' index rows hold each token (what is about to be replaced or removed)."""
    held: Counter = Counter()
    for start in range(0, len(ids), _CHUNK):
        chunk = list(ids[start : start + _CHUNK])
        for (found,) in session.execute(
            text(f"SELECT tokens FROM {TOKEN_TABLE} WHERE record_id = ANY(:ids)"), {"ids": chunk}
        ):
            held.update(found)
    return held


def _add_frequencies(session: Session, change: Counter) -> None:
    """Add ``change`` (token -> difference in records) to the frequency table, in token order."""
    if not _has_frequencies(session):
        return
    rows = [(token, n) for token, n in sorted(change.items()) if n]
    for start in range(0, len(rows), _CHUNK):
        chunk = rows[start : start + _CHUNK]
        session.execute(
            text(
                f"INSERT INTO {FREQUENCY_TABLE} AS f (token, records) "
                "SELECT t, n FROM unnest(CAST(:tokens AS text[]), CAST(:counts AS integer[])) AS c(t, n) "
                "ON CONFLICT (token) DO UPDATE SET records = f.records + excluded.records"
            ),
            {"tokens": [token for token, _ in chunk], "counts": [n for _, n in chunk]},
        )


def _reindex(session: Session, ids: Sequence[int], statement) -> None:  # noqa: ANN001
    """Index the rows of ``statement`` (the records ``ids``, some perhaps indexed before), and move
    the frequencies by the difference between the tokens written and the tokens they replace."""
    change = Counter()
    change.subtract(_indexed_tokens(session, ids))
    _upsert(session, _rows(session, statement, change))
    _add_frequencies(session, change)


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
        chunk = ids[start : start + _CHUNK]
        _reindex(session, chunk, _select(Record.id.in_(chunk)))


def remove_records(session: Session, record_ids: Sequence[int]) -> None:
    ids = sorted({int(i) for i in record_ids})
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        change = Counter()
        change.subtract(_indexed_tokens(session, chunk))
        session.execute(text(f"DELETE FROM {TOKEN_TABLE} WHERE record_id = ANY(:ids)"), {"ids": chunk})
        _add_frequencies(session, change)


def index_records_of_batch(session: Session, transfer_batch_id: int) -> None:
    session.flush()
    ids = session.scalars(select(Record.id).where(Record.transfer_batch_id == transfer_batch_id)).all()
    indexed = session.scalar(text(f"SELECT 1 FROM {TOKEN_TABLE} WHERE record_id = ANY(:ids) LIMIT 1"), {"ids": ids})
    change = Counter()
    if indexed:  # indexed before (rarely): what it held comes off the frequencies
        change.subtract(_indexed_tokens(session, ids))
    _upsert(session, _rows(session, _select(Record.transfer_batch_id == transfer_batch_id), change))
    _add_frequencies(session, change)


def rebuild_index(session: Session) -> None:
    """Index every record again, count the tokens afresh and ANALYZE both tables (the planner's
    statistics: without them a common word is planned as a rare one, bench/README.md)."""
    session.flush()
    session.execute(text(f"DELETE FROM {TOKEN_TABLE}"))
    counted: Counter = Counter()
    _upsert(session, _rows(session, _select(), counted))
    if _has_frequencies(session):
        session.execute(text(f"DELETE FROM {FREQUENCY_TABLE}"))
        _add_frequencies(session, counted)
    analyze(session)


def analyze(session: Session) -> None:
    """Fresh planner statistics for the search tables and ``record`` (allowed inside a transaction)."""
    for table in (TOKEN_TABLE, FREQUENCY_TABLE, "record"):
        if session.scalar(text("SELECT to_regclass(:t) IS NOT NULL"), {"t": table}):
            session.execute(text(f"ANALYZE {table}"))


def frequency_differences(session: Session) -> list[tuple[str, int, int]] | None:
    """Tokens whose kept count differs from a recount of the index, as (token, kept, counted), in
    token order; None without a frequency table. A full pass over the index (15 s at 1,000,000)."""
    if not _has_frequencies(session):
        return None
    rows = session.execute(
        text(
            f"SELECT coalesce(f.token, c.token), coalesce(f.records, 0), coalesce(c.records, 0) "
            f"FROM {FREQUENCY_TABLE} f FULL JOIN "
            f"(SELECT token, count(*) AS records FROM {TOKEN_TABLE}, unnest(tokens) AS token GROUP BY token) c "
            "ON c.token = f.token WHERE coalesce(f.records, 0) <> coalesce(c.records, 0) ORDER BY 1"
        )
    )
    return [(token, int(kept), int(counted)) for token, kept, counted in rows]


def indexed_record_count(session: Session) -> int | None:
    exists = session.scalar(text("SELECT to_regclass(:t) IS NOT NULL"), {"t": TOKEN_TABLE})
    if not exists:
        return None
    return int(session.scalar(text(f"SELECT count(*) FROM {TOKEN_TABLE}")) or 0)

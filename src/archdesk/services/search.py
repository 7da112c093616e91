"""Full-text search over title, document number, responsible party, notes and reference code
(题名, 文号, 责任者, 备注, 档号: a code whole or any part of it, ``RSC-0003``, ``2019-Y-BGS``).

With ``startup.py`` (the start-up reads), the only module with SQLite-only SQL. A query is split on whitespace; every word must occur
(AND), each as a case-insensitive substring of one of the five fields. On SQLite two FTS5
tables answer it:

- ``search_trigram`` (``tokenize='trigram'``) for words of three or more characters: a phrase of
  trigrams matches exactly the substrings. It is an ordinary FTS5 table that keeps its own copy
  of the text. Why not external content on ``record``: re-indexing a row needs the values it
  was indexed with, and the catalogue calls ``index_records`` after the record has changed;
  why not contentless: SQLite 3.40 (the one Python ships) has no ``contentless_delete``. A
  table that knows what it indexed can always delete by rowid, and its copy of the text is
  what the second table's delete command needs.
- ``search_gram`` (contentless, ``detail=none``) for words of one or two characters, which a
  trigram table silently never finds (0 rows with MATCH and with LIKE). Every field becomes the
  set of its single characters and character pairs, each written as one ASCII token (the UTF-16
  code units in hex, ``4f1a`` for 会, ``4f1a8bae`` for 会议; ``services/search_tokens.py``),
  so any character is searchable, punctuation such as 〔 included, and a one- or two-character
  word is one token look-up: no phrase, no positions (measured in bench/README.md against one
  token per character queried as a phrase).

Query text never reaches FTS5 as syntax: trigram words go in as quoted phrases (quotes
doubled) and gram words as hex tokens, so ``"AND (``, ``*`` or ``NEAR(`` are plain text.

The tables are created (and existing records indexed) by migration 0002_search_index, made
again with the reference code by 0009_house, and the gram tokens shortened by 0018_short_gram_tokens.
A record also matches when every word occurs in the text of its attached files: the same two
kinds of table, ``search_content`` (trigram, migration 0011) and ``search_content_gram``
(characters and pairs, migration 0015), kept by ``services/digitisation/content.py``.
On PostgreSQL ``text_condition`` compiles to the GIN token index of ``search_pg.py`` (same
answers) and the index functions keep that index; on any other database it is ILIKE on the five
columns and the index functions do nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from operator import itemgetter
from typing import Any

from sqlalchemy import (
    Column,
    ColumnElement,
    Integer,
    MetaData,
    Table,
    Text,
    and_,
    bindparam,
    exists,
    false,
    literal_column,
    or_,
    select,
    text,
    true,
)
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.expression import ColumnElement as _ColumnElementBase
from sqlalchemy.types import Boolean

from archdesk.models import Attachment, Record
from archdesk.services.bulk import insert_rows
from archdesk.services.digitisation import content as attached
from archdesk.services.search_tokens import gram_token, grams

TRIGRAM_TABLE = "search_trigram"
GRAM_TABLE = "search_gram"
FIELDS = ("title", "document_number", "responsible_party", "notes", "reference_code")
#: Longest field that is searched (the title): a longer word cannot match anything.
LONGEST_FIELD = 1000
#: More words than this are ignored (each word is one more look-up).
MAX_WORDS = 16
_GRAMS_FUNCTION = "archdesk_search_grams"


# -- what a query means ---------------------------------------------------------------------------


def query_words(query: str) -> list[str]:
    """The distinct words of a query, in order, at most MAX_WORDS.

    NUL separates words like a space: inside a quoted MATCH phrase it cut the phrase short and let
    what followed through as FTS5 syntax.
    """
    words: list[str] = []
    for word in query.replace("\x00", " ").split():
        if word not in words:
            words.append(word)
    return words[:MAX_WORDS]


def _is_text(word: str) -> bool:
    """False for a word with a lone surrogate (bytes that were not UTF-8): no record can hold it."""
    try:
        word.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _phrase(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def match_expressions(query: str) -> tuple[str | None, str | None] | None:
    """(trigram MATCH text, gram MATCH text) for a query; None when nothing can match.

    Both are None for an empty query (everything matches).
    """
    trigram_words, gram_words = [], []
    for word in query_words(query):
        if len(word) > LONGEST_FIELD or not _is_text(word):
            return None
        (trigram_words if len(word.lower()) >= 3 else gram_words).append(word)
    trigram = " AND ".join(_phrase(w) for w in trigram_words) or None
    gram = " AND ".join(_phrase(gram_token(w)) for w in gram_words) or None
    return trigram, gram


# -- the condition on Record ----------------------------------------------------------------------


class TextMatch(_ColumnElementBase[bool]):
    """``Record`` rows matching a query: FTS5 on SQLite, a GIN token index on PostgreSQL, ILIKE elsewhere."""

    inherit_cache = False
    type = Boolean()
    _is_implicitly_boolean = True  # a predicate: no "= 1" appended in WHERE on SQLite

    def __init__(self, query: str, as_filter: bool, with_attached: bool = True) -> None:
        self.query = query
        self.as_filter = as_filter
        self.with_attached = with_attached


def text_condition(query: str, *, as_filter: bool = False, with_attached: bool = True) -> ColumnElement[bool]:
    """A condition on Record: every word of the query occurs in title, document number,
    responsible party, notes or reference code (case-insensitive substring).

    On SQLite the hits drive the query (each hit is looked up, then sorted). With ``as_filter``
    the hits only filter rows read some other way (in the order of a sort index): cheaper when
    the query matches a large share of the records (see records_query.search_records).
    ``with_attached=False`` (the caller knows no attachment has text, ``has_attached_text``) leaves the
    attached files out on PostgreSQL, where their OR keeps the planner from a semi-join on the index.
    """
    return TextMatch(query, as_filter, with_attached)


def portable_condition(query: str) -> ColumnElement[bool]:
    """The same meaning in portable SQL (a scan): ILIKE on the five columns, per word."""
    words = query_words(query)
    if not words:
        return true()
    if not all(_is_text(word) for word in words):
        return false()
    columns = [getattr(Record, name) for name in FIELDS]
    in_catalogue = and_(*[or_(*[c.icontains(w, autoescape=True) for c in columns]) for w in words])
    return or_(in_catalogue, _in_attached_files(words))


def _in_attached_files(words: list[str]) -> ColumnElement[bool]:
    """Every word occurs in the text of the record's attached files (a scan; SQLite has its own index)."""
    return and_(
        *[
            exists().where(Attachment.record_id == Record.id, Attachment.content_text.icontains(w, autoescape=True))
            for w in words
        ]
    )


def fts_condition(query: str, *, as_filter: bool = False, with_attached: bool = True) -> ColumnElement[bool]:
    """The SQLite condition: ``record.id`` among the rowids the FTS5 tables return (and, unless
    ``with_attached`` is False, the rowids of records whose attached files' text has every word).

    ``record.id + 0`` (as_filter) keeps SQLite from using the rowid list to find the rows, so
    the list becomes a membership test while the rows are read in the order of an index.
    """
    expressions = match_expressions(query)
    if expressions is None:
        return false()
    record_id = Record.id + literal_column("0") if as_filter else Record.id
    selects, params = [], []
    for n, (table, expression) in enumerate(zip((TRIGRAM_TABLE, GRAM_TABLE), expressions, strict=True)):
        if expression is not None:
            selects.append(f"SELECT rowid FROM {table} WHERE {table} MATCH :m{n}")
            params.append(bindparam(f"m{n}", expression, unique=True))
    if not selects:
        return true()
    compound = " INTERSECT ".join(selects)
    if with_attached:
        # Or every word in the text of the record's attached files (services/digitisation/content.py):
        # one compound subquery, so SQLite still builds one list of ids and tests membership in it (an
        # OR of two IN conditions made it re-read the index per row: a common word took minutes).
        # UNION ALL: the IN list is a set already, and UNION's own de-duplicating B-tree cost a common
        # word's first page 20-40 ms more (bench/README.md, issue 10).
        words = query_words(query)
        params += [bindparam(name, value, unique=True) for name, value in attached.content_params(words).items()]
        compound += " UNION ALL " + attached.content_match(words)
    return record_id.in_(text(compound).bindparams(*params))


# The compiled text is in parentheses: SQLAlchemy takes a custom element for one operand, so an
# "A OR B" left bare would bind to the next AND of the WHERE clause (on PostgreSQL a text search
# with another filter, or a keyset segment, matched every record with attached text or the index hit).
@compiles(TextMatch)
def _compile_portable(element: TextMatch, compiler, **kw: Any) -> str:  # noqa: ANN001
    return "(" + compiler.process(portable_condition(element.query), **kw) + ")"  # one term of an AND


@compiles(TextMatch, "postgresql")
def _compile_postgresql(element: TextMatch, compiler, **kw: object) -> str:  # noqa: ANN001
    from archdesk.services import search_pg

    words = query_words(element.query)
    if any(len(w) > LONGEST_FIELD or not _is_text(w) for w in words):
        return compiler.process(false(), **kw)
    if not words:
        return compiler.process(search_pg.condition(words), **kw)
    if not element.with_attached:
        # No attachment has text: the token condition alone, which the planner can join on the GIN
        # index for a rare word or check per row while walking the sort index for a common one. With
        # the OR below it can do neither: it builds the hash of every hit first (同, 93,276 hits: 0.9 s).
        return "(" + compiler.process(search_pg.condition(words), **kw) + ")"
    # Parenthesised: the element is one term of the caller's AND (a year, "has scans"), and a bare
    # "a OR b AND c" would bind the other condition to the attached-files half only.
    return "(" + compiler.process(or_(search_pg.condition(words), _in_attached_files(words)), **kw) + ")"


@compiles(TextMatch, "sqlite")
def _compile_sqlite(element: TextMatch, compiler, **kw: Any) -> str:  # noqa: ANN001
    return compiler.process(
        fts_condition(element.query, as_filter=element.as_filter, with_attached=element.with_attached), **kw
    )


def count_matches(session: Session, query: str) -> int | None:
    """How many records match the query, from the index alone; None when the index cannot say
    (the caller counts the rows). PostgreSQL says for a query of one token (a word of one or two
    characters) when no attachment has text: its row in ``search_token_frequency``."""
    if _is_postgresql(session):
        return _postgresql_count(session, query)
    if not _is_sqlite(session):
        return None
    expressions = match_expressions(query)
    if expressions is None:
        return 0
    selects = [
        f"SELECT rowid FROM {table} WHERE {table} MATCH :m{n}"
        for n, (table, expression) in enumerate(zip((TRIGRAM_TABLE, GRAM_TABLE), expressions, strict=True))
        if expression is not None
    ]
    if not selects:
        return None
    params = {f"m{n}": e for n, e in enumerate(expressions) if e is not None}
    catalogue = " INTERSECT ".join(selects)
    if not _has_attached_text(session):  # the common case: no deduplicating UNION for nothing
        return session.scalar(text(f"SELECT count(*) FROM ({catalogue})"), params)
    words = query_words(query)
    params.update(attached.content_params(words))
    return session.scalar(text(f"SELECT count(*) FROM ({catalogue} UNION {attached.content_match(words)})"), params)


def _postgresql_count(session: Session, query: str) -> int | None:
    words = query_words(query)
    if any(len(w) > LONGEST_FIELD or not _is_text(w) for w in words):
        return 0
    token = _postgresql().single_token(words) if words else None
    if token is None or has_attached_text(session):
        return None
    return _postgresql().token_count(session, token)


def has_attached_text(session: Session) -> bool:
    """Whether any attached file's text is searched beside the catalogue (decides
    ``text_condition(with_attached=)``: with none, the catalogue's index alone answers); True on
    databases other than SQLite and PostgreSQL, where it is not asked."""
    if _is_postgresql(session):
        return _postgresql().has_attached_text(session)
    if _is_sqlite(session):
        return _has_attached_text(session)
    return True


def _has_attached_text(session: Session) -> bool:
    try:
        return session.scalar(text(f"SELECT 1 FROM {attached.CONTENT_TABLE} LIMIT 1")) is not None
    except OperationalError:  # an archive from before migration 0011 (never at run time: it is upgraded)
        session.rollback()
        return False


def indexed_record_count(session: Session) -> int | None:
    """How many records the index holds (one row each in ``search_trigram``, kept in step with
    ``search_gram``); None when the archive has no search index."""
    if _is_postgresql(session):
        return _postgresql().indexed_record_count(session)
    if not _is_sqlite(session):
        return None
    exists = session.scalar(text("SELECT count(*) FROM sqlite_master WHERE name = :t"), {"t": TRIGRAM_TABLE})
    if not exists:
        return None
    return session.scalar(text(f"SELECT count(*) FROM {TRIGRAM_TABLE}"))


# -- keeping the index in step --------------------------------------------------------------------


#: FTS5 settings while one statement indexes the whole archive, and their defaults after it:
#: a 16 MB buffer of pending terms (1 MB by default) writes fewer, larger segments, and with
#: automatic merging off during a rebuild the segments are merged once, by 'optimize'
#: (200,000 records: 2.7 → 2.1 s for both tables).
_BULK_SETTINGS = {"hashsize": 16 << 20, "automerge": 0}
_DEFAULT_SETTINGS = {"hashsize": 1 << 20, "automerge": 4}


def _configure(session: Session, settings: dict[str, int]) -> None:
    for table in (TRIGRAM_TABLE, GRAM_TABLE):
        for key, value in settings.items():
            session.execute(text(f"INSERT INTO {table}({table}, rank) VALUES (:k, :v)"), {"k": key, "v": value})


def _is_sqlite(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite"


def _is_postgresql(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def _postgresql():  # noqa: ANN202
    from archdesk.services import search_pg  # the GIN token index (search_token)

    return search_pg


def _register_grams(session: Session) -> None:
    """Make ``archdesk_search_grams(...)`` callable in SQL on this session's connection."""
    dbapi = session.connection().connection.dbapi_connection
    dbapi.create_function(_GRAMS_FUNCTION, len(FIELDS), grams, deterministic=True)


def _chunks(ids: Sequence[int], size: int = 500) -> Iterable[Sequence[int]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def _delete(session: Session, ids: Sequence[int]) -> None:
    # The contentless gram table forgets a row only when told the tokens it was indexed with,
    # which the trigram table's copy of the text gives.
    columns = ", ".join(FIELDS)
    for chunk in _chunks(ids):
        marks = ", ".join(str(int(i)) for i in chunk)
        session.execute(
            text(
                f"INSERT INTO {GRAM_TABLE}({GRAM_TABLE}, rowid, grams) "
                f"SELECT 'delete', rowid, {_GRAMS_FUNCTION}({columns}) FROM {TRIGRAM_TABLE} WHERE rowid IN ({marks})"
            )
        )
        session.execute(text(f"DELETE FROM {TRIGRAM_TABLE} WHERE rowid IN ({marks})"))


def _insert_select(session: Session, where: str, params: dict | None = None) -> None:
    _insert_select_trigrams(session, where, params)
    _insert_select_grams(session, where, params)


def _insert_select_trigrams(session: Session, where: str, params: dict | None = None) -> None:
    columns = ", ".join(FIELDS)
    session.execute(
        text(f"INSERT INTO {TRIGRAM_TABLE}(rowid, {columns}) SELECT id, {columns} FROM record WHERE {where}"),
        params or {},
    )


def _insert_select_grams(session: Session, where: str, params: dict | None = None) -> None:
    columns = ", ".join(FIELDS)
    session.execute(
        text(
            f"INSERT INTO {GRAM_TABLE}(rowid, grams) SELECT id, {_GRAMS_FUNCTION}({columns}) FROM record WHERE {where}"
        ),
        params or {},
    )


def index_records(session: Session, record_ids: Sequence[int]) -> None:
    """(Re)index these records from their current values, in the caller's transaction."""
    if record_ids and _is_postgresql(session):
        return _postgresql().index_records(session, record_ids)
    if not record_ids or not _is_sqlite(session):
        return
    session.flush()
    _register_grams(session)
    ids = sorted({int(i) for i in record_ids})
    _delete(session, ids)
    for chunk in _chunks(ids):
        _insert_select(session, f"id IN ({', '.join(str(i) for i in chunk)})")


def remove_records(session: Session, record_ids: Sequence[int]) -> None:
    """Drop these records from the index (before or after they are deleted), in the caller's transaction."""
    if record_ids and _is_postgresql(session):
        return _postgresql().remove_records(session, record_ids)
    if not record_ids or not _is_sqlite(session):
        return
    _register_grams(session)
    _delete(session, sorted({int(i) for i in record_ids}))
    attached.remove_content(session, record_ids)


#: Rows in one piece of ``written_grams`` (about 3 MB of tokens), handed over one at a time.
_GRAMS_PER_PIECE = 2_000


def written_grams(columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> Iterator[list[str]] | None:
    """The ``search_gram`` tokens of ``rows`` (tuples in ``columns`` order, about to be inserted as
    records), from the values themselves, in pieces of rows in order: no database, so a bulk import
    computes them on a helper thread while SQLite writes (``services/background.py``) and
    :func:`index_records_of_batch` inserts them instead of calling the token function row by row.

    None unless each searched value is text or None (stored and read back unchanged). Pieces, not
    the whole: 100,000 rows' tokens are about 150 MB of text, so the helper stays at most a few
    pieces ahead of the insert.
    """
    at = [columns.index(name) for name in FIELDS]
    for index in at:
        if not {row[index].__class__ for row in rows} <= {str, type(None)}:
            return None
    texts = itemgetter(*at)
    return (
        [grams(*texts(row)) for row in rows[start : start + _GRAMS_PER_PIECE]]
        for start in range(0, len(rows), _GRAMS_PER_PIECE)
    )


#: ``search_gram`` as an insert sees it (its rowid and its one column): the virtual table is not
#: in the models' metadata.
_GRAM_ROWS = Table(GRAM_TABLE, MetaData(), Column("rowid", Integer), Column("grams", Text))


def index_records_of_batch(
    session: Session, transfer_batch_id: int, tokens: tuple[int, Callable[[], Iterable[list[str]] | None]] | None = None
) -> None:
    """Index every record of a transfer batch that was just inserted (one INSERT per table).

    ``tokens``: the first record id and a function answering the pieces of ``written_grams`` of the
    records from it on, or None (called once the trigram table is written, the pieces taken as they
    come). They are inserted as they are when the batch is exactly those records, not yet indexed;
    otherwise, or when the function answers None, the tokens are computed in SQL.
    """
    if _is_postgresql(session):
        return _postgresql().index_records_of_batch(session, transfer_batch_id)
    if not _is_sqlite(session):
        return
    session.flush()
    _register_grams(session)
    # The id range first: the ids themselves are only needed to delete an earlier indexing
    # (fetching 100,000 of them cost 0.1 s).
    first, last = session.execute(
        text("SELECT min(id), max(id) FROM record WHERE transfer_batch_id = :b"), {"b": transfer_batch_id}
    ).one()
    if first is None:
        return
    indexed = _any_indexed(session, first, last)
    if indexed:  # only if the batch was indexed before
        ids = session.scalars(
            text("SELECT id FROM record WHERE transfer_batch_id = :b ORDER BY id").bindparams(b=transfer_batch_id)
        ).all()
        _delete(session, ids)
    # A 16 MB buffer of pending terms for the batch writes fewer, larger segments (100,000 imported
    # rows: 0.15–0.2 s less); automatic merging stays on, and the default is back before returning.
    _configure(session, {"hashsize": _BULK_SETTINGS["hashsize"]})
    in_batch = "transfer_batch_id = :b", {"b": transfer_batch_id}
    if tokens is not None and first == tokens[0] and not indexed:
        _insert_select_trigrams(session, *in_batch)
        pieces = tokens[1]()
        if pieces is None:
            _insert_select_grams(session, *in_batch)
        else:
            rowid = first
            for piece in pieces:
                insert_rows(session, _GRAM_ROWS, ("rowid", "grams"), list(enumerate(piece, start=rowid)))
                rowid += len(piece)
            if rowid != last + 1:
                raise RuntimeError(f"search tokens for {rowid - first} of the batch's {last - first + 1} records")
    else:
        _insert_select(session, *in_batch)
    _configure(session, {"hashsize": _DEFAULT_SETTINGS["hashsize"]})


def _any_indexed(session: Session, first: int, last: int) -> bool:
    # A rowid range is one seek in FTS5; the batch's ids are new unless it is indexed again.
    found = session.scalar(
        text(f"SELECT rowid FROM {TRIGRAM_TABLE} WHERE rowid BETWEEN :first AND :last LIMIT 1"),
        {"first": first, "last": last},
    )
    return found is not None


def rebuild_index(session: Session) -> None:
    """Empty the index and index every record again (after a bulk load, or to repair it)."""
    if _is_postgresql(session):
        return _postgresql().rebuild_index(session)
    if not _is_sqlite(session):
        return
    session.flush()
    _register_grams(session)
    session.execute(text(f"DELETE FROM {TRIGRAM_TABLE}"))
    session.execute(text(f"INSERT INTO {GRAM_TABLE}({GRAM_TABLE}) VALUES ('delete-all')"))
    _configure(session, _BULK_SETTINGS)
    _insert_select(session, "1 = 1")
    session.execute(text(f"INSERT INTO {TRIGRAM_TABLE}({TRIGRAM_TABLE}) VALUES ('optimize')"))
    session.execute(text(f"INSERT INTO {GRAM_TABLE}({GRAM_TABLE}) VALUES ('optimize')"))
    _configure(session, _DEFAULT_SETTINGS)
    attached.clear_content(session)
    attached.index_content(session, session.scalars(select(Attachment.record_id).distinct()).all())

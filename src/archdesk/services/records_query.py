"""Listing records for the records table: filters, sorting, counts and keyset pages.

The records table shows any number of rows without loading them: it asks for blocks. A block is
fetched by keyset (``WHERE (sort, id) > (last sort, last id) ORDER BY sort, id LIMIT n``), never by a
large OFFSET: every sortable column is indexed, so a page costs the same at row 10 or row 900,000.
To jump to any row, the table first asks for ``block_anchors``: the key of the first row of every
block, read once per filter and sort from the index.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, or_, select
from sqlalchemy.orm import Session

from archdesk.models import (
    Attachment,
    Box,
    Category,
    Department,
    Fonds,
    Location,
    Record,
    RetentionPeriod,
    SecurityLevel,
)
from archdesk.services import search, tree_counts
from archdesk.services.database import Database
from archdesk.services.listing import (
    BLOCK_SIZE,
    SCANS_WITH,
    SCANS_WITHOUT,
    SORTABLE_COLUMNS,
    RecordFilter,
    RowSelection,
    SortKey,
    SortOrder,
    TreeNode,
)
from archdesk.services.view_queries import record_view_select
from archdesk.services.views import RecordView, record_views_from_rows

#: Sort columns whose block anchors of the whole catalogue are read by stepping the index (``_stepped_anchors``).
STEPPED_COLUMNS = ("reference_code",)

#: A text matching at least this share of the records is used as a filter over a sort index.
COMMON_TEXT_SHARE = 0.05

#: The sortable columns (``listing.SORTABLE_COLUMNS``) as SQL columns; each has an index (models/records.py).
SORTABLE = {name: getattr(Record, name) for name in SORTABLE_COLUMNS}


def box_clause(box: str) -> ColumnElement[bool]:
    """Boxes named by code, or by box number (盒号) when the text is all digits."""
    clause = Box.code == box
    return or_(clause, Box.box_number == int(box)) if box.isdigit() else clause


def _code_in(column: ColumnElement, model: type, code: str) -> ColumnElement[bool]:
    return column.in_(select(model.id).where(model.code == code).scalar_subquery())


def conditions(
    flt: RecordFilter, *, text_as_filter: bool = False, with_attached: bool = True
) -> list[ColumnElement[bool]]:
    """WHERE conditions of a filter (portable SQL; full text through the search module).

    ``text_as_filter``: see ``search.text_condition`` (chosen by ``_conditions`` from the hit count);
    ``with_attached``: see ``search.text_condition`` (from ``search.has_attached_text``).
    """
    where: list[ColumnElement[bool]] = []
    if flt.text.strip():
        where.append(search.text_condition(flt.text, as_filter=text_as_filter, with_attached=with_attached))
    if flt.fonds:
        where.append(_code_in(Record.fonds_id, Fonds, flt.fonds))
    if flt.category:
        where.append(
            Record.category_id.in_(
                select(Category.id).where(or_(Category.code == flt.category, Category.code.like(f"{flt.category}·%")))
            )
        )
    if flt.year is not None:
        where.append(Record.year == flt.year)
    if flt.retention:
        where.append(_code_in(Record.retention_id, RetentionPeriod, flt.retention))
    if flt.security_level:
        where.append(_code_in(Record.security_level_id, SecurityLevel, flt.security_level))
    if flt.status:
        where.append(Record.status == flt.status)
    if flt.department:
        where.append(_code_in(Record.department_id, Department, flt.department))
    if flt.box_id is not None:
        where.append(Record.box_id == flt.box_id)
    if flt.box:
        where.append(Record.box_id.in_(select(Box.id).where(box_clause(flt.box))))
    if flt.location:
        boxes = (
            select(Box.id).join(Location, Location.id == Box.location_id).where(Location.code.like(f"{flt.location}%"))
        )
        where.append(Record.box_id.in_(boxes))
    if flt.transfer_batch_id is not None:
        where.append(Record.transfer_batch_id == flt.transfer_batch_id)
    if flt.scans in (SCANS_WITH, SCANS_WITHOUT):
        # An EXISTS over attachment.record_id's index: one probe per record read.
        scanned = select(Attachment.id).where(Attachment.record_id == Record.id).exists()
        where.append(scanned if flt.scans == SCANS_WITH else ~scanned)
    return where


def _conditions(session: Session, flt: RecordFilter, hits: int | None = None) -> list[ColumnElement[bool]]:
    """``conditions``, with the text as a filter over a sort index when it matches a large share of
    the records: reading the index in order and keeping the hits then beats fetching every hit
    and sorting them (bench/README.md, Search). ``hits``: the text's match count, if known."""
    if not flt.text.strip():
        return conditions(flt)
    if hits is None:
        hits = search.count_matches(session, flt.text)
    common = hits is not None and hits >= COMMON_TEXT_SHARE * (session.scalar(select(func.max(Record.id))) or 0)
    return conditions(flt, text_as_filter=common, with_attached=search.has_attached_text(session))


def _page(
    session: Session, stmt: Select, sort: SortOrder, limit: int, segments: list[ColumnElement[bool]] | None = None
) -> list[RecordView]:
    """Rows of an id query in sort order, as views; ``segments`` (from ``_segments``) are read in turn.

    The ids are chosen from ``record`` alone, then the joined view columns read for those rows
    only: with the joins in the same statement SQLite tends to walk the sort index even for a
    rare search text, reading the whole index to find a handful of hits.
    """
    return _views(session, _ids(session, stmt, sort, limit, segments))


def _ids(
    session: Session, stmt: Select, sort: SortOrder, limit: int, segments: list[ColumnElement[bool]] | None = None
) -> list[int]:
    ids: list[int] = []
    for segment in segments or [None]:
        part = stmt if segment is None else stmt.where(segment)
        ids += session.connection().scalars(_order(part, sort, session.get_bind().dialect.name).limit(limit - len(ids)))
        if len(ids) >= limit:
            break
    return ids


#: Ids per ``IN (…)`` list: under the smallest limit of bound parameters SQLite builds have had (999).
_IN_CHUNK = 900


def _views(session: Session, ids: list[int]) -> list[RecordView]:
    """The views of these records, in the order of ``ids``."""
    rows: dict[int, RecordView] = {}
    connection = session.connection()  # Core rows: the ORM's result machinery costs a block 2-3 ms more
    for start in range(0, len(ids), _IN_CHUNK):
        chunk = ids[start : start + _IN_CHUNK]
        result = connection.execute(record_view_select().where(Record.id.in_(chunk)))
        for view in record_views_from_rows(list(result.keys()), result):
            rows[view.id] = view
    return [rows[i] for i in ids if i in rows]


def _order(stmt: Select, sort: SortOrder, dialect: str) -> Select:
    column = SORTABLE[sort.column]
    # NULLs first ascending and last descending, as SQLite orders them. Said only for a column that can
    # hold NULLs: PostgreSQL's ascending index is NULLS LAST, so "reference_code NULLS FIRST" could not
    # be read from the index and sorted every hit of a search (同, 93,276 hits: 0.4 s for 50 rows).
    named = dialect != "sqlite" and column.nullable
    if sort.descending:
        first, second = column.desc(), Record.id.desc()
        if named:  # SQLite puts NULLs last in DESC already (and uses the index only without)
            first = first.nulls_last()
    else:
        first, second = column.asc(), Record.id.asc()
        if named:
            first = first.nulls_first()
    return stmt.order_by(first, second)


def _after(sort: SortOrder, key: SortKey, *, inclusive: bool) -> ColumnElement[bool]:
    """Rows after ``key`` in the sort order (NULLs first ascending, last descending).

    The OR alone makes SQLite scan the index from its start when the values are bound
    parameters (50 ms at row 900,000 of a million); the plain range beside it lets it seek.
    """
    column = SORTABLE[sort.column]
    value, record_id = key
    same_id = Record.id >= record_id if inclusive else Record.id > record_id
    if sort.descending:
        same_id = Record.id <= record_id if inclusive else Record.id < record_id
        if value is None:
            return and_(column.is_(None), same_id)
        if not column.nullable:
            return and_(column <= value, or_(column < value, and_(column == value, same_id)))
        return or_(column < value, and_(column == value, same_id), column.is_(None))
    if value is None:
        return or_(and_(column.is_(None), same_id), column.is_not(None))
    return and_(column >= value, or_(column > value, and_(column == value, same_id)))


def _segments(sort: SortOrder, key: SortKey, *, inclusive: bool) -> list[ColumnElement[bool]]:
    """``_after`` as conditions whose rows, read one after the other, follow ``key`` in order.

    Where the rows after a key are a range plus the NULLs (descending) or the rest of the NULLs
    plus every value (ascending), one OR makes SQLite scan; two queries each seek the index.
    """
    column = SORTABLE[sort.column]
    value, record_id = key
    if not column.nullable:
        return [_after(sort, key, inclusive=inclusive)]
    if sort.descending and value is not None:
        same_id = Record.id <= record_id if inclusive else Record.id < record_id
        return [and_(column <= value, or_(column < value, and_(column == value, same_id))), column.is_(None)]
    if not sort.descending and value is None:
        same_id = Record.id >= record_id if inclusive else Record.id > record_id
        return [and_(column.is_(None), same_id), column.is_not(None)]
    return [_after(sort, key, inclusive=inclusive)]


def count_records(db: Database, flt: RecordFilter) -> int:
    with db.reading() as session:
        return session_count(session, flt)


def count_and_page(
    db: Database, flt: RecordFilter, sort: SortOrder, limit: int = BLOCK_SIZE
) -> tuple[int, list[RecordView]]:
    """``count_records`` and the first ``records_page``, in one read transaction, a search text's hits
    counted once (the records table's first page of every filter: each key typed in the search field)."""
    with db.reading() as session:
        return _count_and_page(session, flt, sort, limit)


def _count_and_page(session: Session, flt: RecordFilter, sort: SortOrder, limit: int) -> tuple[int, list[RecordView]]:
    hits = search.count_matches(session, flt.text) if flt.text.strip() else None
    if hits is not None and flt == RecordFilter(text=flt.text):
        total = hits
    elif hits is None and flt.text.strip() and limit > 0 and session.get_bind().dialect.name == "postgresql":
        # The index cannot count these hits (a word of 3+ characters, several words, a filter): one
        # statement finds them once for both the count and the first page (a window count beside
        # the top-N sort), where a count and then a page found them twice (3 characters: 50 → 25 ms).
        stmt = select(Record.id, func.count().over()).where(*_conditions(session, flt, hits))
        rows = session.execute(_order(stmt, sort, "postgresql").limit(limit)).all()
        return (rows[0][1] if rows else 0), _views(session, [row[0] for row in rows])
    else:
        total = session_count(session, flt)
    if total == 0:
        return 0, []
    stmt = select(Record.id).where(*_conditions(session, flt, hits))
    return total, _page(session, stmt, sort, limit)


def records_page(
    db: Database,
    flt: RecordFilter,
    sort: SortOrder,
    *,
    start: SortKey | None = None,
    after: SortKey | None = None,
    limit: int = BLOCK_SIZE,
) -> list[RecordView]:
    """Up to ``limit`` rows in sort order: from the first row, from ``start`` (inclusive) or after ``after``."""
    with db.reading() as session:
        stmt = select(Record.id).where(*_conditions(session, flt))
        key = start if start is not None else after
        segments = None if key is None else _segments(sort, key, inclusive=start is not None)
        return _page(session, stmt, sort, limit, segments)


def block_anchors(db: Database, flt: RecordFilter, sort: SortOrder, block_size: int = BLOCK_SIZE) -> list[SortKey]:
    """The sort key of the first row of every block, for jumping to any row without OFFSET.

    One pass over the sort column's index (a window function numbers the rows); about a
    third of a second for a million records, so the table asks for it in the background.
    """
    with db.reading() as session:
        column = SORTABLE[sort.column]
        if session.get_bind().dialect.name == "sqlite" and flt == RecordFilter() and sort.column in STEPPED_COLUMNS:
            return _stepped_anchors(session, flt, sort, block_size, db.stop_if_interrupted)
        where = _conditions(session, flt)
        numbered = _order(
            select(column.label("value"), Record.id.label("id")).where(*where),
            sort,
            session.get_bind().dialect.name,
        )
        order_by = numbered._order_by_clauses
        inner = (
            select(column.label("value"), Record.id.label("id"), func.row_number().over(order_by=order_by).label("n"))
            .where(*where)
            .subquery()
        )
        rows = session.execute(
            select(inner.c.value, inner.c.id).where((inner.c.n - 1) % block_size == 0).order_by(inner.c.n)
        )
        return [(value, record_id) for value, record_id in rows]


def _stepped_anchors(
    session: Session, flt: RecordFilter, sort: SortOrder, block_size: int, stop_if_interrupted: Callable[[], None]
) -> list[SortKey]:
    """``block_anchors`` by stepping through the sort index: from each anchor, the row ``block_size``
    places on (``LIMIT 1 OFFSET block_size - 1`` after it, a seek and a short walk of the index).

    0.10 s instead of 0.6–1.3 s for the window function at 1,000,000 records (bench/README.md): the
    window numbers every row through a sorter, the steps only walk the index. For a filter without
    full text on a column without NULLs (each step then seeks); one statement, compiled once, run on
    the driver's cursor (a few microseconds a step; SQLAlchemy's execution costs ~100 µs a call). A
    superseded read is stopped every 32 steps (``stop_if_interrupted``): SQLite's own interrupt
    reaches only a statement running at that moment, and each of these is over in microseconds.
    """
    from sqlalchemy import bindparam

    column = SORTABLE[sort.column]
    where = conditions(flt)
    dialect = session.get_bind().dialect
    first = session.execute(_order(select(column, Record.id).where(*where), sort, dialect.name).limit(1)).first()
    if first is None:
        return []
    step = (
        _order(
            select(column, Record.id).where(
                *where, _after(sort, (bindparam("anchor_value"), bindparam("anchor_id")), inclusive=False)
            ),
            sort,
            dialect.name,
        )
        .limit(1)
        .offset(block_size - 1)
    )
    compiled = step.compile(dialect=dialect)
    names = list(compiled.positiontup or ())
    fixed = compiled.params
    cursor = session.connection().connection.dbapi_connection.cursor()
    anchors: list[SortKey] = [(first[0], first[1])]
    try:
        while True:
            value, record_id = anchors[-1]
            current = {"anchor_value": value, "anchor_id": record_id}
            if len(anchors) % 32 == 0:
                stop_if_interrupted()
            row = cursor.execute(compiled.string, [current.get(n, fixed.get(n)) for n in names]).fetchone()
            if row is None:
                return anchors
            anchors.append((row[0], row[1]))
    finally:
        cursor.close()


def selected_ids(db: Database, selection: RowSelection) -> list[int]:
    """The ids of the records in the selected rows, in row order.

    Each range is read by keyset from the anchor of the block it starts in (``selection.anchors``,
    or read here when the table had none yet), ids only: a million rows cost one pass over the sort
    column's index.
    """
    anchors = list(selection.anchors)
    if not anchors and any(first >= BLOCK_SIZE for first, _last in selection.ranges):
        anchors = block_anchors(db, selection.filter, selection.sort)
    ids: list[int] = []
    with db.reading() as session:
        stmt = select(Record.id).where(*_conditions(session, selection.filter))
        for first, last in selection.ranges:
            block = first // BLOCK_SIZE
            if block and block >= len(anchors):
                break  # past the end of the table (rows removed since the selection was made)
            segments = _segments(selection.sort, anchors[block], inclusive=True) if block else None
            start = block * BLOCK_SIZE
            ids += _ids(session, stmt, selection.sort, last - start + 1, segments)[first - start :]
    return ids


def selected_records(db: Database, selection: RowSelection) -> list[RecordView]:
    """The records in the selected rows, in row order (the caller keeps the selection to a size it can show)."""
    ids = selected_ids(db, selection)
    with db.reading() as session:
        return _views(session, ids)


def classification_tree(db: Database) -> list[TreeNode]:
    """Counts of records by fonds → category → year → retention (the Catalogue dock's tree).

    The counts come from ``record_count`` where triggers keep it (``tree_counts``, about a
    millisecond at 1,000,000 records), else from a full count; the names from the code tables.
    """
    with db.reading() as session:
        counted = tree_counts.counts(session)
        fonds = {row.id: (row.code, row.name) for row in session.execute(select(Fonds.id, Fonds.code, Fonds.name))}
        categories = {
            row.id: (row.code, row.name) for row in session.execute(select(Category.id, Category.code, Category.name))
        }
        retentions = {
            row.id: (row.code, row.label)
            for row in session.execute(select(RetentionPeriod.id, RetentionPeriod.code, RetentionPeriod.label))
        }
    rows = [
        (*fonds[f], *categories[c], year, *retentions[r], n)
        for (f, c, year, r), n in counted.items()
        if n > 0 and f in fonds and c in categories and r in retentions
    ]
    rows.sort(key=lambda row: (row[0], row[2], -row[4], row[5]))
    return _build_tree(rows)


def _build_tree(rows: list[Any]) -> list[TreeNode]:
    fonds_nodes: dict[str, TreeNode] = {}
    category_nodes: dict[tuple[str, str], TreeNode] = {}
    year_nodes: dict[tuple[str, str, int], TreeNode] = {}
    for fonds, fonds_name, category, category_name, year, retention, retention_label, count in rows:
        fonds_node = fonds_nodes.setdefault(
            fonds, TreeNode("fonds", fonds, f"{fonds} {fonds_name}", 0, RecordFilter(fonds=fonds))
        )
        category_node = category_nodes.get((fonds, category))
        if category_node is None:
            category_node = TreeNode(
                "category", category, f"{category} {category_name}", 0, RecordFilter(fonds=fonds, category=category)
            )
            category_nodes[(fonds, category)] = category_node
            fonds_node.children.append(category_node)
        year_node = year_nodes.get((fonds, category, year))
        if year_node is None:
            year_node = TreeNode(
                "year", str(year), str(year), 0, RecordFilter(fonds=fonds, category=category, year=year)
            )
            year_nodes[(fonds, category, year)] = year_node
            category_node.children.append(year_node)
        year_node.children.append(
            TreeNode(
                "retention",
                retention,
                retention_label,
                count,
                RecordFilter(fonds=fonds, category=category, year=year, retention=retention),
            )
        )
    nodes = list(fonds_nodes.values())
    return [_with_counts(node) for node in nodes]


def _with_counts(node: TreeNode) -> TreeNode:
    if not node.children:
        return node
    children = [_with_counts(child) for child in node.children]
    return TreeNode(node.level, node.key, node.label, sum(c.count for c in children), node.filter, children)


def session_count(session: Session, flt: RecordFilter) -> int:
    """Count inside an existing session (for services that already hold one)."""
    if flt.text.strip() and flt == RecordFilter(text=flt.text):  # text alone: the index knows the count
        hits = search.count_matches(session, flt.text)
        if hits is not None:
            return hits
    with_attached = search.has_attached_text(session) if flt.text.strip() else True
    return (
        session.scalar(select(func.count()).select_from(Record).where(*conditions(flt, with_attached=with_attached)))
        or 0
    )


@dataclass(frozen=True)
class SearchResult:
    """The first page of records matching a search, and how many match in all."""

    query: str
    total: int
    records: list[RecordView]


def search_records(
    db: Database,
    query: str,
    flt: RecordFilter | None = None,
    sort: SortOrder | None = None,
    limit: int = 50,
) -> SearchResult:
    """Records whose title, document number, responsible party, notes or reference code contain every word of
    ``query`` (combined with ``flt``): the first ``limit`` in ``sort`` order (reference code by
    default) and the total. Any text is a valid query. Runs on the calling thread (a worker in the UI).
    """
    flt = replace(flt or RecordFilter(), text=query)
    sort = sort or SortOrder()
    with db.reading() as session:
        total, records = _count_and_page(session, flt, sort, limit)
        return SearchResult(query, total, records)

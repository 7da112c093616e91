"""The records table's model: any number of rows, loaded lazily in 256-row blocks by keyset.

The model knows the total count and keeps a few blocks in a small LRU cache; nothing else is held,
so a million records cost what 16 blocks cost. A block is fetched on the database worker thread
(``Ops``) when the view first asks for one of its rows; until it arrives its cells are blank. Block 0
is read from the start, the last block by reading the reversed order, a neighbour of a loaded block
after (or before) the loaded one, and any other block from its *anchor*: the sort key of its first
row, read once per filter and sort, and only when the view first needs a block it cannot reach
from the loaded ones (a search that is only read from the top never costs its anchors). No OFFSET,
no growing list, no fetchMore.

Stale reads never hold up fresh ones: a new filter or sort cancels every read of the old one (a
queued read is dropped, a running one interrupted inside SQLite, see ``ui/ops.py``), and a block
request far from the previous one cancels the block reads left pending in between. A cancelled
read's callback is never called and its block is simply asked for again when the view needs it.

The very first page comes from ``services.startup.first_page``, which reads an SQLite archive's
unfiltered catalogue without SQLAlchemy; every other read goes through ``records_query``, imported
on the worker thread when the first job needs it.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont

from archdesk.messages import render, term
from archdesk.services.database import Database
from archdesk.services.dates import iso_date
from archdesk.services.listing import (
    BLOCK_SIZE,
    SORTABLE_COLUMNS,
    RecordFilter,
    RowSelection,
    SortKey,
    SortOrder,
    row_count,
    sort_key,
)
from archdesk.services.startup import FirstPage, first_page
from archdesk.services.views import RecordView
from archdesk.statuses import RecordStatus
from archdesk.ui.i18n import current_language
from archdesk.ui.ops import URGENT, Changes, Concern, Ops

CACHE_BLOCKS = 16
#: Blocks this close to the latest one asked for are the same view (its top and bottom rows, a few
#: pages of scrolling); reads of blocks farther away are cancelled as superseded.
NEAR_BLOCKS = 3


@dataclass(frozen=True)
class Column:
    key: str  # the RecordView attribute shown, and the sort column when sortable
    term: str  # its header: the glossary's word (``term.<term>``), the same on screen and on paper


COLUMNS = (
    Column("reference_code", "reference_code"),
    Column("title", "title"),
    Column("date", "date"),
    Column("year", "year"),
    Column("retention_code", "retention"),
    Column("responsible_party", "responsible_party"),
    Column("document_number", "document_number"),
    Column("pages", "pages"),
    Column("security_level_code", "security_level"),
    Column("status", "status"),
    Column("location_code", "location"),
)

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def status_label(status: str) -> str:
    """A record status in the glossary's words, in the window's language (在档, In custody)."""
    return render(term(f"status.{status}"), current_language())


class RecordsModel(QAbstractTableModel):
    """Rows of the catalogue for one filter and sort order. Lives on the GUI thread."""

    first_page_loaded = Signal()  # after set_query: the count and block 0 are in
    block_loaded = Signal(int)
    anchors_loaded = Signal()

    def __init__(self, ops: Ops, parent=None, *, english: bool = False) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.ops = ops
        self.english = english  # the language of code names the first page brings (see _first_page_in)
        self.filter = RecordFilter()
        self.sort_order = SortOrder()
        self.code_labels: dict[str, dict[str, str]] = {}  # column key -> code -> label in the UI language
        self._total = 0
        self._generation = 0
        self._blocks: OrderedDict[int, list[RecordView]] = OrderedDict()
        self._stale: dict[int, list[RecordView]] = {}  # shown while a refresh fetches fresh rows
        self._pending: dict[int, int] = {}  # block number -> op id of its read
        self._reads: list[int] = []  # op ids of this query's first page and anchors
        self._anchors: list[SortKey] | None = None
        self._anchors_requested = False
        self._wanted: list[int] = []  # blocks waiting for the anchors (the latest first)
        self._italic = QFont()
        self._italic.setItalic(True)
        ops.hub.changed.connect(self._on_changes)

    # -- what is shown ----------------------------------------------------------------------------

    def set_query(self, flt: RecordFilter | None = None, sort: SortOrder | None = None) -> None:
        """Show the rows of another filter or sort order (the count and block 0 come in the background)."""
        self.filter = flt if flt is not None else self.filter
        self.sort_order = sort if sort is not None else self.sort_order
        self._reload(keep_rows=False)

    def refresh(self) -> None:
        """Re-read the same filter and sort after a change, keeping what is shown until fresh rows arrive."""
        self._reload(keep_rows=True)

    @property
    def total(self) -> int:
        return self._total

    @property
    def anchors_ready(self) -> bool:
        return self._anchors is not None

    def record_at(self, row: int) -> RecordView | None:
        """The record shown in this row, or None while its block is not loaded."""
        block = self._blocks.get(row // BLOCK_SIZE) or self._stale.get(row // BLOCK_SIZE)
        if block is None or row % BLOCK_SIZE >= len(block):
            return None
        return block[row % BLOCK_SIZE]

    def row_of(self, record_id: int) -> int | None:
        """The row of a loaded record (None when not among the cached blocks)."""
        for number, rows in self._blocks.items():
            for offset, view in enumerate(rows):
                if view.id == record_id:
                    return number * BLOCK_SIZE + offset
        return None

    def is_loaded(self, row: int) -> bool:
        return row // BLOCK_SIZE in self._blocks

    def selection(self, ranges: Sequence[tuple[int, int]]) -> RowSelection:
        """Rows of this filter and sort order as a value the services can read (with the anchors known)."""
        return RowSelection(self.filter, self.sort_order, tuple(ranges), tuple(self._anchors or ()))

    def fetch_records(
        self,
        ranges: Sequence[tuple[int, int]],
        success: Callable[[list[RecordView]], None],
        *,
        parent=None,  # noqa: ANN001
    ) -> None:
        """Hand the records of these rows, in row order, to ``success`` on the GUI thread: at once when
        their blocks are cached, else read on the worker (dropped if the table shows another query by then)."""
        wanted = row_count(ranges)
        loaded = [row for first, last in ranges for row in self.loaded_rows(first, last)]
        if len(loaded) == wanted:
            success([view for view in map(self.record_at, loaded) if view is not None])
            return
        generation, selection = self._generation, self.selection(ranges)

        def read(db: Database) -> list[RecordView]:  # worker thread
            from archdesk.services.records_query import selected_records

            return selected_records(db, selection)

        def arrived(views: list[RecordView]) -> None:
            if generation == self._generation:
                success(views)

        self.ops.query(parent, read, arrived, priority=URGENT)

    def loaded_rows(self, first: int, last: int) -> list[int]:
        """The rows from ``first`` to ``last`` whose blocks are loaded (or shown while refreshing), in order."""
        rows: list[int] = []
        for number in sorted({*self._blocks, *self._stale}):
            start, end = max(first, number * BLOCK_SIZE), min(last, (number + 1) * BLOCK_SIZE - 1, self._total - 1)
            rows.extend(range(start, end + 1))
        return rows

    # -- Qt model interface -----------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802, ANN201
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(COLUMNS):
                return render(term(COLUMNS[section].term), current_language())
            return None
        return section + 1

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if not index.isValid() or not 0 <= index.row() < self._total:
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if COLUMNS[index.column()].key in ("pages", "year") else None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.FontRole):
            return None
        view = self._view(index.row())
        if view is None:
            return None
        if role == Qt.ItemDataRole.FontRole:
            return self._italic if view.status == RecordStatus.PENDING else None
        text = self.cell_text(view, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return text if COLUMNS[index.column()].key == "title" else None
        return text

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Header click: sort in the database (only indexed columns can be sorted)."""
        if not 0 <= column < len(COLUMNS) or not self.is_sortable(column):
            return
        sort = SortOrder(COLUMNS[column].key, descending=order == Qt.SortOrder.DescendingOrder)
        if sort != self.sort_order:
            self.set_query(sort=sort)

    @staticmethod
    def is_sortable(column: int) -> bool:
        return COLUMNS[column].key in SORTABLE_COLUMNS

    @staticmethod
    def column_of(key: str) -> int:
        return next(i for i, column in enumerate(COLUMNS) if column.key == key)

    def cell_text(self, view: RecordView, column: int) -> str:
        key = COLUMNS[column].key
        if key == "title":
            return view.display_title
        if key == "status":
            return status_label(view.status)
        value = getattr(view, key)
        if key in self.code_labels:
            return self.code_labels[key].get(value, value)
        if value is None:
            return ""
        if isinstance(value, date):
            return iso_date(value)  # 1997-07 for a date known to the month
        return str(value)

    # -- loading ----------------------------------------------------------------------------------

    def _reload(self, *, keep_rows: bool) -> None:
        self._generation += 1
        generation = self._generation
        flt, sort = self.filter, self.sort_order
        for op_id in [*self._reads, *self._pending.values()]:  # superseded: dropped or interrupted
            self.ops.cancel(op_id)
        self._reads, self._wanted = [], []
        self._pending.clear()
        self._anchors, self._anchors_requested = None, False
        if keep_rows:
            stale = {**self._stale, **self._blocks}
            self._stale = dict(list(stale.items())[-CACHE_BLOCKS:])
            self._blocks = OrderedDict()

        english = self.english

        def load(db: Database) -> FirstPage:  # worker thread
            return first_page(db, flt, sort, english=english)

        self._reads.append(
            self.ops.query(None, load, lambda page: self._first_page_in(generation, keep_rows, page), priority=URGENT)
        )

    def _first_page_in(self, generation: int, keep_rows: bool, page: FirstPage) -> None:
        if generation != self._generation:
            return
        total, first = page.total, page.rows
        if not self.code_labels:  # names until the main window's code tables arrive
            self.code_labels = page.code_labels
        if keep_rows:  # grow or shrink at the end, so the view keeps its scroll position and selection
            if total > self._total:
                self.beginInsertRows(QModelIndex(), self._total, total - 1)
                self._total = total
                self.endInsertRows()
            elif total < self._total:
                self.beginRemoveRows(QModelIndex(), total, self._total - 1)
                self._total = total
                self.endRemoveRows()
            self._blocks = OrderedDict({0: first})
            self._stale.pop(0, None)
            self._changed_all()
        else:
            self.beginResetModel()
            self._total = total
            self._blocks = OrderedDict({0: first})
            self._stale = {}
            self.endResetModel()
        if self._total <= 2 * BLOCK_SIZE:  # block 0 and the last block need no anchors
            self._anchors = []
        self.first_page_loaded.emit()

    def _request_anchors(self) -> None:
        """Read the anchors (once per filter and sort): a block is wanted that no loaded one reaches."""
        if self._anchors_requested:
            return
        self._anchors_requested = True
        generation, flt, sort = self._generation, self.filter, self.sort_order

        def anchors(db: Database) -> list[SortKey]:  # worker thread
            from archdesk.services.records_query import block_anchors

            return block_anchors(db, flt, sort)

        self._reads.append(self.ops.query(None, anchors, lambda a: self._anchors_in(generation, a), priority=URGENT))

    def _anchors_in(self, generation: int, anchors: list[SortKey]) -> None:
        if generation != self._generation:
            return
        self._anchors = anchors
        self.anchors_loaded.emit()
        for number in self._wanted:  # the blocks the view asked for meanwhile (a far scroll keeps the last)
            self._fetch(number)
        self._wanted = []
        self._changed_all()  # the view asks again for the rows it shows; only those blocks are fetched

    def _view(self, row: int) -> RecordView | None:
        number = row // BLOCK_SIZE
        block = self._blocks.get(number)
        if block is not None:
            self._blocks.move_to_end(number)
            self._read_ahead(number, row % BLOCK_SIZE)
        else:
            self._fetch(number)
            block = self._stale.get(number)
        if block is None or row % BLOCK_SIZE >= len(block):
            return None
        return block[row % BLOCK_SIZE]

    def _read_ahead(self, number: int, offset: int) -> None:
        """Rows past a block's first quarter are shown: read the next block now, from this one's last
        key, so that Page Down never waits for it (and before its last quarter: the block before,
        for Page Up). From the half, as it first was, the read often was not done when Page Down came
        to the next block (bench/README.md, issue 10)."""
        for neighbour in (number + 1 if offset >= BLOCK_SIZE // 4 else None,
                          number - 1 if offset < BLOCK_SIZE - BLOCK_SIZE // 4 else None):  # fmt: skip
            if neighbour is None or neighbour < 0 or neighbour * BLOCK_SIZE >= self._total:
                continue
            if neighbour not in self._blocks and neighbour not in self._pending and self._block_job(neighbour):
                self._fetch(neighbour)

    def fetch_block(self, number: int) -> None:
        """Load a block now (the view calls this for rows it is about to show)."""
        if number not in self._blocks:
            self._fetch(number)

    def _fetch(self, number: int) -> None:
        if number in self._pending:
            return
        self._drop_far_reads(number)
        job = self._block_job(number)
        if job is None:  # waits for the anchors, read now if they were not asked for yet
            self._wanted = [number, *(n for n in self._wanted if abs(n - number) <= NEAR_BLOCKS)]
            self._request_anchors()
            return
        generation = self._generation
        self._pending[number] = self.ops.query(
            None, job, lambda rows: self._block_in(generation, number, rows), priority=URGENT
        )

    def _drop_far_reads(self, number: int) -> None:
        """A block far from this one was asked for before: the view has moved on (a jump, a drag of
        the scroll bar), so its read is cancelled rather than making this one wait."""
        for other in [n for n in self._pending if abs(n - number) > NEAR_BLOCKS]:
            self.ops.cancel(self._pending.pop(other))

    def _block_job(self, number: int):  # noqa: ANN202
        flt, sort = self.filter, self.sort_order
        last = (self._total - 1) // BLOCK_SIZE
        if number == 0:
            return lambda db: _records_page(db, flt, sort)
        if self._anchors and number < len(self._anchors):
            anchor = self._anchors[number]
            return lambda db: _records_page(db, flt, sort, start=anchor)
        if number == last:  # the tail, read backwards
            size = self._total - last * BLOCK_SIZE
            backwards = replace(sort, descending=not sort.descending)
            return lambda db: list(reversed(_records_page(db, flt, backwards, limit=size)))
        previous = self._blocks.get(number - 1)
        if previous and len(previous) == BLOCK_SIZE:
            key = sort_key(previous[-1], sort)
            return lambda db: _records_page(db, flt, sort, after=key)
        following = self._blocks.get(number + 1)
        if following:
            key = sort_key(following[0], sort)
            backwards = replace(sort, descending=not sort.descending)
            return lambda db: list(reversed(_records_page(db, flt, backwards, after=key)))
        return None

    def _block_in(self, generation: int, number: int, rows: list[RecordView]) -> None:
        if generation != self._generation:
            return
        self._pending.pop(number, None)
        self._blocks[number] = rows
        self._stale.pop(number, None)
        while len(self._blocks) > CACHE_BLOCKS:
            self._blocks.popitem(last=False)
        first = number * BLOCK_SIZE
        last = min(first + BLOCK_SIZE, self._total) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))
        self.block_loaded.emit(number)

    def _changed_all(self) -> None:
        if self._total:
            self.dataChanged.emit(self.index(0, 0), self.index(self._total - 1, len(COLUMNS) - 1))

    def _on_changes(self, changes: Changes) -> None:
        if changes.concerns(Concern.RECORDS | Concern.CODES | Concern.BOXES | Concern.LOCATIONS):
            self.refresh()


def _records_page(db: Database, flt: RecordFilter, sort: SortOrder, **position: Any) -> list[RecordView]:
    """``records_query.records_page``, imported on the worker thread that runs it (not at start-up)."""
    from archdesk.services.records_query import records_page

    return records_page(db, flt, sort, **position)

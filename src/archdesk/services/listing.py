"""What the records table asks the services for: a filter, a sort order, blocks of rows, tree nodes.

Plain values with no SQLAlchemy behind them, so that the UI can hold and build them before the
database layer is loaded (start-up, see ``startup.py``). The queries are in ``records_query``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from archdesk.messages import msg
from archdesk.services.errors import ValidationError

if TYPE_CHECKING:
    from archdesk.services.views import RecordView

#: Rows per block of the records table (one keyset page).
BLOCK_SIZE = 256

#: Columns (RecordView attributes, ``record`` table columns) the records table can sort by; each has an
#: index (models/records.py), so every page is a keyset seek.
SORTABLE_COLUMNS = (
    "reference_code",
    "title",
    "date",
    "year",
    "responsible_party",
    "document_number",
    "pages",
    "status",
)

SortKey = tuple[Any, int]  # (value of the sort column, record id)


@dataclass(frozen=True)
class RecordFilter:
    """What the archivist narrowed the catalogue to. Empty fields do not filter."""

    text: str = ""
    fonds: str = ""
    category: str = ""  # a category code; its sub-categories are included
    year: int | None = None
    retention: str = ""
    security_level: str = ""
    status: str = ""
    department: str = ""
    box_id: int | None = None
    box: str = ""  # a box code, or a box number (盒号) when all digits, as written on the spine
    location: str = ""  # a shelf address or its prefix, e.g. "K01-A"
    transfer_batch_id: int | None = None
    scans: str = ""  # SCANS_WITH: records with attached files; SCANS_WITHOUT: records with none


#: ``RecordFilter.scans`` values (the filter bar's "has scans / no scans").
SCANS_WITH, SCANS_WITHOUT = "with", "without"


@dataclass(frozen=True)
class SortOrder:
    column: str = "reference_code"
    descending: bool = False

    def __post_init__(self) -> None:
        if self.column not in SORTABLE_COLUMNS:
            raise ValidationError("sort", msg("listing.cannot_sort", column=self.column))


@dataclass(frozen=True)
class TreeNode:
    """A node of the classification tree: fonds → category → year → retention, with record counts."""

    level: str  # "fonds", "category", "year", "retention"
    key: str
    label: str
    count: int
    filter: RecordFilter
    children: list[TreeNode] = field(default_factory=list)


@dataclass(frozen=True)
class RowSelection:
    """Rows the archivist selected in the records table, by their places in a filter's sort order.

    ``ranges`` are (first, last) row numbers, sorted and disjoint; ``anchors`` are the table's block
    anchors for this filter and sort (``records_query.block_anchors``) when it has them.
    """

    filter: RecordFilter
    sort: SortOrder
    ranges: tuple[tuple[int, int], ...]
    anchors: tuple[SortKey, ...] = ()

    @property
    def count(self) -> int:
        return row_count(self.ranges)


def row_count(ranges: Sequence[tuple[int, int]]) -> int:
    """The number of rows in (first, last) ranges that do not overlap."""
    return sum(last - first + 1 for first, last in ranges)


def sort_key(view: RecordView, sort: SortOrder) -> SortKey:
    return (getattr(view, sort.column), view.id)

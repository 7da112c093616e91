"""What the archive holds (馆藏), defined once for the inventory, the statistics and the docks.

Holdings are the items in custody (在档) or on loan (出借): an item lent out is still the archive's.
Items not yet accepted (暂存), destroyed under an executed destruction list (已销毁) and transferred
to another archive (已移出) are not holdings; every report counts them apart and says so. Each
category counts in its own unit (``Category.unit``: 件, 张 for photographs, 盘 for recordings), and
volume-arranged categories in 卷 as well (the volumes holding at least one held item). Qt-free.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from archdesk.messages import CHINESE, msg, render
from archdesk.models import Category, Record
from archdesk.services.database import Database
from archdesk.statuses import RecordStatus
from archdesk.units import counted, unit_word

__all__ = ["HELD_STATUSES", "Holdings", "counted", "held", "holdings", "holdings_lines", "unit_word"]

#: The statuses that are holdings; every count of holdings uses this set (or ``held``).
HELD_STATUSES = (RecordStatus.IN_CUSTODY, RecordStatus.ON_LOAN)
#: The statuses counted apart from the holdings, in the order reports name them.
APART_STATUSES = (RecordStatus.PENDING, RecordStatus.DESTROYED, RecordStatus.TRANSFERRED)


def held(status_column: object = Record.status) -> object:
    """The SQL condition "this record is held" (``status IN ('in_custody', 'on_loan')``)."""
    return status_column.in_(tuple(str(s) for s in HELD_STATUSES))  # type: ignore[attr-defined]


@dataclass(frozen=True)
class CategoryHoldings:
    """One category's holdings: items in its unit, pages, and volumes (卷) for volume-arranged ones."""

    code: str
    name: str
    name_en: str
    unit: str
    arrangement: str
    items: int
    pages: int
    volumes: int


@dataclass(frozen=True)
class Holdings:
    """The holdings and what is counted apart from them."""

    items: int  # held: in custody + on loan
    pages: int
    in_custody: int
    on_loan: int
    pending: int
    destroyed: int
    transferred: int
    by_category: tuple[CategoryHoldings, ...] = ()

    def apart(self) -> tuple[tuple[RecordStatus, int], ...]:
        return (
            (RecordStatus.PENDING, self.pending),
            (RecordStatus.DESTROYED, self.destroyed),
            (RecordStatus.TRANSFERRED, self.transferred),
        )


def status_counts(db: Database) -> dict[str, int]:
    """Records per status (every status present, 0 when none).

    Where the tree counts are maintained (SQLite), the total comes from ``record_count`` and only the
    statuses other than 在档 are counted on the status index: a few thousand index entries instead of
    a million (the GROUP BY took 0.12 s of the Catalogue dock's start at 1,000,000 records)."""
    from archdesk.models import RecordCount
    from archdesk.services import tree_counts

    with db.reading() as session:
        if tree_counts.maintained(session.connection()):
            total = session.scalar(select(func.coalesce(func.sum(RecordCount.records), 0))) or 0
            others = [str(s) for s in RecordStatus if s != RecordStatus.IN_CUSTODY]
            counted = {
                status: session.scalar(select(func.count()).select_from(Record).where(Record.status == status)) or 0
                for status in others
            }
            counted[str(RecordStatus.IN_CUSTODY)] = int(total) - sum(counted.values())
        else:
            counted = dict(session.execute(select(Record.status, func.count()).group_by(Record.status)).all())
    return {str(s): int(counted.get(str(s), 0)) for s in RecordStatus}


def holdings(db: Database, *, by_category: bool = True, pages: bool = True) -> Holdings:
    """The archive's holdings now, with the items counted apart. Read-only, any thread.

    ``pages=False`` leaves the page total at 0: it reads every held record (0.3 s at a million),
    where the counts come from the status index alone (the Catalogue dock's line at start)."""
    by_status = status_counts(db)
    categories: tuple[CategoryHoldings, ...] = ()
    with db.reading() as session:
        total_pages = session.scalar(select(func.coalesce(func.sum(Record.pages), 0)).where(held())) if pages else 0
        if by_category:
            rows = session.execute(
                select(
                    Category.code, Category.name, Category.name_en, Category.unit, Category.arrangement,
                    func.count(Record.id), func.coalesce(func.sum(Record.pages), 0),
                    func.count(func.distinct(Record.volume_id)),
                )
                .join(Record, Record.category_id == Category.id)
                .where(held())
                .group_by(Category.id, Category.code, Category.name, Category.name_en, Category.unit,
                          Category.arrangement)
                .order_by(Category.code)
            ).all()  # fmt: skip
            categories = tuple(
                CategoryHoldings(code, name, name_en or name, unit or "件", arrangement, int(n), int(p), int(v))
                for code, name, name_en, unit, arrangement, n, p, v in rows
            )
    return Holdings(
        items=by_status[RecordStatus.IN_CUSTODY] + by_status[RecordStatus.ON_LOAN],
        pages=int(total_pages or 0),
        in_custody=by_status[RecordStatus.IN_CUSTODY],
        on_loan=by_status[RecordStatus.ON_LOAN],
        pending=by_status[RecordStatus.PENDING],
        destroyed=by_status[RecordStatus.DESTROYED],
        transferred=by_status[RecordStatus.TRANSFERRED],
        by_category=categories,
    )


def holdings_lines(h: Holdings, language: str) -> tuple[str, ...]:
    """The closing lines of a form: the holdings in each unit, then what is not counted.

    "馆藏合计：2,755 件，96 张（含出借 32 件）" / "不计入馆藏：暂存 76 件，已销毁 62 件，已移出 11 件"."""
    by_unit: dict[str, int] = {}
    for category in h.by_category:
        by_unit[category.unit] = by_unit.get(category.unit, 0) + category.items
    units = sorted(by_unit, key=lambda unit: unit != "件")
    amounts = (", " if language != CHINESE else "，").join(counted(by_unit[u], u, language) for u in units)
    held_line = render(msg("holdings.total_line", amounts=amounts or "0", on_loan=f"{h.on_loan:,}"), language)
    apart = render(
        msg("holdings.apart_line", pending=f"{h.pending:,}", destroyed=f"{h.destroyed:,}",
            transferred=f"{h.transferred:,}"),
        language,
    )  # fmt: skip
    return held_line, apart

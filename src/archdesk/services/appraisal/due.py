"""Which records have reached the end of their retention period (到期鉴定), and the arithmetic of it.

Retention counts from the year after the record's year (domain rules §4): a record of year Y kept N
years runs from 1 January Y + 1 to 31 December Y + N and may be appraised from 1 January of
Y + 1 + N. Permanent (永久) records never fall due. A retention period with a trigger event (e.g.
"5 years after the asset is scrapped") cannot be dated from the year alone and is left to the
archivist. An extension decided at appraisal counts the same way from the appraisal's year (§4,
"Retention extended at appraisal counts from the appraisal year"); the record keeps its own period
(its 档号 carries it) and the appraisal row keeps the new one with its next due date.

A record already under review (in a batch, decided keep, or decided destroy or transfer and not yet
carried out) is not due; an extended record is due again from its new date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import exists, func, or_, select
from sqlalchemy.orm import Session, aliased

from archdesk.models import Appraisal, Category, Record, RetentionPeriod
from archdesk.services.database import Database
from archdesk.statuses import AppraisalDecision, RecordStatus

#: Statuses that can still be appraised (a destroyed or transferred record is out of our hands).
APPRAISABLE = (RecordStatus.IN_CUSTODY.value, RecordStatus.ON_LOAN.value)


def eligible_from(year: int, years: int | None) -> date | None:
    """The first day a record of ``year`` kept ``years`` years may be appraised; None when permanent."""
    if years is None:
        return None
    return date(year + 1 + years, 1, 1)


def retention_ends(year: int, years: int | None) -> date | None:
    """The last day of the retention of a record of ``year`` kept ``years`` years; None when permanent."""
    if years is None:
        return None
    return date(year + years, 12, 31)


def extended_due(appraised_on: date, years: int) -> date:
    """When a record whose retention was extended by ``years`` at an appraisal on ``appraised_on`` is due again."""
    return date(appraised_on.year + 1 + years, 1, 1)


def years_kept(year: int, on: date) -> int:
    """已保管期限: whole years a record of ``year`` has been kept on ``on`` (counted from 1 January ``year`` + 1)."""
    return max(on.year - year - 1, 0)


@dataclass(frozen=True)
class DueRecord:
    id: int
    reference_code: str
    title: str
    year: int
    retention_code: str
    retention_label: str
    eligible_on: date
    category_code: str = ""
    extended: bool = False  # due again after an extension


def _category_ids(session: Session, category: str | None) -> set[int] | None:
    """The ids of the category and its sub-categories (KU includes KU·01 …); None for any category."""
    if not category:
        return None
    return set(
        session.scalars(select(Category.id).where(or_(Category.code == category, Category.code.like(f"{category}·%"))))
    )


def _category_condition(session: Session, category: str | None):  # noqa: ANN202
    ids = _category_ids(session, category)
    return None if ids is None else Record.category_id.in_(sorted(ids) or [-1])


def _not_under_review():  # noqa: ANN202
    """No appraisal row for the record at all (the everyday case: most records were never appraised)."""
    return ~exists().where(Appraisal.record_id == Record.id)


def _period_conditions(  # noqa: ANN202
    session: Session, today: date, year: int | None, category: str | None, *, with_id: bool = False
):
    """(conditions, years[, retention id]) per fixed period: the records whose own period has run out by ``today``."""
    periods = session.execute(
        select(RetentionPeriod.id, RetentionPeriod.years).where(
            RetentionPeriod.years.is_not(None), RetentionPeriod.trigger_event.is_(None)
        )
    ).all()
    category_condition = _category_condition(session, category)
    for retention_id, years in periods:
        # Written per period, so an index on (retention, year) or (year, 档号) serves it: due when Y + 1 + N <= this year.
        conditions = [
            Record.retention_id == retention_id,
            Record.year <= today.year - 1 - years,
            Record.status.in_(APPRAISABLE),
        ]
        if year is not None:
            conditions.append(Record.year == year)
        if category_condition is not None:
            conditions.append(category_condition)
        yield (conditions, years, retention_id) if with_id else (conditions, years)


def _extensions_due(session: Session, today: date) -> dict[int, date]:
    """Record id → next due date, for records whose latest decision is an extension that has run out.

    Read from the appraisal table alone (small beside the records), then matched with the records by id.
    """
    later = aliased(Appraisal)
    rows = session.execute(
        select(Appraisal.record_id, Appraisal.next_due_on).where(
            Appraisal.decision == AppraisalDecision.EXTEND.value,
            Appraisal.next_due_on <= today,
            ~exists().where(later.record_id == Appraisal.record_id, later.id > Appraisal.id),
        )
    ).all()
    return dict(rows)


def _appraised_ids(session: Session) -> list[int]:
    return list(session.scalars(select(Appraisal.record_id).distinct()))


def _chunks(ids: list[int], size: int = 500):  # noqa: ANN202
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def due_for_appraisal(
    db: Database,
    *,
    today: date | None = None,
    year: int | None = None,
    category: str | None = None,
    limit: int = 1000,
) -> list[DueRecord]:
    """Records in custody whose retention has run out by ``today``, the longest overdue first.

    ``year`` and ``category`` (a code; its sub-categories included) narrow the list.
    Runs on the calling thread.
    """
    today = today or date.today()
    with db.reading() as session:
        columns = (
            Record.id, Record.reference_code, Record.title, Record.year,
            RetentionPeriod.code.label("retention_code"), RetentionPeriod.label.label("retention_label"),
            Category.code.label("category_code"),
        )  # fmt: skip
        due: list[DueRecord] = []
        for conditions, years in _period_conditions(session, today, year, category):
            stmt = (
                select(*columns)
                .join(RetentionPeriod, RetentionPeriod.id == Record.retention_id)
                .join(Category, Category.id == Record.category_id)
                .where(*conditions, _not_under_review())
                .order_by(Record.year, Record.reference_code)
                .limit(limit)
                # Walk the (year, 档号) index in order and stop at ``limit``: the planner would
                # otherwise sort every due record of the period first.
                .with_hint(Record, "INDEXED BY ix_record_year_refcode", "sqlite")
            )
            due.extend(
                DueRecord(**row._mapping, eligible_on=eligible_from(row.year, years)) for row in session.execute(stmt)
            )
        extended = _extensions_due(session, today)
        category_condition = _category_condition(session, category)
        for chunk in _chunks(sorted(extended)):
            conditions = [Record.id.in_(chunk), Record.status.in_(APPRAISABLE)]
            if year is not None:
                conditions.append(Record.year == year)
            if category_condition is not None:
                conditions.append(category_condition)
            rows = session.execute(
                select(*columns)
                .join(RetentionPeriod, RetentionPeriod.id == Record.retention_id)
                .join(Category, Category.id == Record.category_id)
                .where(*conditions)
            )
            due.extend(DueRecord(**row._mapping, eligible_on=extended[row.id], extended=True) for row in rows)
    due.sort(key=lambda d: (d.eligible_on, d.reference_code))
    return due[:limit]


def count_due(db: Database, *, today: date | None = None, year: int | None = None, category: str | None = None) -> int:
    """How many records are due for appraisal (the Appraisal dock's count). Runs on the calling thread.

    Counted as: records whose own period has run out (one index range per period), less those of
    them ever appraised, plus the extended ones due again. The appraised records are read by id
    alone and matched here: with a retention condition beside an id list, SQLite (without
    statistics) scans the retention index instead of looking the ids up.
    """
    today = today or date.today()
    with db.reading() as session:
        appraised = _appraised_ids(session)
        extended = _extensions_due(session, today)
        facts: dict[int, tuple[int, int, str, int]] = {}
        for chunk in _chunks(sorted(set(appraised) | set(extended))):
            facts.update(
                (row.id, (row.retention_id, row.year, row.status, row.category_id))
                for row in session.execute(
                    select(Record.id, Record.retention_id, Record.year, Record.status, Record.category_id).where(
                        Record.id.in_(chunk)
                    )
                )
            )
        categories = _category_ids(session, category)

        def matches(record_id: int, retention_id: int | None, last_year: int | None) -> bool:
            retention, record_year, status, category_id = facts[record_id]
            return (
                status in APPRAISABLE
                and (retention_id is None or retention == retention_id)
                and (last_year is None or record_year <= last_year)
                and (year is None or record_year == year)
                and (categories is None or category_id in categories)
            )

        total = 0
        for conditions, years, retention_id in _period_conditions(session, today, year, category, with_id=True):
            total += session.scalar(select(func.count()).select_from(Record).where(*conditions)) or 0
            last_year = today.year - 1 - years
            total -= sum(
                1 for record_id in appraised if record_id in facts and matches(record_id, retention_id, last_year)
            )
        total += sum(1 for record_id in extended if record_id in facts and matches(record_id, None, None))
        return int(total)

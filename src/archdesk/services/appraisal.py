"""Appraisal (鉴定): which records have reached the end of their retention period.

Retention counts from the year after the record's year (domain rules §4): a record of year Y kept N
years may be appraised from 1 January of Y + 1 + N. Permanent (永久) records never fall due. A
retention period with a trigger event (e.g. "5 years after the asset is scrapped") cannot be dated
from the year alone and is left to the archivist.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from archdesk.models import Record, RetentionPeriod
from archdesk.services.database import Database
from archdesk.statuses import RecordStatus

#: Statuses that can still be appraised (a destroyed or transferred record is out of our hands).
APPRAISABLE = (RecordStatus.IN_CUSTODY, RecordStatus.ON_LOAN)


def eligible_from(year: int, years: int | None) -> date | None:
    """The first day a record of ``year`` kept ``years`` years may be appraised; None when permanent."""
    if years is None:
        return None
    return date(year + 1 + years, 1, 1)


@dataclass(frozen=True)
class DueRecord:
    id: int
    reference_code: str
    title: str
    year: int
    retention_code: str
    retention_label: str
    eligible_on: date


def due_for_appraisal(db: Database, *, today: date | None = None, limit: int = 1000) -> list[DueRecord]:
    """Records in custody whose retention has run out by ``today``, the longest overdue first.

    A record of year Y with an N-year period is due when Y + 1 + N <= this year, that is
    Y <= this year - 1 - N; the condition is written per period so the year index is used.
    Runs on the calling thread.
    """
    today = today or date.today()
    with db.reading() as session:
        periods = session.execute(
            select(RetentionPeriod.id, RetentionPeriod.years).where(
                RetentionPeriod.years.is_not(None), RetentionPeriod.trigger_event.is_(None)
            )
        ).all()
        due: list[DueRecord] = []
        for retention_id, years in periods:
            last_year = today.year - 1 - years
            rows = session.execute(
                select(
                    Record.id,
                    Record.reference_code,
                    Record.title,
                    Record.year,
                    RetentionPeriod.code,
                    RetentionPeriod.label,
                )
                .join(RetentionPeriod, RetentionPeriod.id == Record.retention_id)
                .where(
                    Record.retention_id == retention_id,
                    Record.year <= last_year,
                    Record.status.in_(APPRAISABLE),
                )
                .order_by(Record.year, Record.reference_code)
                .limit(limit)
            )
            due.extend(DueRecord(*row, eligible_on=eligible_from(row[3], years)) for row in rows)
    due.sort(key=lambda d: (d.eligible_on, d.reference_code))
    return due[:limit]

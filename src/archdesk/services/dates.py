"""Dates known to the day, the month or only the year (DA/T 22: 19970700, 19970000).

A record keeps the first day of what is known in its ``date`` column (so sorting and range filters
keep working) and the precision beside it (``date_precision``: "year", "month" or "day"). A
:class:`PartialDate` is a ``date`` that remembers its precision; the helpers here are the ONE place
a date is written out: forms print eight digits with 00 for what is unknown, JSON gives ISO 8601
reduced precision ("1997-07", "1997").

Plain Python (no SQLAlchemy, no Qt): the UI and the reports import it freely.
"""

from __future__ import annotations

from datetime import date, datetime

YEAR, MONTH, DAY = "year", "month", "day"
PRECISIONS = (YEAR, MONTH, DAY)


class PartialDate(date):
    """A date with a precision; compares, sorts and stores as its first day (1997-07 → 1997-07-01)."""

    precision: str

    def __new__(cls, year: int, month: int | None = None, day: int | None = None) -> PartialDate:
        if day is not None and month is None:
            raise ValueError("a day needs a month")
        self = super().__new__(cls, year, month or 1, day or 1)
        self.precision = DAY if day else MONTH if month else YEAR
        return self

    def __reduce__(self):  # noqa: ANN204 - date's own reduce would rebuild from bytes
        return (PartialDate, self.parts())

    def parts(self) -> tuple[int, int | None, int | None]:
        month = self.month if self.precision != YEAR else None
        return self.year, month, self.day if self.precision == DAY else None

    def __repr__(self) -> str:
        return f"PartialDate({iso_date(self)!r})"


def precision_of(value: date | None) -> str:
    """The precision of a date value ("day" for a plain date or datetime)."""
    return getattr(value, "precision", DAY)


def with_precision(value: date | None, precision: str | None) -> date | None:
    """The stored first day and precision as a value that prints right (a plain date when exact)."""
    if value is None or not precision or precision == DAY:
        return value
    if isinstance(value, datetime):
        value = value.date()
    return PartialDate(value.year, value.month if precision == MONTH else None)


def date8(value: date | None) -> str:
    """The catalogue's eight digits, 00 for what is unknown: 19970715, 19970700, 19970000."""
    if value is None:
        return ""
    precision = precision_of(value)
    month = f"{value.month:02d}" if precision != YEAR else "00"
    day = f"{value.day:02d}" if precision == DAY else "00"
    return f"{value.year:04d}{month}{day}"


def iso_date(value: date | None) -> str | None:
    """ISO 8601 with reduced precision: "1997-07-15", "1997-07", "1997"; None stays None."""
    if value is None:
        return None
    if isinstance(value, datetime):
        value = value.date()
    precision = precision_of(value)
    if precision == YEAR:
        return f"{value.year:04d}"
    if precision == MONTH:
        return f"{value.year:04d}-{value.month:02d}"
    return value.isoformat()

"""Plain, frozen views of records and code tables that services hand to the UI and CLI.

No ORM object leaves the services: a view is built inside the session and is safe to keep on
the GUI thread. This module has no SQLAlchemy in it, so the UI can import it at start-up; the
SELECT that fills a RecordView is in ``view_queries``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields
from datetime import date, datetime
from typing import Any

from archdesk.messages import ENGLISH, Message, catalogue, msg, render
from archdesk.services.dates import with_precision


@dataclass(frozen=True)
class CodeItem:
    id: int
    code: str
    name: str
    name_en: str = ""


@dataclass(frozen=True)
class RecordView:
    id: int
    reference_code: str
    fonds_code: str
    category_code: str
    category_name: str
    year: int
    retention_code: str
    retention_label: str
    department_code: str
    department_name: str
    item_number: int
    document_number: str
    responsible_party: str
    title: str
    title_supplied: bool
    date: date | None
    pages: int | None
    security_level_code: str
    security_level_name: str
    carrier_code: str
    notes: str
    status: str
    box_code: str
    location_code: str
    transfer_batch_id: int | None
    original_retention: str
    created_at: datetime
    updated_at: datetime

    @property
    def display_title(self) -> str:
        """The title as the catalogue prints it: a supplied title (自拟题名) in [ ]."""
        return f"[{self.title}]" if self.title_supplied else self.title


@dataclass(frozen=True)
class CategoryItem:
    id: int
    code: str
    name: str
    name_en: str
    parent_id: int | None
    arrangement: str
    refcode_pattern: str
    default_retention: str


@dataclass(frozen=True)
class CodeTables:
    fonds: list[CodeItem]
    categories: list[CategoryItem]
    retention_periods: list[CodeItem]
    security_levels: list[CodeItem]
    carriers: list[CodeItem]
    departments: list[CodeItem]


@dataclass(frozen=True)
class RecordInput:
    """What the archivist types into the record form. Codes, not ids, name the code-table entries."""

    title: str
    category: str
    year: int
    retention: str
    department: str = ""
    fonds: str = ""  # empty: the archive's first fonds
    document_number: str = ""
    responsible_party: str = ""
    date: date | None = None
    pages: int | None = None
    security_level: str = ""
    carrier: str = ""
    notes: str = ""
    title_supplied: bool = False


@dataclass(frozen=True)
class AuditEntry:
    id: int
    occurred_at: datetime
    actor: str
    action: str
    summary: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    message: Message | None = None  # the summary as a message (None for events written before 0009)

    def summary_text(self, language: str = ENGLISH) -> str:
        """What happened, in ``language`` (an older event's English summary as it was written)."""
        return render(self.message, language) if self.message is not None else self.summary

    def action_text(self, language: str = ENGLISH) -> str:
        """The action's word (新建, 修改 …) in ``language``; an action without one as it is."""
        message_id = f"audit.action.{self.action}"
        return render(msg(message_id), language) if message_id in catalogue() else self.action


#: Outer-joined codes come back as None; the view uses "" for "none".
_BLANK_WHEN_NONE = (
    "department_code",
    "department_name",
    "security_level_code",
    "security_level_name",
    "carrier_code",
    "box_code",
    "location_code",
)


def record_view_from_row(row: Mapping[str, Any] | Any) -> RecordView:
    """A RecordView from a row whose columns are named as its fields (a SQLAlchemy row of
    ``view_queries.RECORD_VIEW_COLUMNS``, or a mapping), read by name."""
    values = dict(row if isinstance(row, Mapping) else row._mapping)
    if "date_precision" in values:  # the date keeps the precision it was written with (year, month, day)
        values["date"] = with_precision(values["date"], values.pop("date_precision"))
    for name in _BLANK_WHEN_NONE:
        if values[name] is None:
            values[name] = ""
    return RecordView(**{name: values[name] for name in _FIELDS})


_FIELDS = tuple(f.name for f in fields(RecordView))


def record_views_from_rows(keys: Sequence[str], rows: Iterable[Sequence[Any]]) -> list[RecordView]:
    """``record_view_from_row`` for many rows of the same columns (``keys``, in the rows' order): the
    positions are found once, each view built from its row by position (a block of 256 rows: half
    the Python time of one mapping per row, which the worker spends holding the GIL)."""
    at = {name: n for n, name in enumerate(keys)}
    take = [at[name] for name in _FIELDS]
    blank = [_FIELDS.index(name) for name in _BLANK_WHEN_NONE]
    date_field, date_column, precision_column = _FIELDS.index("date"), at["date"], at.get("date_precision")
    views = []
    for row in rows:
        values = [row[n] for n in take]
        for n in blank:
            if values[n] is None:
                values[n] = ""
        if precision_column is not None:
            values[date_field] = with_precision(row[date_column], row[precision_column])
        views.append(RecordView(*values))
    return views


def record_input(view: RecordView) -> RecordInput:
    """The form values of an existing record (to edit and pass to ``update_record``)."""
    return RecordInput(
        title=view.title,
        category=view.category_code,
        year=view.year,
        retention=view.retention_code,
        department=view.department_code,
        fonds=view.fonds_code,
        document_number=view.document_number,
        responsible_party=view.responsible_party,
        date=view.date,
        pages=view.pages,
        security_level=view.security_level_code,
        carrier=view.carrier_code,
        notes=view.notes,
        title_supplied=view.title_supplied,
    )

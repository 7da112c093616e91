"""Use statistics (利用统计): 利用人次 (requests handed over: one person's visit) and 卷/件次 (records
used) per month, by department, category, purpose and use, and the most used records.

Counts every loan handed over (lent, whether back or not) between ``since`` and ``until``. Returned as
frozen dataclasses, and as a table document (a section per breakdown) for the PDF and Excel renderers.
Qt-free; portable SQL (EXTRACT, no SQLite date functions).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import extract, func, select

from archdesk.messages import CHINESE, ENGLISH, msg, render
from archdesk.models import Borrower, Category, Department, Loan, Record
from archdesk.services.database import Database
from archdesk.services.reports.document import Align, Column, Document, Field, Kind, Section
from archdesk.services.reports.labels import label
from archdesk.services.reports.use_forms import purpose_text, word

MOST_USED = 10


@dataclass(frozen=True)
class UseTally:
    """One line of a breakdown: its key (a month, a code), printed name, 人次 and 件次."""

    key: str
    name: str
    persons: int
    items: int


@dataclass(frozen=True)
class UseStatistics:
    persons: int
    items: int
    by_month: tuple[UseTally, ...]
    by_department: tuple[UseTally, ...]
    by_category: tuple[UseTally, ...]
    by_purpose: tuple[UseTally, ...]
    by_mode: tuple[UseTally, ...]
    most_used: tuple[UseTally, ...]  # key: 档号, name: 题名, persons: times requested, items: times used
    since: date | None = None
    until: date | None = None
    language: str = CHINESE
    computed_on: date = field(default_factory=date.today)

    def dimensions(self) -> list[tuple[str, tuple[UseTally, ...]]]:
        return [
            ("by_month", self.by_month), ("by_department", self.by_department), ("by_category", self.by_category),
            ("by_purpose", self.by_purpose), ("by_mode", self.by_mode), ("most_used", self.most_used),
        ]  # fmt: skip


def use_statistics(
    db: Database, *, since: date | None = None, until: date | None = None, language: str = CHINESE
) -> UseStatistics:
    """Count the use of the archive (loans handed over between ``since`` and ``until``). Read-only, any thread."""
    language = ENGLISH if language == ENGLISH else CHINESE
    en = language == ENGLISH
    persons, items = func.count(func.distinct(Loan.request_id)), func.count(Loan.id)
    used = Loan.lent_on.is_not(None)
    conditions = [used]
    if since is not None:
        conditions.append(Loan.lent_on >= since)
    if until is not None:
        conditions.append(Loan.lent_on <= until)

    def tallies(stmt: Any, name: Any = None) -> tuple[UseTally, ...]:
        rows = []
        for t in session.execute(stmt.where(*conditions)).mappings():
            shown = name(t["key"], t["name"]) if name else str(t["name"] or "")
            rows.append(UseTally(key=str(t["key"] or ""), name=shown, persons=int(t["persons"]), items=int(t["items"])))
        return tuple(rows)

    def counted(key: Any, shown: Any) -> Any:
        # Labelled as UseTally's fields: a tally is read by name, not by column order.
        return select(key.label("key"), shown.label("name"), persons.label("persons"), items.label("items"))

    with db.reading() as session:
        total_persons, total_items = session.execute(select(persons, items).where(*conditions)).one()
        year, month = extract("year", Loan.lent_on), extract("month", Loan.lent_on)
        by_month = tuple(
            UseTally(key=shown, name=shown, persons=int(t["persons"]), items=int(t["items"]))
            for t in session.execute(
                select(year.label("year"), month.label("month"), persons.label("persons"), items.label("items"))
                .where(*conditions).group_by(year, month).order_by(year, month)
            ).mappings()
            for shown in (f"{int(t['year']):04d}-{int(t['month']):02d}",)
        )  # fmt: skip
        place = func.coalesce(Department.name, func.nullif(Borrower.organisation, ""), "")
        by_department = tallies(
            counted(func.coalesce(Department.code, ""), place)
            .join(Borrower, Borrower.id == Loan.borrower_id)
            .outerjoin(Department, Department.id == Borrower.department_id)
            .group_by(Department.code, place)
            .order_by(items.desc()),
            lambda key, shown: shown or render(msg("term.loans.no_department"), language),
        )
        category_name = Category.name_en if en else Category.name
        by_category = tallies(
            counted(Category.code, category_name)
            .join(Record, Record.id == Loan.record_id)
            .join(Category, Category.id == Record.category_id)
            .group_by(Category.code, category_name)
            .order_by(Category.code)
        )
        by_purpose = tallies(
            counted(Loan.purpose, Loan.purpose).group_by(Loan.purpose).order_by(items.desc()),
            lambda key, _shown: purpose_text(key or "other", language),
        )
        by_mode = tallies(
            counted(Loan.mode, Loan.mode).group_by(Loan.mode).order_by(items.desc()),
            lambda key, _shown: word(f"mode.{key}", language),
        )
        most_used = tallies(
            counted(Record.reference_code, Record.title)
            .join(Record, Record.id == Loan.record_id)
            .group_by(Record.id, Record.reference_code, Record.title)
            .order_by(items.desc(), Record.reference_code)
            .limit(MOST_USED)
        )
    return UseStatistics(
        int(total_persons), int(total_items), by_month, by_department, by_category, by_purpose, by_mode, most_used,
        since=since, until=until, language=language,
    )  # fmt: skip


def use_statistics_document(stats: UseStatistics, *, organisation: str = "") -> Document:
    """The use statistics as one table document: totals above, then a section (page) per breakdown."""
    lang = stats.language
    columns = (
        Column(label("code", lang), 30, wrap=True),
        Column(label("name", lang), 60, wrap=True),
        Column(word("persons", lang), 18, Align.RIGHT, kind=Kind.NUMBER),
        Column(word("items", lang), 18, Align.RIGHT, kind=Kind.NUMBER),
    )
    sections = tuple(
        Section(rows=[(t.key, t.name, t.persons, t.items) for t in tallies],
                fields=(Field(word(key, lang), ""),), count=len(tallies))
        for key, tallies in stats.dimensions()
    )  # fmt: skip
    period = f"{stats.since.isoformat() if stats.since else ''} – {stats.until.isoformat() if stats.until else ''}"
    fields = [Field(word("persons", lang), str(stats.persons)), Field(word("items", lang), str(stats.items))]
    if stats.since or stats.until:
        fields.append(Field(word("period", lang), period))
    return Document(
        title=word("use_statistics", lang), columns=columns, sections=sections, organisation=organisation,
        printed_on=stats.computed_on, fields=tuple(fields), language=lang, sheet_name=word("use_statistics", lang),
    )  # fmt: skip

"""The forms of use (利用), described as documents for the PDF and Excel renderers:

- 档案借阅单 (borrowing slip): one request — number, borrower, purpose, use, dates, its records with
  档号/题名/密级/存放位置 — and the lines the borrower, the approver and the archivist sign;
- 借阅登记簿 (loan register): every loan handed over, with the fields of the domain notes §6;
- 催还单 (overdue reminder): per borrower (one page each), all their overdue records.

Words come from the message catalogue (``term.loans.*``) in the document's language. Qt-free.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from itertools import groupby

from sqlalchemy import func, select

from archdesk.messages import CHINESE, ENGLISH, msg, render
from archdesk.models import Borrower, Department, Loan, LoanRequest, Record, SecurityLevel
from archdesk.services.database import Database
from archdesk.services.reports.document import (
    Align,
    Column,
    Document,
    Field,
    Kind,
    Orientation,
    Section,
    single_section,
)
from archdesk.services.reports.labels import label
from archdesk.services.use.queries import OverdueLoan, RequestDetail


def word(name: str, language: str, **params: object) -> str:
    """A word of this topic (``term.loans.<name>``) in ``language``."""
    return render(msg(f"term.loans.{name}", **params), language)


def purpose_text(purpose: str, language: str) -> str:
    """A purpose of the default list (``work`` …) in ``language``; a purpose the archivist typed, as typed."""
    key = f"term.loans.purpose.{purpose}"
    shown = render(msg(key), language)
    return purpose if shown == key else shown


def _language(language: str) -> str:
    return ENGLISH if language == ENGLISH else CHINESE


def _date(value: date | None) -> str:
    return value.isoformat() if value else ""


def borrowing_slip(
    detail: RequestDetail, language: str = CHINESE, *, organisation: str = "", printed_on: date | None = None
) -> Document:
    """档案借阅单 of one request: fits one A4 page for up to about 25 records."""
    language = _language(language)
    en = language == ENGLISH
    fields = (
        Field(word("request_number", language), str(detail.id)),
        Field(word("borrower", language), detail.borrower),
        Field(word("department", language), detail.department),
        Field(word("contact", language), detail.contact),
        Field(word("purpose", language), purpose_text(detail.purpose, language)),
        Field(word("mode", language), word(f"mode.{detail.mode}", language)),
        Field(word("lent_on", language), _date(detail.lent_on or detail.requested_on)),
        Field(word("due_on", language), _date(detail.due_on)),
        Field(word("approver", language), detail.approver),
    )
    columns = (
        Column(label("seq", language), 7, Align.CENTER, kind=Kind.NUMBER),
        Column(label("reference_code", language), 40, wrap=True),
        Column(label("title", language), 67 if en else 70, wrap=True),
        Column(label("security", language), 17 if en else 14, Align.CENTER),  # "Confidential" whole
        Column(word("location", language), 26, wrap=True),
    )
    rows = [
        (n, r.reference_code, r.title, r.security_en if en else r.security, r.location)
        for n, r in enumerate(detail.records, 1)
    ]
    return Document(
        title=word("slip", language), columns=columns, sections=single_section(rows), organisation=organisation,
        printed_on=printed_on or date.today(), fields=fields, language=language,
        footer_notes=(word("slip_totals", language, count=len(rows)), word("slip_note", language)),
        signatures=(word("borrower", language), word("approver", language), word("archivist", language)),
        sheet_name=word("slip", language),
    )  # fmt: skip


def overdue_reminders(
    rows: Sequence[OverdueLoan], language: str = CHINESE, *, organisation: str = "", today: date | None = None
) -> Document:
    """催还单: one section (a page) per borrower listing every overdue record, longest overdue first."""
    language = _language(language)
    columns = (
        Column(label("seq", language), 7, Align.CENTER, kind=Kind.NUMBER),
        Column(label("reference_code", language), 40, wrap=True),
        Column(label("title", language), 62, wrap=True),
        Column(word("lent_on", language), 18, Align.CENTER, kind=Kind.DATE),
        Column(word("due_on", language), 18, Align.CENTER, kind=Kind.DATE),
        Column(word("days_overdue", language), 14, Align.RIGHT, kind=Kind.NUMBER),
    )
    sections = []
    ordered = sorted(rows, key=lambda r: (r.borrower, r.borrower_id, r.due_on, r.loan_id))
    for (name, _bid), group in groupby(ordered, key=lambda r: (r.borrower, r.borrower_id)):
        loans = list(group)
        fields = (
            Field(word("borrower", language), name),
            Field(word("department", language), loans[0].department),
            Field(word("contact", language), loans[0].contact),
            Field(word("overdue_count", language), str(len(loans))),
        )
        table = [(n, r.reference_code, r.title, r.lent_on, r.due_on, r.days_overdue) for n, r in enumerate(loans, 1)]
        sections.append(Section(rows=table, fields=fields, count=len(table)))
    return Document(
        title=word("reminder", language), columns=columns,
        sections=tuple(sections) or single_section([]), organisation=organisation,
        printed_on=today or date.today(), language=language, footer_notes=(word("reminder_note", language),),
        signatures=(word("archivist", language), word("sign_date", language)), sheet_name=word("reminder", language),
    )  # fmt: skip


def loan_register(
    db: Database,
    language: str = CHINESE,
    *,
    since: date | None = None,
    until: date | None = None,
    organisation: str = "",
    printed_on: date | None = None,
) -> Document:
    """借阅登记簿: every loan handed over (lent between ``since`` and ``until`` when given), in order."""
    language = _language(language)
    en = language == ENGLISH
    stmt = (
        select(
            Loan.id,
            Loan.lent_on,
            Borrower.name,
            func.coalesce(Department.name, Borrower.organisation),
            Record.reference_code,
            Record.title,
            func.coalesce(SecurityLevel.name_en if en else SecurityLevel.name, ""),
            Loan.purpose,
            Loan.mode,
            Loan.approved_by,
            Loan.due_on,
            Loan.returned_on,
            Loan.return_condition,
            Loan.handled_by,
            LoanRequest.use_effect,
        )  # fmt: skip
        .join(Record, Record.id == Loan.record_id)
        .join(Borrower, Borrower.id == Loan.borrower_id)
        .outerjoin(Department, Department.id == Borrower.department_id)
        .outerjoin(SecurityLevel, SecurityLevel.id == Record.security_level_id)
        .outerjoin(LoanRequest, LoanRequest.id == Loan.request_id)
        .where(Loan.lent_on.is_not(None))
        .order_by(Loan.lent_on, Loan.id)
    )
    if since is not None:
        stmt = stmt.where(Loan.lent_on >= since)
    if until is not None:
        stmt = stmt.where(Loan.lent_on <= until)
    with db.reading() as session:
        rows = [
            (lid, lent, name, dept, code, title, level, purpose_text(purpose, language), word(f"mode.{mode}", language),
             approver, due, back, word(f"condition.{cond}", language) if cond else "", handler, effect)
            for lid, lent, name, dept, code, title, level, purpose, mode, approver, due, back, cond, handler, effect
            in session.execute(stmt)
        ]  # fmt: skip
    columns = (
        Column(word("register_number", language), 9, Align.CENTER, kind=Kind.NUMBER),
        Column(word("lent_on", language), 15, Align.CENTER, kind=Kind.DATE),
        Column(word("borrower", language), 12, wrap=True),
        Column(word("department", language), 16, wrap=True),
        Column(label("reference_code", language), 30, wrap=True),
        Column(label("title", language), 35 if en else 37, wrap=True),
        Column(label("security", language), 15 if en else 13, Align.CENTER),  # 工作秘密 whole
        Column(word("purpose", language), 12, wrap=True),
        Column(word("mode", language), 9, Align.CENTER),
        Column(word("approver", language), 10, wrap=True),
        Column(word("due_on", language), 15, Align.CENTER, kind=Kind.DATE),
        Column(word("returned_on", language), 15, Align.CENTER, kind=Kind.DATE),
        Column(word("condition", language), 10, Align.CENTER),
        Column(word("archivist", language), 10, wrap=True),
        Column(label("notes", language), 16, wrap=True),
    )
    return Document(
        title=word("register", language), columns=columns, sections=single_section(rows), organisation=organisation,
        printed_on=printed_on or date.today(), language=language, orientation=Orientation.LANDSCAPE,
        footer_notes=(word("register_totals", language, count=len(rows)),),
        signatures=(label("compiled_by", language), label("checked_by", language), label("sign_date", language)),
        sheet_name=word("register", language),
    )  # fmt: skip

"""The lists of the docks as printable documents: shelf locations, open loans, records due for
appraisal (到期鉴定), transfer batches (移交批次). Qt-free.

Each builder takes the very rows the list shows (the service's frozen answer), so the printout
and the screen never disagree; ``organisation_name`` gives the header's organisation. Nothing is
read from the database here except that name.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from archdesk.services.appraisal import DueRecord
from archdesk.services.collection.batches import BatchSummary
from archdesk.services.custody import LocationSummary
from archdesk.services.database import Database
from archdesk.services.errors import NotFound
from archdesk.services.loans import LoanSummary
from archdesk.services.reports.document import Align, Column, Document, Kind, Orientation, single_section
from archdesk.services.reports.labels import label
from archdesk.services.reports.queries import first_fonds

#: Words only these lists print, (Chinese, English) like ``labels.LABELS``.
_WORDS: dict[str, tuple[str, str]] = {
    "locations_title": ("库位清单", "Shelf locations"),
    "loans_title": ("借阅登记清单", "Loans"),
    "appraisal_title": ("到期档案鉴定清单", "Records due for appraisal"),
    "batches_title": ("移交批次清单", "Transfer batches"),
    "capacity": ("容量(盒)", "Capacity (boxes)"),
    "description": ("说明", "Description"),
    "over_capacity": ("超出容量", "over capacity"),
    "borrower": ("借阅人", "Borrower"),
    "mode": ("利用方式", "Use"),
    "lent_on": ("借出日期", "Lent on"),
    "due_on": ("应还日期", "Due"),
    "returned_on": ("归还日期", "Returned on"),
    "status": ("状态", "Status"),
    "overdue": ("已逾期 {days} 天", "{days} days overdue"),
    "eligible_on": ("到期日期", "Due since"),
    "batch": ("批次号", "Batch"),
    "received_on": ("接收日期", "Received"),
    "transferring_department": ("移交部门", "Department"),
    "file_name": ("移交清单文件", "File"),
    "rows": ("行数", "Rows"),
    "accepted": ("接收件数", "Accepted"),
    "returned": ("退回件数", "Returned"),
    "operator": ("经办人", "Operator"),
    "location_totals": ("共 {count} 个库位，{boxes} 盒，{records} 件", "{count} locations, {boxes} boxes, {records} items"),
    "loan_totals": ("共 {count} 笔借阅，其中逾期 {overdue} 笔", "{count} loans, {overdue} overdue"),
    "appraisal_totals": ("共 {count} 件到期待鉴定", "{count} records due for appraisal"),
    "batch_totals": ("共 {count} 批，接收 {accepted} 件，退回 {returned} 件", "{count} batches, {accepted} accepted, {returned} returned"),
}  # fmt: skip

LOAN_STATUS: dict[str, tuple[str, str]] = {
    "requested": ("已申请", "requested"),
    "approved": ("已批准", "approved"),
    "lent": ("已借出", "lent"),
    "returned": ("已归还", "returned"),
    "rejected": ("已驳回", "rejected"),
    "cancelled": ("已取消", "cancelled"),
}
LOAN_MODE: dict[str, tuple[str, str]] = {
    "reading_room": ("查阅", "reading room"),
    "take_out": ("借出", "take out"),
    "copy": ("复制", "copy"),
    "excerpt": ("摘录", "excerpt"),
    "photograph": ("拍照", "photograph"),
}
BATCH_STATUS: dict[str, tuple[str, str]] = {
    "open": ("待处理", "open"),
    "accepted": ("已接收", "accepted"),
    "partly_returned": ("部分退回", "partly returned"),
    "returned": ("已退回", "returned"),
}


def _word(key: str, language: str, table: Mapping[str, tuple[str, str]] = _WORDS) -> str:
    """A word of ``table`` in ``language``; an unknown code prints as itself."""
    if key not in table:
        return key
    zh, en = table[key]
    return en if language == "en" else zh


def organisation_name(db: Database) -> str:
    """The name printed in a list's header: the first fonds' name (全宗名称), or "" in an empty archive."""
    try:
        return first_fonds(db, None)[1]
    except NotFound:
        return ""


def _document(
    key: str, columns: tuple[Column, ...], rows: list[tuple], language: str, organisation: str, **extra: object
) -> Document:
    return Document(
        title=_word(key, language),
        columns=columns,
        sections=single_section(rows),
        organisation=organisation,
        language=language,
        **extra,  # type: ignore[arg-type]
    )


def locations_document(
    rows: Sequence[LocationSummary],
    language: str = "zh_CN",
    *,
    organisation: str = "",
    printed_on: date | None = None,
) -> Document:
    """库位清单: every shelf address with its boxes, items and capacity; a full shelf is noted."""
    columns = (
        Column(label("seq", language), 8, Align.CENTER, kind=Kind.NUMBER),
        Column(label("location", language), 30),
        Column(label("storeroom", language), 12, Align.CENTER),
        Column(label("boxes", language), 10, Align.RIGHT, kind=Kind.NUMBER),
        Column(label("items", language), 10, Align.RIGHT, kind=Kind.NUMBER),
        Column(_word("capacity", language), 12, Align.RIGHT, kind=Kind.NUMBER),
        Column(_word("description", language), 30, wrap=True),
        Column(label("notes", language), 14, wrap=True),
    )
    table = [
        (
            number, row.code, row.storeroom, row.boxes, row.records, row.capacity, row.description,
            _word("over_capacity", language) if row.capacity is not None and row.boxes > row.capacity else "",
        )
        for number, row in enumerate(rows, 1)
    ]  # fmt: skip
    totals = _word("location_totals", language).format(
        count=len(rows), boxes=sum(r.boxes for r in rows), records=sum(r.records for r in rows)
    )
    return _document(
        "locations_title", columns, table, language, organisation,
        printed_on=printed_on or date.today(), footer_notes=(totals,),
    )  # fmt: skip


def loans_document(
    rows: Sequence[LoanSummary],
    language: str = "zh_CN",
    *,
    organisation: str = "",
    today: date | None = None,
    printed_on: date | None = None,
) -> Document:
    """借阅登记清单: the loans the dock shows, the soonest due first; an overdue loan says by how many days."""
    today = today or date.today()
    columns = (
        Column(label("seq", language), 8, Align.CENTER, kind=Kind.NUMBER),
        Column(label("reference_code", language), 40, wrap=True),
        Column(label("title", language), 70, wrap=True),
        Column(_word("borrower", language), 18, wrap=True),
        Column(_word("mode", language), 14, Align.CENTER),
        Column(_word("lent_on", language), 18, Align.CENTER, kind=Kind.DATE),
        Column(_word("due_on", language), 18, Align.CENTER, kind=Kind.DATE),
        Column(_word("status", language), 14, Align.CENTER),
        Column(label("notes", language), 20, wrap=True),
    )
    table = []
    overdue = 0
    for number, loan in enumerate(rows, 1):
        note = ""
        if loan.overdue(today) and loan.due_on is not None:
            overdue += 1
            note = _word("overdue", language).format(days=(today - loan.due_on).days)
        table.append((
            number, loan.reference_code, loan.title, loan.borrower, _word(loan.mode, language, LOAN_MODE),
            loan.lent_on, loan.due_on, _word(loan.status, language, LOAN_STATUS), note,
        ))  # fmt: skip
    totals = _word("loan_totals", language).format(count=len(rows), overdue=overdue)
    return _document(
        "loans_title", columns, table, language, organisation,
        printed_on=printed_on or today, footer_notes=(totals,), orientation=Orientation.LANDSCAPE,
    )  # fmt: skip


def appraisal_due_document(
    rows: Sequence[DueRecord],
    language: str = "zh_CN",
    *,
    organisation: str = "",
    retention_names: Mapping[str, str] | None = None,
    printed_on: date | None = None,
) -> Document:
    """到期档案鉴定清单: records whose retention period has run out, for the appraisal group (鉴定小组).

    ``retention_names`` maps a retention code to its name in ``language`` (default: the record's label).
    """
    names = retention_names or {}
    columns = (
        Column(label("seq", language), 8, Align.CENTER, kind=Kind.NUMBER),
        Column(label("reference_code", language), 42, wrap=True),
        Column(label("title", language), 80, wrap=True),
        Column(label("year", language), 10, Align.CENTER, kind=Kind.NUMBER),
        Column(label("retention", language), 16, Align.CENTER, wrap=True),
        Column(_word("eligible_on", language), 18, Align.CENTER, kind=Kind.DATE),
        Column(label("notes", language), 20, wrap=True),
    )
    table = [
        (number, r.reference_code, r.title, r.year, names.get(r.retention_code, r.retention_label), r.eligible_on, "")
        for number, r in enumerate(rows, 1)
    ]
    return _document(
        "appraisal_title", columns, table, language, organisation,
        printed_on=printed_on or date.today(), signatures=_appraisal_signatures(language),
        footer_notes=(_word("appraisal_totals", language).format(count=len(rows)),),
        orientation=Orientation.LANDSCAPE,
    )  # fmt: skip


def _appraisal_signatures(language: str) -> tuple[str, ...]:
    return (label("compiled_by", language), label("checked_by", language), label("sign_date", language))


def batches_document(
    rows: Sequence[BatchSummary],
    language: str = "zh_CN",
    *,
    organisation: str = "",
    printed_on: date | None = None,
) -> Document:
    """移交批次清单: each department hand-over, its spreadsheet, and how many items were accepted or returned."""
    columns = (
        Column(_word("batch", language), 10, Align.CENTER, kind=Kind.NUMBER),
        Column(_word("received_on", language), 18, Align.CENTER, kind=Kind.DATE),
        Column(_word("transferring_department", language), 24, wrap=True),
        Column(_word("file_name", language), 50, wrap=True),
        Column(_word("rows", language), 10, Align.RIGHT, kind=Kind.NUMBER),
        Column(_word("accepted", language), 12, Align.RIGHT, kind=Kind.NUMBER),
        Column(_word("returned", language), 12, Align.RIGHT, kind=Kind.NUMBER),
        Column(_word("status", language), 14, Align.CENTER),
        Column(_word("operator", language), 16, wrap=True),
        Column(label("notes", language), 30, wrap=True),
    )
    table = [
        (b.id, b.received_on, b.department, b.file_name, b.rows, b.accepted, b.returned,
         _word(b.status, language, BATCH_STATUS), b.operator, b.notes_text(language))
        for b in rows
    ]  # fmt: skip
    totals = _word("batch_totals", language).format(
        count=len(rows), accepted=sum(b.accepted for b in rows), returned=sum(b.returned for b in rows)
    )
    return _document(
        "batches_title", columns, table, language, organisation,
        printed_on=printed_on or date.today(), footer_notes=(totals,), orientation=Orientation.LANDSCAPE,
    )  # fmt: skip

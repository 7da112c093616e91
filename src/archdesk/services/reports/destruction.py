"""档案销毁清册 (destruction list) and 鉴定报告 counts (appraisal report) as documents. Qt-free.

The general list prints 序号, 档号, 题名, 年度/日期, 保管期限, 页数, 鉴定意见/销毁原因, 备注 (domain rules
§5); an accounting list (会计档案) prints the columns of 会计档案管理办法 Art. 18: 名称, 卷号, 册数, 起止年度,
档号, 应保管期限, 已保管期限, 销毁时间. Both end with the signature lines: 批准人, every 监销人 (two at least),
the applicant, and the date, place and method of the destruction. The list is kept permanently.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from sqlalchemy import select

from archdesk.models import (
    Appraisal,
    AppraisalBatch,
    DestructionList,
    DestructionListItem,
    Record,
    RetentionPeriod,
    Volume,
)
from archdesk.services.appraisal.due import years_kept
from archdesk.services.database import Database
from archdesk.services.errors import NotFound
from archdesk.services.reports.document import Align, Column, Document, Field, Kind, Orientation, single_section
from archdesk.services.reports.labels import label
from archdesk.services.reports.lists import organisation_name

#: Words only these forms print, (Chinese, English).
WORDS: dict[str, tuple[str, str]] = {
    "title": ("档案销毁清册", "Destruction list"),
    "accounting_title": ("会计档案销毁清册", "Accounting records destruction list"),
    "report_title": ("档案鉴定报告", "Appraisal report"),
    "number": ("清册编号", "List number"),
    "batch": ("鉴定批次", "Appraisal"),
    "status": ("状态", "Status"),
    "year_or_date": ("年度/日期", "Year / date"),
    "reason": ("鉴定意见/销毁原因", "Opinion / reason"),
    "name": ("名称", "Name"),
    "volume": ("卷号", "File no."),
    "copies": ("册数", "Volumes"),
    "years": ("起止年度", "Years"),
    "due_retention": ("应保管期限", "Retention due"),
    "kept": ("已保管期限", "Kept so far"),
    "destroyed_on": ("销毁时间", "Destroyed on"),
    "kept_years": ("{years}年", "{years} years"),
    "approver": ("批准人", "Approved by"),
    "unit_head": ("单位负责人", "Head of the organisation"),
    "witness": ("监销人", "Witness"),
    "applicant": ("申请人", "Applicant"),
    "archives_head": ("档案机构负责人", "Head of archives"),
    "accounting_head": ("会计机构负责人", "Head of accounting"),
    "date": ("销毁日期", "Date"),
    "place": ("销毁地点", "Place"),
    "method": ("销毁方式", "Method"),
    "total": ("共 {count} 件", "{count} records"),
    "kept_permanently": ("本清册永久保存。", "This list is kept permanently."),
    "decision": ("鉴定结论", "Decision"),
    "records": ("件数", "Records"),
    "members": ("鉴定小组成员", "Committee"),
    "appraised_on": ("鉴定日期", "Appraised on"),
    "keep": ("继续保存（永久）", "Keep permanently"),
    "extend": ("延长保管期限", "Extend retention"),
    "destroy": ("销毁", "Destroy"),
    "transfer": ("移交", "Transfer"),
    "undecided": ("未定", "Not decided"),
    "draft": ("待批准", "awaiting approval"),
    "approved": ("已批准", "approved"),
    "executed": ("已销毁", "executed"),
    "cancelled": ("已作废", "cancelled"),
}


def word(key: str, language: str) -> str:
    zh, en = WORDS[key]
    return en if language == "en" else zh


def destruction_list_document(db: Database, list_id: int, language: str = "zh_CN") -> Document:
    """The list as a document in ``language``, with the columns of its kind (general or accounting)."""
    with db.reading() as session:
        listing = session.get(DestructionList, list_id)
        if listing is None:
            raise NotFound("destruction_list", list_id)
        batch = session.get(AppraisalBatch, listing.batch_id) if listing.batch_id else None
        rows = session.execute(
            select(
                DestructionListItem.position, Record.reference_code, Record.title, Record.year, Record.date,
                RetentionPeriod.label.label("retention_zh"), RetentionPeriod.label_en.label("retention_en"),
                Record.pages, DestructionListItem.reason, Record.notes, Volume.volume_number, Record.item_number,
            )
            .join(Record, Record.id == DestructionListItem.record_id)
            .join(RetentionPeriod, RetentionPeriod.id == Record.retention_id)
            .outerjoin(Volume, Volume.id == Record.volume_id)
            .where(DestructionListItem.destruction_list_id == list_id)
            .order_by(DestructionListItem.position)
        ).all()  # fmt: skip
        info = (listing.number, listing.kind, listing.title, listing.status, listing.approved_by, listing.witnesses,
                listing.applicant, listing.executed_on, listing.place, listing.method)  # fmt: skip
        opening, closing = (" (", ")") if language == "en" else ("（", "）")
        batch_text = f"{batch.title}{opening}{batch.appraised_on.isoformat()}{closing}" if batch else ""
    number, kind, title, status, approver, witnesses, applicant, executed_on, place, method = info
    retention = (lambda zh, en: en or zh) if language == "en" else (lambda zh, en: zh)
    if kind == "accounting":
        on = executed_on or date.today()
        columns = (
            Column(label("seq", language), 7, Align.CENTER, kind=Kind.NUMBER),
            Column(word("name", language), 60, wrap=True),
            Column(word("volume", language), 9, Align.CENTER),
            Column(word("copies", language), 8, Align.CENTER, kind=Kind.NUMBER),
            Column(word("years", language), 12, Align.CENTER),
            Column(label("reference_code", language), 40, wrap=True),
            Column(word("due_retention", language), 14, Align.CENTER, wrap=True),
            Column(word("kept", language), 15, Align.CENTER),
            Column(word("destroyed_on", language), 16, Align.CENTER, kind=Kind.DATE),
            Column(label("notes", language), 18, wrap=True),
        )
        table = [
            (r.position, r.title, r.volume_number or r.item_number, 1, str(r.year), r.reference_code,
             retention(r.retention_zh, r.retention_en),
             word("kept_years", language).format(years=years_kept(r.year, on)), executed_on, r.notes)
            for r in rows
        ]  # fmt: skip
        signatures = [word("unit_head", language), word("archives_head", language), word("accounting_head", language)]
    else:
        columns = (
            Column(label("seq", language), 7, Align.CENTER, kind=Kind.NUMBER),
            Column(label("reference_code", language), 40, wrap=True),
            Column(label("title", language), 68, wrap=True),
            Column(word("year_or_date", language), 16, Align.CENTER),
            Column(label("retention", language), 16, Align.CENTER, wrap=True),  # "Permanent" whole
            Column(label("pages", language), 8, Align.RIGHT, kind=Kind.NUMBER),
            Column(word("reason", language), 40, wrap=True),
            Column(label("notes", language), 18, wrap=True),
        )
        table = [
            (r.position, r.reference_code, r.title, r.date.strftime("%Y%m%d") if r.date else str(r.year),
             retention(r.retention_zh, r.retention_en), r.pages, r.reason, r.notes)
            for r in rows
        ]  # fmt: skip
        signatures = [word("approver", language), word("applicant", language)]
    people = [p.strip() for p in witnesses.split(",") if p.strip()] if witnesses else []
    signatures += [word("witness", language)] * max(len(people), 2)
    if kind != "accounting":
        signatures.append(label("sign_date", language))
    fields = (
        Field(word("number", language), number),
        Field(word("batch", language), batch_text),
        Field(word("status", language), word(status, language)),
    )
    colon = ": " if language == "en" else "："
    separator = ", " if language == "en" else "、"
    recorded = "        ".join(
        f"{word(key, language)}{colon}{value}"
        for key, value in (("approver", approver), ("witness", separator.join(people)), ("applicant", applicant))
    )
    notes = (
        recorded,
        f"{word('place', language)}{': ' if language == 'en' else '：'}{place}        "
        f"{word('method', language)}{': ' if language == 'en' else '：'}{method}        "
        f"{word('destroyed_on', language)}{': ' if language == 'en' else '：'}{executed_on or ''}",
        word("total", language).format(count=len(table)),
        word("kept_permanently", language),
    )
    return Document(
        title=word("accounting_title" if kind == "accounting" else "title", language),
        subtitle=title,
        columns=columns,
        sections=single_section(table),
        organisation=organisation_name(db),
        fields=fields,
        signatures=tuple(signatures),
        footer_notes=notes,
        orientation=Orientation.LANDSCAPE,
        language=language,
        sheet_name=number or "destruction",
    )


def appraisal_report_document(db: Database, language: str = "zh_CN", *, batch_id: int | None = None) -> Document:
    """鉴定报告: per batch (or one batch), its date and committee and how many records got each decision."""
    with db.reading() as session:
        stmt = select(AppraisalBatch).order_by(AppraisalBatch.appraised_on, AppraisalBatch.id)
        if batch_id is not None:
            stmt = stmt.where(AppraisalBatch.id == batch_id)
        batches = [(b.id, b.title, b.appraised_on, b.members) for b in session.scalars(stmt)]
        if batch_id is not None and not batches:
            raise NotFound("appraisal_batch", batch_id)
        counts: dict[int, Counter] = {b[0]: Counter() for b in batches}
        for bid, decision in session.execute(
            select(Appraisal.batch_id, Appraisal.decision).where(Appraisal.batch_id.in_(list(counts) or [-1]))
        ):
            counts[bid][decision or "undecided"] += 1
    decisions = ("keep", "extend", "destroy", "transfer", "undecided")
    columns = (
        Column(word("batch", language), 50, wrap=True),
        Column(word("appraised_on", language), 16, Align.CENTER, kind=Kind.DATE),
        Column(word("members", language), 40, wrap=True),
        *(Column(word(d, language), 14, Align.RIGHT, kind=Kind.NUMBER) for d in decisions),
        Column(label("total", language), 12, Align.RIGHT, kind=Kind.NUMBER),
    )
    table = [
        (title, day, members, *(counts[bid][d] for d in decisions), sum(counts[bid].values()))
        for bid, title, day, members in batches
    ]
    totals = Counter()
    for bid in counts:
        totals.update(counts[bid])
    summary = "    ".join(f"{word(d, language)} {totals[d]}" for d in decisions[:4])
    return Document(
        title=word("report_title", language),
        columns=columns,
        sections=single_section(table),
        organisation=organisation_name(db),
        footer_notes=(summary,),
        signatures=(label("compiled_by", language), label("checked_by", language), label("sign_date", language)),
        orientation=Orientation.LANDSCAPE,
        language=language,
    )

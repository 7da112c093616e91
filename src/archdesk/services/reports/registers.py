"""The registers of the archive office, described as documents (see ``document.py``).

归档文件目录 (catalogue register, DA/T 22-2015), 案卷目录 (volume catalogue), 卷内文件目录
(in-volume catalogue) and the inventory register (库存清册). Each function reads the code
tables once and returns a Document whose rows are streamed queries; nothing is rendered here.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from archdesk.models import Category, Department, RetentionPeriod
from archdesk.services.database import Database
from archdesk.services.dates import with_precision
from archdesk.services.reports.document import Align, Column, Document, Field, Kind, Orientation, Section
from archdesk.services.reports.labels import label
from archdesk.services.reports.queries import (
    InventoryFilter,
    QueryRows,
    RecordFilter,
    box_rows_statement,
    first_fonds,
    lookup_name,
    record_rows_statement,
    volume_contents_statement,
    volume_rows_statement,
)

_STATUS_MARKS = {"destroyed": "destroyed", "transferred": "transferred", "on_loan": "on_loan"}


def shown_title(title: str, supplied: bool) -> str:
    """A title the archivist wrote (自拟题名) is printed in [ ] (DA/T 22-2015)."""
    return f"[{title}]" if supplied else title


def _note(notes: str, status: str, language: str) -> str:
    mark = _STATUS_MARKS.get(status)
    if not mark:
        return notes
    return f"{notes}；{label(mark, language)}" if notes else label(mark, language)


def _filter_fields(db: Database, flt: RecordFilter, language: str) -> tuple[str, tuple[Field, ...]]:
    """Organisation name and the cover fields (全宗号, 年度, 保管期限, 机构 …) of a filter."""
    en = language == "en"
    fonds_code, fonds_name = first_fonds(db, flt.fonds)
    fields = [Field(label("fonds", language), fonds_code), Field(label("fonds_name", language), fonds_name)]
    if flt.category:
        name, name_en = lookup_name(db, Category, flt.category, what="category")
        fields.append(Field(label("category", language), f"{flt.category} {name_en if en else name}"))
    if flt.year is not None:
        fields.append(Field(label("year", language), str(flt.year)))
    if flt.retention:
        name, name_en = lookup_name(db, RetentionPeriod, flt.retention, what="retention")
        fields.append(Field(label("retention", language), name_en if en else name))
    if flt.department:
        name, _ = lookup_name(db, Department, flt.department, what="department")
        fields.append(Field(label("department", language), f"{flt.department} {name}"))
    if flt.box:
        fields.append(Field(label("box", language), flt.box))
    if flt.text.strip():
        fields.append(Field(label("search_text", language), flt.text.strip()))
    return fonds_name, tuple(fields)


def _landscape_register(
    title: str,
    columns: tuple[Column, ...],
    rows: QueryRows,
    organisation: str,
    fields: tuple[Field, ...],
    language: str,
    printed_on: date | None,
) -> Document:
    """An A4 landscape register of streamed rows with the compiler's and checker's signature lines."""
    return Document(
        title=label(title, language),
        columns=columns,
        sections=(Section(rows=rows, count=rows.count()),),
        organisation=organisation,
        printed_on=printed_on or date.today(),
        fields=fields,
        signatures=_sign_lines(language),
        orientation=Orientation.LANDSCAPE,
        language=language,
    )


def _sign_lines(language: str) -> tuple[str, ...]:
    return (label("compiled_by", language), label("checked_by", language), label("sign_date", language))


def catalogue_register(
    db: Database,
    flt: RecordFilter | None = None,
    *,
    language: str = "zh_CN",
    printed_on: date | None = None,
    volumes: str = "continuous",
) -> Document:
    """归档文件目录 for any filter: 序号, 档号, 文号, 责任者, 题名, 日期 (YYYYMMDD), 密级, 页数, 备注.

    A4 landscape, rows in reference-code order, supplied titles in [ ]. Rows are streamed when
    the document is rendered. Raises NotFound for an unknown code in the filter. ``volumes``:
    "continuous" (one list) or "per-year-period" (bound volumes with covers, ``catalogue_volumes.py``).
    """
    flt = flt or RecordFilter()
    organisation, fields = _filter_fields(db, flt, language)
    en = language == "en"

    def row(number: int, r: Any) -> tuple[Any, ...]:
        security = (r.security_name_en if en else r.security_name) or ""
        title = shown_title(r.title, r.title_supplied)
        notes = _note(r.notes, r.status, language)
        return (
            number,
            r.reference_code,
            r.document_number,
            r.responsible_party,
            title,
            with_precision(r.date, r.date_precision),
            security,
            r.pages,
            notes,
        )

    rows = QueryRows(db, record_rows_statement(flt), row)
    columns = (
        Column(label("seq", language), 10, Align.CENTER, kind=Kind.NUMBER),
        Column(label("reference_code", language), 50, wrap=True),
        Column(label("document_number", language), 28, wrap=True),
        Column(label("responsible_party", language), 26, wrap=True),
        # 密级 and security words fit whole at the body size: 工作秘密, "Confidential".
        Column(label("title", language), 85 if en else 90, wrap=True),
        Column(label("date", language), 18, Align.CENTER, kind=Kind.DATE8),
        Column(label("security", language), 20 if en else 15, Align.CENTER, wrap=True),
        Column(label("pages", language), 10, Align.RIGHT, kind=Kind.NUMBER),
        Column(label("notes", language), 20, wrap=True),
    )
    document = _landscape_register("register", columns, rows, organisation, fields, language, printed_on)
    if volumes == "continuous":
        return document
    from archdesk.services.reports.catalogue_volumes import bound_register

    return bound_register(db, flt, document, row, language)


def _date_range(start: date | None, end: date | None) -> str:
    if not start and not end:
        return ""
    first = start.strftime("%Y%m%d") if start else ""
    last = end.strftime("%Y%m%d") if end else ""
    return first if first == last else f"{first}-{last}"


def volume_catalogue(
    db: Database, flt: RecordFilter | None = None, *, language: str = "zh_CN", printed_on: date | None = None
) -> Document:
    """案卷目录: 案卷号, 档号, 案卷题名, 起止日期, 卷内件数, 页数, 保管期限, 密级, 库位号, 备注 (A4 landscape)."""
    flt = flt or RecordFilter()
    organisation, fields = _filter_fields(db, flt, language)
    en = language == "en"

    def row(_number: int, r: Any) -> tuple[Any, ...]:
        return (
            r.volume_number,
            r.reference_code,
            r.title,
            _date_range(r.start_date, r.end_date),
            r.item_count,
            r.pages,
            r.retention_name_en if en else r.retention_name,
            (r.security_name_en if en else r.security_name) or "",
            r.location_code or "",
            r.notes,
        )

    rows = QueryRows(db, volume_rows_statement(flt), row)
    count = rows.count()
    columns = (
        Column(label("volume_number", language), 12, Align.CENTER, kind=Kind.NUMBER),
        Column(label("reference_code", language), 46, wrap=True),
        Column(label("volume_title", language), 67 if en else 72, wrap=True),
        Column(label("date_range", language), 34, Align.CENTER, wrap=True),
        Column(label("item_count", language), 16, Align.RIGHT, kind=Kind.NUMBER),
        Column(label("pages", language), 12, Align.RIGHT, kind=Kind.NUMBER),
        Column(label("retention", language), 18, Align.CENTER, wrap=True),  # "Permanent", 定期30年
        Column(label("security", language), 20 if en else 15, Align.CENTER, wrap=True),
        Column(label("location", language), 26, wrap=True),
        Column(label("notes", language), 14, wrap=True),
    )
    document = _landscape_register("volume_catalogue", columns, rows, organisation, fields, language, printed_on)
    if count:
        return document
    from archdesk.services.reports.volumes import empty_reason

    return replace(document, footer_notes=(empty_reason(db, flt, language),))


def volume_contents(
    db: Database, flt: RecordFilter | None = None, *, language: str = "zh_CN", printed_on: date | None = None
) -> Document:
    """卷内文件目录: one section (starting on a new page) per volume of the filter, A4 portrait:
    序号, 文号, 责任者, 题名, 日期, 页数, 备注, under the volume's 档号 and 案卷题名."""
    flt = flt or RecordFilter()
    organisation, fields = _filter_fields(db, flt, language)
    volumes = [
        (r.volume_id, r.reference_code, r.title)
        for r in QueryRows(db, volume_rows_statement(flt), lambda _n, r: r)  # type: ignore[arg-type, return-value]
    ]

    def row(number: int, r: Any) -> tuple[Any, ...]:
        title = shown_title(r.title, r.title_supplied)
        return (
            number,
            r.document_number,
            r.responsible_party,
            title,
            with_precision(r.date, r.date_precision),
            r.pages,
            _note(r.notes, r.status, language),
        )

    from archdesk.services.reports.volumes import empty_reason, page_column, paged_rows, volume_kinds, word

    kinds = volume_kinds(db, [v[0] for v in volumes])
    sections = []
    for volume_id, reference_code, title in volumes:
        # 文书 (GB/T 9705) lists 页号, each item's page range; 科技 (GB/T 11822) keeps 页数.
        rows = QueryRows(db, volume_contents_statement(volume_id), paged_rows(row, kinds, volume_id, 5))
        section_fields = (
            Field(label("reference_code", language), reference_code),
            Field(label("volume_title", language), title),
        )
        sections.append(Section(rows=rows, fields=section_fields, count=rows.count()))
    columns = (
        Column(label("seq", language), 10, Align.CENTER, kind=Kind.NUMBER),
        Column(label("document_number", language), 26, wrap=True),
        Column(label("responsible_party", language), 24, wrap=True),
        Column(label("title", language), 66, wrap=True),
        Column(label("date", language), 18, Align.CENTER, kind=Kind.DATE8),
        Column(word(page_column(set(kinds.values())), language), 13, Align.RIGHT, kind=Kind.NUMBER),
        Column(label("notes", language), 16, wrap=True),
    )
    return Document(
        title=label("volume_contents", language),
        columns=columns,
        sections=tuple(sections) or (Section(rows=(), count=0),),
        organisation=organisation,
        printed_on=printed_on or date.today(),
        fields=fields[:2],
        footer_notes=() if sections else (empty_reason(db, flt, language),),
        orientation=Orientation.PORTRAIT,
        language=language,
    )


def inventory_register(
    db: Database, flt: InventoryFilter | None = None, *, language: str = "zh_CN", printed_on: date | None = None
) -> Document:
    """Inventory register (库存清册): every box by storeroom, shelf and box, with item and page
    counts, and a total per storeroom and overall in the closing lines (A4 landscape)."""
    flt = flt or InventoryFilter()
    en = language == "en"
    fonds_code, fonds_name = first_fonds(db, None)
    unshelved = label("unshelved", language)
    statement = box_rows_statement(flt)

    def row(number: int, r: Any) -> tuple[Any, ...]:
        first, last = r.first_item, r.last_item
        item_range = f"{first:04d}-{last:04d}" if first is not None else ""
        department = f"{r.department_code} {r.department_name}" if r.department_code else ""
        category = f"{r.category_code} {r.category_name_en if en else r.category_name}"
        notes = "；".join(filter(None, (r.notes, withdrawn_note(r.destroyed, r.transferred, language))))
        return (
            number, r.storeroom or unshelved, r.location_code or "", r.box_code, category, r.year,
            r.retention_name_en if en else r.retention_name, department, item_range, r.item_count, r.pages, notes,
        )  # fmt: skip

    rows = QueryRows(db, statement, row)
    totals: dict[str, list[int]] = {}
    withdrawn = [0, 0]
    for r in QueryRows(db, statement, lambda _n, r: r):  # type: ignore[arg-type, return-value]
        entry = totals.setdefault(r.storeroom or unshelved, [0, 0, 0])
        entry[0] += 1
        entry[1] += int(r.item_count or 0)
        entry[2] += int(r.pages or 0)
        withdrawn[0] += int(r.destroyed or 0)
        withdrawn[1] += int(r.transferred or 0)
    notes = tuple(_total_line(name, *counts, language) for name, counts in totals.items())
    if len(totals) != 1:
        grand = [sum(c[i] for c in totals.values()) for i in range(3)]
        notes += (_total_line(label("total", language), *grand, language),)
    # Only what is held is counted; what left the boxes and what was never boxed are said apart,
    # so the register agrees with the holdings statistics (held = boxed + unboxed).
    whole = not (flt.storeroom or flt.location or flt.box or flt.category or flt.year is not None)
    if any(withdrawn) and not whole:  # the whole archive's are in the holdings lines below
        notes += (_withdrawn_line(*withdrawn, language),)
    if not (flt.storeroom or flt.location or flt.box):
        unboxed = unboxed_held(db)
        if unboxed[0]:
            notes += (_unboxed_line(*unboxed, language),)
        if whole:
            from archdesk.services.holdings import holdings, holdings_lines

            notes += holdings_lines(holdings(db), language)  # the same total as the statistics
    fields = [Field(label("fonds", language), fonds_code)]
    if flt.storeroom:
        fields.append(Field(label("storeroom", language), flt.storeroom))
    if flt.location:
        fields.append(Field(label("location", language), flt.location))
    columns = (
        Column(label("seq", language), 10, Align.CENTER, kind=Kind.NUMBER),
        # "Storeroom" and "Permanent" fit whole (they printed as "Storeroo/m", "Permanen/t").
        Column(label("storeroom", language), 18, Align.CENTER, wrap=True),
        Column(label("location", language), 30, wrap=True),
        Column(label("box", language), 46, wrap=True),
        Column(label("category", language), 22, wrap=True),
        Column(label("year", language), 12, Align.CENTER, kind=Kind.NUMBER),
        Column(label("retention", language), 18, Align.CENTER, wrap=True),
        Column(label("department", language), 24, wrap=True),
        Column(label("item_range", language), 22, Align.CENTER),
        Column(label("items", language), 12, Align.RIGHT, kind=Kind.NUMBER),
        Column(label("pages", language), 14, Align.RIGHT, kind=Kind.NUMBER),
        Column(label("notes", language), 28, wrap=True),
    )
    return Document(
        title=label("inventory", language),
        columns=columns,
        sections=(Section(rows=rows, count=sum(c[0] for c in totals.values())),),
        organisation=fonds_name,
        printed_on=printed_on or date.today(),
        fields=tuple(fields),
        footer_notes=notes,
        signatures=_sign_lines(language),
        orientation=Orientation.LANDSCAPE,
        language=language,
    )


def withdrawn_note(destroyed: int, transferred: int, language: str) -> str:
    """ "已销毁 2 件，已移出 1 件" for a box whose items left it since boxing ("" when none did)."""
    parts = []
    if destroyed:
        parts.append(f"{destroyed} destroyed" if language == "en" else f"已销毁 {destroyed} 件")
    if transferred:
        parts.append(f"{transferred} transferred" if language == "en" else f"已移出 {transferred} 件")
    return (", " if language == "en" else "，").join(parts)


def _withdrawn_line(destroyed: int, transferred: int, language: str) -> str:
    if language == "en":
        return f"Not counted above (no longer held): {destroyed} items destroyed, {transferred} transferred"
    return f"不计入上列数量（已不在库）：已销毁 {destroyed} 件，已移出 {transferred} 件"


def _unboxed_line(items: int, pages: int, language: str) -> str:
    if language == "en":
        return f"Held but not in a box: {items} items, {pages} pages (see the catalogue)"
    return f"在库未装盒：{items} 件，{pages} 页（见归档文件目录）"


def unboxed_held(db: Database) -> tuple[int, int]:
    """Items held (在档, 出借) that are in no box, and their pages."""
    from sqlalchemy import func, select

    from archdesk.models import Record
    from archdesk.services.holdings import held

    with db.reading() as session:
        items, pages = session.execute(
            select(func.count(Record.id), func.coalesce(func.sum(Record.pages), 0)).where(
                Record.box_id.is_(None), held()
            )
        ).one()
    return int(items), int(pages)


def _total_line(name: str, boxes: int, items: int, pages: int, language: str) -> str:
    if language == "en":
        return f"{name}: {boxes} boxes, {items} items, {pages} pages"
    return f"{name}：{boxes} 盒，{items} 件，{pages} 页"

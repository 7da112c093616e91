"""Box forms (DA/T 22-2015): the spine label (盒脊) and the box note (备考表), PDF only.

The spine carries 全宗号, 年度, 保管期限, 机构(问题), 起止件号 (first number in the upper
cell, last in the lower) and 盒号, under the fonds name written top to bottom; spines of
the box's real width (20–75 mm) are set side by side on A4 portrait, ready to cut.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from archdesk.services.database import Database
from archdesk.services.reports.document import atomic_output
from archdesk.services.reports.fonts import resolve_font
from archdesk.services.reports.labels import label
from archdesk.services.reports.queries import InventoryFilter, QueryRows, RecordFilter, box_rows_statement
from archdesk.services.reports.textfit import TextFitter

SPINE_HEIGHT = 270 * mm
SPINE_GAP = 4 * mm


@dataclass(frozen=True)
class BoxLabel:
    """What the box forms print about one box (plain values, read once)."""

    code: str
    fonds_code: str
    fonds_name: str
    year: int
    retention: str
    department: str
    box_number: int
    first_item: int | None
    last_item: int | None
    item_count: int
    pages: int
    spine_mm: int
    location: str
    notes: str
    arranged_by: str
    checked_by: str
    barcode: str = ""
    category: str = ""
    category_name: str = ""
    arranged_on: date | None = None
    checked_on: date | None = None
    #: 盒内文件情况说明 as drafted from what left the box since boxing (used when ``notes`` is empty).
    draft_notes: str = ""

    @property
    def note_text(self) -> str:
        return self.notes or self.draft_notes

    @property
    def scan_code(self) -> str:
        """What the box's barcode encodes: its barcode, else its code in ASCII (Code128 has no ·)."""
        return self.barcode or ascii_code(self.code)


def ascii_code(code: str) -> str:
    return code.replace("·", ".")


def box_labels(
    db: Database,
    flt: RecordFilter | InventoryFilter | None = None,
    *,
    language: str = "zh_CN",
    with_drafts: bool = False,
) -> list[BoxLabel]:
    """The boxes selected by ``flt`` in shelf order (all boxes when no filter is given)."""
    en = language == "en"

    def build(_number: int, r: Any) -> BoxLabel:
        return BoxLabel(
            code=r.box_code, fonds_code=r.fonds_code, fonds_name=r.fonds_name, year=r.year,
            retention=r.retention_name_en if en else r.retention_name, department=r.department_code or "",
            box_number=r.box_number, first_item=r.first_item, last_item=r.last_item, item_count=int(r.item_count),
            pages=int(r.pages), spine_mm=r.spine_mm, location=r.location_code or "", notes=r.notes or "",
            arranged_by=r.arranged_by or "",
            checked_by=r.checked_by or "",
            barcode=r.barcode or "", category=r.category_code, category_name=r.category_name_en if en else r.category_name,
            arranged_on=r.arranged_on, checked_on=r.checked_on,
        )  # fmt: skip

    boxes = list(QueryRows(db, box_rows_statement(flt or RecordFilter()), build))
    if not with_drafts:
        return boxes
    ids = {b.code: i for b, i in zip(boxes, box_ids(db, [b.code for b in boxes]), strict=True)}
    drafts = box_note_drafts(db, list(ids.values()), language=language)
    return [replace(b, draft_notes=drafts.get(ids[b.code], "")) for b in boxes]


def box_ids(db: Database, codes: list[str]) -> list[int]:
    from sqlalchemy import select

    from archdesk.models import Box

    found: dict[str, int] = {}
    with db.reading() as session:
        for start in range(0, len(codes), 500):
            found.update(
                session.execute(select(Box.code, Box.id).where(Box.code.in_(codes[start : start + 500]))).all()
            )
    return [found[c] for c in codes]


def box_note_drafts(db: Database, ids: list[int], *, language: str = "zh_CN") -> dict[int, str]:
    """What left each box since it was boxed: items destroyed, transferred or taken into another box
    (from the ledger), one line each, for its 备考表's 情况说明."""
    from sqlalchemy import and_, func, select

    from archdesk.models import Box, DestructionListItem, Movement, Record
    from archdesk.services.custody.boxes import FROM_BOX

    # A destroyed record has left its box (its place is released); the list item remembers the box.
    box = func.coalesce(Record.box_id, DestructionListItem.former_box_id)

    en = language == "en"
    lines: dict[int, list[str]] = {}
    with db.reading() as session:
        codes = dict(session.execute(select(Box.id, Box.code).where(Box.id.in_(ids))).all()) if ids else {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            for box_id, item, title, status in session.execute(
                select(box, Record.item_number, Record.title, Record.status)
                .outerjoin(
                    DestructionListItem,
                    and_(DestructionListItem.record_id == Record.id, DestructionListItem.former_box_id.is_not(None)),
                )
                .where(box.in_(chunk), Record.status.in_(("destroyed", "transferred")))
                .order_by(box, Record.item_number)
            ):
                what = (
                    ("destroyed" if status == "destroyed" else "transferred")
                    if en
                    else ("已销毁" if status == "destroyed" else "已移出")
                )
                lines.setdefault(box_id, []).append(
                    f"{item:04d} {title}: {what}" if en else f"{item:04d}《{title}》{what}"
                )
        left = {f"{FROM_BOX}{code}": box_id for box_id, code in codes.items()}
        if left:
            for note, item, title, new_box in session.execute(
                select(Movement.notes, Record.item_number, Record.title, Box.code)
                .join(Record, Record.id == Movement.record_id)
                .join(Box, Box.id == Movement.box_id)
                .where(Movement.reason == "boxed", Movement.notes.in_(list(left)))
                .order_by(Movement.id)
            ):
                text = f"{item:04d} {title}: moved to box {new_box}" if en else f"{item:04d}《{title}》移入 {new_box}"
                lines.setdefault(left[note], []).append(text)
    return {box_id: "\n".join(items) for box_id, items in lines.items()}


def render_box_spines(
    boxes: list[BoxLabel], out: str | os.PathLike[str], *, language: str = "zh_CN", font_path: str | None = None
) -> int:
    """Spine labels for ``boxes`` at their real widths, side by side on A4 portrait; returns pages."""
    font = resolve_font(font_path)
    width, height = A4
    with atomic_output(out) as temp:
        c = Canvas(str(temp), pagesize=A4)
        c.setTitle(label("box_spine", language))
        pages = 1 if boxes else 0
        x = 15 * mm
        for box in boxes:
            spine_width = box.spine_mm * mm
            if x + spine_width > width - 15 * mm:
                c.showPage()
                pages += 1
                x = 15 * mm
            _draw_spine(c, font.name, box, x, (height + SPINE_HEIGHT) / 2, spine_width, language)
            x += spine_width + SPINE_GAP
        if not boxes:
            c.setFont(font.name, 10)
            c.drawString(15 * mm, height - 20 * mm, label("none", language))
        c.save()
    return max(pages, 1)


def _fitted(c: Canvas, font: str, text: str, x_centre: float, y: float, width: float, size: float) -> None:
    """Draw ``text`` centred, shrunk until it fits ``width``."""
    fit = TextFitter(_face(font), 1000)
    natural = fit.width(text) / 1000
    if natural * size > width:
        size = max(4.0, width / natural) if natural else size
    c.setFont(font, size)
    c.drawCentredString(x_centre, y, text)


def _face(font: str) -> Any:
    from reportlab.pdfbase import pdfmetrics

    return pdfmetrics.getFont(font)


def _draw_spine(c: Canvas, font: str, box: BoxLabel, x: float, top: float, w: float, language: str) -> None:
    first = f"{box.first_item:04d}" if box.first_item is not None else ""
    last = f"{box.last_item:04d}" if box.last_item is not None else ""
    cells: list[tuple[str, list[str], float]] = [
        (label("fonds", language), [box.fonds_code], 12 * mm),
        # 门类: box numbers restart per category, so without it two spines could read the same.
        (
            label("category", language),
            [box.category, box.category_name] if box.category_name else [box.category],
            10 * mm,
        ),
        (label("year", language), [str(box.year)], 12 * mm),
        (label("retention", language), [box.retention], 12 * mm),
    ]
    if box.department:
        cells.append((label("department", language), [box.department], 12 * mm))
    cells.append((label("item_range", language), [first, last], 12 * mm))
    cells.append((label("box", language), [str(box.box_number)], 16 * mm))
    label_h = 8 * mm
    used = sum(label_h + h * len(values) for _, values, h in cells)
    name_h = SPINE_HEIGHT - used
    c.setLineWidth(0.4)
    centre = x + w / 2
    inner = w - 2 * mm
    # The fonds name, top to bottom, one character per line (shrunk to fit the space).
    chars = list(box.fonds_name)[:30]
    if chars:
        step = min(9 * mm, (name_h - 8 * mm) / len(chars))
        size = min(16.0, step / mm * 2.4, inner * 0.9)
        y = top - 6 * mm - size
        for ch in chars:
            _fitted(c, font, ch, centre, y, inner, size)
            y -= step
    y = top - name_h
    c.line(x, y, x + w, y)
    for caption, values, value_h in cells:
        c.setFillColorRGB(0.92, 0.92, 0.92)
        c.rect(x, y - label_h, w, label_h, stroke=0, fill=1)
        c.setFillColorRGB(0, 0, 0)
        _fitted(c, font, caption, centre, y - label_h + 2.6 * mm, inner, 9)
        y -= label_h
        c.line(x, y, x + w, y)
        for value in values:
            _fitted(c, font, value, centre, y - value_h / 2 - 1.5 * mm, inner, 12 if value_h < 16 * mm else 18)
            y -= value_h
            c.line(x, y, x + w, y)
    c.setLineWidth(0.8)  # the outer frame last, over the label fills
    c.rect(x, top - SPINE_HEIGHT, w, SPINE_HEIGHT)


def _day(value: date | None, language: str) -> str:
    if value is None:
        return ""
    return value.isoformat() if language == "en" else f"{value.year}年{value.month}月{value.day}日"


def render_box_notes(
    boxes: list[BoxLabel],
    out: str | os.PathLike[str],
    *,
    language: str = "zh_CN",
    font_path: str | None = None,
    printed_on: date | None = None,
) -> int:
    """One 备考表 (A4 portrait) per box: the notes on its contents (the box's own, else the draft of
    what left it since boxing), 整理人/整理日期 and 检查人/检查日期 (filled in when known, else left
    for the pen); returns pages."""
    font = resolve_font(font_path)
    width, height = A4
    with atomic_output(out) as temp:
        c = Canvas(str(temp), pagesize=A4)
        c.setTitle(label("box_note", language))
        body = TextFitter(font.ttfont, 11)
        for box in boxes or []:
            left, right = 25 * mm, width - 20 * mm
            c.setFont(font.name, 20)
            c.drawCentredString(width / 2, height - 35 * mm, label("box_note", language))
            c.setFont(font.name, 10)
            c.drawString(left, height - 47 * mm, f"{label('box', language)}：{box.code}")
            counts = f"{label('items', language)}：{box.item_count}    {label('pages', language)}：{box.pages}"
            c.drawRightString(right, height - 47 * mm, counts)
            frame_top, frame_bottom = height - 50 * mm, 75 * mm
            c.setLineWidth(0.8)
            c.rect(left, frame_bottom, right - left, frame_top - frame_bottom)
            c.setFont(font.name, 12)
            c.drawString(left + 4 * mm, frame_top - 9 * mm, label("box_contents", language))
            c.setFont(font.name, 11)
            y = frame_top - 19 * mm
            for paragraph in box.note_text.splitlines() or [""]:
                for line, _w in body.wrap(paragraph, right - left - 16 * mm):
                    if y < frame_bottom + 5 * mm:
                        break
                    c.drawString(left + 8 * mm, y, line)
                    y -= 7 * mm
            rows = (
                (("arranged_by", box.arranged_by), ("arranged_on", _day(box.arranged_on, language))),
                (("inspected_by", box.checked_by), ("inspected_on", _day(box.checked_on, language))),
            )
            y = 60 * mm
            c.setLineWidth(0.5)
            for pair in rows:
                for i, (key, value) in enumerate(pair):
                    x = left + i * (right - left) / 2
                    caption = f"{label(key, language)}："
                    c.setFont(font.name, 11)
                    c.drawString(x, y, caption)
                    start = x + body.width(caption) + 2
                    c.line(start, y - 2, x + (right - left) / 2 - 10 * mm, y - 2)
                    if value:
                        c.drawString(start + 3 * mm, y, value)
                y -= 14 * mm
            c.showPage()
        if not boxes:
            c.setFont(font.name, 10)
            c.drawString(20 * mm, height - 20 * mm, label("none", language))
            c.showPage()
        c.save()
    return max(len(boxes), 1)

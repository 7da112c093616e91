"""The forms of a volume (案卷), PDF only: 案卷封面, 卷脊 and 卷内备考表.

Covers carry the fields of the category's standard: 文书 and the others GB/T 9705-2008 (全宗名称,
类目名称, 案卷题名, 时间, 保管期限, 件数, 页数, 档号); 科技 GB/T 11822-2008 (档号, 案卷题名, 立卷单位,
起止日期, 保管期限, 密级); 会计 the accounting practice (单位名称, 案卷题名, 年度, 起止日期, 类别,
保管期限, 档号). The spine (10/15/20 mm, GB/T 9705, chosen by the volume's pages) carries 全宗号,
年度, 保管期限, 案卷号 and the title top to bottom. The 卷内备考表 carries 本卷情况说明 (the volume's
own, else a draft: how many items and pages it holds), 立卷人/日期,
检查人/日期 and 互见号. An empty selection prints one page saying why it is empty.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from archdesk.models import Category, Department, Fonds, Volume
from archdesk.services.database import Database
from archdesk.services.reports.covers import bold_text, draw_label_table, face, fitted_size
from archdesk.services.reports.document import Field, atomic_output
from archdesk.services.reports.fonts import resolve_font
from archdesk.services.reports.queries import QueryRows, RecordFilter, volume_rows_statement
from archdesk.services.reports.textfit import TextFitter
from archdesk.services.reports.volumes import empty_reason, series_kind, word

SPINE_HEIGHT = 270 * mm


@dataclass(frozen=True)
class VolumeSheet:
    """What the forms print about one volume (plain values, read once)."""

    volume_id: int
    reference_code: str
    volume_number: int
    title: str
    fonds_code: str
    fonds_name: str
    category: str
    category_name: str
    year: int
    retention: str
    department: str
    department_name: str
    security: str
    start_date: date | None
    end_date: date | None
    item_count: int
    pages: int
    location: str
    situation: str
    arranged_by: str
    arranged_on: date | None
    checked_by: str
    checked_on: date | None
    cross_reference: str

    @property
    def kind(self) -> str:
        return series_kind(self.category)

    @property
    def spine_mm(self) -> int:
        """GB/T 9705's spine widths: 10, 15 or 20 mm, by the pages the volume holds."""
        return 10 if self.pages <= 60 else 15 if self.pages <= 150 else 20


def volume_sheets(db: Database, flt: RecordFilter | None = None, *, language: str = "zh_CN") -> list[VolumeSheet]:
    """The volumes of ``flt`` in catalogue order."""
    en = language == "en"
    statement = volume_rows_statement(flt or RecordFilter()).add_columns(
        Fonds.code.label("fonds_code"), Fonds.name.label("fonds_name"), Category.code.label("category_code"),
        Category.name.label("category_name"), Category.name_en.label("category_name_en"), Volume.year,
        Department.code.label("department_code"), Department.name.label("department_name"), Volume.situation,
        Volume.arranged_by, Volume.arranged_on, Volume.checked_by, Volume.checked_on, Volume.cross_reference,
    )  # fmt: skip

    def build(_n: int, r: Any) -> VolumeSheet:
        return VolumeSheet(
            r.volume_id, r.reference_code, r.volume_number, r.title, r.fonds_code, r.fonds_name, r.category_code,
            (r.category_name_en or r.category_name) if en else r.category_name, r.year,
            (r.retention_name_en or r.retention_name) if en else r.retention_name, r.department_code or "",
            r.department_name or "", (r.security_name_en if en else r.security_name) or "", r.start_date, r.end_date,
            int(r.item_count), int(r.pages), r.location_code or "", r.situation or "", r.arranged_by or "",
            r.arranged_on, r.checked_by or "", r.checked_on, r.cross_reference or "",
        )  # fmt: skip

    return list(QueryRows(db, statement, build))


def _dates(v: VolumeSheet) -> str:
    first = v.start_date.strftime("%Y%m%d") if v.start_date else ""
    last = v.end_date.strftime("%Y%m%d") if v.end_date else ""
    return first if first == last else f"{first}-{last}"


def _day(value: date | None, language: str) -> str:
    if value is None:
        return ""
    return value.isoformat() if language == "en" else f"{value.year}年{value.month}月{value.day}日"


def cover_fields(v: VolumeSheet, language: str) -> tuple[Field, ...]:
    """The cover's fields, as the category's standard orders them."""

    def L(key: str) -> str:  # noqa: N802 - reads as the label it prints
        return word(key, language)

    if v.kind == "KJ":  # GB/T 11822-2008
        return (
            Field(L("volume_title"), v.title), Field(L("filing_unit"), v.department_name or v.fonds_name),
            Field(L("date_range"), _dates(v)), Field(L("retention"), v.retention), Field(L("security"), v.security),
        )  # fmt: skip
    if v.kind == "KU":  # 会计档案 practice (会计档案管理办法)
        return (
            Field(L("unit_name"), v.fonds_name), Field(L("volume_title"), v.title), Field(L("year"), str(v.year)),
            Field(L("date_range"), _dates(v)), Field(L("category"), f"{v.category} {v.category_name}"),
            Field(L("retention"), v.retention), Field(L("items"), str(v.item_count)), Field(L("pages"), str(v.pages)),
        )  # fmt: skip
    return (  # GB/T 9705-2008
        Field(L("fonds_name"), v.fonds_name), Field(L("class_name"), f"{v.category} {v.category_name}"),
        Field(L("volume_title"), v.title), Field(L("time"), _dates(v)), Field(L("retention"), v.retention),
        Field(L("items"), str(v.item_count)), Field(L("pages"), str(v.pages)),
    )  # fmt: skip


def _empty_page(c: Canvas, font: str, reason: str) -> None:
    width, height = c._pagesize
    c.setFont(font, 12)
    c.drawString(20 * mm, height - 30 * mm, reason)
    c.showPage()


@contextmanager
def _a4_form(out: str | os.PathLike[str], title: str, font: str, reason: str, empty: bool) -> Iterator[Canvas]:
    """The canvas of one of these forms, written whole or not at all; a form with no volume gets the
    page that says why."""
    with atomic_output(out) as temp:
        c = Canvas(str(temp), pagesize=A4)
        c.setTitle(title)
        yield c
        if empty:
            _empty_page(c, font, reason)
        c.save()


def render_volume_covers(
    volumes: list[VolumeSheet], out: str | os.PathLike[str], *, language: str = "zh_CN",
    font_path: str | None = None, reason: str = "",
) -> int:  # fmt: skip
    """One 案卷封面 per volume on A4 portrait (the 310×220 mm cover scaled to the sheet); returns pages."""
    font = resolve_font(font_path).name
    width, height = A4
    with _a4_form(out, word("volume_cover", language), font, reason, not volumes) as c:
        for v in volumes:
            # 档号 in the upper right corner, as on the printed covers, wide enough for a code of a
            # second-level category (Z001-KJ·JJ·2014-Y-JJC-J001) at the size of the other fields.
            code_w, label = 100 * mm, word("reference_code", language)
            label_w = max(22 * mm, TextFitter(face(font), 11).width(label) + 6 * mm)  # "Reference code" too
            draw_label_table(c, font, (Field(label, v.reference_code),),
                             width - 20 * mm - code_w, height - 20 * mm, (label_w, code_w - label_w))  # fmt: skip
            heading = word(f"cover_{v.kind.lower()}", language)
            size = fitted_size(font, heading, width - 40 * mm, 30)
            bold_text(
                c, font, (width - TextFitter(face(font), size).width(heading)) / 2, height - 75 * mm, heading, size
            )
            left = 25 * mm
            draw_label_table(
                c, font, cover_fields(v, language), left, height - 100 * mm, (40 * mm, width - 2 * left - 40 * mm)
            )
            c.setFont(font, 12)
            c.drawCentredString(width / 2, 30 * mm, v.fonds_name)
            c.showPage()
    return max(len(volumes), 1)


def render_volume_spines(
    volumes: list[VolumeSheet], out: str | os.PathLike[str], *, language: str = "zh_CN",
    font_path: str | None = None, reason: str = "",
) -> int:  # fmt: skip
    """卷脊 labels at their widths side by side on A4 portrait, ready to cut; returns pages."""
    font = resolve_font(font_path).name
    width, height = A4
    with _a4_form(out, word("volume_spine", language), font, reason, not volumes) as c:
        pages, x = 1, 15 * mm
        for v in volumes:
            w = v.spine_mm * mm
            if x + w > width - 15 * mm:
                c.showPage()
                pages += 1
                x = 15 * mm
            _draw_spine(c, font, v, x, (height + SPINE_HEIGHT) / 2, w, language)
            x += w + 4 * mm
        if volumes:
            c.showPage()
    return pages


def _centred(c: Canvas, font: str, text: str, x: float, y: float, width: float, size: float) -> None:
    c.setFont(font, fitted_size(font, text, width, size, 3.5))
    c.drawCentredString(x, y, text)


def _draw_spine(c: Canvas, font: str, v: VolumeSheet, x: float, top: float, w: float, language: str) -> None:
    cells = [
        ("fonds", v.fonds_code),
        ("year", str(v.year)),
        ("retention", v.retention),
        ("volume_number", str(v.volume_number)),
    ]
    label_h, value_h = 7 * mm, 10 * mm
    name_h = SPINE_HEIGHT - len(cells) * (label_h + value_h)
    centre, inner = x + w / 2, w - 1.5 * mm
    chars = list(v.title)[:40]  # the title top to bottom, one character a line
    if chars:
        step = min(7 * mm, (name_h - 8 * mm) / len(chars))
        y = top - 5 * mm - step * 0.6
        for ch in chars:
            _centred(c, font, ch, centre, y, inner, min(12.0, step / mm * 2.6))
            y -= step
    c.setLineWidth(0.4)
    y = top - name_h
    c.line(x, y, x + w, y)
    for key, value in cells:
        c.setFillColorRGB(0.92, 0.92, 0.92)
        c.rect(x, y - label_h, w, label_h, stroke=0, fill=1)
        c.setFillColorRGB(0, 0, 0)
        _centred(c, font, word(key, language), centre, y - label_h + 2.3 * mm, inner, 7)
        y -= label_h
        c.line(x, y, x + w, y)
        _centred(c, font, value, centre, y - value_h / 2 - 1.3 * mm, inner, 11)
        y -= value_h
        c.line(x, y, x + w, y)
    c.setLineWidth(0.8)
    c.rect(x, top - SPINE_HEIGHT, w, SPINE_HEIGHT)


def situation_draft(v: VolumeSheet, language: str) -> str:
    """本卷情况说明 as drafted from the volume's counts, when the archivist wrote none."""
    if v.situation:
        return v.situation
    if language == "en":
        return f"This file holds {v.item_count} items, {v.pages} pages."
    return f"本卷共有文件材料 {v.item_count} 件，共 {v.pages} 页。"


def render_volume_notes(
    volumes: list[VolumeSheet], out: str | os.PathLike[str], *, language: str = "zh_CN",
    font_path: str | None = None, reason: str = "",
) -> int:  # fmt: skip
    """One 卷内备考表 (A4 portrait) per volume; returns pages."""
    resolved = resolve_font(font_path)
    font = resolved.name
    width, height = A4
    body = TextFitter(resolved.ttfont, 11)
    with _a4_form(out, word("volume_note", language), font, reason, not volumes) as c:
        for v in volumes:
            left, right = 25 * mm, width - 20 * mm
            c.setFont(font, 20)
            c.drawCentredString(width / 2, height - 35 * mm, word("volume_note", language))
            c.setFont(font, 10)
            colon = ": " if language == "en" else "："
            c.drawString(left, height - 47 * mm, f"{word('reference_code', language)}{colon}{v.reference_code}")
            frame_top, frame_bottom = height - 50 * mm, 90 * mm
            c.setLineWidth(0.8)
            c.rect(left, frame_bottom, right - left, frame_top - frame_bottom)
            c.setFont(font, 12)
            c.drawString(left + 4 * mm, frame_top - 9 * mm, word("situation", language))
            c.setFont(font, 11)
            y = frame_top - 19 * mm
            for paragraph in situation_draft(v, language).splitlines():
                for line, _w in body.wrap(paragraph, right - left - 16 * mm):
                    if y > frame_bottom + 5 * mm:
                        c.drawString(left + 8 * mm, y, line)
                    y -= 7 * mm
            rows = (
                (("volume_arranged_by", v.arranged_by), ("volume_arranged_on", _day(v.arranged_on, language))),
                (("inspected_by", v.checked_by), ("inspected_on", _day(v.checked_on, language))),
                (("cross_reference", v.cross_reference),),
            )
            y = 75 * mm
            c.setLineWidth(0.5)
            for pair in rows:
                for i, (key, value) in enumerate(pair):
                    x = left + i * (right - left) / 2
                    caption = f"{word(key, language)}{colon}"
                    c.setFont(font, 11)
                    c.drawString(x, y, caption)
                    start = x + body.width(caption) + 2
                    end = x + (right - left) / (2 if len(pair) > 1 else 1) - 10 * mm
                    c.line(start, y - 2, end, y - 2)
                    if value:
                        c.drawString(start + 3 * mm, y, value)
                y -= 14 * mm
            c.showPage()
    return max(len(volumes), 1)


def volume_forms_pdf(
    key: str, db: Database, flt: RecordFilter, out: str | os.PathLike[str], *, language: str = "zh_CN",
    font_path: str | None = None,
) -> tuple[int, int]:  # fmt: skip
    """Render form ``key`` (volume_cover, volume_spine, volume_note) for ``flt``; (volumes, pages)."""
    volumes = volume_sheets(db, flt, language=language)
    reason = "" if volumes else empty_reason(db, flt, language)
    render = {"volume_cover": render_volume_covers, "volume_spine": render_volume_spines,
              "volume_note": render_volume_notes}[key]  # fmt: skip
    return len(volumes), render(volumes, out, language=language, font_path=font_path, reason=reason)

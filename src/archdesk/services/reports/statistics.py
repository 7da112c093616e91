"""Holdings statistics (馆藏统计): counts of items and pages by category (in the category's unit:
件, 张, 盘), year, retention and security level, accessions per year, and what was digitised (records
and pages scanned) per category and per year. Holdings are defined once, in ``services/holdings.py``. Returned as frozen dataclasses; exported as a
table document (Excel) or as a PDF report whose charts ReportLab draws. Qt-free.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from sqlalchemy import extract, func, select

from archdesk.messages import msg, render
from archdesk.models import Attachment, Box, Category, Record, RetentionPeriod, SecurityLevel, Volume
from archdesk.services.database import Database
from archdesk.services.holdings import HELD_STATUSES, held, status_counts, unit_word
from archdesk.services.reports.document import (
    Align,
    Column,
    Document,
    Field,
    Kind,
    Orientation,
    Section,
    atomic_output,
    field_text,
)
from archdesk.services.reports.fonts import resolve_font
from archdesk.services.reports.labels import label
from archdesk.statuses import RecordStatus

#: Items counted as holdings (在档, 出借): the one definition of services/holdings.py.
HOLDING_STATUSES = HELD_STATUSES
_PALETTE = [colors.HexColor(c) for c in ("#4472C4", "#ED7D31", "#A5A5A5", "#FFC000", "#5B9BD5", "#70AD47", "#264478")]


@dataclass(frozen=True)
class Tally:
    """One bar of a chart: a code (or year), its printed name, items (in ``unit``) and pages."""

    key: str
    name: str
    items: int
    pages: int
    unit: str = ""  # 计量单位 of a category (件, 张 for photographs, 盘 for recordings); "" when mixed


@dataclass(frozen=True)
class HoldingsStatistics:
    items: int
    pages: int
    boxes: int
    volumes: int
    by_category: tuple[Tally, ...]
    by_year: tuple[Tally, ...]
    by_retention: tuple[Tally, ...]
    by_security: tuple[Tally, ...]
    accessions: tuple[Tally, ...]  # items accepted per year (归档接收)
    language: str = "zh_CN"
    computed_on: date = field(default_factory=date.today)
    destroyed: int = 0  # 已销毁: records destroyed under an executed destruction list (not holdings)
    transferred: int = 0  # 已移出: records transferred to another archive (not holdings)
    pending: int = 0  # 暂存: received, not yet accepted (not holdings)
    digitised_by_category: tuple[Tally, ...] = ()  # items: records with a scan; pages: pages scanned
    digitised_by_year: tuple[Tally, ...] = ()  # by the year the scans were attached

    def dimensions(self) -> list[tuple[str, tuple[Tally, ...]]]:
        """(label key, tallies) of every breakdown, in the order reports show them."""
        return [
            ("by_category", self.by_category),
            ("by_year", self.by_year),
            ("by_retention", self.by_retention),
            ("by_security", self.by_security),
            ("accessions", self.accessions),
            ("digitised_by_category", self.digitised_by_category),
            ("digitised_by_year", self.digitised_by_year),
        ]


def dimension_title(key: str, language: str) -> str:
    """The heading of a breakdown (the digitisation ones are this topic's words)."""
    if key.startswith("digitised_"):
        return render(msg(f"term.holdings.{key}"), language)
    return label(key, language)


def holdings_statistics(db: Database, *, language: str = "zh_CN") -> HoldingsStatistics:
    """Count the holdings (items in custody or on loan) of the archive. Read-only, any thread."""
    en = language == "en"
    held_now = held()
    items, pages = func.count(Record.id), func.coalesce(func.sum(Record.pages), 0)
    none = label("none", language)
    with db.reading() as session:

        def tallies(statement: Any) -> tuple[Tally, ...]:
            return tuple(
                Tally(
                    key=_plain(t["key"]),
                    name=_plain(t["name"]) or none,
                    items=int(t["items"]),
                    pages=int(t["pages"]),
                    unit=t.get("unit") or "",
                )  # fmt: skip
                for t in session.execute(statement).mappings()
            )

        def counted(key: Any, name: Any) -> Any:
            # Labelled as Tally's fields: a tally is read by name, not by column order.
            return select(key.label("key"), name.label("name"), items.label("items"), pages.label("pages"))

        category_name = Category.name_en if en else Category.name
        by_category = tallies(
            counted(Category.code, category_name)
            .add_columns(Category.unit.label("unit"))
            .join(Category, Category.id == Record.category_id)
            .where(held_now)
            .group_by(Category.code, category_name, Category.sort_order, Category.unit)
            .order_by(Category.code)
        )
        # Digitised: held records with at least one attached file, and the pages of those files.
        scanned = (
            func.count(func.distinct(Attachment.record_id)).label("items"),
            func.coalesce(func.sum(Attachment.page_count), 0).label("pages"),
        )
        digitised_by_category = tallies(
            select(Category.code.label("key"), category_name.label("name"), *scanned, Category.unit.label("unit"))
            .select_from(Attachment)
            .join(Record, Record.id == Attachment.record_id)
            .join(Category, Category.id == Record.category_id)
            .where(held_now)
            .group_by(Category.code, category_name, Category.unit)
            .order_by(Category.code)
        )
        year_scanned = extract("year", Attachment.added_at)
        digitised_by_year = tallies(
            select(year_scanned.label("key"), year_scanned.label("name"), *scanned)
            .select_from(Attachment)
            .join(Record, Record.id == Attachment.record_id)
            .where(held_now)
            .group_by(year_scanned)
            .order_by(year_scanned)
        )
        by_year = tallies(counted(Record.year, Record.year).where(held_now).group_by(Record.year).order_by(Record.year))
        retention_name = RetentionPeriod.label_en if en else RetentionPeriod.label
        by_retention = tallies(
            counted(RetentionPeriod.code, retention_name)
            .join(RetentionPeriod, RetentionPeriod.id == Record.retention_id)
            .where(held_now)
            .group_by(RetentionPeriod.code, retention_name, RetentionPeriod.sort_order)
            .order_by(RetentionPeriod.sort_order)
        )
        security_name = SecurityLevel.name_en if en else SecurityLevel.name
        by_security = tallies(
            counted(SecurityLevel.code, security_name)
            .outerjoin(SecurityLevel, SecurityLevel.id == Record.security_level_id)
            .where(held_now)
            .group_by(SecurityLevel.code, security_name, SecurityLevel.rank)
            .order_by(SecurityLevel.rank.is_not(None), SecurityLevel.rank)
        )
        year_accepted = extract("year", Record.accepted_at)
        accessions = tallies(
            counted(year_accepted, year_accepted)
            .where(Record.accepted_at.is_not(None), Record.status != RecordStatus.PENDING)
            .group_by(year_accepted)
            .order_by(year_accepted)
        )
        total_pages = session.scalar(select(pages).where(held_now))
        boxes = session.scalar(select(func.count(Box.id))) or 0
        volumes = session.scalar(select(func.count(Volume.id))) or 0
    by_status = status_counts(db)
    total_items = sum(by_status[s] for s in HELD_STATUSES)
    return HoldingsStatistics(
        items=int(total_items), pages=int(total_pages), boxes=int(boxes), volumes=int(volumes),
        by_category=by_category, by_year=by_year, by_retention=by_retention, by_security=by_security,
        accessions=accessions,
        language=language, destroyed=by_status[RecordStatus.DESTROYED], transferred=by_status[RecordStatus.TRANSFERRED],
        pending=by_status[RecordStatus.PENDING],
        digitised_by_category=digitised_by_category, digitised_by_year=digitised_by_year,
    )  # fmt: skip


def _plain(value: Any) -> str:
    """A code or year as text (PostgreSQL's EXTRACT returns a decimal: 2024.0 prints as 2024)."""
    if value is None:
        return ""
    if isinstance(value, float | Decimal) and value == int(value):
        return str(int(value))
    return str(value)


def _summary_fields(stats: HoldingsStatistics) -> tuple[Field, ...]:
    lang = stats.language
    return (
        Field(label("items", lang), str(stats.items)),
        Field(label("pages", lang), str(stats.pages)),
        Field(label("boxes", lang), str(stats.boxes)),
        Field(label("volume", lang), str(stats.volumes)),
        Field(label("destroyed", lang), str(stats.destroyed)),
        Field(label("transferred", lang), str(stats.transferred)),
        Field(render(msg("term.status.pending"), lang), str(stats.pending)),
    )


def statistics_document(stats: HoldingsStatistics, *, organisation: str = "") -> Document:
    """The statistics as one table document (a section per breakdown), e.g. for Excel."""
    lang = stats.language
    columns = (
        Column(label("code", lang), 20),
        Column(label("name", lang), 40),
        Column(render(msg("term.holdings.unit"), lang), 14, Align.CENTER),
        Column(label("items", lang), 20, Align.RIGHT, kind=Kind.NUMBER),
        Column(label("pages", lang), 20, Align.RIGHT, kind=Kind.NUMBER),
    )
    sections = tuple(
        Section(
            rows=[(t.key, t.name, unit_word(t.unit, lang), t.items, t.pages) for t in tallies],
            fields=(Field(dimension_title(key, lang), ""),),
            count=len(tallies),
        )
        for key, tallies in stats.dimensions()
    )
    return Document(
        title=label("statistics", lang),
        columns=columns,
        sections=sections,
        organisation=organisation,
        printed_on=stats.computed_on,
        fields=_summary_fields(stats),
        orientation=Orientation.PORTRAIT,
        language=lang,
    )


def _chart(kind: str, tallies: tuple[Tally, ...], font: str, width: float) -> Drawing:
    height = 62 * mm
    drawing = Drawing(width, height)
    if not tallies:
        drawing.add(String(width / 2, height / 2, "—", fontName=font, fontSize=10, textAnchor="middle"))
        return drawing
    values = [t.items for t in tallies]
    names = [t.key if kind in ("by_year", "accessions", "digitised_by_year") else t.name for t in tallies]
    if kind in ("by_retention", "by_security"):
        pie = Pie()
        pie.x, pie.y, pie.width, pie.height = 30, 10, height - 20, height - 20
        pie.data = values
        pie.labels = [f"{n} ({v})" for n, v in zip(names, values, strict=True)]
        pie.simpleLabels = 1
        pie.slices.fontName = font
        pie.slices.fontSize = 8
        pie.slices.strokeWidth = 0.5
        for i in range(len(values)):
            pie.slices[i].fillColor = _PALETTE[i % len(_PALETTE)]
        drawing.add(pie)
        return drawing
    horizontal = kind in ("by_category", "digitised_by_category")
    chart = HorizontalBarChart() if horizontal else VerticalBarChart()
    # Room below for the axis labels (they must stay inside the drawing, above the table that
    # follows) and past the longest bar for its value.
    chart.x, chart.y = (70, 18) if horizontal else (35, 25)
    chart.width, chart.height = width - chart.x - 15, height - chart.y - 8
    chart.data = [values]
    chart.bars[0].fillColor = _PALETTE[0]
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max(values) * 1.12 + 1
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7
    chart.categoryAxis.categoryNames = names
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 7
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = 6.5
    chart.barLabelFormat = "%d"
    # The label starts just past the end of its bar (a centred one was half drawn over the bar:
    # 1602 read "602"); the value axis leaves room for the longest bar's label.
    chart.barLabels.boxAnchor = "w" if horizontal else "s"
    chart.barLabels.nudge = 3
    drawing.add(chart)
    return drawing


def render_statistics_pdf(
    stats: HoldingsStatistics,
    out: str | os.PathLike[str],
    *,
    organisation: str = "",
    font_path: str | os.PathLike[str] | None = None,
) -> int:
    """The statistics report: totals, then per breakdown a chart and its table (A4 portrait)."""
    font = resolve_font(font_path).name
    lang = stats.language
    title_style = ParagraphStyle("title", fontName=font, fontSize=16, leading=22, alignment=1)
    text_style = ParagraphStyle("text", fontName=font, fontSize=9.5, leading=14)
    heading_style = ParagraphStyle("heading", fontName=font, fontSize=12, leading=18, spaceBefore=8)
    width = A4[0] - 36 * mm
    story: list[Any] = [Paragraph(label("statistics", lang), title_style)]
    printed = field_text([Field(label("printed_on", lang), stats.computed_on.isoformat())], lang)
    story.append(Paragraph(f"{organisation}&nbsp;&nbsp;&nbsp;&nbsp;{printed}", text_style))
    story.append(Paragraph(field_text(_summary_fields(stats), lang).replace("    ", "&nbsp;" * 4), text_style))
    for key, tallies in stats.dimensions():
        unit = render(msg("term.holdings.unit"), lang)
        rows = [[label("code", lang), label("name", lang), unit, label("items", lang), label("pages", lang)]]
        rows += [[t.key, t.name, unit_word(t.unit, lang), f"{t.items:,}", f"{t.pages:,}"] for t in tallies]
        table = Table(rows, colWidths=[width * x for x in (0.18, 0.36, 0.14, 0.16, 0.16)], repeatRows=1)
        table.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), font, 9),
                    ("GRID", (0, 0), (-1, -1), 0.4, colors.black),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#D9D9D9")),
                    ("ALIGN", (2, 0), (2, -1), "CENTER"),
                    ("ALIGN", (3, 0), (-1, -1), "RIGHT"),
                ]
            )
        )
        chart = _chart(key, tallies, font, width)
        block = [Paragraph(dimension_title(key, lang), heading_style), chart, Spacer(1, 3 * mm), table]
        story.append(KeepTogether(block))
        story.append(Spacer(1, 4 * mm))

    def build(target: Any, total: int) -> int:
        pages = 0

        def footer(canvas: Any, _doc: Any) -> None:
            nonlocal pages
            pages += 1
            text = label("page_of", lang).format(page=pages) + label("page_total", lang).format(total=total)
            canvas.setFont(font, 8.5)
            canvas.drawCentredString(A4[0] / 2, 10 * mm, text)

        template = SimpleDocTemplate(
            target, pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm, topMargin=15 * mm, bottomMargin=18 * mm,
            title=label("statistics", lang), author=organisation,
        )  # fmt: skip
        template.build(list(story), onFirstPage=footer, onLaterPages=footer)
        return pages

    # Twice: the first pass counts the pages for "page X of Y" (the report is a few pages long).
    total = build(io.BytesIO(), 0)
    with atomic_output(out) as temp:
        return build(str(temp), total)

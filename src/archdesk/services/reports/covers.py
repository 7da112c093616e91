"""Cover pages of bound registers: the 归档文件目录's cover (DA/T 22-2015: 全宗号, 全宗名称, 年度,
保管期限, 机构(问题)) drawn before each catalogue volume by the table renderer (``pdf.py``).

A cover is a page of its own and carries no page number: the numbered pages are the register's.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from archdesk.services.reports.document import Document, Field
from archdesk.services.reports.textfit import TextFitter

ROW_HEIGHT = 13 * mm
LABEL_WIDTH = 45 * mm
VALUE_WIDTH = 105 * mm


def face(font: str) -> Any:
    from reportlab.pdfbase import pdfmetrics

    return pdfmetrics.getFont(font)


def bold_text(c: Canvas, font: str, x: float, y: float, text: str, size: float) -> None:
    """Fill and stroke the outlines (the CJK font has no bold face), as the table headers do."""
    t = c.beginText(x, y)
    t.setFont(font, size)
    t.setTextRenderMode(2)
    c.setLineWidth(size / 55)
    t.textOut(text)
    t.setTextRenderMode(0)
    c.drawText(t)


def fitted_size(font: str, text: str, width: float, size: float, smallest: float = 6.0) -> float:
    """The largest size up to ``size`` at which ``text`` fits ``width`` on one line."""
    natural = TextFitter(face(font), 1000).width(text) / 1000
    return max(smallest, min(size, width / natural)) if natural else size


def draw_label_table(
    c: Canvas, font: str, fields: tuple[Field, ...], left: float, top: float, widths: tuple[float, float]
) -> float:
    """Rows of label | value cells with a frame; returns the bottom."""
    label_w, value_w = widths
    y = top
    c.setLineWidth(0.6)
    for f in fields:
        c.rect(left, y - ROW_HEIGHT, label_w, ROW_HEIGHT)
        c.rect(left + label_w, y - ROW_HEIGHT, value_w, ROW_HEIGHT)
        size = fitted_size(font, f.label, label_w - 4 * mm, 13)
        c.setFont(font, size)
        c.drawCentredString(left + label_w / 2, y - ROW_HEIGHT / 2 - size / 3, f.label)
        size = fitted_size(font, f.value, value_w - 8 * mm, 14)  # 4 mm inside the frame on both sides
        c.setFont(font, size)
        c.drawString(left + label_w + 4 * mm, y - ROW_HEIGHT / 2 - size / 3, f.value)
        y -= ROW_HEIGHT
    return y


def draw_register_cover(c: Canvas, font: str, document: Document, fields: tuple[Field, ...]) -> None:
    """The cover of one catalogue volume, then a new page."""
    width, height = c._pagesize
    title = document.title
    size = fitted_size(font, title, width - 40 * mm, 30)
    bold_text(c, font, (width - TextFitter(face(font), size).width(title)) / 2, height * 0.72, title, size)
    left = (width - LABEL_WIDTH - VALUE_WIDTH) / 2
    draw_label_table(c, font, fields, left, height * 0.62, (LABEL_WIDTH, VALUE_WIDTH))
    c.showPage()

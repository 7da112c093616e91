"""Barcode labels (Code128 or QR, ReportLab's barcode module): box labels and shelf labels on common
A4 label sheets, and box spine labels sized for each box's spine width.

A box label carries the box code, 门类·年度·保管期限·机构, 起止件号 and the shelf; a shelf label its
address. The barcode encodes the box's barcode (ASCII: a box code's · is written .) or the shelf's
address, which the scan field and ``archdesk find`` look up.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.graphics.barcode import code128, qrencoder
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from archdesk.services.reports.document import ProgressTicker, atomic_output
from archdesk.services.reports.fonts import resolve_font
from archdesk.services.reports.textfit import TextFitter


@dataclass(frozen=True)
class Sheet:
    """A label sheet: columns × rows of labels of ``width`` × ``height`` from the page's top-left margins."""

    name: str
    columns: int
    rows: int
    width: float
    height: float
    left: float
    top: float
    gap_x: float = 0.0
    gap_y: float = 0.0


#: Common A4 sheets: 3×8 (70 × 37 mm, e.g. Avery 3474) and 2×7 (99.1 × 38.1 mm, e.g. Avery L7163).
SHEETS = {
    "a4-3x8": Sheet("a4-3x8", 3, 8, 70 * mm, 37 * mm, 0, 0.5 * mm),
    "a4-2x7": Sheet("a4-2x7", 2, 7, 99.1 * mm, 38.1 * mm, 4.65 * mm, 15.15 * mm, 2.5 * mm, 0),
    "spine": Sheet("spine", 0, 1, 0, 200 * mm, 10 * mm, 48.5 * mm, 3 * mm, 0),
}
SYMBOLOGIES = ("code128", "qr")


@dataclass(frozen=True)
class LabelItem:
    """What one label prints: the code in the barcode, a bold first line, smaller lines under it."""

    code: str
    heading: str
    lines: tuple[str, ...] = ()
    spine_mm: int = 30


def box_label_items(boxes: Sequence, language: str = "zh_CN") -> list[LabelItem]:
    """Labels for ``boxes`` (``reports.boxes.BoxLabel``), in their order."""
    items = []
    for box in boxes:
        first = f"{box.first_item:04d}" if box.first_item is not None else "—"
        last = f"{box.last_item:04d}" if box.last_item is not None else "—"
        group = "·".join(str(p) for p in (box.category, box.year, box.retention, box.department) if p)
        numbers = (
            f"件号 {first}–{last}  盒号 {box.box_number}"
            if language != "en"
            else f"items {first}–{last}  box {box.box_number}"
        )
        lines = (box.fonds_name, group, numbers) + ((box.location,) if box.location else ())
        items.append(LabelItem(box.scan_code, box.code, lines, box.spine_mm))
    return items


def shelf_label_items(shelves: Sequence, language: str = "zh_CN") -> list[LabelItem]:
    """Labels for shelves (``custody.locations.ShelfNode``): the address spelt out, and its name when it has one."""
    return [
        LabelItem(s.code, s.code, (spelt_address(s, language), s.name) if s.name else (spelt_address(s, language),))
        for s in shelves
    ]


def spelt_address(shelf, language: str = "zh_CN") -> str:  # noqa: ANN001
    """K01-03-A-2-4 → "K01库房 03列 A面 2节 4层" (or "K01 row 03 side A section 2 level 4")."""
    if language == "en":
        parts = ((shelf.storeroom, ""), (shelf.area, "area "), (shelf.row, "row "), (shelf.side, "side "),
                 (shelf.section, "section "), (shelf.level, "level "))  # fmt: skip
        return " ".join(f"{word}{value}" for value, word in parts if value)
    parts = (
        (shelf.storeroom, "库房"),
        (shelf.area, "区"),
        (shelf.row, "列"),
        (shelf.side, "面"),
        (shelf.section, "节"),
        (shelf.level, "层"),
    )
    return " ".join(f"{value}{word}" for value, word in parts if value)


def render_labels(
    items: Sequence[LabelItem],
    out: str | os.PathLike[str],
    *,
    sheet: str = "a4-3x8",
    symbology: str = "code128",
    font_path: str | None = None,
    progress=None,  # noqa: ANN001
) -> int:
    """Write the labels to a PDF; returns the number of pages."""
    layout = SHEETS[sheet]
    font = resolve_font(font_path)
    fitter = TextFitter(font.ttfont, 1000)
    ticker = ProgressTicker(progress, len(items), step=200)
    width, height = A4
    pages = 0
    with atomic_output(out) as temp:
        c = Canvas(str(temp), pagesize=A4)
        c.setTitle("Labels")
        if sheet == "spine":
            pages = _spines(c, font.name, fitter, items, layout, symbology, ticker)
        else:
            per_page = layout.columns * layout.rows
            for index, item in enumerate(items):
                slot = index % per_page
                if slot == 0 and index:
                    c.showPage()
                row, column = divmod(slot, layout.columns)
                x = layout.left + column * (layout.width + layout.gap_x)
                y = height - layout.top - (row + 1) * layout.height - row * layout.gap_y
                _label(c, font.name, fitter, item, x, y, layout.width, layout.height, symbology)
                ticker.tick()
            pages = (len(items) + per_page - 1) // per_page
        if not items:
            c.setFont(font.name, 10)
            c.drawString(15 * mm, height - 20 * mm, "—")
        c.save()
    ticker.finish()
    return max(pages, 1)


def _text(c: Canvas, font: str, fitter: TextFitter, text: str, x: float, y: float, width: float, size: float) -> None:
    natural = fitter.width(text) / 1000
    if natural and natural * size > width:
        size = max(4.0, width / natural)
    c.setFont(font, size)
    c.drawString(x, y, text)


def _barcode(c: Canvas, code: str, x: float, y: float, width: float, height: float, symbology: str) -> None:
    """A barcode filling (at most) ``width`` × ``height`` at (x, y), with its quiet zone inside."""
    if symbology == "qr":
        _qr(c, code, x, y, min(width, height))
        return
    probe = code128.Code128(code, barWidth=1, quiet=False)
    modules = probe.width
    quiet = 10  # modules of white each side (the standard asks for 10)
    bar = min(0.4 * mm, width / (modules + 2 * quiet))
    barcode = code128.Code128(code, barWidth=bar, barHeight=height, quiet=False)
    barcode.drawOn(c, x + quiet * bar, y)


def _qr(c: Canvas, code: str, x: float, y: float, side: float) -> None:
    """A QR code (level M) of ``side`` points with its 4-module quiet zone, as one filled path.

    ReportLab's QrCodeWidget draws the same symbol, one shape per module through a Drawing, and
    scores every mask pattern: 70 ms a label, against about 3 ms here.
    """
    symbol = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    symbol.addData(code)
    # make() scores all eight mask patterns to pick the best-looking one (15 ms a code); any mask
    # gives a valid symbol, and pattern 0 reads as well on a printed label.
    symbol.version = symbol.calculate_version()
    symbol.makeImpl(False, 0)
    count = symbol.getModuleCount()
    module = side / (count + 8)
    path = c.beginPath()
    for row in range(count):
        column = 0
        while column < count:
            if symbol.isDark(row, column):
                start = column
                while column < count and symbol.isDark(row, column):
                    column += 1
                path.rect(x + (start + 4) * module, y + side - (row + 5) * module, (column - start) * module, module)
            else:
                column += 1
    c.drawPath(path, stroke=0, fill=1)


def _label(
    c: Canvas, font: str, fitter: TextFitter, item: LabelItem, x: float, y: float, w: float, h: float, symbology: str
) -> None:
    pad = 3 * mm
    c.setLineWidth(0.2)
    c.setStrokeColorRGB(0.8, 0.8, 0.8)
    c.rect(x, y, w, h)  # a faint cut line, for plain paper
    c.setStrokeColorRGB(0, 0, 0)
    if symbology == "qr":
        side = h - 2 * pad
        _barcode(c, item.code, x + w - pad - side, y + pad, side, side, symbology)
        text_w = w - 3 * pad - side
        top = y + h - pad - 3.2 * mm
        _text(c, font, fitter, item.heading, x + pad, top, text_w, 8.5)
        for n, line in enumerate(item.lines):
            _text(c, font, fitter, line, x + pad, top - (n + 1) * 4.2 * mm, text_w, 7.5)
        return
    top = y + h - pad - 3 * mm
    _text(c, font, fitter, item.heading, x + pad, top, w - 2 * pad, 8.5)
    for n, line in enumerate(item.lines[:2]):
        _text(c, font, fitter, line, x + pad, top - (n + 1) * 3.6 * mm, w - 2 * pad, 7)
    bar_h = max(8 * mm, top - 2 * 3.6 * mm - 2 * mm - (y + pad))
    _barcode(c, item.code, x + pad, y + pad, w - 2 * pad, bar_h, symbology)


def _spines(
    c: Canvas,
    font: str,
    fitter: TextFitter,
    items: Sequence[LabelItem],
    layout: Sheet,
    symbology: str,
    ticker: ProgressTicker,
) -> int:
    """Spine labels side by side, each as wide as its box's spine less 2 mm, the barcode along the spine."""
    width, height = A4
    pages = 1 if items else 0
    x = layout.left
    bottom = height - layout.top - layout.height
    for item in items:
        w = max(item.spine_mm - 2, 16) * mm
        if x + w > width - layout.left:
            c.showPage()
            pages += 1
            x = layout.left
        c.setLineWidth(0.3)
        c.rect(x, bottom, w, layout.height)
        inner = w - 2 * mm
        y = bottom + layout.height - 6 * mm
        for line in (item.heading.rsplit("-", 1)[-1], *item.lines[1:3]):
            _text(c, font, fitter, line, x + 1 * mm, y, inner, 9)
            y -= 5 * mm
        if symbology == "qr":
            side = min(inner, 30 * mm)
            _barcode(c, item.code, x + (w - side) / 2, bottom + 3 * mm, side, side, symbology)
        else:  # along the spine, read with the box standing
            c.saveState()
            c.translate(x + w / 2 + min(inner, 12 * mm) / 2, bottom + 3 * mm)
            c.rotate(90)
            _barcode(c, item.code, 0, 0, layout.height - 30 * mm, min(inner, 12 * mm), symbology)
            c.restoreState()
        x += w + layout.gap_x
        ticker.tick()
    return max(pages, 1)

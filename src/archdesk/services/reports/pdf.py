"""PDF renderer for table documents: pages drawn directly on the ReportLab canvas.

One pass over the rows, whatever their number: each page gets the header (organisation,
print date, title, fields), the column header, as many whole rows as fit, and a footer
"第 X 页 共 Y 页" whose total is a form drawn once at the end. (A single platypus
LongTable for all rows is several times slower and grows faster than linear.)
"""

from __future__ import annotations

import os
from collections.abc import Sequence

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from archdesk.services.reports.document import (
    Align,
    Document,
    Orientation,
    Progress,
    ProgressTicker,
    Section,
    atomic_output,
    field_text,
    format_cell,
)
from archdesk.services.reports.fonts import ReportFont, resolve_font
from archdesk.services.reports.labels import label
from archdesk.services.reports.textfit import TextFitter

MARGIN_X = 15 * mm
MARGIN_TOP = 12 * mm
MARGIN_BOTTOM = 16 * mm
BODY_SIZE = 9.0
#: A cell steps its size down to this, rather than break a word or a short term.
MIN_SIZE = 6.5
LEADING = 11.5
PAD_Y = 2.5
PAD_X = 2.2
HEADER_FILL = (0.88, 0.88, 0.88)
_TOTAL_FORM = "archdesk_page_total"


def page_size(orientation: Orientation) -> tuple[float, float]:
    return landscape(A4) if orientation is Orientation.LANDSCAPE else A4


def render_pdf(
    document: Document,
    out: str | os.PathLike[str],
    *,
    font_path: str | os.PathLike[str] | None = None,
    progress: Progress | None = None,
) -> int:
    """Write ``document`` as a PDF to ``out`` and return the number of pages.

    The font is resolved from ``font_path`` (settings), the system, then the bundled font.
    ``progress(done_rows, total_rows)`` may return False to cancel: Cancelled is raised and
    no file is left at ``out``. Runs on the calling thread (a worker thread in the GUI).
    """
    font = resolve_font(font_path)
    with atomic_output(out) as temp:
        canvas = Canvas(
            str(temp), pagesize=page_size(document.orientation), pageCompression=1, initialFontName=font.name
        )
        canvas.setTitle(document.title)
        canvas.setAuthor(document.organisation)
        canvas.setCreator("ArchDesk")
        pages = _TablePages(canvas, document, font).draw(ProgressTicker(progress, document.row_count))
        canvas.save()
    return pages


class _TablePages:
    def __init__(self, canvas: Canvas, document: Document, font: ReportFont) -> None:
        self.c = canvas
        self.doc = document
        self.font = font.name
        self.fit = TextFitter(font.ttfont, BODY_SIZE)
        self.width, self.height = canvas._pagesize
        usable = self.width - 2 * MARGIN_X
        weights = sum(col.width for col in document.columns) or 1.0
        self.col_widths = [usable * col.width / weights for col in document.columns]
        self.col_x = [MARGIN_X + sum(self.col_widths[:i]) for i in range(len(self.col_widths) + 1)]
        self.page = 0
        # A bound volume (a section with a cover) is numbered on its own: 第 1 页 共 N 页 of that volume.
        self.covers = 0
        self.volume_start = 0
        self.volume_form = _TOTAL_FORM
        self.volume_totals: dict[str, int] = {}
        self.bottom = MARGIN_BOTTOM + 4
        self.y = 0.0
        self.table_top = 0.0
        self.text = None
        self._current_section: Section | None = None

    # -- pages -------------------------------------------------------------------------------
    def draw(self, ticker: ProgressTicker) -> int:
        sections = self.doc.sections or (Section(rows=()),)
        for index, section in enumerate(sections):
            if index:  # each section starts on a new page (it was drawn over the previous one)
                if section.cover:  # the volume before is signed and closed
                    self._draw_closing(sections[index - 1])
                self._end_page()
            if section.cover:  # a bound volume's cover: a page of its own, not numbered
                from archdesk.services.reports.covers import draw_register_cover

                draw_register_cover(self.c, self.font, self.doc, section.cover)
                self.covers += 1
                self.volume_totals[self.volume_form] = self.page - self.volume_start
                self.volume_start, self.volume_form = self.page, f"{_TOTAL_FORM}_{index}"
            self._start_page(section)
            for row in section.rows:
                self._draw_row([format_cell(v, col.kind) for v, col in zip(row, self.doc.columns, strict=False)])
                ticker.tick()
        self._draw_closing(sections[-1])
        self._end_page()
        ticker.finish()
        self._define_total()
        return self.page + self.covers

    def _start_page(self, section: Section, *, with_table: bool = True) -> None:
        self.page += 1
        self._current_section = section
        self.text = self.c.beginText()
        self.text.setFont(self.font, BODY_SIZE, LEADING)
        y = self._draw_page_header(section)
        self.table_top = y
        self.y = y
        if with_table:
            self._draw_column_header()

    def _end_page(self) -> None:
        c = self.c
        self._close_grid()
        c.drawText(self.text)
        self._draw_footer()
        c.showPage()

    def _close_grid(self) -> None:
        # Outer frame and column rules, drawn once per page over the rows drawn so far.
        c = self.c
        if self.y < self.table_top:
            c.setLineWidth(0.6)
            c.rect(MARGIN_X, self.y, self.width - 2 * MARGIN_X, self.table_top - self.y)
            c.setLineWidth(0.35)
            c.lines([(x, self.table_top, x, self.y) for x in self.col_x[1:-1]])
        self.table_top = self.y

    def _draw_page_header(self, section: Section) -> float:
        c, doc = self.c, self.doc
        top = self.height - MARGIN_TOP
        c.setFont(self.font, 8)
        c.drawString(MARGIN_X, top - 8, doc.organisation)
        printed = f"{label('printed_on', doc.language)}: {doc.printed_on.isoformat()}"
        c.drawRightString(self.width - MARGIN_X, top - 8, printed)
        y = top - 14
        title_fit = TextFitter(self.font_ttf, 16)
        for line, line_width in title_fit.wrap(doc.title, self.width - 2 * MARGIN_X):
            y -= 20
            self._bold_text((self.width - line_width) / 2, y, line, 16)
        if doc.subtitle:
            y -= 14
            c.setFont(self.font, 10)
            c.drawCentredString(self.width / 2, y, doc.subtitle)
        fields = doc.fields + section.fields
        if fields:
            text = field_text(fields, doc.language)
            c.setFont(self.font, 9.5)
            y -= 4
            for line, _w in TextFitter(self.font_ttf, 9.5).wrap(text, self.width - 2 * MARGIN_X):
                y -= 13
                c.drawString(MARGIN_X, y, line)
        return y - 6

    @property
    def font_ttf(self):  # noqa: ANN202 - ReportLab's TTFont, whose module loads only here
        from reportlab.pdfbase import pdfmetrics

        return pdfmetrics.getFont(self.font)

    def _bold_text(self, x: float, y: float, text: str, size: float) -> None:
        # The CJK font has no bold face: fill and stroke the outlines for a printed-bold look.
        t = self.c.beginText(x, y)
        t.setFont(self.font, size)
        t.setTextRenderMode(2)
        self.c.setLineWidth(size / 55)
        t.textOut(text)
        t.setTextRenderMode(0)  # the render mode outlives the text object: reset it
        self.c.drawText(t)

    def _draw_column_header(self) -> None:
        cells = [
            self.fit.fit(col.title, w - 2 * PAD_X, MIN_SIZE)
            for col, w in zip(self.doc.columns, self.col_widths, strict=True)
        ]
        height = max(len(lines) for _size, lines in cells) * LEADING + 2 * PAD_Y + 2
        c = self.c
        c.setFillColorRGB(*HEADER_FILL)
        c.rect(MARGIN_X, self.y - height, self.width - 2 * MARGIN_X, height, stroke=0, fill=1)
        c.setFillColorRGB(0, 0, 0)
        for i, (size, lines) in enumerate(cells):
            top = self.y - (height - len(lines) * LEADING) / 2
            for k, (line, line_width) in enumerate(lines):
                x = self.col_x[i] + (self.col_widths[i] - line_width) / 2
                self._bold_text(x, top - (k + 1) * LEADING + 2.6, line, size)
        self.y -= height
        c.setLineWidth(0.6)
        c.line(MARGIN_X, self.y, self.width - MARGIN_X, self.y)

    def _draw_row(self, values: Sequence[str]) -> None:
        cells: list[tuple[float, list[tuple[str, float]]]] = []
        fit, fit_line = self.fit.fit, self.fit.fit_line
        for value, col, width in zip(values, self.doc.columns, self.col_widths, strict=False):
            inner = width - 2 * PAD_X
            if col.wrap:
                cells.append(fit(value, inner, MIN_SIZE))
            else:
                size, line = fit_line(value, inner, MIN_SIZE)
                cells.append((size, [line]))
        lines_needed = max((len(lines) for _size, lines in cells), default=1)
        while True:
            capacity = int((self.y - self.bottom - 2 * PAD_Y) // LEADING)
            if lines_needed <= capacity:
                self._draw_cells(cells, lines_needed)
                return
            if self.y < self.table_top:  # rows never split: move the whole row to the next page
                self._end_page()
                self._start_page(self._section_for_continuation())
                continue
            # Only a row taller than a whole page is continued on the next one.
            self._draw_cells([(size, lines[:capacity]) for size, lines in cells], capacity)
            cells = [(size, lines[capacity:]) for size, lines in cells]
            lines_needed -= capacity
            self._end_page()
            self._start_page(self._section_for_continuation())

    def _section_for_continuation(self) -> Section:
        assert self._current_section is not None
        return self._current_section

    def _draw_cells(self, cells: list[tuple[float, list[tuple[str, float]]]], line_count: int) -> None:
        height = line_count * LEADING + 2 * PAD_Y
        t = self.text
        for i, (size, lines) in enumerate(cells):
            if size != BODY_SIZE:  # a shrunk cell: its own size, then back to the body's
                t.setFont(self.font, size, LEADING)
            col = self.doc.columns[i]
            left, width = self.col_x[i], self.col_widths[i]
            top = self.y - (height - len(lines) * LEADING) / 2 if len(lines) < line_count else self.y - PAD_Y
            for k, (line, line_width) in enumerate(lines):
                if not line:
                    continue
                if col.align is Align.CENTER:
                    x = left + (width - line_width) / 2
                elif col.align is Align.RIGHT:
                    x = left + width - PAD_X - line_width
                else:
                    x = left + PAD_X
                t.setTextOrigin(x, top - (k + 1) * LEADING + 2.6)
                t.textOut(line)
            if size != BODY_SIZE:
                t.setFont(self.font, BODY_SIZE, LEADING)
        self.y -= height
        self.c.setLineWidth(0.35)
        self.c.line(MARGIN_X, self.y, self.width - MARGIN_X, self.y)

    def _draw_closing(self, section: Section) -> None:
        doc = self.doc
        if not doc.signatures and not doc.footer_notes:
            return
        needed = 16 * len(doc.footer_notes) + (34 if doc.signatures else 0) + 8
        if self.y - needed < self.bottom:
            self._end_page()
            self._start_page(section, with_table=False)
        self._close_grid()
        c = self.c
        y = self.y - 8
        c.setFont(self.font, 9.5)
        for note in doc.footer_notes:
            y -= 14
            c.drawString(MARGIN_X, y, note)
        if doc.signatures:
            y -= 28
            slot = (self.width - 2 * MARGIN_X) / len(doc.signatures)
            c.setLineWidth(0.5)
            for i, name in enumerate(doc.signatures):
                x = MARGIN_X + i * slot
                caption = f"{name}: " if doc.language == "en" else f"{name}："
                c.drawString(x, y, caption)
                start = x + self.fit.width(caption) * 9.5 / BODY_SIZE + 2
                c.line(start, y - 2, x + slot - 12 * mm, y - 2)
        self.table_top = self.y = y - 4

    def _draw_footer(self) -> None:
        c, language = self.c, self.doc.language
        lead = label("page_of", language).format(page=self.page - self.volume_start)
        tail = label("page_total", language).format(total=self.page - self.volume_start)
        size = 8.5
        c.setFont(self.font, size)
        fit = TextFitter(self.font_ttf, size)
        x = (self.width - fit.width(lead + tail)) / 2
        y = MARGIN_BOTTOM - 9
        c.drawString(x, y, lead)
        c.saveState()
        c.translate(x + fit.width(lead), y)
        c.doForm(self.volume_form)
        c.restoreState()

    def _define_total(self) -> None:
        # Drawn once, after the last page, and referenced from every page's footer.
        c = self.c
        self.volume_totals[self.volume_form] = self.page - self.volume_start
        for name, total in self.volume_totals.items():
            c.beginForm(name, lowerx=-2, lowery=-6, upperx=120, uppery=14)
            c.setFont(self.font, 8.5)
            c.drawString(0, 0, label("page_total", self.doc.language).format(total=total))
            c.endForm()

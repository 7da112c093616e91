"""Excel renderer: the same document as a worksheet, streamed row by row.

xlsxwriter in ``constant_memory`` mode (chosen by bench/reports_bench.py: about twice as
fast as openpyxl's write-only mode for the same 100,000 rows, see bench/README.md).
Dates are real Excel dates, numbers real numbers, and text is always written as text:
a cell that begins with = + - @ gets the quote prefix and can never become a formula.
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import replace
from datetime import date, datetime, time
from decimal import Decimal

import xlsxwriter

from archdesk.services.dates import DAY, precision_of
from archdesk.services.reports.document import (
    Cell,
    Document,
    Field,
    Kind,
    Orientation,
    Progress,
    ProgressTicker,
    atomic_output,
    field_text,
    format_cell,
    scratch_folder,
)
from archdesk.services.reports.labels import label

FORMULA_PREFIXES = ("=", "+", "-", "@")
HEADER_ROW = 2  # rows 0 and 1 hold the title and the header fields
MAX_WIDTH_WRAPPED = 50
MAX_WIDTH = 70
_SHEET_NAME_BAD = re.compile(r"[\[\]:*?/\\]")


def render_xlsx(document: Document, out: str | os.PathLike[str], *, progress: Progress | None = None) -> int:
    """Write ``document`` as an .xlsx workbook to ``out``; returns the number of data rows.

    The column header is styled, frozen and filtered, widths fit the content, and the sheet
    prints landscape or portrait (as the document says), fitted to the page width with the
    header row repeated. ``progress`` may cancel (Cancelled; nothing is left at ``out``).
    """
    with atomic_output(out) as temp, scratch_folder(temp) as scratch:
        workbook = xlsxwriter.Workbook(
            str(temp),
            {
                "tmpdir": str(scratch),
                "constant_memory": True,
                "strings_to_formulas": False,
                "strings_to_urls": False,
                "strings_to_numbers": False,
            },
        )
        try:
            ticker = ProgressTicker(progress, document.row_count)
            rows = sum(_SheetWriter(workbook, part).write(ticker) for part in sheets(document))
        finally:
            workbook.close()
    return rows


def sheets(document: Document) -> list[Document]:
    """The document as one worksheet, or one per section when its sections are named sheets (the
    volumes of a catalogue: each prints as its own run of pages, 序号 from 1, its cover's fields on top)."""
    if not any(section.sheet for section in document.sections):
        return [document]
    names: set[str] = set()
    parts = []
    for section in document.sections:
        name = base = sheet_name(section.sheet or document.title)
        copy = 1
        while name.lower() in names:  # Excel compares sheet names without case
            copy += 1
            name = f"{base[: 31 - len(str(copy)) - 1]}~{copy}"
        names.add(name.lower())
        fields = section.cover or (*document.fields, *section.fields)
        part = replace(section, fields=(), cover=(), sheet="")
        parts.append(replace(document, sections=(part,), fields=tuple(fields), sheet_name=name))
    return parts


class _CharacterWidths(dict[str, int]):
    """Each character's width, looked up once (a register measures millions of characters)."""

    def __missing__(self, character: str) -> int:
        width = self[character] = 2 if unicodedata.east_asian_width(character) in "WF" else 1
        return width


_CHARACTER_WIDTHS = _CharacterWidths()


def display_width(text: str) -> int:
    """Width in Excel character units: East Asian wide characters count two."""
    if text.isascii():
        return len(text)
    return sum(map(_CHARACTER_WIDTHS.__getitem__, text))


def sheet_name(text: str) -> str:
    return (_SHEET_NAME_BAD.sub(" ", text).strip() or "Sheet1")[:31]


class _SheetWriter:
    def __init__(self, workbook: xlsxwriter.Workbook, document: Document) -> None:
        self.book = workbook
        self.doc = document
        self.sheet = workbook.add_worksheet(sheet_name(document.sheet_name or document.title))
        base = {"font_name": "SimSun", "font_size": 10, "valign": "vcenter", "border": 1}
        self.f_title = workbook.add_format({"bold": True, "font_size": 16, "align": "center", "font_name": "SimHei"})
        self.f_fields = workbook.add_format({"font_size": 10, "font_name": "SimSun"})
        self.f_section = workbook.add_format(
            {"bold": True, "font_size": 10, "font_name": "SimSun", "bg_color": "#F2F2F2"}
        )
        self.f_header = workbook.add_format(
            base | {"bold": True, "bg_color": "#D9D9D9", "align": "center", "text_wrap": True}
        )
        self.f_text = {}
        for col_index, column in enumerate(document.columns):
            props = base | {"align": str(column.align), "text_wrap": column.wrap}
            self.f_text[col_index] = (
                workbook.add_format(props),
                workbook.add_format(props | {"quote_prefix": True}),
                workbook.add_format(props | {"num_format": "yyyymmdd" if column.kind is Kind.DATE8 else "yyyy-mm-dd"}),
            )
        self.widths = [display_width(col.title) + 2 for col in document.columns]
        #: Per column: kind, the plain, quote-prefixed and date formats, and the widest it may become.
        self.cells = [
            (column.kind, *self.f_text[col_index], MAX_WIDTH_WRAPPED if column.wrap else MAX_WIDTH)
            for col_index, column in enumerate(document.columns)
        ]

    def write(self, ticker: ProgressTicker) -> int:
        doc, sheet = self.doc, self.sheet
        last_col = len(doc.columns) - 1
        self._merged(0, doc.title, self.f_title)
        sheet.set_row(0, 26)
        heading = [Field(label("organisation", doc.language), doc.organisation)] if doc.organisation else []
        heading += [*doc.fields, Field(label("printed_on", doc.language), doc.printed_on.isoformat())]
        self._merged(1, field_text(heading, doc.language), self.f_fields)
        for col_index, column in enumerate(doc.columns):
            sheet.write_string(HEADER_ROW, col_index, column.title, self.f_header)
        row_index = HEADER_ROW
        written = 0
        many_sections = len(doc.sections) > 1
        for section in doc.sections:
            if many_sections and section.fields:
                row_index += 1
                self._merged(row_index, field_text(section.fields, doc.language), self.f_section)
            for row in section.rows:
                row_index += 1
                self._write_row(row_index, row)
                written += 1
                ticker.tick()
        last_data_row = row_index
        if doc.footer_notes or doc.signatures:
            row_index += 1
            for note in doc.footer_notes:
                row_index += 1
                self._merged(row_index, note, self.f_fields)
            if doc.signatures:
                row_index += 1
                text = "        ".join(f"{name}：__________" for name in doc.signatures)
                self._merged(row_index, text, self.f_fields)
        self._finish(last_data_row, last_col)
        ticker.finish()
        return written

    def _merged(self, row_index: int, text: str, fmt: object) -> None:
        """A line of text across the whole table (title, fields, notes)."""
        last_col = len(self.doc.columns) - 1
        if last_col > 0:
            self.sheet.merge_range(row_index, 0, row_index, last_col, text, fmt)
        else:
            self.sheet.write_string(row_index, 0, text, fmt)

    def _write_row(self, row_index: int, row: tuple[Cell, ...] | list[Cell]) -> None:
        # Called once per data row (100,000 times for a large register): one pass over the cells
        # with each column's kind and formats prepared in __init__, plain strings (most cells)
        # handled first, and a text's display width measured only when it could still widen
        # its column (a column never grows past its cap, so once there nothing is measured).
        sheet = self.sheet
        widths = self.widths
        for col_index, (kind, plain, quoted, dated, cap) in enumerate(self.cells):
            value = row[col_index] if col_index < len(row) else None
            if value is None or value == "":
                sheet.write_blank(row_index, col_index, None, plain)
                continue
            if type(value) is str:
                text = value
            elif isinstance(value, int | float | Decimal) and not isinstance(value, bool) and kind is Kind.NUMBER:
                sheet.write_number(row_index, col_index, float(value), plain)
                width = len(str(value)) + 2
                if width > widths[col_index]:
                    widths[col_index] = width
                continue
            elif isinstance(value, date) and kind in (Kind.DATE, Kind.DATE8) and precision_of(value) == DAY:
                moment = value if isinstance(value, datetime) else datetime.combine(value, time())
                sheet.write_datetime(row_index, col_index, moment, dated)
                if widths[col_index] < 12:
                    widths[col_index] = 12
                continue
            else:
                text = format_cell(str(value) if isinstance(value, bool) else value, kind)
            sheet.write_string(row_index, col_index, text, quoted if text.startswith(FORMULA_PREFIXES) else plain)
            limit = widths[col_index]
            if limit < cap and 2 * len(text) + 2 > limit:
                width = display_width(text) + 2
                if width > limit:
                    widths[col_index] = width

    def _finish(self, last_data_row: int, last_col: int) -> None:
        doc, sheet = self.doc, self.sheet
        for col_index, column in enumerate(doc.columns):
            cap = MAX_WIDTH_WRAPPED if column.wrap else MAX_WIDTH
            sheet.set_column(col_index, col_index, min(self.widths[col_index], cap))
        sheet.freeze_panes(HEADER_ROW + 1, 0)
        sheet.autofilter(HEADER_ROW, 0, max(last_data_row, HEADER_ROW), last_col)
        sheet.set_paper(9)  # A4
        if doc.orientation is Orientation.LANDSCAPE:
            sheet.set_landscape()
        else:
            sheet.set_portrait()
        sheet.fit_to_pages(1, 0)
        sheet.repeat_rows(HEADER_ROW)
        sheet.set_margins(left=0.5, right=0.5, top=0.75, bottom=0.75)
        escape = _escape_header
        page = "第 &P 页 共 &N 页" if doc.language != "en" else "Page &P of &N"
        sheet.set_header(f"&L{escape(doc.organisation)}&R{escape(doc.printed_on.isoformat())}")
        sheet.set_footer(f"&C{page}")


def _escape_header(text: str) -> str:
    return text.replace("&", "&&")[:100]

"""Registers and statistics in Excel: real dates and numbers, text that never turns into a formula."""

from __future__ import annotations

from datetime import datetime

import openpyxl
import pytest
from reports_sample import FORMULA_TEXT

from archdesk.services.errors import Cancelled
from archdesk.services.reports import Column, Document, catalogue_register, render_xlsx, single_section
from archdesk.services.reports.statistics import holdings_statistics, statistics_document


def _cells(ws):
    return [cell for row in ws.iter_rows() for cell in row]


def test_register_workbook_keeps_types_and_has_a_frozen_filtered_header(sample, tmp_path):
    db, codes = sample
    out = tmp_path / "register.xlsx"
    assert render_xlsx(catalogue_register(db), out) == 8
    ws = openpyxl.load_workbook(out).active
    assert ws["A1"].value == "归档文件目录"
    assert [c.value for c in ws[3]] == ["序号", "档号", "文号", "责任者", "题名", "日期", "密级", "页数", "备注"]
    assert ws.freeze_panes == "A4"
    assert ws.auto_filter.ref == "A3:I11"
    assert ws["A3"].font.b
    first = next(row for row in ws.iter_rows(min_row=4) if row[1].value == codes["first"])
    assert first[0].value == 5 and isinstance(first[0].value, int)
    assert first[5].value == datetime(2023, 1, 9) and first[5].number_format == "yyyymmdd"
    assert first[7].value == 12 and first[7].data_type == "n"
    assert ws.column_dimensions["B"].width >= len(codes["first"])
    assert ws.page_setup.orientation == "landscape"
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.page_setup.fitToHeight == 0 and ws.page_setup.fitToWidth in (None, 1)  # one page wide (1 is the default)
    assert ws.print_title_rows == "$3:$3"


def test_formula_looking_text_is_written_as_text(sample, tmp_path):
    db, _ = sample
    out = tmp_path / "register.xlsx"
    render_xlsx(catalogue_register(db), out)
    ws = openpyxl.load_workbook(out).active
    cells = _cells(ws)
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    values = {c.value: c for c in cells if isinstance(c.value, str)}
    for text in (FORMULA_TEXT, "+86 10 1234", "-待补充", "@存疑"):
        assert values[text].data_type == "s"
        assert values[text].quotePrefix  # Excel shows it as text even when the cell is edited


def test_cancelled_workbook_leaves_no_file(tmp_path):
    rows = [(i,) for i in range(3000)]
    doc = Document(title="目录", columns=(Column("序号"),), sections=single_section(rows))
    with pytest.raises(Cancelled):
        render_xlsx(doc, tmp_path / "x.xlsx", progress=lambda done, total: done < 1000)
    assert list(tmp_path.iterdir()) == []


def test_statistics_count_holdings_and_export_to_excel(sample, tmp_path):
    db, _ = sample
    stats = holdings_statistics(db)
    assert (stats.items, stats.pages, stats.boxes, stats.volumes) == (7, 85, 3, 1)  # destroyed and pending excluded
    assert {t.key: t.items for t in stats.by_category} == {"WS": 4, "KJ·KY": 3}
    assert {t.key: t.items for t in stats.by_year} == {"2022": 1, "2023": 6}
    assert {t.name: t.items for t in stats.by_security} == {"（无）": 5, "内部": 1, "秘密": 1}
    assert {t.key: t.items for t in stats.accessions} == {"2024": 8}
    out = tmp_path / "stats.xlsx"
    render_xlsx(statistics_document(stats, organisation="本单位"), out)
    ws = openpyxl.load_workbook(out).active
    values = [[c.value for c in row] for row in ws.iter_rows(min_row=4)]
    assert ["WS", "文书", "件", 4, 25] in values  # each series in its unit (照片 in 张)
    assert any(row[0] and str(row[0]).startswith("按门类") for row in values)

"""Registers printed to PDF: what an archivist sees on paper."""

from __future__ import annotations

from datetime import date

import pytest
from pdf_helpers import pdf_font_names, pdf_pages_text, squash
from pypdf import PdfReader
from reports_sample import LONG_TITLE

from archdesk.services.errors import Cancelled, NotFound
from archdesk.services.reports import (
    Column,
    Document,
    Orientation,
    RecordFilter,
    catalogue_register,
    inventory_register,
    render_pdf,
    single_section,
    volume_catalogue,
    volume_contents,
)


def test_catalogue_register_prints_chinese_title_codes_and_supplied_titles_in_brackets(sample, tmp_path):
    db, codes = sample
    out = tmp_path / "register.pdf"
    pages = render_pdf(catalogue_register(db), out)
    reader = PdfReader(str(out))
    assert pages == len(reader.pages) == 1
    width, height = reader.pages[0].mediabox.width, reader.pages[0].mediabox.height
    assert width > height  # A4 landscape
    text = pdf_pages_text(out)[0]
    assert "归档文件目录" in text
    for key in ("first", "supplied", "formula", "destroyed", "older"):
        assert codes[key] in text  # with its middle dot
    assert "[2023年度工作会议照片说明]" in text
    assert "20230109" in text  # dates as 8 digits
    assert "已销毁" in text
    assert codes["pending"] not in text  # not yet accepted: not on the register
    assert "第1页共1页" in squash(text)
    for title in ("序号", "档号", "文号", "责任者", "题名", "日期", "密级", "页数", "备注"):
        assert title in text


def test_register_columns_come_in_the_order_of_da_t_22(sample):
    db, _ = sample
    titles = [c.title for c in catalogue_register(db).columns]
    assert titles == ["序号", "档号", "文号", "责任者", "题名", "日期", "密级", "页数", "备注"]


def test_register_filters_by_year_retention_department_and_box(sample, tmp_path):
    db, codes = sample
    out = tmp_path / "r.pdf"
    render_pdf(catalogue_register(db, RecordFilter(year=2023, retention="Y", department="BGS")), out)
    text = pdf_pages_text(out)[0]
    assert codes["first"] in text and codes["formula"] in text
    assert codes["older"] not in text and codes["destroyed"] not in text
    assert "保管期限：永久" in text and "年度：2023" in text
    render_pdf(catalogue_register(db, RecordFilter(box="Z001-WS·2023-D30-BGS-001")), out)
    text = pdf_pages_text(out)[0]
    assert codes["destroyed"] in text and codes["first"] not in text


def test_register_of_a_category_includes_its_sub_categories(sample, tmp_path):
    db, codes = sample
    doc = catalogue_register(db, RecordFilter(category="KJ"))
    assert doc.row_count == 3
    assert all(row[1].startswith("Z001-KJ·KY") for row in doc.sections[0].rows)


def test_unknown_code_in_a_filter_is_reported_by_name(sample):
    db, _ = sample
    with pytest.raises(NotFound, match="XX"):
        catalogue_register(db, RecordFilter(category="XX"))


def test_english_register_has_english_column_titles(sample, tmp_path):
    db, _ = sample
    out = tmp_path / "en.pdf"
    render_pdf(catalogue_register(db, RecordFilter(retention="Y"), language="en"), out)
    text = pdf_pages_text(out)[0]
    assert "Catalogue of archived records" in text
    assert "Reference code" in text and "Retention period: Permanent" in text  # the glossary's words
    assert "Page1of1" in squash(text)


def test_a_long_register_repeats_the_column_header_and_never_splits_a_row(tmp_path):
    rows = [(i, f"Z001-WS·2023-Y-BGS-{i:04d}", LONG_TITLE + f"（第{i}号）", date(2023, 1, 1)) for i in range(1, 301)]
    doc = Document(
        title="归档文件目录",
        columns=(Column("序号", 1), Column("档号", 4), Column("题名", 5, wrap=True), Column("日期", 2)),
        sections=single_section(rows),
        organisation="测试单位",
        orientation=Orientation.LANDSCAPE,
        signatures=("编制人", "审核人"),
    )
    out = tmp_path / "long.pdf"
    pages = render_pdf(doc, out)
    texts = pdf_pages_text(out)
    assert pages == len(texts) > 5
    for number, text in enumerate(texts, 1):
        assert "题名" in text and "测试单位" in text
        assert f"第{number}页共{pages}页" in squash(text)
    for i in range(1, 301):
        on_pages = [p for p, text in enumerate(texts) if f"BGS-{i:04d}" in text]
        assert len(on_pages) == 1
        assert f"（第{i}号）" in squash(texts[on_pages[0]])  # the wrapped title's end is on that page
    assert "编制人" in texts[-1]


def test_pdf_embeds_a_truetype_subset_and_no_cid_font(sample, tmp_path):
    db, _ = sample
    out = tmp_path / "r.pdf"
    render_pdf(catalogue_register(db), out)
    names = pdf_font_names(out)
    assert names and all(name.endswith("embedded") for name in names)
    assert all("+" in name for name in names)  # subset fonts are named AAAAAA+Name
    assert not any("STSong" in name for name in names)


def test_cancelling_an_export_leaves_no_file(sample, tmp_path):
    db, _ = sample
    out = tmp_path / "cancelled.pdf"
    rows = [(i, f"code-{i}") for i in range(2000)]
    doc = Document(title="目录", columns=(Column("序号"), Column("档号")), sections=single_section(rows))
    with pytest.raises(Cancelled):
        render_pdf(doc, out, progress=lambda done, total: done < 1000)
    assert not [p for p in tmp_path.iterdir() if "cancelled" in p.name]


def test_progress_reaches_the_total(tmp_path):
    seen = []
    rows = [(i,) for i in range(1200)]
    doc = Document(title="目录", columns=(Column("序号"),), sections=single_section(rows))
    render_pdf(doc, tmp_path / "p.pdf", progress=lambda done, total: seen.append((done, total)) or True)
    assert seen[-1] == (1200, 1200)


def test_volume_catalogue_and_in_volume_catalogue(sample, tmp_path):
    db, codes = sample
    out = tmp_path / "v.pdf"
    render_pdf(volume_catalogue(db, RecordFilter(category="KJ")), out)
    text = pdf_pages_text(out)[0]
    assert "案卷目录" in text and codes["volume"] in text and "智能档案管理系统研发项目文件" in text
    assert "20230105-20231130" in text
    render_pdf(volume_contents(db, RecordFilter(category="KJ")), out)
    text = pdf_pages_text(out)[0]
    assert "卷内文件目录" in text and codes["volume"] in text
    assert text.index("项目任务书") < text.index("项目中期检查报告") < text.index("项目验收报告")


def test_inventory_counts_boxes_items_and_pages_per_storeroom(sample, tmp_path):
    db, _ = sample
    out = tmp_path / "inv.pdf"
    render_pdf(inventory_register(db), out)
    text = pdf_pages_text(out)[0]
    assert "库存档案清册" in text and "K01-A-03-A-05-4" in text
    # Only what is held counts (DA/T 22): the destroyed item of the 2023 box is said apart.
    assert "K01：2 盒，3 件，17 页" in text
    assert "未上架：1 盒，1 件，8 页" in text
    assert "合计：3 盒，4 件，25 页" in text
    assert "已销毁 1 件" in text
    # The whole archive's holdings, as the statistics count them, and what is not held, said apart.
    assert "馆藏合计：7 件（其中出借 0）" in text
    assert "不计入馆藏：暂存 1 件，已销毁 1 件，已移出 0 件" in text
    assert "0001-0003" in text


def test_the_register_of_a_searched_table_prints_exactly_the_archived_records_the_table_shows(sample, tmp_path):
    """Records › Export… hands the table's own filter (search text included) to the register."""
    from archdesk.services import search
    from archdesk.services.records_query import SortOrder, records_page
    from archdesk.services.uow import UnitOfWork

    db, _ = sample
    with UnitOfWork(db) as uow:  # the sample is built through the ORM, outside the catalogue service
        search.rebuild_index(uow.session)
        uow.commit()
    everything = records_page(db, RecordFilter(), SortOrder(), limit=1000)
    flt = RecordFilter(text="工作")
    shown = {r.reference_code for r in records_page(db, flt, SortOrder(), limit=1000) if r.status != "pending"}
    out = tmp_path / "searched.pdf"
    render_pdf(catalogue_register(db, flt), out)
    text = "".join(pdf_pages_text(out))
    assert shown and all(code in text for code in shown)
    assert not any(r.reference_code in text for r in everything if r.reference_code not in shown)
    assert "检索词：工作" in text

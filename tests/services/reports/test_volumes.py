"""Catalogue volumes and the volume level, read back from the PDFs (pypdfium2) and workbooks (openpyxl)."""

from __future__ import annotations

from datetime import date, datetime

import openpyxl
import pypdfium2 as pdfium
import pytest
from sqlalchemy import select, update

from archdesk.models import Category, Department, Fonds, Record, RetentionPeriod, Volume
from archdesk.services.reports import (
    RecordFilter,
    catalogue_register,
    render_pdf,
    render_xlsx,
    volume_catalogue,
    volume_contents,
)
from archdesk.services.reports.volume_forms import volume_forms_pdf
from archdesk.services.uow import UnitOfWork


def pages_text(path) -> list[str]:
    pdf = pdfium.PdfDocument(str(path))
    try:
        return [pdf[i].get_textpage().get_text_range().replace("\r\n", "\n") for i in range(len(pdf))]
    finally:
        pdf.close()


def table_rows(page: str) -> list[list[str]]:
    """The lines of a register page below its column header, split into words."""
    lines = page.split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith(("序号", "No.")))
    end = next(i for i, line in enumerate(lines) if line.startswith(("第 ", "Page ")))
    return [line.split() for line in lines[start + 1 : end] if line[:1].isdigit()]


def add_ws_volume(db, pages: list[int | None]) -> str:
    """A 文书 volume (arranged under the old rules) whose items have these pages, in this order."""
    with UnitOfWork(db) as uow:
        s = uow.session

        def one(model, code):
            return s.execute(select(model).where(model.code == code)).scalar_one()

        fonds, ws, y, bgs = one(Fonds, "Z001"), one(Category, "WS"), one(RetentionPeriod, "Y"), one(Department, "BGS")
        volume = Volume(
            reference_code="Z001-WS·2015-Y-BGS-J001", fonds_id=fonds.id, category_id=ws.id, year=2015,
            retention_id=y.id, department_id=bgs.id, volume_number=1, title="2015年办公室文件",
            arranged_by="王五", arranged_on=date(2016, 3, 31), checked_by="赵六", checked_on=date(2016, 4, 7),
            cross_reference="Z001-WS·2014-Y-BGS-J003", situation="第2件为复印件。",
        )  # fmt: skip
        s.add(volume)
        s.flush()
        for number, count in enumerate(pages, 1):
            s.add(Record(
                reference_code=f"Z001-WS·2015-Y-BGS-{number:04d}", fonds_id=fonds.id, category_id=ws.id, year=2015,
                retention_id=y.id, department_id=bgs.id, item_number=number, title=f"文件{number}", pages=count,
                date=date(2015, 1, number), status="in_custody", volume_id=volume.id, accepted_at=datetime(2016, 1, 1),
            ))  # fmt: skip
        uow.commit()
    return volume.reference_code


def test_the_register_is_bound_per_year_and_period_each_volume_after_its_cover(sample, tmp_path):
    db, codes = sample
    out = tmp_path / "register.pdf"
    printed = render_pdf(catalogue_register(db, volumes="per-year-period"), out)
    pages = pages_text(out)
    assert printed == len(pages) == 8
    covers = [i for i, page in enumerate(pages) if page.startswith("归档文件目录\n全宗号")]
    # 文书 2022 永久, 文书 2023 永久, 文书 2023 定期30年, 科研 2023 永久: one volume each, each after its cover.
    assert len(covers) == 4 and all(pages[i + 1].count("序号") == 1 for i in covers)
    cover = pages[covers[2]]
    for field in ("全宗号 Z001", "全宗名称", "门类 WS 文书", "年度 2023", "保管期限 永久", "机构（问题） BGS 办公室"):
        assert field in cover
    assert "第" not in cover  # a cover carries no page number
    first_rows = [table_rows(pages[i + 1]) for i in covers]
    assert [[row[0] for row in rows] for rows in first_rows] == [["1", "2", "3"], ["1"], ["1", "2", "3"], ["1"]]
    assert first_rows[2][0][1] == codes["first"] and first_rows[3][0][1] == codes["destroyed"]
    for i in covers:  # each volume numbered on its own and signed
        volume_page = "".join(pages[i + 1].split())
        assert "第1页共1页" in volume_page and "编制人" in volume_page and "审核人" in volume_page
    assert "年度：2023" in pages[covers[3] + 1] and "保管期限：定期30年" in pages[covers[3] + 1]


def test_the_continuous_register_stays_one_list_without_covers(sample, tmp_path):
    db, _ = sample
    out = tmp_path / "register.pdf"
    assert render_pdf(catalogue_register(db, volumes="continuous"), out) == 1
    rows = table_rows(pages_text(out)[0])
    assert [row[0] for row in rows] == [str(n) for n in range(1, 9)]


def test_excel_has_a_sheet_per_volume_with_its_cover_fields_and_numbers_from_one(sample, tmp_path):
    db, codes = sample
    out = tmp_path / "register.xlsx"
    assert render_xlsx(catalogue_register(db, volumes="per-year-period"), out) == 8
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["KJ·KY·2023-Y-KYC", "WS·2022-Y-BGS", "WS·2023-Y-BGS", "WS·2023-D30-BGS"]
    sheet = book["WS·2023-Y-BGS"]
    heading = sheet["A2"].value
    for field in ("全宗号：Z001", "全宗名称：", "年度：2023", "保管期限：永久", "机构（问题）：BGS 办公室"):
        assert field in heading
    rows = [r for r in sheet.iter_rows(min_row=4, values_only=True) if isinstance(r[0], int)]
    assert [r[0] for r in rows] == [1, 2, 3] and rows[0][1] == codes["first"]
    assert [r[0] for r in book["WS·2023-D30-BGS"].iter_rows(min_row=4, values_only=True) if isinstance(r[0], int)] == [
        1
    ]
    assert "编制人" in str([r[0] for r in sheet.iter_rows(min_row=4, values_only=True)][-1])  # each volume is signed
    continuous = tmp_path / "continuous.xlsx"
    render_xlsx(catalogue_register(db), continuous)
    assert len(openpyxl.load_workbook(continuous).sheetnames) == 1


def test_a_template_without_department_binds_one_volume_across_departments(sample, tmp_path):
    db, _ = sample
    with UnitOfWork(db) as uow:
        uow.session.execute(
            update(Category)
            .where(Category.code == "WS")
            .values(refcode_pattern="{fonds}-{category}·{year}-{retention}-{item}")
        )
        dwb = uow.session.scalar(select(Department.id).where(Department.code == "DWB"))
        first = uow.session.scalar(select(Record).where(Record.title == "关于经费的请示"))
        first.department_id = dwb
        uow.commit()
    out = tmp_path / "register.xlsx"
    render_xlsx(
        catalogue_register(db, RecordFilter(category="WS", year=2023, retention="Y"), volumes="per-year-period"), out
    )
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["WS·2023-Y"]
    assert "机构" not in book.active["A2"].value
    assert [r[0] for r in book.active.iter_rows(min_row=4, values_only=True) if isinstance(r[0], int)] == [1, 2, 3]


def test_in_volume_catalogue_of_a_ws_volume_prints_page_ranges_and_science_keeps_page_counts(sample, tmp_path):
    db, codes = sample
    add_ws_volume(db, [3, 7, None, 1, 2])
    out = tmp_path / "contents.pdf"
    render_pdf(volume_contents(db, RecordFilter(category="WS")), out)
    page = pages_text(out)[0]
    assert "页号" in page and "页数" not in page
    assert [row[-1] for row in table_rows(page)] == ["1-3", "4-10", "20150103", "11", "12-13"]  # no pages: no 页号
    render_xlsx(volume_contents(db, RecordFilter(category="WS")), tmp_path / "contents.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "contents.xlsx").active
    assert [r[5] for r in sheet.iter_rows(min_row=4, values_only=True)] == ["1-3", "4-10", None, "11", "12-13"]
    render_pdf(volume_contents(db, RecordFilter(category="KJ")), out)
    page = pages_text(out)[0]
    assert "页数" in page and "页号" not in page
    assert [row[-1] for row in table_rows(page)] == ["10", "20", "30"]


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_empty_volume_registers_say_why(sample, tmp_path, language):
    db, _ = sample
    why = "本类无案卷：文书按件整理" if language == "zh_CN" else "Administrative records are arranged by item"
    for build in (volume_catalogue, volume_contents):
        out = tmp_path / f"{build.__name__}.pdf"
        render_pdf(build(db, RecordFilter(category="WS"), language=language), out)
        assert why in pages_text(out)[0]
    for key in ("volume_cover", "volume_spine", "volume_note"):
        out = tmp_path / f"{key}.pdf"
        assert volume_forms_pdf(key, db, RecordFilter(category="WS"), out, language=language) == (0, 1)
        assert why in pages_text(out)[0]
    out = tmp_path / "scope.pdf"
    render_pdf(volume_catalogue(db, RecordFilter(category="KJ", year=1999), language=language), out)
    assert ("所选范围内无案卷" if language == "zh_CN" else "No files (volumes) match") in pages_text(out)[0]


def test_volume_covers_carry_the_fields_of_their_standard(sample, tmp_path):
    db, codes = sample
    add_ws_volume(db, [3, 7])
    out = tmp_path / "covers.pdf"
    assert volume_forms_pdf("volume_cover", db, RecordFilter(), out) == (2, 2)
    science, ws = pages_text(out)  # catalogue order: KJ·KY before WS
    for text in ("档号", codes["volume"], "科技档案", "案卷题名", "智能档案管理系统研发项目文件", "立卷单位", "科研处",
                 "起止日期", "20230105-20231130", "保管期限", "永久", "密级", "内部"):  # fmt: skip
        assert text in science
    for text in (
        "文书档案",
        "全宗名称",
        "类目名称",
        "WS 文书",
        "案卷题名",
        "2015年办公室文件",
        "时间",
        "件数 2",
        "页数 10",
    ):
        assert text in ws
    volume_forms_pdf("volume_cover", db, RecordFilter(category="KJ"), out, language="en")
    assert "File title" in pages_text(out)[0] and "Science and technology records" in pages_text(out)[0]


def test_volume_notes_and_spines_carry_their_fields(sample, tmp_path):
    db, _ = sample
    code = add_ws_volume(db, [3, 7])
    out = tmp_path / "notes.pdf"
    volume_forms_pdf("volume_note", db, RecordFilter(category="WS"), out)
    (note,) = pages_text(out)
    for text in ("卷内备考表", code, "本卷情况说明", "第2件为复印件。", "立卷人： 王五", "立卷日期： 2016年3月31日",
                 "检查人： 赵六", "检查日期： 2016年4月7日", "互见号： Z001-WS·2014-Y-BGS-J003"):  # fmt: skip
        assert text in note
    volume_forms_pdf("volume_note", db, RecordFilter(category="KJ"), out)
    assert "本卷共有文件材料 3 件，共 60 页。" in pages_text(out)[0]  # no note written: the draft
    volume_forms_pdf("volume_spine", db, RecordFilter(), out)
    (spine,) = pages_text(out)
    for text in ("全宗号", "Z001", "年度", "2015", "2023", "保管期限", "永久", "案卷号"):
        assert text in spine

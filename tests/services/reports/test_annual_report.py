"""The annual statistics report (档案室基本情况统计年报): every figure equals what the archive holds,
read back from the PDF (pypdfium2) and the workbook (openpyxl); entered figures are said to be entered."""

from __future__ import annotations

import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import openpyxl
import pypdfium2 as pdfium
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "appraisal"))
from appraisal_archive import add_records, references

from archdesk.models import Attachment, Storeroom
from archdesk.services.appraisal import (
    approve_destruction_list,
    close_batch,
    create_batch,
    create_destruction_list,
    decide,
    execute_destruction_list,
)
from archdesk.services.catalogue import change_status, create_record
from archdesk.services.errors import ValidationError
from archdesk.services.reports import render_pdf, render_xlsx
from archdesk.services.reports.annual import annual_facts, annual_report, annual_report_document, set_annual_facts
from archdesk.services.reports.statistics import holdings_statistics
from archdesk.services.uow import UnitOfWork
from archdesk.services.use.borrowers import BorrowerInput, add_borrower
from archdesk.services.use.lending import lend
from archdesk.services.views import RecordInput

YEAR = date.today().year  # accepting a record dates it today: "received this year" is this year's


def pdf_text(path: Path) -> str:
    document = pdfium.PdfDocument(str(path))
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


def _known_archive(db):
    """Nine paper items and three photographs received this year; two destroyed, one transferred,
    one pending; three records lent to two borrowers this year (and one last year); scans of two records."""
    paper = add_records(db, 9, year=2010, retention="D10")
    photos = add_records(db, 3, year=2020, retention="Y", category="ZP")
    create_record(db, RecordInput(title="待归档的通知", category="WS", year=YEAR, retention="D30"))  # pending
    batch = create_batch(db, "到期鉴定", "张三,李四", appraised_on=date(YEAR, 1, 10))
    decide(db, batch, references(db, paper[:2]), "destroy", "保管期限已满")
    decide(db, batch, references(db, paper[2:]), "keep", "仍有查考价值")
    destruction = create_destruction_list(db, batch, applicant="陈静")
    approve_destruction_list(db, destruction, "周明", "孙丽,吴强", place="碎纸间", method="粉碎")
    execute_destruction_list(db, destruction, executed_on=date(YEAR, 1, 20))
    close_batch(db, batch)
    change_status(db, [paper[2]], "transferred", "移交市档案馆")
    li = add_borrower(db, BorrowerInput(name="李明", department="BGS"))
    wang = add_borrower(db, BorrowerInput(name="王芳", organisation="市志办"))
    lend(db, li, [paper[3], paper[4]], today=date(YEAR, 2, 3))
    lend(db, wang, [photos[0]], today=date(YEAR, 3, 4))
    lend(db, wang, [paper[5]], today=date(YEAR - 1, 12, 30))  # last year's: not this year's use
    with UnitOfWork(db) as uow:
        now = datetime(YEAR, 4, 1, 9, 0)
        for record_id, pages, added in ((paper[3], 12, now), (paper[3], 3, now), (photos[1], 1, now - timedelta(400))):
            uow.session.add(Attachment(record_id=record_id, file_name="scan.pdf", stored_path="x", page_count=pages,
                                       added_at=added))  # fmt: skip
        uow.session.add(Storeroom(code="K01", name="一号库房"))
        uow.session.add(Storeroom(code="K02", name="二号库房"))
        uow.commit()
    return paper, photos


def test_the_figures_are_what_the_archive_holds(archive, tmp_path):
    _known_archive(archive)
    set_annual_facts(archive, staff_full_time=2, staff_part_time=1, storeroom_areas={"K01": 60.5, "K02": 24.0})
    report = annual_report(archive, YEAR)
    figures = {line.key: line.value for line in report.lines}
    assert figures["holdings_items"] == 6  # 9 paper − 2 destroyed − 1 transferred (lent ones still held)
    assert figures["holdings_unit:张"] == 3 and figures["category_items:ZP"] == 3  # photographs in 张
    assert (figures["received_items"], figures["destroyed_items"], figures["transferred_items"]) == (12, 2, 1)
    assert (figures["use_persons"], figures["use_items"]) == (2, 3)
    assert (figures["digitised_records"], figures["digitised_pages"]) == (2, 16)
    assert (figures["digitised_year_records"], figures["digitised_year_pages"]) == (1, 15)
    assert (figures["staff_full_time"], figures["staff_part_time"]) == (2, 1)
    assert (figures["storerooms"], figures["storeroom_area"]) == (2, 84.5)
    assert figures["retention_items:D10"] == 6 and figures["retention_items:Y"] == 3
    assert {line.unit for line in report.lines if line.group == "retention"} == {"件/张"}  # by period, all units
    # The same holdings as the statistics (one definition): 6 件 + 3 张 = the 9 records held.
    assert figures["holdings_items"] + figures["holdings_unit:张"] == holdings_statistics(archive).items

    out = tmp_path / "annual.pdf"
    render_pdf(annual_report_document(report), out)
    text = pdf_text(out)
    assert f"档案室基本情况统计年报（{YEAR} 年度）" in text
    for line in ("专职档案人员 人 2 设置录入", "ZP 照片 张 3 系统统计", "本年销毁 件 2 系统统计",
                 "利用人次 人次 2 系统统计", "档案库房面积 平方米 84.5 设置录入"):  # fmt: skip
        assert line in " ".join(text.split()), line

    book = tmp_path / "annual.xlsx"
    render_xlsx(annual_report_document(report, "en"), book)
    rows = [[c for c in row] for row in openpyxl.load_workbook(book).active.iter_rows(values_only=True)]
    by_words = {(row[1], row[2]): row[3] for row in rows if row[1]}
    assert by_words[("Holdings in items", "items")] == 6
    assert by_words[("  ZP Photographs", "photos")] == 3
    assert by_words[("Transferred out this year", "items")] == 1
    assert by_words[("Records used", "uses")] == 3
    assert by_words[("Pages scanned", "pages")] == 16


def test_a_past_year_counts_what_was_held_at_its_end(archive):
    _known_archive(archive)
    last_year = {line.key: line.value for line in annual_report(archive, YEAR - 1).lines}
    # Nothing was accepted before this year, so nothing was held at the end of last year.
    assert last_year["holdings_items"] == 0 and last_year["received_items"] == 0
    assert (last_year["use_persons"], last_year["use_items"]) == (1, 1)  # the loan of 30 December
    assert (last_year["digitised_year_records"], last_year["digitised_year_pages"]) == (1, 1)


def test_figures_not_entered_are_left_blank_and_said_so(archive, tmp_path):
    _known_archive(archive)
    report = annual_report(archive, YEAR)
    missing = {line.key for line in report.lines if line.source == "missing"}
    assert {"staff_full_time", "staff_part_time", "storeroom_area", "room_area:K01"} <= missing
    assert report.value("staff_full_time") is None
    out = tmp_path / "annual.pdf"
    render_pdf(annual_report_document(report, "en"), out)
    assert "Full-time archive staff persons not entered" in " ".join(pdf_text(out).split())


def test_entered_figures_are_checked_and_saved_whole(archive):
    _known_archive(archive)
    with pytest.raises(ValidationError):
        set_annual_facts(archive, staff_full_time=-1, storeroom_areas={"K01": 10.0})
    with pytest.raises(ValidationError):
        set_annual_facts(archive, staff_full_time=3, storeroom_areas={"K01": 10.0, "K02": -5.0})
    assert annual_facts(archive) == (None, None, {"K01": None, "K02": None})  # nothing half-saved
    set_annual_facts(archive, staff_full_time=3, storeroom_areas={"K01": 10.0})
    assert annual_facts(archive) == (3, None, {"K01": 10.0, "K02": None})


def test_a_year_that_is_not_one_is_refused(archive):
    with pytest.raises(ValidationError) as refused:
        annual_report(archive, 99)
    assert "99" in refused.value.render("zh_CN")


def test_the_statistics_count_records_and_pages_digitised_per_series_and_year(archive, tmp_path):
    from archdesk.services.reports.statistics import render_statistics_pdf, statistics_document

    _known_archive(archive)
    stats = holdings_statistics(archive)
    assert {(t.key, t.items, t.pages, t.unit) for t in stats.digitised_by_category} == {
        ("WS", 1, 15, "件"), ("ZP", 1, 1, "张"),
    }  # fmt: skip
    assert {(t.key, t.items, t.pages) for t in stats.digitised_by_year} == {(str(YEAR), 1, 15), (str(YEAR - 1), 1, 1)}
    out = tmp_path / "statistics.pdf"
    render_statistics_pdf(stats, out)
    text = " ".join(pdf_text(out).split())
    assert "按门类统计数字化" in text and "按年度统计数字化" in text and "ZP 照片 张 1 1" in text
    book = tmp_path / "statistics.xlsx"
    render_xlsx(statistics_document(stats), book)
    rows = list(openpyxl.load_workbook(book).active.iter_rows(values_only=True))
    start = next(i for i, row in enumerate(rows) if row[0] == "按年度统计数字化：")
    assert [row[3:5] for row in rows[start + 1 : start + 3]] == [(1, 1), (1, 15)]

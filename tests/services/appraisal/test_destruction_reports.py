"""The destruction list (general and accounting columns) and the appraisal report, on paper and in Excel."""

from __future__ import annotations

from datetime import date

from appraisal_archive import accounting_category, add_records, references
from openpyxl import load_workbook
from pypdf import PdfReader

from archdesk.services.appraisal import (
    approve_destruction_list,
    create_batch,
    create_destruction_list,
    decide,
    execute_destruction_list,
)
from archdesk.services.reports import render_pdf, render_xlsx
from archdesk.services.reports.destruction import appraisal_report_document, destruction_list_document

DAY = date(2026, 3, 1)


def _two_lists(db):
    general = add_records(db, 2)
    vouchers = add_records(db, 2, year=2000, category=accounting_category(db))
    batch = create_batch(db, "2026年到期档案鉴定", "张三,李四", appraised_on=DAY)
    decide(db, batch, references(db, general + vouchers), "destroy", "保管期限已满，无保存价值")
    kept = add_records(db, 1)
    decide(db, batch, references(db, kept), "keep", "具有查考价值")
    first, second = create_destruction_list(db, batch, applicant="陈静"), create_destruction_list(db, batch)
    for list_id in (first, second):
        approve_destruction_list(db, list_id, "周明", "孙丽,吴强", place="碎纸间", method="粉碎")
    execute_destruction_list(db, second, executed_on=date(2026, 3, 20))
    return first, second


def _text(path) -> str:
    return "".join("".join(page.extract_text().split()) for page in PdfReader(str(path)).pages)


def test_the_general_list_has_its_columns_and_signature_lines(archive, tmp_path):
    first, _second = _two_lists(archive)
    document = destruction_list_document(archive, first)
    assert [c.title for c in document.columns] == [
        "序号", "档号", "题名", "年度/日期", "保管期限", "页数", "鉴定意见/销毁原因", "备注"
    ]  # fmt: skip
    assert document.signatures == ("批准人", "申请人", "监销人", "监销人", "日期")
    assert document.footer_notes[0] == "批准人：周明        监销人：孙丽、吴强        申请人：陈静"
    render_pdf(document, tmp_path / "list.pdf")
    text = _text(tmp_path / "list.pdf")
    for expected in (
        "档案销毁清册",
        "XH-2026-001",
        "保管期限已满，无保存价值",
        "监销人：孙丽、吴强",
        "销毁地点：碎纸间",
        "本清册永久保存",
    ):
        assert expected in text
    render_xlsx(document, tmp_path / "list.xlsx")
    sheet = load_workbook(tmp_path / "list.xlsx").active
    values = [cell for row in sheet.iter_rows(values_only=True) for cell in row if cell]
    assert "鉴定意见/销毁原因" in values and references(archive, [1])[0] in values


def test_the_accounting_list_has_the_columns_of_the_accounting_rules(archive, tmp_path):
    _first, second = _two_lists(archive)
    document = destruction_list_document(archive, second)
    assert document.title == "会计档案销毁清册"
    assert [c.title for c in document.columns] == [
        "序号", "名称", "卷号", "册数", "起止年度", "档号", "应保管期限", "已保管期限", "销毁时间", "备注"
    ]  # fmt: skip
    row = list(document.sections[0].rows)[0]
    assert (row[4], row[6], row[7], row[8]) == ("2000", "定期10年", "25年", date(2026, 3, 20))
    assert document.signatures == ("单位负责人", "档案机构负责人", "会计机构负责人", "监销人", "监销人")
    render_pdf(document, tmp_path / "accounting.pdf")
    assert "已保管期限" in _text(tmp_path / "accounting.pdf")


def test_the_list_prints_in_english_too(archive):
    first, _second = _two_lists(archive)
    document = destruction_list_document(archive, first, "en")
    assert document.title == "Destruction list" and "Witness: 孙丽, 吴强" in document.footer_notes[0]


def test_the_appraisal_report_counts_each_decision(archive, tmp_path):
    _two_lists(archive)
    document = appraisal_report_document(archive)
    (row,) = list(document.sections[0].rows)
    assert row[0] == "2026年到期档案鉴定" and row[3:] == (1, 0, 4, 0, 0, 5)
    render_pdf(document, tmp_path / "report.pdf")
    assert "档案鉴定报告" in _text(tmp_path / "report.pdf")


def test_statistics_count_the_destroyed_and_the_transferred(archive, tmp_path):
    from archdesk.services.appraisal import close_batch
    from archdesk.services.reports.statistics import holdings_statistics, statistics_document

    _two_lists(archive)  # two vouchers destroyed
    moved = add_records(archive, 2)
    batch = create_batch(archive, "进馆鉴定", "张三,李四", appraised_on=DAY)
    decide(archive, batch, references(archive, moved), "transfer", "移交市档案馆", transfer_to="市档案馆")
    close_batch(archive, batch)
    stats = holdings_statistics(archive)
    assert (stats.destroyed, stats.transferred) == (2, 2)
    fields = {f.label: f.value for f in statistics_document(stats).fields}
    assert (fields["已销毁"], fields["已移出"]) == ("2", "2")

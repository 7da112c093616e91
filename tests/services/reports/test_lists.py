"""The docks' lists as documents: the rows the dock shows, titled in the document's language."""

from __future__ import annotations

from datetime import date, datetime

import openpyxl
from pdf_helpers import pdf_pages_text, squash

from archdesk.services.appraisal import DueRecord
from archdesk.services.collection.batches import BatchSummary, list_batches
from archdesk.services.custody import LocationSummary, list_locations
from archdesk.services.demo import add_demo_data
from archdesk.services.loans import LoanSummary
from archdesk.services.records_query import RecordFilter, SortOrder, records_page
from archdesk.services.reports import render_pdf, render_xlsx
from archdesk.services.reports.lists import (
    appraisal_due_document,
    batches_document,
    loans_document,
    locations_document,
    organisation_name,
)
from archdesk.services.reports.table_scope import classification_filter, inventory_filter, shown_boxes

TODAY = date(2025, 6, 30)


def _loan(reference_code: str, due_on: date, status: str = "lent") -> LoanSummary:
    return LoanSummary(
        id=1, reference_code=reference_code, title="关于档案工作的通知", borrower="王五", mode="take_out",
        status=status, lent_on=date(2025, 6, 1), due_on=due_on, returned_on=None,
    )  # fmt: skip


def _values(path) -> list[list[object]]:
    return [[cell.value for cell in row] for row in openpyxl.load_workbook(path).active.iter_rows()]


def test_locations_list_numbers_the_shelves_notes_a_full_one_and_totals_the_boxes():
    rows = [
        LocationSummary(1, "K01-A-01-A-01-1", "K01", "", 8, 9, 30),
        LocationSummary(2, "K01-A-01-A-01-2", "K01", "空架", None, 0, 0),
    ]
    document = locations_document(rows, organisation="本单位", printed_on=TODAY)
    assert document.title == "库位清单" and document.organisation == "本单位"
    assert [c.title for c in document.columns][:5] == ["序号", "库位号", "库房", "盒数", "件数"]
    table = list(document.sections[0].rows)
    assert table[0][:5] == (1, "K01-A-01-A-01-1", "K01", 9, 30) and table[0][-1] == "超出容量"
    assert table[1][-1] == "" and table[1][5] is None
    assert document.footer_notes == ("共 2 个库位，9 盒，30 件",)


def test_loans_list_in_english_says_how_many_days_a_loan_is_overdue():
    rows = [_loan("Z001-WS·2023-Y-BGS-0001", date(2025, 6, 20)), _loan("Z001-WS·2023-Y-BGS-0002", date(2025, 7, 14))]
    document = loans_document(rows, "en", today=TODAY)
    assert document.title == "Loans"
    assert [c.title for c in document.columns][1:4] == ["Reference code", "Title", "Borrower"]
    table = list(document.sections[0].rows)
    assert table[0][4:] == ("take out", date(2025, 6, 1), date(2025, 6, 20), "lent", "10 days overdue")
    assert table[1][-1] == ""
    assert document.footer_notes == ("2 loans, 1 overdue",)


def test_appraisal_list_uses_the_retention_names_the_dock_shows_and_has_signature_lines():
    rows = [DueRecord(7, "Z001-WS·2010-D10-BGS-0001", "2010年工作总结", 2010, "D10", "定期10年", date(2021, 1, 1))]
    document = appraisal_due_document(rows, "en", retention_names={"D10": "10 years"})
    assert document.title == "Records due for appraisal"
    assert list(document.sections[0].rows) == [
        (1, "Z001-WS·2010-D10-BGS-0001", "2010年工作总结", 2010, "10 years", date(2021, 1, 1), "")
    ]
    assert document.signatures == ("Compiled by", "Checked by", "Date")
    assert list(appraisal_due_document(rows).sections[0].rows)[0][4] == "定期10年"


def test_batches_list_reads_the_status_in_chinese():
    batch = BatchSummary(3, "办公室", date(2024, 3, 1), "2024办公室移交.xlsx", 10, 8, 2, "partly_returned", "张三",
                         datetime(2024, 3, 1, 9), "两件缺页退回")  # fmt: skip
    document = batches_document([batch], printed_on=TODAY)
    assert document.title == "移交批次清单"
    assert list(document.sections[0].rows) == [
        (3, date(2024, 3, 1), "办公室", "2024办公室移交.xlsx", 10, 8, 2, "部分退回", "张三", "两件缺页退回")
    ]
    assert document.footer_notes == ("共 1 批，接收 8 件，退回 2 件",)


def test_a_shelf_list_from_the_archive_prints_to_pdf_and_excel_with_the_organisation(sample, tmp_path):
    db, _codes = sample
    rows = list_locations(db)
    document = locations_document(rows, organisation=organisation_name(db))
    assert render_pdf(document, tmp_path / "shelves.pdf") == 1
    text = squash("".join(pdf_pages_text(tmp_path / "shelves.pdf")))
    assert "库位清单" in text and "K01-A-03-A-05-4" in text and organisation_name(db) in text
    render_xlsx(document, tmp_path / "shelves.xlsx")
    cells = _values(tmp_path / "shelves.xlsx")
    row = next(r for r in cells if "K01-A-03-A-05-4" in r)
    assert row[:5] == [1, "K01-A-03-A-05-4", "K01", 2, 4]  # numbers stay numbers


def test_a_batch_list_from_the_archive_keeps_the_received_date_as_a_date(sample, tmp_path):
    db, _codes = sample
    render_xlsx(batches_document(list_batches(db), "en"), tmp_path / "batches.xlsx")
    cells = _values(tmp_path / "batches.xlsx")
    assert ["Batch", "Received", "Department"] == next(r for r in cells if "Batch" in r)[:3]
    row = next(r for r in cells if isinstance(r[0], int))
    assert row[1] == datetime(2024, 3, 1) and row[5] == 6


def test_box_forms_cover_the_boxes_of_the_records_the_table_shows(sample):
    db, codes = sample
    every = {box.code for box in shown_boxes(db, RecordFilter())}
    assert every == {"Z001-WS·2023-Y-BGS-001", "Z001-WS·2023-D30-BGS-001", "Z001-WS·2022-Y-BGS-001"}
    assert {box.code for box in shown_boxes(db, RecordFilter(year=2022))} == {"Z001-WS·2022-Y-BGS-001"}
    secret = shown_boxes(db, RecordFilter(security_level="MM"))  # a filter a box cannot state itself
    assert [box.code for box in secret] == ["Z001-WS·2023-Y-BGS-001"]
    selected = shown_boxes(db, RecordFilter(year=2023), record_ids=[4])  # the selection wins over the filter
    assert [box.code for box in selected] == ["Z001-WS·2023-D30-BGS-001"]


def test_a_table_narrowed_to_a_box_by_id_filters_volumes_and_the_inventory_by_its_code(sample):
    db, _codes = sample
    box_id = 1
    flt = classification_filter(db, RecordFilter(box_id=box_id))
    assert flt.box == "Z001-WS·2023-Y-BGS-001"
    assert inventory_filter(db, RecordFilter(box_id=box_id, location="K01")).box == "Z001-WS·2023-Y-BGS-001"
    assert classification_filter(db, RecordFilter(year=2023)) == RecordFilter(year=2023)


def test_box_labels_for_a_selection_larger_than_one_sql_statement_takes(archive, limit_bound_parameters):
    """More selected records than SQLite binds in one statement: read in chunks. The limit is 32,766
    in most builds (250,000 in Debian's); this connection gets the smallest there has been, 999."""
    limit_bound_parameters(archive, 999)
    add_demo_data(archive, 2_600)
    everything = records_page(archive, RecordFilter(), SortOrder(), limit=3_000)
    boxes = shown_boxes(archive, RecordFilter(), [view.id for view in everything])
    holding = {view.box_code for view in everything if view.box_code}
    assert len(boxes) == len(holding) > 100 and {box.code for box in boxes} == holding

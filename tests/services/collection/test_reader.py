"""Reading messy transfer spreadsheets: the table is found wherever it starts, in any format."""

from __future__ import annotations

from datetime import date

import openpyxl
import pytest
from transfer_sheets import HEADINGS, LEGACY_XLS, write_csv, write_messy_xlsx, write_ods, write_xlsx

from archdesk.services.collection import ImportFileError, read_table


def test_title_and_info_rows_are_skipped_and_rows_keep_their_sheet_numbers(tmp_path):
    table = read_table(write_messy_xlsx(tmp_path / "办公室.xlsx"))
    assert table.headers == tuple(HEADINGS)
    assert table.header_row == 3
    # Data from row 4; a blank row after the second data row (row 6) is left out, the 合计 row too.
    assert [r.sheet_row for r in table.rows] == [4, 5, 7, 8, 9, 10]
    assert table.skipped_rows == 1
    assert table.rows[0].cells[4] == "关于2023年工作要点的通知"


def test_merged_group_heading_and_merged_retention_cells_are_filled(tmp_path):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["归档文件目录"])
    sheet.append(["题名", "日期", "保管期限", "页数"])
    # A heading merged over two header rows, and one retention value merged down three data rows.
    sheet.append([None, None, None, None])
    sheet.merge_cells("A2:A3")
    sheet.append(["通知一", "20230101", "永久", 1])
    sheet.append(["通知二", "20230102", None, 2])
    sheet.append(["通知三", "20230103", None, 3])
    sheet.merge_cells("C4:C6")
    workbook.save(tmp_path / "merged.xlsx")
    table = read_table(tmp_path / "merged.xlsx")
    assert table.headers == ("题名", "日期", "保管期限", "页数")
    assert [r.cells[2] for r in table.rows] == ["永久", "永久", "永久"]
    assert [r.sheet_row for r in table.rows] == [4, 5, 6]


def test_english_headings_are_recognised(tmp_path):
    path = write_xlsx(
        tmp_path / "en.xlsx",
        [["Transfer list"], ["No.", "Title", "Date", "Pages", "Retention"], [1, "Memo", "2023-01-02", 3, "30 years"]],
    )
    table = read_table(path)
    assert table.header_row == 2 and table.rows[0].cells[1] == "Memo"


@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "utf-8", "utf-8-sig"])
def test_csv_in_gbk_or_utf8_with_or_without_bom_reads_the_same(tmp_path, encoding):
    rows = [
        ["办公室2023年度移交清单"],
        ["序号", "题名", "成文日期", "页数", "保管期限"],
        [1, "关于印发《工作规则》的通知", "20230105", "6页", "永久"],
        ["合计", "", "", "6", ""],
    ]
    table = read_table(write_csv(tmp_path / f"{encoding}.csv", rows, encoding))
    assert table.headers == ("序号", "题名", "成文日期", "页数", "保管期限")
    assert [(r.sheet_row, r.cells[1]) for r in table.rows] == [(3, "关于印发《工作规则》的通知")]


def test_legacy_xls_is_read_with_its_merged_title_and_total_row():
    table = read_table(LEGACY_XLS)
    assert table.header_row == 3
    assert [r.sheet_row for r in table.rows] == [4, 5, 6, 7, 8]
    assert table.rows[0].cells[4] == date(2019, 1, 8)


def test_ods_is_read(tmp_path):
    path = write_ods(
        tmp_path / "t.ods",
        [["移交清单"], [], ["题名", "日期", "保管期限"], ["通知", date(2023, 5, 6), "永久"], ["总计", None, None]],
    )
    table = read_table(path)
    assert table.header_row == 3
    assert [(r.sheet_row, r.cells[1]) for r in table.rows] == [(4, date(2023, 5, 6))]


def test_a_row_of_a_million_separators_is_cut_to_a_sensible_width(tmp_path):
    path = tmp_path / "wide.csv"
    path.write_text("题名,日期,保管期限" + "," * 1_000_000 + "\n通知,20230101,永久\n", encoding="utf-8")
    table = read_table(path)
    assert table.headers == ("题名", "日期", "保管期限")
    assert table.rows[0].cells == ("通知", "20230101", "永久")


def _expect_unreadable(path, words):
    with pytest.raises(ImportFileError) as caught:
        read_table(path)
    message = str(caught.value)
    assert path.name in message
    assert words in message
    return message


def test_a_renamed_text_file_is_not_a_spreadsheet(tmp_path):
    path = tmp_path / "清单.xlsx"
    path.write_text("这不是表格\n", encoding="utf-8")
    _expect_unreadable(path, "not a .xlsx spreadsheet")


def test_a_truncated_xlsx_is_reported_as_damaged(tmp_path):
    whole = write_messy_xlsx(tmp_path / "whole.xlsx").read_bytes()
    path = tmp_path / "cut.xlsx"
    path.write_bytes(whole[: len(whole) // 2])
    _expect_unreadable(path, "damaged, truncated")


def test_an_empty_file_is_reported_as_empty(tmp_path):
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    _expect_unreadable(path, "empty")


def test_an_encrypted_workbook_is_reported_as_encrypted(tmp_path):
    # What Excel writes for a password-protected .xlsx: an OLE container with an EncryptionInfo stream.
    path = tmp_path / "locked.xlsx"
    path.write_bytes(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + "EncryptionInfo".encode("utf-16-le") + b"\x00" * 512
    )
    _expect_unreadable(path, "encrypted")


def test_a_stray_value_in_the_last_column_is_refused_without_loading_the_grid(tmp_path):
    workbook = openpyxl.Workbook()
    workbook.active.append(["题名", "日期", "保管期限"])
    workbook.active.cell(row=50_000, column=16_384, value=" ")
    workbook.save(tmp_path / "bomb.xlsx")
    _expect_unreadable(tmp_path / "bomb.xlsx", "column 16,384")


def test_an_ods_value_repeated_across_a_million_columns_is_refused(tmp_path):
    bomb = '<table:table-row><table:table-cell table:number-columns-repeated="1000000" office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>'
    path = write_ods(tmp_path / "bomb.ods", [["题名", "日期"], ["通知", "20230101"]], extra_xml=bomb)
    _expect_unreadable(path, "1,000,000 columns")


def test_a_sheet_without_recognisable_headings_is_refused(tmp_path):
    path = write_xlsx(tmp_path / "x.xlsx", [["a", "b"], [1, 2]])
    _expect_unreadable(path, "no header row")


def test_an_unknown_file_type_is_refused(tmp_path):
    path = tmp_path / "list.docx"
    path.write_bytes(b"PK\x03\x04")
    _expect_unreadable(path, "unsupported file type")

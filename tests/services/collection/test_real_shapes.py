"""Transfers as they really arrive, built here in the shapes real lists have: the 期限 and the department
in the title rows, one sheet per department, spaced and two-row headings, repeated labels above the
header, dates known to the month, numeric years, SpreadsheetML .xls and a catalogue keeping its 档号."""

from __future__ import annotations

from datetime import date
from xml.sax.saxutils import escape

import openpyxl
import pytest
from sqlalchemy import select

from archdesk.models import Department, ItemSequence, Record, RetentionPeriod
from archdesk.services.collection import ImportFileError, read_table
from archdesk.services.collection.reader import read_tables
from archdesk.services.collection.transfer import import_transfer, preview_import


def _workbook(path, sheets):
    """sheets: {name: rows}; a row is a list of values. Returns the path."""
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(list(row))
    workbook.save(path)
    return path


def _records(archive):
    with archive.reading() as session:
        rows = session.execute(
            select(Record.reference_code, Record.title, Record.date, Record.date_precision, Department.code,
                   RetentionPeriod.code)
            .outerjoin(Department, Department.id == Record.department_id)
            .join(RetentionPeriod, RetentionPeriod.id == Record.retention_id)
            .order_by(Record.id)
        ).all()  # fmt: skip
    return [tuple(r) for r in rows]


def test_retention_and_department_come_from_the_title_rows_and_the_result_says_so(archive, tmp_path):
    path = _workbook(
        tmp_path / "list.xlsx",
        {"Sheet1": [
            ["2019年度归档文件目录"],
            ["保管期限：永久", None, "移交部门:办公室", None, "年度：2019"],
            ["序号", "题名", "日期", "页数"],
            [1, "关于安全生产的通知", "20190305", 3],
            [2, "年度工作总结", "20191220", 12],
        ]},
    )  # fmt: skip
    result = import_transfer(archive, path)
    assert (result.imported, result.invalid) == (2, 0)
    assert [r[0] for r in _records(archive)] == ["Z001-WS·2019-Y-BGS-0001", "Z001-WS·2019-Y-BGS-0002"]
    said = {(f.field, f.value, f.source.id, f.rows) for f in result.filled}
    assert ("retention", "永久", "import.from_title_rows", 2) in said
    assert ("department", "办公室", "import.from_title_rows", 2) in said
    assert "取自表头说明行" in " ".join(n.render("zh_CN") for n in result.notes())


def test_one_sheet_per_department_all_sheets_read_with_the_department_from_each_name(archive, tmp_path):
    heading = ["题名", "日期", "保管期限"]
    path = _workbook(
        tmp_path / "by-department.xlsx",
        {
            "办公室": [heading, ["办公会议纪要", "20200110", "永久"], ["值班安排", "20200111", "10年"]],
            "人事处": [heading, ["职工调动通知", "20200201", "30年"]],
            "说明": [["本表由各部门分别填写"]],
        },
    )
    first_only = preview_import(archive, path)
    assert first_only.rows == 2
    assert [name for name, _ in first_only.not_read] == ["人事处", "说明"]
    result = import_transfer(archive, path, sheet="all")
    assert (result.imported, result.invalid) == (3, 0)
    assert [(r[4], r[5]) for r in _records(archive)] == [("BGS", "Y"), ("BGS", "D10"), ("RSC", "D30")]
    assert result.sheets_read == ("办公室", "人事处")
    assert [name for name, _ in result.not_read] == ["说明"]  # a sheet without a table is said, not fatal
    assert "说明" in result.notes()[-1].render("en")


def test_a_named_sheet_is_read_and_an_unknown_name_lists_the_sheets(archive, tmp_path):
    path = _workbook(tmp_path / "two.xlsx", {"A": [["题名", "日期", "保管期限"], ["甲", "20200101", "永久"]],
                                            "B": [["题名", "日期", "保管期限"], ["乙", "20200102", "永久"]]})  # fmt: skip
    assert [r[1] for r in (import_transfer(archive, path, sheet="B"), _records(archive))[1]] == ["乙"]
    with pytest.raises(ImportFileError) as refused:
        read_tables(path, "C")
    assert "A、B" in refused.value.render("zh_CN")


def test_spaced_headings_and_a_date_split_into_year_month_day_under_one_heading(archive, tmp_path):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["人事档案材料目录"])
    sheet.append(["序  号", "材  料  名  称", "材料形成时间", None, None, "页 数", "保 管 期 限"])
    sheet.append([None, None, "年", "月", "日", None, None])
    sheet.merge_cells("C2:E2")
    sheet.merge_cells("A2:A3")
    sheet.append([1, "干部履历表", 1997, 7, None, 4, "永久"])
    sheet.append([2, "入党志愿书", 1999, 9, 12, 6, "永久"])
    sheet.append([3, "毕业生登记表", 1995, None, None, 2, "永久"])
    workbook.save(tmp_path / "personnel.xlsx")
    table = read_table(tmp_path / "personnel.xlsx")
    assert table.headers == ("序 号", "材 料 名 称", "材料形成时间", "页 数", "保 管 期 限")
    result = import_transfer(archive, tmp_path / "personnel.xlsx", department="RSC")
    assert (result.imported, result.invalid) == (3, 0)
    dates = [(r[2], r[3]) for r in _records(archive)]
    assert dates == [(date(1997, 7, 1), "month"), (date(1999, 9, 12), "day"), (date(1995, 1, 1), "year")]


def test_a_row_of_repeated_labels_and_a_sample_row_do_not_become_the_header(tmp_path):
    path = _workbook(
        tmp_path / "template.xlsx",
        {"Sheet1": [
            ["Notes"] * 56,
            ["Title", "Date", "Retention", "Notes"],
            ["Title of the first item", "2019-04-01", "Permanent", "Notes"],
        ]},
    )  # fmt: skip
    table = read_table(path)
    assert table.headers == ("Title", "Date", "Retention", "Notes")
    assert table.header_row == 2
    sample = _workbook(
        tmp_path / "sample.xlsx",
        {"Sheet1": [["示例：", "题名", "日期"], ["序号", "题名", "日期", "保管期限"], [1, "题名", "20190401", "永久"]]},
    )
    assert read_table(sample).header_row == 2


@pytest.mark.parametrize(
    ("written", "stored", "precision"),
    [
        ("19970700", date(1997, 7, 1), "month"),
        ("1997-07-00", date(1997, 7, 1), "month"),
        ("199707", date(1997, 7, 1), "month"),
        ("1997.7", date(1997, 7, 1), "month"),
        ("1997年7月", date(1997, 7, 1), "month"),
        ("2019.4", date(2019, 4, 1), "month"),
        (2018.7, date(2018, 7, 1), "month"),  # a numeric cell, never the Excel serial 1905-07-10
        (2021.08, date(2021, 8, 1), "month"),
        (2019, date(2019, 1, 1), "year"),
        ("19970000", date(1997, 1, 1), "year"),
        ("2019", date(2019, 1, 1), "year"),
        ("19970715", date(1997, 7, 15), "day"),
    ],
)
def test_partial_dates_in_every_notation_keep_their_precision(archive, tmp_path, written, stored, precision):
    path = _workbook(tmp_path / "d.xlsx", {"S": [["题名", "日期", "保管期限"], ["通知", written, "永久"]]})
    result = import_transfer(archive, path)
    assert result.invalid == 0, [i.message for i in result.issues]
    (row,) = _records(archive)
    assert (row[2], row[3]) == (stored, precision)


def test_no_such_month_is_refused_in_both_languages(archive, tmp_path):
    path = _workbook(tmp_path / "d.xlsx", {"S": [["题名", "日期", "保管期限"], ["通知", "1997-13-00", "永久"]]})
    (issue,) = preview_import(archive, path).validation.issues
    assert issue.render("zh_CN") == "日期不存在：1997-13-00"
    assert issue.render("en") == "no such date: 1997-13-00"


def _spreadsheetml(rows):
    def cell(value):
        if value is None:
            return "<Cell/>"
        kind = "Number" if isinstance(value, int | float) else "String"
        return f'<Cell><Data ss:Type="{kind}">{escape(str(value))}</Data></Cell>'

    body = "".join("<Row>" + "".join(cell(v) for v in row) + "</Row>" for row in rows)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<?mso-application progid="Excel.Sheet"?>\n'
        '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
        'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">'
        f'<Worksheet ss:Name="移交目录"><Table><Row><Cell ss:MergeAcross="2"><Data ss:Type="String">目录</Data></Cell>'
        f"</Row>{body}</Table></Worksheet></Workbook>"
    )


def test_a_spreadsheetml_2003_file_saved_as_xls_is_read(archive, tmp_path):
    path = tmp_path / "wps.xls"
    path.write_text(
        _spreadsheetml(
            [["题名", "日期", "保管期限", "页数"], ["通知一", 2018.7, "永久", 3], ["通知二", "20180801", "永久", 2]]
        ),
        encoding="utf-8",
    )
    table = read_table(path)
    assert (table.sheet_name, table.header_row, table.headers) == ("移交目录", 2, ("题名", "日期", "保管期限", "页数"))
    result = import_transfer(archive, path)
    assert (result.imported, result.invalid) == (2, 0)
    assert [r[2:4] for r in _records(archive)] == [(date(2018, 7, 1), "month"), (date(2018, 8, 1), "day")]


def test_a_folder_given_as_the_file_says_it_is_a_folder(tmp_path):
    with pytest.raises(ImportFileError) as refused:
        read_table(tmp_path)
    assert refused.value.render("en").endswith("is a folder, not a spreadsheet")
    assert refused.value.render("zh_CN").endswith("是文件夹，不是电子表格")


def test_a_catalogue_moved_from_another_system_keeps_its_codes_and_new_numbers_follow(archive, tmp_path):
    # No 年度, 期限 or 机构 column: the 档号 carries them.
    path = _workbook(
        tmp_path / "old-system.xlsx",
        {"归档文件目录": [
            ["档号", "题名", "日期", "页数"],
            ["Z001-WS·2015-Y-BGS-0007", "关于机构调整的通知", "20150301", 2],
            ["Z001-WS·2015-Y-BGS-0012", "年度工作总结", "201512", 10],
            ["Z001-WS·2015-D10-RSC-0003", "职工培训计划", "2015", 4],
            ["Z001-WS·2015-Y-BGS-0007", "重复的档号", "20150302", 1],
            ["Z001-WS-2015-Y-BGS-0008", "不合格式的档号", "20150303", 1],
            ["Z009-WS·2015-Y-BGS-0009", "别的全宗", "20150304", 1],
        ]},
    )  # fmt: skip
    result = import_transfer(archive, path, keep_reference_codes=True)
    assert (result.imported, result.invalid) == (3, 3)
    kept = _records(archive)
    assert [(r[0], r[4], r[5]) for r in kept] == [
        ("Z001-WS·2015-Y-BGS-0007", "BGS", "Y"),
        ("Z001-WS·2015-Y-BGS-0012", "BGS", "Y"),
        ("Z001-WS·2015-D10-RSC-0003", "RSC", "D10"),
    ]
    problems = {i.row: i.problem.id for i in result.issues}
    assert problems == {5: "import.same_code_as_row", 6: "import.code_not_parsed", 7: "import.code_mismatch"}
    with archive.reading() as session:
        assert session.scalar(
            select(ItemSequence.last_number).where(ItemSequence.group_key == "Z001-WS·2015-Y-BGS-#")
        ) == 12  # fmt: skip
    # A later transfer into the same class gets 0013, never a number that was kept.
    later = _workbook(
        tmp_path / "later.xlsx", {"S": [["题名", "日期", "保管期限"], ["补充移交的文件", "20151230", "永久"]]}
    )
    import_transfer(archive, later, department="BGS")
    assert _records(archive)[-1][0] == "Z001-WS·2015-Y-BGS-0013"


def test_a_code_already_in_the_catalogue_is_refused_per_row_when_kept(archive, tmp_path):
    rows = [["档号", "题名", "日期"], ["Z001-WS·2016-Y-BGS-0001", "通知", "20160101"]]
    import_transfer(archive, _workbook(tmp_path / "a.xlsx", {"S": rows}), keep_reference_codes=True)
    again = preview_import(archive, _workbook(tmp_path / "b.xlsx", {"S": rows}), keep_reference_codes=True)
    assert [(i.row, i.problem.id) for i in again.validation.issues] == [(2, "import.code_in_catalogue")]


def test_codes_in_the_catalogue_are_refused_when_the_sheet_gives_more_codes_than_the_archive_holds(archive, tmp_path):
    # More codes than records: the catalogue's codes are read once instead of looked up in chunks.
    first = [["档号", "题名", "日期"], ["Z001-WS·2016-Y-BGS-0002", "通知", "20160101"]]
    import_transfer(archive, _workbook(tmp_path / "a.xlsx", {"S": first}), keep_reference_codes=True)
    rows = [
        ["档号", "题名", "日期"],
        ["Z001-WS·2016-Y-BGS-0001", "报告", "20160102"],
        ["Z001-WS·2016-Y-BGS-0002", "通知", "20160101"],
        ["Z001-WS·2016-Y-BGS-0003", "请示", "20160103"],
    ]
    again = preview_import(archive, _workbook(tmp_path / "b.xlsx", {"S": rows}), keep_reference_codes=True)
    assert [(i.row, i.problem.id) for i in again.validation.issues] == [(3, "import.code_in_catalogue")]
    assert again.validation.candidate_rows == (2, 4)

"""The rejection slip and acceptance note go back to a Chinese department: every problem the import
can report is written there in Chinese."""

from __future__ import annotations

from datetime import date

import openpyxl
from transfer_sheets import messy_rows, write_messy_xlsx

from archdesk.services.collection.rejects import write_rejection_slip
from archdesk.services.collection.transfer import import_transfer, preview_import


def _bad_rows() -> list[list[object]]:
    rows = messy_rows()
    rows[0][5] = "2023.2.30"  # no such date
    rows[1][5] = "next week"  # not a date
    rows[2][4] = None  # no title
    rows[3][8] = "五年"  # unknown retention
    rows[4][6] = "-2"  # negative pages
    rows[5][7] = "很机密"  # unknown security level
    rows.append([7, None, None, "办公室", "无期限的文件", date(2023, 5, 5), 2.5, None, None, None])  # pages, retention
    rows.append([8, None, None, "办公室", "关于2023年工作要点的通知", date(2023, 1, 9), 12, None, "永久", None])
    rows.append([9, None, None, "办公室", "关于2023年工作要点的通知", date(2023, 1, 9), 12, None, "永久", None])
    return rows


def test_every_problem_of_a_messy_sheet_has_a_chinese_form(archive, tmp_path):
    path = write_messy_xlsx(tmp_path / "bad.xlsx", _bad_rows())
    issues = preview_import(archive, path, department="BGS").validation.issues
    assert len(issues) >= 8
    for issue in issues:
        assert issue.problem.id.startswith("import."), issue.problem
        chinese = issue.render("zh_CN")
        assert chinese != issue.message and any("\u4e00" <= ch <= "\u9fff" for ch in chinese)
        assert issue.render("en") == issue.message and not any("\u4e00" <= ch <= "\u9fff" for ch in issue.message[:8])


def test_the_returned_rows_and_the_note_state_each_issue_in_chinese(archive, tmp_path):
    path = write_messy_xlsx(tmp_path / "bad.xlsx", _bad_rows())
    preview = preview_import(archive, path, department="BGS")
    result = import_transfer(archive, path, department="BGS")
    slip = write_rejection_slip(preview, result, tmp_path / "out")
    sheet = openpyxl.load_workbook(slip.returned_rows).active
    issues = [row[-1] for row in sheet.iter_rows(values_only=True) if isinstance(row[0], int)]
    assert "日期：日期不存在：2023-02-30" in issues
    assert "题名：缺少题名" in issues
    assert not any("the " in text or "not a " in text for text in issues)


def test_a_file_that_cannot_be_read_is_named_and_explained_in_the_window_s_language(archive, tmp_path):
    import pytest

    from archdesk.services.collection.guards import ImportFileError

    empty = tmp_path / "移交目录.xlsx"
    empty.write_bytes(b"")
    no_header = tmp_path / "说明.csv"
    no_header.write_text("这是一份说明\n没有表格\n", encoding="utf-8")
    binary = tmp_path / "scan.csv"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    expected = {
        empty: ("移交目录.xlsx：文件是空的", "the file is empty"),
        no_header: ("说明.csv：找不到表头行", "no header row found"),
        binary: ("scan.csv：不是文本（CSV）文件", "not a text (CSV) file"),
    }
    for path, (chinese, english) in expected.items():
        with pytest.raises(ImportFileError) as refused:
            preview_import(archive, path, department="BGS")
        assert refused.value.render("zh_CN").startswith(chinese), refused.value.render("zh_CN")
        assert english in refused.value.render("en") and path.name in refused.value.render("en")

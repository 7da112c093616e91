"""`archdesk import`: one JSON object, and the exit status says whether every row was taken."""

from __future__ import annotations

import json

import openpyxl
import pytest

from archdesk.cli import main

HEADINGS = ["序号", "题名", "日期", "页数", "保管期限"]


def _sheet(path, rows):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["办公室2023年度归档文件目录"])
    sheet.append(HEADINGS)
    for row in rows:
        sheet.append(row)
    sheet.append(["合计", None, None, 9])
    workbook.save(path)
    return path


GOOD = [[1, "关于A的通知", "20230105", "3页", "永久"], [2, "关于B的通知", "2023年2月1日", 6, "定期30年"]]


def _run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_clean_file_exits_0_and_prints_the_counts(tmp_path, capsys):
    db = str(tmp_path / "a.db")
    code, out, _ = _run(
        capsys, "import", str(_sheet(tmp_path / "ok.xlsx", GOOD)), "--db", db, "--department", "BGS", "--json"
    )
    assert code == 0
    assert json.loads(out) == {
        "file": str(tmp_path / "ok.xlsx"),
        "rows": 2,
        "valid": 2,
        "invalid": 0,
        "imported": 2,
        "batch": 1,
        "errors": [],
        "unknown_values": [],
        "values_from": [],
        "sheets": ["Sheet"],
        "sheets_not_read": [],
        "warnings": [],  # cells whose hidden characters were removed (tests/cli/test_hostile_files.py)
    }


def test_some_invalid_rows_exit_3_the_valid_ones_are_imported_and_errors_name_sheet_rows(tmp_path, capsys):
    db = str(tmp_path / "a.db")
    path = _sheet(tmp_path / "some.xlsx", [*GOOD, [3, "关于C的通知", "2023-02-30", 1, "永久"]])
    code, out, _ = _run(capsys, "import", str(path), "--db", db, "--department", "BGS", "--json")
    assert code == 3
    report = json.loads(out)
    assert (report["rows"], report["valid"], report["invalid"], report["imported"]) == (3, 2, 1, 2)
    assert report["errors"] == [{"row": 5, "column": "日期", "message": "no such date: 2023-02-30"}]


def test_a_dry_run_imports_nothing_and_the_same_file_can_then_be_imported(tmp_path, capsys):
    db = str(tmp_path / "a.db")
    path = str(_sheet(tmp_path / "dry.xlsx", GOOD))
    code, out, _ = _run(capsys, "import", path, "--db", db, "--department", "BGS", "--dry-run", "--json")
    assert code == 0 and json.loads(out)["imported"] == 0
    code, out, _ = _run(capsys, "import", path, "--db", db, "--department", "BGS", "--json")
    assert code == 0 and json.loads(out)["imported"] == 2


def test_the_same_file_again_is_refused_unless_forced(tmp_path, capsys):
    db = str(tmp_path / "a.db")
    path = str(_sheet(tmp_path / "twice.xlsx", GOOD))
    assert _run(capsys, "import", path, "--db", db, "--department", "BGS")[0] == 0
    code, _, err = _run(capsys, "import", path, "--db", db, "--department", "BGS")
    assert code == 1 and "already imported" in err
    assert _run(capsys, "import", path, "--db", db, "--department", "BGS", "--force")[0] == 0


@pytest.mark.parametrize(("content", "words"), [(b"", "empty"), (b"just some text", "not a .xlsx spreadsheet")])
def test_an_unreadable_file_exits_2_with_a_clear_message(tmp_path, capsys, content, words):
    path = tmp_path / "broken.xlsx"
    path.write_bytes(content)
    code, out, err = _run(capsys, "import", str(path), "--db", str(tmp_path / "a.db"), "--json")
    assert code == 2
    assert "broken.xlsx" in err and words in err
    assert words in json.loads(out)["error"]


def test_a_sheet_without_a_title_column_exits_2(tmp_path, capsys):
    workbook = openpyxl.Workbook()
    workbook.active.append(["日期", "保管期限"])
    workbook.active.append(["20230101", "永久"])
    workbook.save(tmp_path / "notitle.xlsx")
    db = str(tmp_path / "a.db")
    code, _, err = _run(capsys, "--lang", "zh_CN", "import", str(tmp_path / "notitle.xlsx"), "--db", db)
    assert code == 2
    assert err.strip() == "archdesk: notitle.xlsx：列对应：没有列对应到题名"
    code, _, err = _run(capsys, "--lang", "en", "import", str(tmp_path / "notitle.xlsx"), "--db", db)
    assert code == 2
    assert err.strip() == "archdesk: notitle.xlsx: Column mapping: no column is mapped to Title"


def test_rejects_out_writes_the_returned_rows_and_the_acceptance_note(tmp_path, capsys):
    path = _sheet(tmp_path / "r.xlsx", [*GOOD, [3, None, "20230101", 1, "永久"]])
    out_dir = tmp_path / "slip"
    code, out, _ = _run(
        capsys,
        "import",
        str(path),
        "--db",
        str(tmp_path / "a.db"),
        "--department",
        "BGS",
        "--rejects-out",
        str(out_dir),
    )
    assert code == 3
    assert sorted(p.name for p in out_dir.iterdir()) == ["r-移交验收单.pdf", "r-退回.xlsx"]
    assert "row 5, 题名: the title is missing" in out

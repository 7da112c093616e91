"""`archdesk import` with the flags of a real transfer: --set, --column, --value, --sheet,
--keep-reference-codes; `"unknown_values"` in --json; `archdesk init`; and the round trip of
ArchDesk's own register into a new archive."""

from __future__ import annotations

import json

import openpyxl
import pytest
from sqlalchemy import select

from archdesk.cli import main
from archdesk.models import Fonds, Record, SecurityLevel
from archdesk.services.archive import open_archive


def _run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _xlsx(path, rows, name="Sheet1"):
    workbook = openpyxl.Workbook()
    workbook.active.title = name
    for row in rows:
        workbook.active.append(list(row))
    workbook.save(path)
    return path


@pytest.fixture
def db(tmp_path, capsys):
    path = tmp_path / "a.db"
    assert main(["init", "--db", str(path), "--fonds-code", "Z109", "--fonds-name", "某某局"]) == 0
    capsys.readouterr()
    return str(path)


def test_init_creates_an_empty_archive_with_its_fonds_and_code_tables_and_never_touches_one(tmp_path, capsys):
    path = tmp_path / "new.db"
    code, out, _ = _run(capsys, "init", "--db", str(path), "--fonds-code", "Z109", "--fonds-name", "某某局", "--json")
    assert code == 0
    answer = json.loads(out)
    assert (answer["fonds_code"], answer["fonds_name"]) == ("Z109", "某某局") and answer["categories"] > 5
    archive = open_archive(path)
    with archive.reading() as session:
        assert session.execute(select(Fonds.code, Fonds.name)).all() == [("Z109", "某某局")]
        assert session.scalar(select(Record.id)) is None
    archive.dispose()
    code, _, err = _run(capsys, "--lang", "zh_CN", "init", "--db", str(path), "--fonds-code", "X", "--fonds-name", "Y")
    assert code == 1 and "已是档案库" in err


def test_set_gives_a_field_without_a_column_one_value_and_json_says_where_from(tmp_path, capsys, db):
    path = _xlsx(tmp_path / "t.xlsx", [["题名", "日期"], ["通知一", "20200101"], ["通知二", "20200102"]])
    code, out, _ = _run(
        capsys, "import", str(path), "--db", db, "--set", "retention=永久", "--set", "department=办公室", "--json"
    )
    assert code == 0
    answer = json.loads(out)
    assert answer["imported"] == 2
    assert {"field": "retention", "value": "永久", "source": "given once for every row", "rows": 2} in answer[
        "values_from"
    ]
    archive = open_archive(db)
    with archive.reading() as session:
        assert session.scalars(select(Record.reference_code)).all() == [
            "Z109-WS·2020-Y-BGS-0001",
            "Z109-WS·2020-Y-BGS-0002",
        ]
    archive.dispose()


def test_a_bad_set_value_or_malformed_flag_is_one_line_and_exit_2(tmp_path, capsys, db):
    path = _xlsx(tmp_path / "t.xlsx", [["题名", "日期"], ["通知一", "20200101"]])
    code, _, err = _run(capsys, "--lang", "zh_CN", "import", str(path), "--db", db, "--set", "retention=五年")
    assert code == 2 and err.count("\n") == 1 and "未知的保管期限" in err
    code, _, err = _run(capsys, "--lang", "en", "import", str(path), "--db", db, "--column", "题名=colour")
    assert code == 2 and "unknown field colour" in err


def test_column_and_value_maps_and_unknown_values_listed_once_each(tmp_path, capsys, db):
    rows = [["Heading", "When", "Keep", "Access"]]
    rows += [[f"Item {i}", "2019-04-01", "Permanent", "Restricted" if i % 2 else "Open"] for i in range(1, 20)]
    rows.append(["Item 20", "2019-04-02", "Forever", "Restricted"])
    path = _xlsx(tmp_path / "english.xlsx", rows)
    mapping = ["--column", "Heading=title", "--column", "When=date", "--column", "Keep=retention"]
    code, out, _ = _run(capsys, "import", str(path), "--db", db, *mapping, "--column", "Access=security", "--json",
                        "--dry-run")  # fmt: skip
    assert code == 3
    answer = json.loads(out)
    assert answer["invalid"] == 11
    assert answer["unknown_values"] == [
        {
            "field": "security",
            "column": "Access",
            "value": "Restricted",
            "rows": [2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 21],
        },
        {"field": "retention", "column": "Keep", "value": "Forever", "rows": [21]},
    ] or sorted(answer["unknown_values"], key=lambda u: u["field"]) == [
        {"field": "retention", "column": "Keep", "value": "Forever", "rows": [21]},
        {
            "field": "security",
            "column": "Access",
            "value": "Restricted",
            "rows": [2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 21],
        },
    ]
    code, out, _ = _run(capsys, "import", str(path), "--db", db, *mapping, "--column", "Access=security",
                        "--value", "security:Restricted=秘密", "--value", "retention:Forever=永久", "--json")  # fmt: skip
    assert code == 0 and json.loads(out)["imported"] == 20
    archive = open_archive(db)
    with archive.reading() as session:
        secret = session.scalar(
            select(Record.id).join(SecurityLevel).where(SecurityLevel.name == "秘密").order_by(Record.id).limit(1)
        )
        assert secret is not None
    archive.dispose()


def test_a_sheet_without_a_title_column_is_one_line_in_the_language_asked(tmp_path, capsys, db):
    path = _xlsx(tmp_path / "notitle.xlsx", [["日期", "保管期限"], ["20230101", "永久"]])
    code, _, err = _run(capsys, "--lang", "zh_CN", "import", str(path), "--db", db)
    assert (code, err) == (2, "archdesk: notitle.xlsx：列对应：没有列对应到题名\n")
    code, _, err = _run(capsys, "--lang", "en", "import", str(path), "--db", db)
    assert (code, err) == (2, "archdesk: notitle.xlsx: Column mapping: no column is mapped to Title\n")


def test_the_register_of_a_demo_archive_imports_into_a_new_one_with_the_same_codes(tmp_path, capsys):
    demo, register, new = tmp_path / "demo.db", tmp_path / "register.xlsx", tmp_path / "new.db"
    assert main(["demo", "--db", str(demo), "--records", "400"]) == 0
    assert main(["export", "register", "--db", str(demo), "--out", str(register)]) == 0
    source = open_archive(demo)
    with source.reading() as session:
        fonds_code, fonds_name = session.execute(select(Fonds.code, Fonds.name)).one()
    assert main(["init", "--db", str(new), "--fonds-code", fonds_code, "--fonds-name", fonds_name]) == 0
    capsys.readouterr()
    code, out, _ = _run(capsys, "import", str(register), "--db", str(new), "--sheet", "all", "--keep-reference-codes",
                        "--json")  # fmt: skip
    answer = json.loads(out)
    assert (code, answer["invalid"]) == (0, 0), answer["errors"][:3]
    book = openpyxl.load_workbook(register)  # a sheet per volume of the register (--volumes per-year-period)
    assert len(book.worksheets) > 1
    codes_printed = [
        row[1] for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) if isinstance(row[0], int)
    ]
    assert answer["imported"] == len(codes_printed) > 300
    columns = (Record.reference_code, Record.title, Record.title_supplied, Record.date, Record.date_precision,
               Record.pages)  # fmt: skip
    copied = open_archive(new)
    with source.reading() as before, copied.reading() as after:
        wanted = before.execute(select(*columns).where(Record.reference_code.in_(codes_printed))).all()
        got = after.execute(select(*columns)).all()
    assert sorted(map(tuple, got)) == sorted(map(tuple, wanted))
    source.dispose()
    copied.dispose()

"""Hostile files are contained: one line, exit 2, an unchanged archive, and little memory — and nothing
from a file or a record reaches the terminal as a raw escape sequence."""

from __future__ import annotations

import csv
import sqlite3
import zipfile
from contextlib import closing
from pathlib import Path

import pytest

from archdesk.cli import main
from archdesk.services.archive import open_archive
from archdesk.services.catalogue import RecordInput, create_record
from archdesk.services.collection import guards

_CONTENT_TYPES = (
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
)
_RELS = (
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
_WORKBOOK = (
    '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
    '<sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
    'Target="worksheets/sheet1.xml"/></Relationships>'
)


def _xlsx(path: Path, rows: list[bytes], shared_strings: bytes | None = None) -> Path:
    sheet = (
        b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b"<sheetData>" + b"".join(rows) + b"</sheetData></worksheet>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as book:
        book.writestr("[Content_Types].xml", _CONTENT_TYPES)
        book.writestr("_rels/.rels", _RELS)
        book.writestr("xl/workbook.xml", _WORKBOOK)
        book.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        book.writestr("xl/worksheets/sheet1.xml", sheet)
        if shared_strings is not None:
            book.writestr("xl/sharedStrings.xml", shared_strings)
    return path


def _inline(text: str) -> bytes:
    return b'<c t="inlineStr"><is><t>' + text.encode() + b"</t></is></c>"


@pytest.fixture
def office(tmp_path) -> Path:
    path = tmp_path / "office.db"
    db = open_archive(path)
    create_record(db, RecordInput(title="第1次办公会议纪要", category="WS", year=2023, retention="D30"))
    db.dispose()
    return path


def _contents(path: Path) -> tuple:
    with closing(sqlite3.connect(path)) as conn:
        return (
            conn.execute("SELECT id, reference_code, title FROM record ORDER BY id").fetchall(),
            conn.execute("SELECT id, hash FROM audit_event ORDER BY id").fetchall(),
        )


def _refused(office: Path, sheet: Path, capsys) -> str:
    before = _contents(office)
    status = main(["--lang", "en", "import", str(sheet), "--db", str(office), "--department", "BGS"])
    err = capsys.readouterr().err
    assert status == 2
    assert err.count("\n") == 1 and "Traceback" not in err
    assert _contents(office) == before
    return err.strip()


def test_cells_without_references_far_to_the_right_are_counted_and_refused(office, tmp_path, capsys):
    # 70 KB on disk; read into a grid it is 2,000 × 1,000 cells.
    row = b"<row>" + b"<c><v>1</v></c>" * 1000 + b"</row>"
    sheet = _xlsx(tmp_path / "宽表.xlsx", [row] * 2_000)
    assert sheet.stat().st_size < 100_000

    assert _refused(office, sheet, capsys) == (
        "archdesk: 宽表.xlsx: the sheet has values out to column 1,000; at most 256 columns are read "
        "(delete the stray cells to the right of the table)"
    )


def test_rows_without_references_are_counted_and_a_sheet_too_large_is_refused(office, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(guards, "MAX_CELLS", 200_000)  # the same rule at a test's size (12 million cells)
    row = b"<row>" + b"<c><v>1</v></c>" * 200 + b"</row>"
    sheet = _xlsx(tmp_path / "长表.xlsx", [row] * 2_000)

    line = _refused(office, sheet, capsys)
    assert line.startswith("archdesk: 长表.xlsx: the sheet spans ") and " rows × 200 columns, " in line
    assert line.endswith("more than one import reads (split the file)")


def test_a_shared_strings_part_over_the_cap_is_refused(office, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(guards, "MAX_SHARED_STRINGS", 1_000_000)
    strings = (
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' + b"<si><t>x</t></si>" * 200_000
    )
    sheet = _xlsx(tmp_path / "字串.xlsx", [b'<row r="1"><c r="A1" t="s"><v>0</v></c></row>'], strings + b"</sst>")

    assert (
        _refused(office, sheet, capsys)
        == "archdesk: 字串.xlsx: the workbook's text is 3 MB, more than one import reads"
    )


def test_a_small_sheet_without_references_still_imports(office, tmp_path, capsys):
    header = b"<row>" + _inline("题名") + _inline("年度") + _inline("保管期限") + b"</row>"
    rows = [
        b"<row>" + _inline(f"关于第{n}批设备采购的请示") + b"<c><v>2022</v></c>" + _inline("D30") + b"</row>"
        for n in range(3)
    ]
    sheet = _xlsx(tmp_path / "无引用.xlsx", [header, *rows])

    status = main(["--lang", "en", "import", str(sheet), "--db", str(office), "--department", "BGS"])

    assert status == 0, capsys.readouterr().err
    assert len(_contents(office)[0]) == 4


def test_control_bidi_and_zero_width_characters_are_stripped_from_cells(office, tmp_path, capsys):
    sheet = tmp_path / "隐藏字符.csv"
    with sheet.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["题名", "年度", "保管期限"])
        writer.writerow(["关于\x1b[31m设备\u202e采购\u200b的请示\x07", 2022, "D30"])

    assert main(["--lang", "en", "import", str(sheet), "--db", str(office), "--department", "BGS"]) == 0

    assert _contents(office)[0][-1][2] == "关于[31m设备采购的请示"
    assert (
        "隐藏字符.csv row 2, 题名: control, bidi-override or zero-width characters were removed"
        in capsys.readouterr().out
    )


def test_hidden_characters_far_down_the_sheet_are_removed_with_a_warning_in_the_json(office, tmp_path, capsys):
    import json

    sheet = tmp_path / "移交清单.csv"
    with sheet.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["题名", "年度", "保管期限", "备注"])
        writer.writerows([[f"关于第{n}批设备采购的请示", 2022, "D30", ""] for n in range(1, 60)])
        writer.writerow(["关于第60批设备采购的请示", 2022, "D30", "见\u202e附件\u200b"])

    assert main(["import", str(sheet), "--db", str(office), "--department", "BGS", "--json"]) == 0

    result = json.loads(capsys.readouterr().out)
    assert result["imported"] == 60
    assert result["warnings"] == [
        {
            "file": str(sheet),
            "row": 61,
            "column": "备注",
            "message": "移交清单.csv row 61, 备注: control, bidi-override or zero-width characters were removed",
        }
    ]
    with closing(sqlite3.connect(office)) as conn:
        assert conn.execute("SELECT notes FROM record ORDER BY id DESC LIMIT 1").fetchone() == ("见附件",)


def test_nothing_printed_to_the_terminal_carries_a_raw_escape_sequence(office, capsys):
    with closing(sqlite3.connect(office)) as conn, conn:
        conn.execute("UPDATE record SET title = '纪要\x1b]0;owned\x07\u202eevil'")  # as a careless tool could

    assert main(["search", "纪要", "--db", str(office)]) == 0

    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
    assert "纪要\\x1b]0;owned\\x07\\u202eevil" in out

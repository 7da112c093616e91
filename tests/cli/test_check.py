"""`archdesk check`: a report on stdout, exit 0 when clean and 1 when problems, one line on
stderr for an archive that cannot be opened, and nothing written to the archive."""

from __future__ import annotations

import json
import sqlite3

from archdesk.cli import main
from archdesk.services.archive import open_archive
from archdesk.services.catalogue import RecordInput, create_record


def _archive_with_minutes(path, count: int = 3) -> None:
    db = open_archive(path)
    for n in range(1, count + 1):
        create_record(
            db, RecordInput(title=f"第{n}次办公会议纪要", category="WS", year=2023, retention="D30", department="BGS")
        )
    db.dispose()


def test_a_sound_archive_checks_clean_with_exit_status_0(tmp_path, capsys):
    path = tmp_path / "office.db"
    _archive_with_minutes(path)

    status = main(["check", "--db", str(path)])

    out = capsys.readouterr().out
    assert status == 0
    assert f"Checking {path} (3 records)" in out
    assert "ok       reference_codes" in out
    assert out.rstrip().endswith("No problems found.")


def test_with_lang_zh_cn_the_report_reads_in_chinese_and_the_json_keeps_english_for_scripts(tmp_path, capsys):
    path = tmp_path / "office.db"
    _archive_with_minutes(path)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE record SET reference_code = 'Z001-WS·2023-Y-BGS-0002' WHERE item_number = 2")

    assert main(["--lang", "zh_CN", "--db", str(path), "check"]) == 1
    out = capsys.readouterr().out
    assert "Z001-WS·2023-Y-BGS-0002：与其组成部分不符：按门类的档号格式应为 Z001-WS·2023-D30-BGS-0002" in out
    # The same edit, seen three ways: the code against its parts, the record against its audited
    # state, the search index (which still holds the code ArchDesk wrote).
    assert "在 ArchDesk 之外被改动" in out and "检索索引中的" in out
    assert (
        out.rstrip().endswith("发现 3 个问题。") and "does not match" not in out and "outside ArchDesk since" not in out
    )

    assert main(["--lang", "zh_CN", "--db", str(path), "check", "--json"]) == 1
    finding = json.loads(capsys.readouterr().out)["checks"][3]["findings"][0]
    assert finding["message_id"] == "integrity.code_mismatch" and finding["message"].startswith("does not match")


def test_a_hand_edited_reference_code_is_printed_and_exits_1(tmp_path, capsys):
    path = tmp_path / "office.db"
    _archive_with_minutes(path)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE record SET reference_code = 'Z001-WS·2023-Y-BGS-0002' WHERE item_number = 2")

    status = main(["--db", str(path), "check"])

    out = capsys.readouterr().out
    assert status == 1
    assert "PROBLEM  reference_codes: 1 problem(s)" in out
    assert (
        "Z001-WS·2023-Y-BGS-0002: does not match its parts: the series' pattern gives Z001-WS·2023-D30-BGS-0002" in out
    )
    assert "reference_code changed outside ArchDesk since its last audited state" in out
    assert "the search index holds another reference_code" in out
    assert out.rstrip().endswith("3 problem(s) found.")


def test_json_output_lists_every_check_and_its_findings(tmp_path, capsys):
    path = tmp_path / "office.db"
    _archive_with_minutes(path, 2)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE item_sequence SET last_number = 1")

    status = main(["check", "--db", str(path), "--json"])

    report = json.loads(capsys.readouterr().out)
    assert status == 1
    assert report["clean"] is False and report["record_count"] == 2
    checks = {check["name"]: check for check in report["checks"]}
    assert checks["item_numbers"]["status"] == "problems"
    assert "Z001-WS·2023-D30-BGS-0002" in checks["item_numbers"]["findings"][0]["message"]
    assert checks["sqlite_integrity"]["status"] == "ok"


def test_checking_a_text_file_prints_one_line_and_exits_1(tmp_path, capsys):
    path = tmp_path / "notes.db"
    path.write_text("not a database", encoding="utf-8")

    status = main(["check", "--db", str(path)])

    captured = capsys.readouterr()
    assert status == 1
    assert captured.out == ""
    assert captured.err == f"archdesk: {path}: not an ArchDesk archive (not an SQLite database)\n"


def test_checking_a_missing_file_does_not_create_it(tmp_path, capsys):
    path = tmp_path / "nowhere.db"

    status = main(["check", "--db", str(path)])

    assert status == 1
    assert "no such archive file" in capsys.readouterr().err
    assert not path.exists()


def test_check_leaves_an_older_archive_as_it_is(tmp_path, capsys):
    path = tmp_path / "office.db"
    _archive_with_minutes(path, 1)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0000_older'")

    status = main(["check", "--db", str(path)])

    assert status == 1
    assert "schema revision 0000_older" in capsys.readouterr().out
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".db") == ["office.db"]


def test_a_box_count_changed_outside_archdesk_is_reported_with_the_box_code(tmp_path, capsys):
    from archdesk.services.custody.boxes import put_in_box

    path = tmp_path / "office.db"
    db = open_archive(path)
    ids = [
        create_record(
            db, RecordInput(title=f"第{n}次会议纪要", category="WS", year=2023, retention="D30"), accept=True
        ).id
        for n in range(1, 4)
    ]
    box = put_in_box(db, ids, new=True)
    db.dispose()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE box_record_count SET records = 2")

    status = main(["check", "--db", str(path)])

    out = capsys.readouterr().out
    assert status == 1
    assert "PROBLEM  box_counts: 1 problem(s)" in out
    assert f"{box.box_code}: box count 2, 3 records in the box" in out

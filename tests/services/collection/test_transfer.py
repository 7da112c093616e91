"""Importing a transfer spreadsheet as one batch: all valid rows in, or nothing."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from datetime import date

import openpyxl
import pytest
from sqlalchemy import func, select
from transfer_sheets import HEADINGS, LEGACY_XLS, messy_rows, write_csv, write_messy_xlsx, write_ods, write_xlsx

from archdesk.models import AuditEvent, Department, ItemSequence, Record, TransferBatch
from archdesk.services.collection import ImportFileError, accept_import, import_transfer, preview_import
from archdesk.services.collection.rejects import write_rejection_slip
from archdesk.services.errors import Cancelled, NotAllowed, ValidationError


def _counts(db):
    with db.reading() as session:
        return tuple(
            session.scalar(select(func.count()).select_from(t))
            for t in (Record, TransferBatch, AuditEvent, ItemSequence)
        )


def test_valid_rows_become_records_in_custody_with_generated_reference_codes(archive, tmp_path):
    result = import_transfer(archive, write_messy_xlsx(tmp_path / "办公室2023.xlsx"), department="BGS")
    assert (result.rows, result.valid, result.invalid, result.imported) == (6, 6, 0, 6)
    with archive.reading() as session:
        records = session.scalars(select(Record).order_by(Record.id)).all()
        batch = session.get(TransferBatch, result.batch_id)
        events = session.scalars(select(AuditEvent).where(AuditEvent.entity == "transfer_batch")).all()
        assert [r.reference_code for r in records] == [
            "Z001-WS·2023-Y-BGS-0001",
            "Z001-WS·2023-D10-BGS-0001",
            "Z001-WS·2023-D30-BGS-0001",
            "Z001-WS·2023-D30-BGS-0002",
            "Z001-WS·2023-Y-BGS-0002",
            "Z001-WS·2023-D10-BGS-0002",
        ]
        assert {r.status for r in records} == {"in_custody"} and all(r.accepted_at for r in records)
        assert [r.date for r in records] == [
            date(2023, 1, 9),
            date(2023, 1, 20),
            date(2023, 3, 15),
            date(2023, 3, 16),
            date(2023, 12, 20),
            date(2023, 6, 1),
        ]
        assert records[1].pages == 3 and records[3].notes == "原件"
        assert (batch.file_name, batch.row_count, batch.accepted_count, batch.returned_count, batch.status) == (
            "办公室2023.xlsx",
            6,
            6,
            0,
            "accepted",
        )
        assert len(batch.file_sha256) == 64 and batch.operator == archive.actor
        assert (
            len(events) == 1
            and events[0].after["first_record_id"] == records[0].id
            and events[0].after["last_record_id"] == records[-1].id
        )


def test_each_problem_names_the_sheet_row_the_column_and_what_is_wrong(archive, tmp_path):
    rows = messy_rows()
    rows[0][5] = "2023.2.30"
    rows[2][4] = None
    rows[3][8] = "五年"
    rows[4][6] = "-2"
    path = write_messy_xlsx(tmp_path / "bad.xlsx", rows)
    result = import_transfer(archive, path, department="BGS")
    assert [(i.row, i.column, i.message) for i in result.issues] == [
        (4, "日期", "no such date: 2023-02-30"),
        (7, "题名", "the title is missing"),
        (8, "保管期限", "unknown retention period: '五年' (use 永久, 定期30年 or 定期10年)"),
        (9, "页数", "the page count cannot be negative (-2)"),
    ]
    assert (result.valid, result.invalid, result.imported) == (2, 4, 2)
    with archive.reading() as session:
        assert session.scalar(select(TransferBatch.status)) == "partly_returned"


def test_the_same_file_twice_is_refused_unless_forced(archive, tmp_path):
    path = write_messy_xlsx(tmp_path / "t.xlsx")
    import_transfer(archive, path, department="BGS")
    with pytest.raises(NotAllowed, match="already imported"):
        import_transfer(archive, path, department="BGS")
    again = import_transfer(archive, path, department="BGS", force=True)
    assert again.imported == 6
    with archive.reading() as session:
        codes = session.scalars(select(Record.reference_code).where(Record.transfer_batch_id == again.batch_id)).all()
    assert "Z001-WS·2023-Y-BGS-0003" in codes  # item numbers go on, never reused


def test_cancelling_during_the_insert_keeps_nothing(archive, tmp_path, monkeypatch):
    from archdesk.services.collection import transfer

    monkeypatch.setattr(transfer, "INSERT_CHUNK", 2)
    preview = preview_import(archive, write_messy_xlsx(tmp_path / "t.xlsx"), department="BGS")
    before = _counts(archive)
    with pytest.raises(Cancelled) as cancelled:
        accept_import(archive, preview, progress=lambda done, total: done < 4)
    assert _counts(archive) == before
    assert cancelled.value.render("zh_CN") == "导入已取消，未保留任何内容"  # read in the window's language
    assert cancelled.value.render("en") == "import cancelled; nothing was kept"


def test_killing_the_process_half_way_leaves_no_records_of_the_batch(archive, tmp_path):
    path = write_messy_xlsx(tmp_path / "t.xlsx")
    marker = tmp_path / "half-way"
    child = textwrap.dedent(
        """
        import pathlib, sys, time
        from archdesk.services.archive import open_archive
        from archdesk.services.collection import transfer
        transfer.INSERT_CHUNK = 2
        db = open_archive(sys.argv[1])
        preview = transfer.preview_import(db, sys.argv[2], department="BGS")
        def hook(done, total):
            if done >= 4:
                pathlib.Path(sys.argv[3]).write_text(str(done))
                time.sleep(120)
            return True
        transfer.accept_import(db, preview, progress=hook)
        """
    )
    target = str(archive.file or archive.url)  # the file, or the PostgreSQL database: never a default archive
    archive.dispose()
    process = subprocess.Popen([sys.executable, "-c", child, target, str(path), str(marker)])
    try:
        deadline = time.monotonic() + 60
        while not marker.exists() and time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.05)
        assert marker.exists(), "the child never got half-way"
    finally:
        process.kill()
        process.wait()
    from archdesk.services.archive import open_archive

    reopened = open_archive(target)
    try:
        assert _counts(reopened)[:2] == (0, 0)
    finally:
        reopened.dispose()


@pytest.mark.parametrize("case", ["renamed_txt", "truncated_xlsx", "empty", "wide_bomb", "encrypted"])
def test_malformed_files_give_a_clear_error_and_leave_the_database_unchanged(archive, tmp_path, case):
    path = tmp_path / "bad.xlsx"
    if case == "renamed_txt":
        path.write_text("hello", encoding="utf-8")
    elif case == "truncated_xlsx":
        whole = write_messy_xlsx(tmp_path / "whole.xlsx").read_bytes()
        path.write_bytes(whole[:-200])
    elif case == "empty":
        path.write_bytes(b"")
    elif case == "wide_bomb":
        workbook = openpyxl.Workbook()
        workbook.active.append(HEADINGS)
        workbook.active.cell(row=3, column=16_384, value="x")
        workbook.save(path)
    else:
        path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + "EncryptionInfo".encode("utf-16-le"))
    before = _counts(archive)
    with pytest.raises(ImportFileError, match="bad.xlsx"):
        import_transfer(archive, path, department="BGS")
    assert _counts(archive) == before


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_five_megabyte_cell_is_a_row_error_not_a_crash(archive, tmp_path, suffix):
    rows = messy_rows()
    rows[1][4] = "长" * (5 * 1024 * 1024)
    path = tmp_path / f"huge{suffix}"
    if suffix == ".csv":
        write_csv(path, [HEADINGS, *rows], "utf-8")
    else:
        workbook = openpyxl.Workbook(write_only=True)
        sheet = workbook.create_sheet()
        for row in [HEADINGS, *rows]:
            sheet.append(row)
        workbook.save(path)
    result = import_transfer(archive, path, department="BGS")
    assert [(i.row, i.column) for i in result.issues] == [(3, "题名")]
    assert result.issues[0].message.startswith("too long:") and "(at most 1,000)" in result.issues[0].message
    assert result.imported == 5
    if suffix == ".csv":
        assert "5,242,880 characters" in result.issues[0].message


def test_duplicate_rows_and_codes_already_in_the_catalogue_are_returned(archive, tmp_path):
    first = import_transfer(archive, write_messy_xlsx(tmp_path / "a.xlsx", messy_rows()[:1]), department="BGS")
    with archive.reading() as session:
        existing = session.scalar(select(Record.reference_code).where(Record.transfer_batch_id == first.batch_id))
    rows = messy_rows()
    rows[1][1] = existing
    rows[3] = list(rows[2])
    rows[3][0] = 4
    result = import_transfer(archive, write_messy_xlsx(tmp_path / "b.xlsx", rows), department="BGS")
    assert [(i.row, i.column, i.message) for i in result.issues] == [
        (5, "档号", f"reference code {existing} is already in the catalogue"),
        (8, "题名", "duplicate of row 7"),
    ]


def test_legacy_retention_is_mapped_flagged_and_the_original_kept(archive):
    result = import_transfer(archive, LEGACY_XLS, department="办公室")
    assert [(i.row, i.column) for i in result.issues] == [(6, "日期")]
    assert result.review == 2
    with archive.reading() as session:
        legacy = session.execute(
            select(Record.reference_code, Record.original_retention, Record.title, Record.title_supplied).where(
                Record.original_retention != ""
            )
        ).all()
    assert [(code, original) for code, original, *_ in legacy] == [
        ("Z001-WS·2019-D30-BGS-0001", "长期"),
        ("Z001-WS·2019-D10-BGS-0002", "短期"),
    ]
    assert legacy[1][2:] == ("办公用品采购记录", True)  # a title in [ ] was written by the department itself


def test_gbk_csv_and_ods_import_like_xlsx(archive, tmp_path):
    rows = [
        ["2023年度移交清单"],
        ["顺序号", "文件题名", "成文日期", "页码", "保管期限", "机构"],
        [1, "关于调整作息时间的通知", "2023年5月4日", "2页", "永久", "人事处"],
        ["总计", "", "", "2", "", ""],
    ]
    csv_result = import_transfer(archive, write_csv(tmp_path / "rs.csv", rows, "gbk"))
    ods_result = import_transfer(
        archive, write_ods(tmp_path / "rs.ods", rows[:2] + [[2, "关于年休假的通知", date(2023, 5, 8), 3, "D30", "RSC"]])
    )
    assert (csv_result.imported, ods_result.imported) == (1, 1)
    with archive.reading() as session:
        codes = session.scalars(select(Record.reference_code).order_by(Record.id)).all()
    assert codes == ["Z001-WS·2023-Y-RSC-0001", "Z001-WS·2023-D30-RSC-0001"]


def test_a_corrected_mapping_is_remembered_for_the_department(archive, tmp_path):
    path = write_xlsx(tmp_path / "m.xlsx", [["题名", "发出日期", "保管期限"], ["通知", "20230101", "永久"]])
    with pytest.raises(ValidationError) as refused:
        preview_import(archive, path, department="BGS")  # "发出日期" is not a known heading
    assert "日期" in refused.value.render("zh_CN")
    import_transfer(archive, path, department="BGS", mapping={"发出日期": "date"})
    with archive.reading() as session:
        assert "发出日期" in session.scalar(select(Department.import_mapping).where(Department.code == "BGS"))
    path2 = write_xlsx(tmp_path / "m2.xlsx", [["题名", "发出日期", "保管期限"], ["函", "20230202", "永久"]])
    assert preview_import(archive, path2, department="BGS").valid == 1


def test_a_dry_run_checks_everything_and_writes_nothing(archive, tmp_path):
    before = _counts(archive)
    result = import_transfer(archive, write_messy_xlsx(tmp_path / "t.xlsx"), department="BGS", dry_run=True)
    assert (result.valid, result.imported, result.batch_id) == (6, 0, None)
    assert _counts(archive) == before


def test_unknown_department_is_refused_before_reading_rows(archive, tmp_path):
    with pytest.raises(ValidationError, match="unknown department"):
        import_transfer(archive, write_messy_xlsx(tmp_path / "t.xlsx"), department="XYZ")


def test_the_rejection_slip_lists_returned_rows_with_their_issue(archive, tmp_path):
    rows = messy_rows()
    rows[0][5] = "20231301"
    preview = preview_import(archive, write_messy_xlsx(tmp_path / "退回.xlsx", rows), department="BGS")
    result = accept_import(archive, preview)
    slip = write_rejection_slip(preview, result, tmp_path / "out")
    sheet = openpyxl.load_workbook(slip.returned_rows).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    header = next(row for row in values if row and row[-1] == "问题")
    assert header[1:-1] == HEADINGS
    returned = [row for row in values if row and row[0] == 4]
    assert len(returned) == 1 and returned[0][-1] == "日期：日期不存在：2023-13-01"
    assert slip.acceptance_note.read_bytes().startswith(b"%PDF")

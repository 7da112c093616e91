"""The integrity check finds what a hand edit, a bug or a damaged file left in an archive.

Each story starts from a sound archive filled through the catalogue, breaks one thing behind
the services' back (plain SQL, as a careless tool would) and expects the one finding that names it.
"""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import select

from archdesk.models import Box, Category, Department, Fonds, RetentionPeriod
from archdesk.services import integrity, search
from archdesk.services.archive import open_archive
from archdesk.services.catalogue import RecordInput, create_record
from archdesk.services.errors import Cancelled
from archdesk.services.integrity import check_archive
from archdesk.services.uow import UnitOfWork

pytestmark = pytest.mark.sqlite_only  # breaks the file with plain sqlite3


def _meeting_minutes(db, count: int = 3, *, year: int = 2023, department: str = "BGS"):
    return [
        create_record(
            db,
            RecordInput(
                title=f"关于{year}年第{n}次办公会议的纪要",
                category="WS",
                year=year,
                retention="D30",
                department=department,
            ),
        )
        for n in range(1, count + 1)
    ]


def _raw(db):
    """A plain sqlite3 connection with foreign keys off, the way an outside tool would edit the file."""
    return sqlite3.connect(db.file, isolation_level=None)


def _result(report, name: str):
    return next(r for r in report.results if r.name == name)


def _problem_checks(report) -> set[str]:
    return {r.name for r in report.results if r.status == "problems"}


def test_an_archive_filled_through_the_catalogue_is_clean(archive):
    _meeting_minutes(archive, 3)
    _meeting_minutes(archive, 2, year=2022, department="RSC")

    report = check_archive(archive)

    assert report.clean, report.findings
    assert report.record_count == 5
    assert [r.name for r in report.results] == list(integrity.CHECKS)
    assert _result(report, "search_index").status in {"ok", "skipped"}


def test_a_reference_code_edited_by_hand_no_longer_matches_its_parts(archive):
    first, *_ = _meeting_minutes(archive, 3)
    with _raw(archive) as conn:
        conn.execute("UPDATE record SET reference_code = 'Z001-WS·2023-Y-BGS-0001' WHERE id = ?", (first.id,))

    report = check_archive(archive)

    # The edit is also one outside ArchDesk: the record no longer matches its audited state, and
    # the search index still holds the code ArchDesk wrote.
    assert _problem_checks(report) == {"reference_codes", "audited_state", "search_content"}
    (finding,) = next(r for r in report.results if r.name == "reference_codes").findings
    assert finding.subject == "Z001-WS·2023-Y-BGS-0001"
    assert "Z001-WS·2023-D30-BGS-0001" in finding.message


def test_a_year_changed_behind_the_catalogues_back_is_found(archive):
    record = _meeting_minutes(archive, 1)[0]
    with _raw(archive) as conn:
        conn.execute("UPDATE record SET year = 2021 WHERE id = ?", (record.id,))

    report = check_archive(archive)

    assert "reference_codes" in _problem_checks(report)
    assert any(f.subject == record.reference_code and "2021" in f.message for f in report.findings)


def test_an_item_number_above_its_sequence_is_found(archive):
    _meeting_minutes(archive, 3)
    with _raw(archive) as conn:
        conn.execute("UPDATE item_sequence SET last_number = 1")

    report = check_archive(archive)

    assert _problem_checks(report) == {"item_numbers"}
    (finding,) = report.findings
    assert "Z001-WS·2023-D30-BGS-0003" in finding.message and "last number 1" in finding.message


def test_a_record_without_its_item_sequence_is_found(archive):
    _meeting_minutes(archive, 2)
    with _raw(archive) as conn:
        conn.execute("DELETE FROM item_sequence")

    report = check_archive(archive)

    assert _problem_checks(report) == {"item_numbers"}
    assert "no item-number sequence" in report.findings[0].message


def test_a_box_holding_records_of_two_years_breaks_the_box_rule(archive):
    minutes_2023 = _meeting_minutes(archive, 2, year=2023)
    minutes_2022 = _meeting_minutes(archive, 1, year=2022)
    with UnitOfWork(archive) as uow:
        session = uow.session

        def id_of(model, code):
            return session.scalar(select(model.id).where(model.code == code))

        box = Box(
            code="Z001-WS·2023-D30-BGS-001",
            fonds_id=id_of(Fonds, "Z001"),
            category_id=id_of(Category, "WS"),
            year=2023,
            retention_id=id_of(RetentionPeriod, "D30"),
            department_id=id_of(Department, "BGS"),
            box_number=1,
        )
        session.add(box)
        uow.commit()
        box_id = box.id
    with _raw(archive) as conn:
        for record in minutes_2023 + minutes_2022:
            conn.execute("UPDATE record SET box_id = ? WHERE id = ?", (box_id, record.id))

    report = check_archive(archive)

    assert _problem_checks(report) == {"boxes"}
    (finding,) = report.findings
    assert finding.subject == "Z001-WS·2023-D30-BGS-001"
    assert minutes_2022[0].reference_code in finding.message
    assert "year 2022 (box: 2023)" in finding.message


def test_a_record_pointing_at_a_deleted_category_is_a_broken_reference(archive):
    record = _meeting_minutes(archive, 1)[0]
    with _raw(archive) as conn:
        conn.execute("UPDATE record SET category_id = 999 WHERE id = ?", (record.id,))

    report = check_archive(archive)

    assert "foreign_keys" in _problem_checks(report)
    assert any(f.subject == f"record row {record.id}" and "category" in f.message for f in report.findings)


def test_a_schema_changed_by_hand_differs_from_the_models(archive):
    with _raw(archive) as conn:
        conn.execute("ALTER TABLE location ADD COLUMN barcode TEXT")

    report = check_archive(archive)

    assert _problem_checks(report) == {"schema"}
    assert "barcode" in report.findings[0].message


def test_an_archive_at_an_old_revision_is_reported_not_upgraded(tmp_path):
    path = tmp_path / "old.db"
    open_archive(path).dispose()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0000_older'")
    db = open_archive(path, upgrade=False)

    report = check_archive(db)
    db.dispose()

    assert "schema" in _problem_checks(report)
    assert "0000_older" in _result(report, "schema").findings[0].message
    with sqlite3.connect(path) as conn:  # the check changed nothing
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0000_older",)
    assert list(tmp_path.glob("*.pre-upgrade.db")) == []


def test_another_programs_database_is_reported_and_its_tables_are_not_read(tmp_path):
    path = tmp_path / "contacts.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE contacts (name TEXT)")
    db = open_archive(path, upgrade=False)

    report = check_archive(db)
    db.dispose()

    assert not report.clean
    assert "no ArchDesk schema version" in _result(report, "schema").findings[0].message
    assert {r.name for r in report.results if r.status == "skipped"} >= {"reference_codes", "boxes", "search_index"}


def test_a_record_missing_from_the_search_index_is_found(archive):
    first, *_ = _meeting_minutes(archive, 3)
    if _result(check_archive(archive), "search_index").status == "skipped":
        pytest.skip("this archive has no search index")
    with UnitOfWork(archive) as uow:
        search.remove_records(uow.session, [first.id])
        uow.commit()

    result = _result(check_archive(archive), "search_index")

    assert result.status == "problems"
    assert all("for 3 records" in finding.message for finding in result.findings)


def test_an_archive_without_a_search_index_skips_that_check(archive):
    _meeting_minutes(archive, 2)
    with _raw(archive) as conn:
        virtual = conn.execute(
            "SELECT name FROM sqlite_master WHERE name LIKE 'search~_%' ESCAPE '~' AND sql LIKE 'CREATE VIRTUAL%'"
        ).fetchall()
        for (name,) in virtual:
            conn.execute(f'DROP TABLE "{name}"')

    result = _result(check_archive(archive), "search_index")

    assert result.status == "skipped"


def test_findings_are_capped_but_counted(archive):
    _meeting_minutes(archive, 5)
    with _raw(archive) as conn:
        conn.execute("UPDATE record SET reference_code = reference_code || 'X'")

    result = _result(check_archive(archive, limit=2), "reference_codes")

    assert result.problem_count == 5
    assert len(result.findings) == 2


def test_the_record_scan_reports_progress_and_can_be_cancelled(archive, monkeypatch):
    _meeting_minutes(archive, 4)
    monkeypatch.setattr(integrity, "_SCAN_BLOCK", 1)
    seen: list[tuple[int, int]] = []
    check_archive(archive, progress=lambda done, total: seen.append((done, total)) or True)
    assert seen[-1] == (4, 4)

    with pytest.raises(Cancelled):
        check_archive(archive, progress=lambda done, total: done < 2)

"""The audit trail is append-only and hash-chained, and every edit made behind ArchDesk's back shows.

Each story fills an archive through the services (which must check clean), then does what someone
with the ``sqlite3`` shell could do, and expects ``check`` to name it.
"""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from datetime import date, datetime

import pytest
from sqlalchemy import update

from archdesk.models import Record
from archdesk.services import audit_chain, search
from archdesk.services.catalogue import (
    RecordInput,
    accept_records,
    change_status,
    create_record,
    delete_record,
    update_record,
)
from archdesk.services.demo import add_demo_data
from archdesk.services.integrity import check_archive
from archdesk.services.uow import UnitOfWork


def _minutes(db, count: int = 3):
    return [
        create_record(
            db, RecordInput(title=f"第{n}次办公会议纪要", category="WS", year=2023, retention="D30", department="BGS")
        )
        for n in range(1, count + 1)
    ]


def _shell(db):
    """The sqlite3 shell: a plain connection with foreign keys off and none of ArchDesk's hooks."""
    return closing(sqlite3.connect(db.file, isolation_level=None))


def _findings(db, check: str) -> list[str]:
    report = check_archive(db)
    result = next(r for r in report.results if r.name == check)
    return [f"{f.subject}: {f.message}" for f in result.findings]


def _problems(db) -> set[str]:
    return {r.name for r in check_archive(db).results if r.status == "problems"}


def test_every_action_of_the_catalogue_keeps_the_archive_clean(archive):
    first, second, third = _minutes(archive)
    update_record(archive, first.id, title="第1次办公会议纪要（修订）")
    accept_records(archive, [first.id, second.id])
    change_status(archive, [second.id], "transferred", "移交市档案馆")
    delete_record(archive, third.id)

    report = check_archive(archive)

    assert report.clean, report.findings
    assert {r.name: r.status for r in report.results}["audit_trail"] == "ok"


def test_demo_records_written_in_bulk_are_sealed_and_check_clean(archive):
    add_demo_data(archive, records=300, seed=3)

    assert check_archive(archive).clean


def test_an_imported_transfer_batch_is_sealed_and_checks_clean(archive, tmp_path):
    from archdesk.services.collection import import_transfer

    result = import_transfer(archive, _dated_sheet(tmp_path), department="BGS")

    assert result.imported == 40
    assert check_archive(archive).clean


def _dated_sheet(tmp_path):
    """40 rows with dates, pages and 密级, every third row without a date and every fourth without pages."""
    import csv

    sheet = tmp_path / "移交清单.csv"
    with sheet.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["题名", "年度", "日期", "页数", "密级", "保管期限"])
        writer.writerows(
            [
                f"关于第{n}批设备采购的请示",
                2022,
                "" if n % 3 == 0 else f"2022-{1 + n % 12:02d}-{1 + n % 28:02d}",
                "" if n % 4 == 0 else n,
                "内部" if n % 5 == 0 else "",
                "D30",
            ]
            for n in range(1, 41)
        )
    return sheet


@pytest.mark.sqlite_only  # edits the file with the sqlite3 shell
def test_a_date_changed_with_sqlite3_after_an_import_is_named(archive, tmp_path):
    from archdesk.services.collection import import_transfer

    import_transfer(archive, _dated_sheet(tmp_path), department="BGS")
    with _shell(archive) as conn:
        code = conn.execute("SELECT reference_code FROM record WHERE title = '关于第7批设备采购的请示'").fetchone()[0]
        conn.execute("UPDATE record SET date = '2022-12-31' WHERE reference_code = ?", (code,))

    [finding] = _findings(archive, "audited_state")
    assert finding.startswith(f"{code}: date changed outside ArchDesk since its last audited state")


def test_a_bulk_update_through_a_unit_of_work_is_sealed_not_reported(archive):
    records = _minutes(archive)
    with UnitOfWork(archive) as uow:
        uow.session.execute(update(Record).where(Record.id == records[0].id).values(notes="复核"))
        search.index_records(uow.session, [records[0].id])
        uow.audit("update", "record_notes", None, "notes of one record")
        uow.commit()

    assert check_archive(archive).clean


@pytest.mark.sqlite_only  # edits the file with the sqlite3 shell / the head beside the file
def test_a_rolled_back_unit_of_work_leaves_no_event_and_no_seal(archive):
    _minutes(archive, 1)
    head = audit_chain.read_head(archive.file)
    with pytest.raises(RuntimeError), UnitOfWork(archive) as uow:
        uow.session.execute(update(Record).values(title="改"))
        uow.audit("update", "record", 1, "will not last")
        raise RuntimeError("the action fails half-way")

    with _shell(archive) as conn:
        assert conn.execute("SELECT count(*) FROM audit_event WHERE summary = 'will not last'").fetchone() == (0,)
        assert conn.execute("SELECT title FROM record").fetchone() == ("第1次办公会议纪要",)
    assert audit_chain.read_head(archive.file) == head
    assert check_archive(archive).clean


@pytest.mark.sqlite_only  # edits the file with the sqlite3 shell / the head beside the file
def test_a_title_changed_with_sqlite3_is_named_and_the_stale_search_text_too(archive):
    _minutes(archive)
    with _shell(archive) as conn:
        conn.execute("UPDATE record SET title = '无关标题' WHERE item_number = 2")

    assert _findings(archive, "audited_state") == [
        "Z001-WS·2023-D30-BGS-0002: title changed outside ArchDesk since its last audited state (audit event #3)"
    ]
    assert _findings(archive, "search_content") == [
        "Z001-WS·2023-D30-BGS-0002: the search index holds another title: rebuild the search index"
    ]


@pytest.mark.sqlite_only  # edits the file with the sqlite3 shell / the head beside the file
def test_a_status_set_to_destroyed_with_sqlite3_is_named(archive):
    records = _minutes(archive)
    accept_records(archive, [r.id for r in records])
    with _shell(archive) as conn:
        conn.execute("UPDATE record SET status = 'destroyed' WHERE item_number = 1")

    [finding] = _findings(archive, "audited_state")
    assert finding.startswith("Z001-WS·2023-D30-BGS-0001: status changed outside ArchDesk")


@pytest.mark.sqlite_only  # edits the file with the sqlite3 shell / the head beside the file
def test_an_accepted_record_deleted_with_sqlite3_is_named(archive):
    records = _minutes(archive)
    accept_records(archive, [r.id for r in records])
    with _shell(archive) as conn:
        conn.execute("DELETE FROM record WHERE item_number = 3")

    [finding] = _findings(archive, "audited_state")
    assert finding.startswith("Z001-WS·2023-D30-BGS-0003: was deleted outside ArchDesk")


@pytest.mark.sqlite_only  # edits the file with the sqlite3 shell / the head beside the file
def test_a_record_inserted_with_sqlite3_is_named(archive):
    _minutes(archive, 1)
    with _shell(archive) as conn:
        conn.execute(
            "INSERT INTO record (reference_code, fonds_id, category_id, year, retention_id, item_number, title, "
            "document_number, responsible_party, title_supplied, notes, status, original_retention, created_at, "
            "updated_at) SELECT 'Z001-WS·2023-D30-BGS-0099', fonds_id, category_id, year, retention_id, 99, '塞进来的', "
            "'', '', 0, '', 'in_custody', '', created_at, updated_at FROM record"
        )

    assert _findings(archive, "audited_state") == [
        "Z001-WS·2023-D30-BGS-0099: is not in the audit trail: it was added outside ArchDesk"
    ]


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit_event SET actor = 'someone else'",
        "DELETE FROM audit_event WHERE id = (SELECT max(id) FROM audit_event)",
        "UPDATE audit_seal SET state = 'x'",
        "DELETE FROM audit_seal",
    ],
)
@pytest.mark.sqlite_only  # edits the file with the sqlite3 shell / the head beside the file
def test_the_audit_trail_refuses_to_be_changed_or_deleted(archive, statement):
    _minutes(archive)
    with _shell(archive) as conn, pytest.raises(sqlite3.IntegrityError, match="is append-only"):
        conn.execute(statement)

    assert check_archive(archive).clean


def _drop_triggers(conn: sqlite3.Connection) -> None:
    for name in audit_chain.APPEND_ONLY_TRIGGERS:
        conn.execute(f"DROP TRIGGER {name}")


@pytest.mark.sqlite_only  # edits the file with the sqlite3 shell / the head beside the file
def test_an_event_rewritten_after_dropping_the_triggers_is_the_first_broken_link(archive):
    _minutes(archive)
    with _shell(archive) as conn:
        _drop_triggers(conn)
        after = json.dumps({"title": "另一个标题"}, ensure_ascii=False)
        conn.execute("UPDATE audit_event SET after = ? WHERE id = 3", (after,))

    findings = _findings(archive, "audit_trail")
    assert findings[0].startswith("audit_event: the append-only triggers are missing (audit_event_no_delete")
    assert findings[1:] == ["audit event #3 (create record 2): its after-image was changed: the chain breaks here"]


@pytest.mark.sqlite_only  # edits the file with the sqlite3 shell / the head beside the file
def test_an_event_removed_from_the_middle_breaks_the_chain_at_the_next_one(archive):
    _minutes(archive)
    with _shell(archive) as conn:
        _drop_triggers(conn)
        conn.execute("DELETE FROM audit_event WHERE id = 2")

    assert _findings(archive, "audit_trail")[1:] == [
        "audit seals of event #2: belong to no audit event: the event was removed",
        "audit event #3 (create record 2): it does not follow the event before it "
        "(an event was removed or changed): the chain breaks here",
    ]


@pytest.mark.sqlite_only  # edits the file with the sqlite3 shell / the head beside the file
def test_the_newest_events_removed_are_noticed_by_the_head_kept_beside_the_archive(archive):
    records = _minutes(archive)
    update_record(archive, records[0].id, title="改过的题名")
    with _shell(archive) as conn:
        _drop_triggers(conn)
        # Remove the edit and its seal, and put the title back: the chain itself is still whole.
        newest = conn.execute("SELECT max(id) FROM audit_event").fetchone()[0]
        conn.execute("DELETE FROM audit_seal WHERE event_id = ?", (newest,))
        conn.execute("DELETE FROM audit_event WHERE id = ?", (newest,))
        conn.execute("UPDATE record SET title = '第1次办公会议纪要' WHERE id = ?", (records[0].id,))

    assert _findings(archive, "audit_trail")[1:] == [
        f"office.db.audit-head: names audit event #{newest}, which is gone (the newest is #{newest - 1}): "
        "the newest events were removed".replace("office.db", archive.file.name)
    ]


@pytest.mark.sqlite_only  # edits the file with the sqlite3 shell / the head beside the file
def test_a_missing_chain_head_is_reported(archive):
    _minutes(archive, 1)
    audit_chain.head_file(archive.file).unlink()

    assert _problems(archive) == {"audit_trail"}


def test_an_upgrade_chains_the_events_and_seals_the_records_already_there(tmp_path):
    from archdesk.services import migrate
    from archdesk.services.archive import open_archive
    from archdesk.services.database import make_engine

    path = tmp_path / "older.db"
    db = open_archive(path)
    _minutes(db, 2)
    db.dispose()
    engine = make_engine(f"sqlite:///{path}")
    migrate.downgrade(engine, "0002_search_index")
    engine.dispose()
    audit_chain.head_file(path).unlink()

    upgraded = open_archive(path)
    try:
        report = check_archive(upgraded)
        assert report.clean, report.findings
        with closing(sqlite3.connect(path)) as conn:
            assert conn.execute("SELECT count(*) FROM audit_seal").fetchone() == (2,)
            assert conn.execute("SELECT action, actor FROM audit_event ORDER BY id DESC").fetchone() == (
                "seal",
                "archdesk",
            )
    finally:
        upgraded.dispose()


@pytest.mark.parametrize(
    ("field", "value"),
    [("pages", 4.0), ("date", datetime(2022, 3, 1, 12, 0)), ("security_level_id", True), ("year", "2022")],
)
def test_bulk_rows_with_a_value_the_database_would_give_back_otherwise_are_read_back_not_sealed_as_written(
    field, value
):
    from archdesk.services.collection.transfer import RECORD_COLUMNS

    def row(**changed):
        values = {name: None for name in RECORD_COLUMNS} | {
            "reference_code": "Z001-WS·2022-D30-BGS-0001", "title": "通知", "status": "in_custody", "fonds_id": 1,
            "category_id": 1, "year": 2022, "retention_id": 1, "item_number": 1, "document_number": "",
            "responsible_party": "", "date": date(2022, 3, 1), "pages": 4, "notes": "",
        }  # fmt: skip
        values.update(changed)
        return tuple(values[name] for name in RECORD_COLUMNS)

    states = audit_chain.written_states(Record.__table__, RECORD_COLUMNS, [row()])
    assert states is not None and audit_chain.WrittenSeals(7, states).last_id == 7
    assert audit_chain.written_states(Record.__table__, RECORD_COLUMNS, [row(), row(**{field: value})]) is None

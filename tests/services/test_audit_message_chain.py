"""The audit summary's message id (audit_event.message) is covered by the hash chain (version 2),
and archives whose events were chained before that keep verifying."""

from __future__ import annotations

import functools
import json
import sqlite3
from contextlib import closing

import pytest

from archdesk.services import audit_chain
from archdesk.services.catalogue import RecordInput, create_record
from archdesk.services.integrity import check_archive


def _minute(db, n: int):
    return create_record(
        db, RecordInput(title=f"第{n}次办公会议纪要", category="WS", year=2023, retention="D30", department="BGS")
    )


def _audit_trail(db) -> list[str]:
    result = next(r for r in check_archive(db).results if r.name == "audit_trail")
    return [f"{f.subject}: {f.message}" for f in result.findings]


def _written_as_version_1(monkeypatch):
    monkeypatch.setattr(audit_chain, "event_hash", functools.partial(audit_chain.event_hash, version=1))


@pytest.mark.sqlite_only  # edits the file with the sqlite3 shell
def test_a_message_id_edited_with_sqlite3_breaks_the_chain_at_that_event(archive):
    for n in (1, 2, 3):
        _minute(archive, n)
    with closing(sqlite3.connect(archive.file, isolation_level=None)) as conn:
        for name in audit_chain.APPEND_ONLY_TRIGGERS:
            conn.execute(f"DROP TRIGGER {name}")
        (stored,) = conn.execute("SELECT message FROM audit_event WHERE id = 3").fetchone()
        message = json.loads(stored)
        assert message["$msg"] == "audit.record.created"
        message["$msg"] = "audit.record.deleted"
        conn.execute("UPDATE audit_event SET message = ? WHERE id = 3", (json.dumps(message),))

    assert _audit_trail(archive)[1:] == [
        "audit event #3 (create record 2): its content or its record seals were changed: the chain breaks here"
    ]


@pytest.mark.sqlite_only  # an archive file made by the older program, then opened by this one
def test_events_chained_before_messages_were_covered_still_verify(tmp_path, monkeypatch):
    from archdesk.services.archive import open_archive

    path = tmp_path / "older.db"
    with monkeypatch.context() as older_program:
        _written_as_version_1(older_program)
        older = open_archive(path)
        _minute(older, 1)
        _minute(older, 2)
        older.dispose()
    db = open_archive(path)
    try:
        _minute(db, 3)
        report = check_archive(db)
    finally:
        db.dispose()

    assert report.clean, report.findings


def test_an_event_in_the_older_form_after_a_newer_one_is_refused(archive, monkeypatch):
    _minute(archive, 1)
    with monkeypatch.context() as older_program:
        _written_as_version_1(older_program)
        _minute(archive, 2)

    [finding] = _audit_trail(archive)
    assert finding.startswith("audit event #3 (create record 2): its content or its record seals were changed")

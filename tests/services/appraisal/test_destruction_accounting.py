"""`archdesk check` finds a destroyed record that no executed destruction list accounts for."""

from __future__ import annotations

from datetime import date

from appraisal_archive import add_records, references
from sqlalchemy import text

from archdesk.services.appraisal import approve_destruction_list, create_batch, create_destruction_list, decide
from archdesk.services.appraisal import execute_destruction_list as execute
from archdesk.services.integrity import check_archive


def _destruction(db):
    return next(r for r in check_archive(db).results if r.name == "destruction")


def test_records_destroyed_through_an_executed_list_are_accounted_for(archive):
    ids = add_records(archive, 2)
    batch = create_batch(archive, "鉴定", "张三,李四", appraised_on=date(2026, 3, 1))
    decide(archive, batch, references(archive, ids), "destroy", "期满")
    list_id = create_destruction_list(archive, batch)
    approve_destruction_list(archive, list_id, "周明", "孙丽,吴强")
    execute(archive, list_id)
    assert _destruction(archive).status == "ok"


def test_a_record_marked_destroyed_without_a_list_is_reported(archive):
    (record_id,) = add_records(archive, 1)
    # A careless tool, behind the services' back: plain SQL, no unit of work, no audit event.
    with archive.engine.begin() as raw:
        raw.execute(text("UPDATE record SET status = 'destroyed' WHERE id = :id"), {"id": record_id})
    result = _destruction(archive)
    assert result.status == "problems"
    (finding,) = result.findings
    assert finding.subject == references(archive, [record_id])[0]
    assert "no executed destruction list accounts for it" in finding.message

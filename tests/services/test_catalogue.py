"""The catalogue (著录): a record is checked field by field, every change leaves an audit event with
the values before and after, a record never accepted may be deleted, an accepted one keeps its code."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from archdesk.models import AuditEvent, Record
from archdesk.services.catalogue import (
    RecordInput,
    accept_records,
    change_status,
    create_record,
    delete_record,
    get_record,
    record_history,
    update_record,
)
from archdesk.services.errors import NotAllowed, NotFound, ValidationError, ValidationErrors


def _notice(**overrides) -> RecordInput:
    values = dict(
        title="关于召开2023年度档案工作会议的通知",
        category="WS",
        year=2023,
        retention="D30",
        department="BGS",
        document_number="办发〔2023〕12号",
        responsible_party="本单位办公室",
        date=date(2023, 3, 14),
        pages=3,
        security_level="NB",
        carrier="ZZ",
    )
    values.update(overrides)
    return RecordInput(**values)


def _fields(caught: pytest.ExceptionInfo) -> dict[str, str]:
    return {error.field: error.message for error in caught.value.errors}


def test_a_new_record_is_pending_with_its_code_and_every_value_as_typed(archive):
    record = create_record(archive, _notice())
    assert record.reference_code == "Z001-WS·2023-D30-BGS-0001"
    assert record.status == "pending"
    assert (record.document_number, record.responsible_party, record.security_level_name) == (
        "办发〔2023〕12号",
        "本单位办公室",
        "内部",
    )
    assert record.date == date(2023, 3, 14) and record.pages == 3
    assert create_record(archive, _notice(), accept=True).status == "in_custody"


def test_every_bad_field_is_named_at_once(archive):
    with pytest.raises(ValidationErrors) as caught:
        create_record(
            archive,
            _notice(title="  ", year=2023, date=date(2024, 1, 2), pages=-1, category="XX", retention="D99"),
        )
    fields = _fields(caught)
    assert set(fields) == {"title", "date", "pages", "category", "retention"}
    assert fields["title"] == "a title is required"
    assert "2024-01-02" in fields["date"]
    assert "'XX'" in fields["category"] and "'D99'" in fields["retention"]
    with archive.reading() as session:
        assert session.scalar(select(func.count()).select_from(Record)) == 0


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"year": 999, "date": None}, "year", "between 1000"),
        # Computed when the tests are collected: a month ahead stays in the future even if the run crosses midnight.
        ({"date": date.today() + timedelta(days=30)}, "date", "future"),
        ({"title": "题" * 1001}, "title", "at most 1000"),
        ({"document_number": "号" * 101}, "document_number", "at most 100"),
        ({"department": "ABC"}, "department", "unknown code"),
        ({"security_level": "TOP"}, "security_level", "unknown code"),
        ({"carrier": "CD"}, "carrier", "unknown code"),
        ({"fonds": "Z999"}, "fonds", "unknown fonds"),
    ],
)
def test_a_bad_value_is_refused_with_a_message_naming_its_field(archive, changes, field, words):
    with pytest.raises(ValidationErrors) as caught:
        create_record(archive, _notice(**changes))
    assert list(_fields(caught)) == [field]
    assert words in _fields(caught)[field]


def test_creating_a_record_writes_an_audit_event_with_its_values(archive):
    archive.actor = "档案员李华"
    record = create_record(archive, _notice())
    (event,) = record_history(archive, record.id)
    assert (event.action, event.actor) == ("create", "档案员李华")
    assert event.before is None
    assert event.after["reference_code"] == "Z001-WS·2023-D30-BGS-0001"
    assert event.after["title"] == "关于召开2023年度档案工作会议的通知"
    assert event.after["date"] == "2023-03-14"


def test_an_edit_is_audited_with_only_the_changed_values_before_and_after(archive):
    record = create_record(archive, _notice())
    update_record(archive, record.id, title="关于召开2023年度档案工作会议的补充通知", pages=4)
    event = record_history(archive, record.id)[-1]
    assert event.action == "update"
    assert event.before == {"title": "关于召开2023年度档案工作会议的通知", "pages": 3}
    assert event.after == {"title": "关于召开2023年度档案工作会议的补充通知", "pages": 4}
    assert event.summary_text("en") == "edited Z001-WS·2023-D30-BGS-0001: Pages, Title"
    assert event.summary_text("zh_CN") == "修改 Z001-WS·2023-D30-BGS-0001：页数、题名"
    assert (event.action_text("en"), event.action_text("zh_CN")) == ("update", "修改")


def test_saving_a_record_unchanged_writes_no_audit_event(archive):
    record = create_record(archive, _notice())
    update_record(archive, record.id, title=record.title)
    assert [e.action for e in record_history(archive, record.id)] == ["create"]


def test_an_unknown_field_is_refused_by_name(archive):
    record = create_record(archive, _notice())
    with pytest.raises(ValidationError) as caught:
        update_record(archive, record.id, colour="red")
    assert caught.value.field == "colour"


def test_a_pending_record_moved_to_another_group_gets_a_new_number_and_its_old_one_is_not_reused(archive):
    first = create_record(archive, _notice())
    create_record(archive, _notice())
    moved = update_record(archive, first.id, retention="Y")
    assert moved.reference_code == "Z001-WS·2023-Y-BGS-0001"
    assert create_record(archive, _notice()).reference_code == "Z001-WS·2023-D30-BGS-0003"
    event = record_history(archive, first.id)[-1]
    assert event.before["reference_code"] == "Z001-WS·2023-D30-BGS-0001"
    assert event.after["reference_code"] == "Z001-WS·2023-Y-BGS-0001"


@pytest.mark.parametrize("changes", [{"year": 2022}, {"retention": "Y"}, {"department": "RSC"}, {"category": "RS"}])
def test_an_accepted_record_cannot_be_reclassified(archive, changes):
    record = create_record(archive, _notice(), accept=True)
    with pytest.raises(NotAllowed) as caught:
        update_record(archive, record.id, **changes)
    assert record.reference_code in caught.value.reason
    assert get_record(archive, record.id).reference_code == record.reference_code


def test_an_accepted_record_can_still_have_its_description_corrected(archive):
    record = create_record(archive, _notice(), accept=True)
    assert update_record(archive, record.id, pages=5).pages == 5


def test_accepting_records_is_audited(archive):
    pending = create_record(archive, _notice())
    assert accept_records(archive, [pending.id]) == 1
    assert get_record(archive, pending.id).status == "in_custody"
    event = record_history(archive, pending.id)[-1]
    assert (event.action, event.before, event.after) == ("accept", {"status": "pending"}, {"status": "in_custody"})
    assert event.summary_text("zh_CN") == "Z001-WS·2023-D30-BGS-0001 接收入库（在档）"


def test_a_record_never_accepted_can_be_deleted_and_the_deletion_is_audited(archive):
    record = create_record(archive, _notice())
    delete_record(archive, record.id)
    with pytest.raises(NotFound):
        get_record(archive, record.id)
    with archive.reading() as session:
        action, before, after = session.execute(
            select(AuditEvent.action, AuditEvent.before, AuditEvent.after)
            .where(AuditEvent.entity == "record", AuditEvent.entity_id == record.id)
            .order_by(AuditEvent.id.desc())
        ).first()
    assert action == "delete"
    assert before["reference_code"] == record.reference_code and after is None


def test_an_accepted_record_cannot_be_deleted_even_after_it_left_custody(archive):
    record = create_record(archive, _notice(), accept=True)
    with pytest.raises(NotAllowed):
        delete_record(archive, record.id)
    change_status(archive, [record.id], "transferred", "移交市档案馆")
    with pytest.raises(NotAllowed):
        delete_record(archive, record.id)
    assert get_record(archive, record.id).status == "transferred"


def test_withdrawing_needs_a_reason_and_is_audited(archive):
    record = create_record(archive, _notice(), accept=True)
    with pytest.raises(ValidationError) as caught:
        change_status(archive, [record.id], "transferred", "  ")
    assert caught.value.field == "reason"
    change_status(archive, [record.id], "transferred", "移交市档案馆")
    event = record_history(archive, record.id)[-1]
    assert event.after == {"status": "transferred", "reason": "移交市档案馆"}
    with pytest.raises(NotAllowed):
        change_status(archive, [record.id], "destroyed", "到期")


def test_a_failed_change_leaves_nothing_behind(archive):
    record = create_record(archive, _notice(), accept=True)
    other = create_record(archive, _notice())
    with pytest.raises(NotAllowed):
        change_status(archive, [record.id, other.id], "transferred", "移交")  # other is still pending
    assert get_record(archive, record.id).status == "in_custody"
    assert [e.action for e in record_history(archive, record.id)] == ["create"]

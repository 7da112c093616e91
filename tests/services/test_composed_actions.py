"""Actions on many records are one transaction (Cosmic Python's ``test_uow.py``): a unit of work
commits whole or rolls back whole, services join the caller's unit of work, and a batch action that
meets one record it may not touch touches none."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from archdesk.models import AuditEvent, Record
from archdesk.services.catalogue import (
    RecordInput,
    accept_records,
    change_status,
    create_record,
    delete_pending_records,
    get_record,
    record_history,
    update_record,
)
from archdesk.services.errors import NotAllowed, NotFound
from archdesk.services.uow import UnitOfWork


def _notice(title: str = "通知") -> RecordInput:
    return RecordInput(title=title, category="WS", year=2023, retention="D30", department="BGS")


def _count(db, model) -> int:
    with db.reading() as session:
        return session.scalar(select(func.count()).select_from(model))


def test_three_pending_records_one_accepted_meanwhile_none_is_deleted_and_the_refusal_names_it(archive):
    first, second, third = (create_record(archive, _notice(f"第{n}份")) for n in (1, 2, 3))
    accept_records(archive, [second.id])  # from another window, after the three were selected
    with pytest.raises(NotAllowed) as caught:
        delete_pending_records(archive, [first.id, second.id, third.id])
    assert second.reference_code in caught.value.render("en")
    assert "nothing was deleted" in caught.value.render("en")
    assert "未删除任何档案" in caught.value.render("zh_CN") and "在档" in caught.value.render("zh_CN")
    assert [get_record(archive, r.id).status for r in (first, second, third)] == ["pending", "in_custody", "pending"]
    assert "delete" not in {e.action for r in (first, third) for e in record_history(archive, r.id)}


def test_pending_records_are_deleted_together_each_with_its_audit_event(archive):
    ids = [create_record(archive, _notice(f"第{n}份")).id for n in (1, 2, 3)]
    assert delete_pending_records(archive, ids) == 3
    assert _count(archive, Record) == 0
    with archive.reading() as session:
        deleted = session.scalars(select(AuditEvent.entity_id).where(AuditEvent.action == "delete")).all()
    assert sorted(deleted) == sorted(ids)


def test_accepting_several_records_accepts_none_when_one_is_no_longer_pending(archive):
    pending = create_record(archive, _notice())
    accepted = create_record(archive, _notice(), accept=True)
    with pytest.raises(NotAllowed) as caught:
        accept_records(archive, [pending.id, accepted.id])
    assert accepted.reference_code in str(caught.value) and "nothing was accepted" in str(caught.value)
    assert get_record(archive, pending.id).status == "pending"
    assert [e.action for e in record_history(archive, pending.id)] == ["create"]


def test_a_record_deleted_meanwhile_refuses_the_whole_batch(archive):
    kept = create_record(archive, _notice())
    gone = create_record(archive, _notice())
    delete_pending_records(archive, [gone.id])
    with pytest.raises(NotFound):
        accept_records(archive, [kept.id, gone.id])
    assert get_record(archive, kept.id).status == "pending"


def test_a_unit_of_work_not_committed_leaves_nothing(archive):
    with UnitOfWork(archive) as uow:
        create_record(archive, _notice(), uow=uow)
    assert _count(archive, Record) == 0
    assert _count(archive, AuditEvent) == 1  # only the seeding of the code tables


def test_services_joined_in_one_unit_of_work_are_committed_together(archive):
    with UnitOfWork(archive) as uow:
        record = create_record(archive, _notice(), uow=uow)
        update_record(archive, record.id, pages=4, uow=uow)
        accept_records(archive, [record.id], uow=uow)
        uow.commit()
    view = get_record(archive, record.id)
    assert (view.status, view.pages) == ("in_custody", 4)
    assert [e.action for e in record_history(archive, record.id)] == ["create", "update", "accept"]


def test_an_error_in_a_later_step_rolls_back_the_earlier_steps_of_the_same_unit_of_work(archive):
    accepted = create_record(archive, _notice("已归档"), accept=True)
    before = _count(archive, AuditEvent)

    class Interrupted(Exception):
        pass

    with pytest.raises(Interrupted), UnitOfWork(archive) as uow:
        create_record(archive, _notice("新的"), uow=uow)
        change_status(archive, [accepted.id], "transferred", "移交市档案馆", uow=uow)
        raise Interrupted
    assert _count(archive, Record) == 1
    assert get_record(archive, accepted.id).status == "in_custody"
    assert _count(archive, AuditEvent) == before


def test_a_refused_step_rolls_back_the_whole_unit_of_work(archive):
    pending = create_record(archive, _notice())
    with pytest.raises(NotAllowed), UnitOfWork(archive) as uow:
        update_record(archive, pending.id, title="改过的题名", uow=uow)
        change_status(archive, [pending.id], "transferred", "移交", uow=uow)  # a pending record cannot leave
        uow.commit()
    assert get_record(archive, pending.id).title == "通知"

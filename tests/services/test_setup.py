"""Setting up an archive: fonds, categories and departments added and renamed, every change audited,
no code that records use deleted or changed, and each action composable in the caller's unit of work."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from archdesk.models import AuditEvent, Location
from archdesk.services import setup
from archdesk.services.catalogue import create_record
from archdesk.services.errors import NotAllowed, ValidationError
from archdesk.services.uow import UnitOfWork
from archdesk.services.views import RecordInput


class _Event:
    def __init__(self, event: AuditEvent) -> None:
        self.action, self.entity_id, self.before, self.after = event.action, event.entity_id, event.before, event.after


def _audit(db, entity: str) -> list[_Event]:
    with db.reading() as session:
        stmt = select(AuditEvent).where(AuditEvent.entity == entity).order_by(AuditEvent.id)
        return [_Event(event) for event in session.scalars(stmt)]


def _category(db, code: str) -> setup.SetupCategory:
    return next(c for c in setup.archive_setup(db).categories if c.code == code)


def _one_record(db, *, category: str = "WS", department: str = "BGS") -> int:
    fonds = setup.archive_setup(db).fonds[0].code
    view = create_record(
        db,
        RecordInput(fonds=fonds, category=category, year=2023, retention="D30", department=department, title="通知"),
    )
    return view.id


def test_a_sub_category_is_added_under_its_parent_with_its_template_and_retention_and_audited(archive):
    setup.add_category(archive, "HT", "合同", name_en="Contracts", parent="KJ", default_retention="D30")
    added = _category(archive, "KJ·HT")
    assert added.parent_id == _category(archive, "KJ").id
    assert (added.name, added.name_en, added.default_retention, added.active) == ("合同", "Contracts", "D30", True)
    event = _audit(archive, "category")[-1]
    assert event.action == "create" and event.entity_id == added.id and event.after["code"] == "KJ·HT"


def test_renaming_a_category_keeps_its_code_and_audits_before_and_after(archive):
    ws = _category(archive, "WS")
    setup.update_category(
        archive,
        ws.id,
        name="文书档案",
        name_en="Documents",
        refcode_pattern=ws.refcode_pattern,
        default_retention="D10",
    )
    again = _category(archive, "WS")
    assert (again.code, again.name, again.default_retention) == ("WS", "文书档案", "D10")
    event = _audit(archive, "category")[-1]
    assert event.before["name"] == ws.name and event.after["name"] == "文书档案"


def test_a_bad_template_is_refused_and_nothing_changes(archive):
    ws = _category(archive, "WS")
    with pytest.raises(ValidationError):
        setup.update_category(archive, ws.id, name="X", refcode_pattern="{fonds}-{nothing}", default_retention="")
    assert _category(archive, "WS") == ws


def test_a_taken_or_malformed_code_is_refused_with_a_message_in_both_languages(archive):
    with pytest.raises(ValidationError) as taken:
        setup.add_department(archive, "BGS", "办公室二")
    assert "BGS" in taken.value.render("zh_CN") and "已被使用" in taken.value.render("zh_CN")
    with pytest.raises(ValidationError) as malformed:
        setup.add_fonds(archive, "z-1", "某单位")
    assert "Z109" in malformed.value.render("en") and "全宗号" in malformed.value.render("zh_CN")


def test_a_department_in_use_is_retired_not_deleted_and_its_code_cannot_change(archive):
    department = next(d for d in setup.archive_setup(archive).departments if d.code == "BGS")
    _one_record(archive, department="BGS")
    with pytest.raises(NotAllowed) as refused:
        setup.update_department(archive, department.id, code="BG", name="办公室")
    assert "1" in refused.value.render("en")
    setup.update_department(archive, department.id, code="BGS", name="综合办公室")  # the name may change
    setup.set_department_active(archive, department.id, False)
    retired = next(d for d in setup.archive_setup(archive).departments if d.id == department.id)
    assert (retired.active, retired.records, retired.name) == (False, 1, "综合办公室")
    assert [e.action for e in _audit(archive, "department")][-2:] == ["update", "retire"]
    from archdesk.services.codes import code_tables

    assert "BGS" not in {d.code for d in code_tables(archive).departments}  # no longer offered for new records
    setup.set_department_active(archive, department.id, True)
    assert "BGS" in {d.code for d in code_tables(archive).departments}


def test_retiring_a_category_retires_its_sub_categories_and_a_child_waits_for_its_parent(archive):
    kj = _category(archive, "KJ")
    setup.set_category_active(archive, kj.id, False)
    assert not _category(archive, "KJ·KY").active
    with pytest.raises(NotAllowed):
        setup.set_category_active(archive, _category(archive, "KJ·KY").id, True)
    setup.set_category_active(archive, kj.id, True)
    setup.set_category_active(archive, _category(archive, "KJ·KY").id, True)
    assert _category(archive, "KJ·KY").active


def test_a_fonds_is_added_and_renamed_but_its_code_stays_once_records_carry_it(archive):
    fonds_id = setup.add_fonds(archive, "J002", "第二分局")
    setup.update_fonds(archive, fonds_id, code="J003", name="第二分局")  # no records yet: the code may change
    first = setup.archive_setup(archive).fonds[0]
    _one_record(archive)
    first = next(f for f in setup.archive_setup(archive).fonds if f.id == first.id)
    with pytest.raises(NotAllowed):
        setup.update_fonds(archive, first.id, code="Z999", name=first.name)
    assert {f.code for f in setup.archive_setup(archive).fonds} >= {"J003", first.code}
    assert [e.action for e in _audit(archive, "fonds")][-2:] == ["create", "update"]


def test_set_up_actions_in_one_unit_of_work_commit_whole_or_not_at_all(archive):
    before = setup.archive_setup(archive)
    with pytest.raises(ValidationError), UnitOfWork(archive) as uow:
        setup.add_department(archive, "ZZB", "组织部", uow=uow)
        setup.add_category(archive, "DZ", "党政", uow=uow)
        setup.add_department(archive, "ZZB", "again", uow=uow)  # refused: the first two go too
        uow.commit()
    after = setup.archive_setup(archive)
    assert after.departments == before.departments and after.categories == before.categories
    with UnitOfWork(archive) as uow:
        setup.add_department(archive, "ZZB", "组织部", uow=uow)
        setup.add_category(archive, "DZ", "党政", uow=uow)
        uow.commit()
    assert "ZZB" in {d.code for d in setup.archive_setup(archive).departments}


def test_the_first_run_checklist_counts_what_a_new_archive_has_and_lacks(archive):
    checklist = setup.first_run_checklist(archive)
    assert checklist.fonds == 1 and checklist.categories > 0 and checklist.departments > 0
    assert checklist.storerooms == 0 and not checklist.complete
    with UnitOfWork(archive) as uow:
        uow.session.add(Location(code="K01-A-01", storeroom="K01"))
        uow.session.add(Location(code="K01-A-02", storeroom="K01"))
        uow.commit()
    assert setup.first_run_checklist(archive).storerooms == 1 and setup.first_run_checklist(archive).complete

"""Appraisal batches and holds: decisions with opinions, records held while appraised, holds lifted with a reason."""

from __future__ import annotations

from datetime import date

import pytest
from appraisal_archive import accounting_category, add_records, record_state, references

from archdesk.messages import CHINESE
from archdesk.models import Appraisal, Movement
from archdesk.services.appraisal import (
    add_to_batch,
    appraisal_blocks,
    close_batch,
    create_batch,
    create_destruction_list,
    decide,
    lift_hold,
    list_batches,
    list_holds,
    place_hold,
)
from archdesk.services.errors import NotAllowed
from archdesk.services.uow import UnitOfWork

DAY = date(2026, 3, 1)


def _blocks(db, ids):
    with db.reading() as session:
        return {k: str(v) for k, v in appraisal_blocks(session, ids).items()}


def test_a_batch_needs_a_title_and_a_committee(archive):
    with pytest.raises(NotAllowed, match="two committee members"):
        create_batch(archive, "鉴定", "张三")
    with pytest.raises(NotAllowed, match="title"):
        create_batch(archive, " ", "张三,李四")


def test_each_decision_is_recorded_with_its_opinion_and_records_in_an_open_batch_are_held(archive):
    ids = add_records(archive, 4)
    codes = references(archive, ids)
    batch = create_batch(archive, "2026年到期档案鉴定", "张三，李四、王五", appraised_on=DAY, scope="2010年文书")
    decide(archive, batch, codes[:1], "keep", "具有长期查考价值")
    decide(archive, batch, codes[1:2], "extend", "尚在使用", retention="D10")
    decide(archive, batch, codes[2:3], "destroy", "已无保存价值")
    decide(archive, batch, codes[3:], "transfer", "移交市档案馆", transfer_to="市档案馆")
    with archive.reading() as session:
        rows = {a.record_id: a for a in session.query(Appraisal)}
        assert [rows[i].decision for i in ids] == ["keep", "extend", "destroy", "transfer"]
        assert rows[ids[1]].next_due_on == date(2037, 1, 1) and rows[ids[0]].reason == "具有长期查考价值"
        assert rows[ids[0]].appraisers == "张三, 李四, 王五"
    blocked = _blocks(archive, ids)
    assert set(blocked) == set(ids) and "being appraised (batch" in blocked[ids[0]]
    (summary,) = list_batches(archive)
    assert summary.records == 4 and summary.undecided == 0 and summary.decisions["destroy"] == 1


def test_closing_a_batch_carries_out_its_transfers_and_frees_the_kept_records(archive):
    ids = add_records(archive, 2)
    batch = create_batch(archive, "鉴定", "张三,李四", appraised_on=DAY)
    add_to_batch(archive, batch, ids)
    decide(archive, batch, references(archive, ids[:1]), "keep", "永久保存")
    with pytest.raises(NotAllowed, match="1 records of batch .* no decision"):
        close_batch(archive, batch)
    decide(archive, batch, references(archive, ids[1:]), "transfer", "进馆", transfer_to="市档案馆")
    assert close_batch(archive, batch) == 1
    assert record_state(archive, ids[1]) == ("transferred", None)
    assert record_state(archive, ids[0])[0] == "in_custody"
    assert _blocks(archive, ids) == {}
    with archive.reading() as session:
        assert [(m.reason, m.direction) for m in session.query(Movement)] == [("transfer", "out")]
    with pytest.raises(NotAllowed, match="is closed"):
        decide(archive, batch, references(archive, ids[:1]), "destroy", "x")


def test_refusals_of_a_decision(archive):
    early = add_records(archive, 1, year=2020)
    permanent = add_records(archive, 1, year=2000, retention="Y")
    due = add_records(archive, 1, year=2010)
    batch = create_batch(archive, "鉴定", "张三,李四", appraised_on=DAY)
    with pytest.raises(NotAllowed, match="until 2030-12-31; it cannot be destroyed before 2031-01-01"):
        decide(archive, batch, references(archive, early), "destroy", "无价值")
    with pytest.raises(NotAllowed, match="kept permanently"):
        decide(archive, batch, references(archive, permanent), "destroy", "无价值")
    with pytest.raises(NotAllowed, match="opinion"):
        decide(archive, batch, references(archive, due), "destroy", "  ")
    with pytest.raises(NotAllowed, match="unknown decision"):
        decide(archive, batch, references(archive, due), "shred", "x")
    with pytest.raises(NotAllowed, match="new retention period"):
        decide(archive, batch, references(archive, due), "extend", "x")
    with pytest.raises(NotAllowed, match="not a fixed period"):
        decide(archive, batch, references(archive, due), "extend", "x", retention="Y")
    with pytest.raises(NotAllowed, match="no record has the reference code NOPE"):
        decide(archive, batch, ["NOPE"], "keep", "x")
    other = create_batch(archive, "另一批", "王五,赵六", appraised_on=DAY)
    decide(archive, other, references(archive, due), "keep", "保存")
    with pytest.raises(NotAllowed, match="already in the open appraisal batch"):
        decide(archive, batch, references(archive, due), "keep", "保存")
    with archive.reading() as session:
        assert session.query(Appraisal).count() == 1  # nothing of the refused decisions was kept


def test_a_decision_on_many_records_is_all_or_nothing(archive):
    due = add_records(archive, 2, year=2010)
    early = add_records(archive, 1, year=2020)
    batch = create_batch(archive, "鉴定", "张三,李四", appraised_on=DAY)
    with pytest.raises(NotAllowed, match="cannot be destroyed before"):
        decide(archive, batch, references(archive, due + early), "destroy", "无价值")
    with archive.reading() as session:
        assert session.query(Appraisal).count() == 0


def test_a_hold_blocks_destruction_whatever_the_date_until_lifted_with_a_reason(archive):
    (record_id,) = add_records(archive, 1, year=2000)
    (code,) = references(archive, [record_id])
    with pytest.raises(NotAllowed, match="needs a reason"):
        place_hold(archive, code, " ")
    place_hold(archive, code, "合同纠纷诉讼中")
    with pytest.raises(NotAllowed, match="already on hold"):
        place_hold(archive, code, "again")
    assert "on hold: 合同纠纷诉讼中" in _blocks(archive, [record_id])[record_id]
    batch = create_batch(archive, "鉴定", "张三,李四", appraised_on=DAY)
    with pytest.raises(NotAllowed, match="is on hold .合同纠纷诉讼中. and cannot be destroyed"):
        decide(archive, batch, [code], "destroy", "无价值")
    with pytest.raises(NotAllowed, match="lifting a hold needs a reason"):
        lift_hold(archive, code, "")
    assert [h.reason for h in list_holds(archive)] == ["合同纠纷诉讼中"]
    lift_hold(archive, code, "诉讼已结案")
    assert list_holds(archive) == []
    decide(archive, batch, [code], "destroy", "无价值")
    with pytest.raises(NotAllowed, match="is not on hold"):
        lift_hold(archive, code, "x")


def test_an_accounting_voucher_with_unsettled_claims_is_never_destroyed(archive):
    ku = accounting_category(archive)
    (voucher,) = add_records(archive, 1, year=2000, retention="D10", category=ku)
    (letter,) = add_records(archive, 1, year=2000)
    (code,) = references(archive, [voucher])
    with pytest.raises(NotAllowed, match="not an accounting record"):
        place_hold(archive, references(archive, [letter])[0], "欠款", kind="unsettled_claims")
    place_hold(archive, code, "应收账款未结清", kind="unsettled_claims")
    batch = create_batch(archive, "会计档案鉴定", "财务科 王会计, 档案室 李四", appraised_on=DAY)
    with pytest.raises(NotAllowed, match="unsettled claims") as refused:
        decide(archive, batch, [code], "destroy", "期满")
    assert "未结清债权债务" in refused.value.render(CHINESE)


def test_a_cancelled_decision_change_is_refused_once_the_record_is_on_a_list(archive):
    ids = add_records(archive, 1)
    batch = create_batch(archive, "鉴定", "张三,李四", appraised_on=DAY)
    decide(archive, batch, references(archive, ids), "destroy", "无价值")
    create_destruction_list(archive, batch)
    with pytest.raises(NotAllowed, match="on destruction list XH-"):
        decide(archive, batch, references(archive, ids), "keep", "改为保存")


def test_hold_and_decision_join_the_callers_unit_of_work(archive):
    (record_id,) = add_records(archive, 1)
    (code,) = references(archive, [record_id])
    with UnitOfWork(archive) as uow:
        place_hold(archive, code, "审计", kind="audit", uow=uow)
        batch = create_batch(archive, "鉴定", "张三,李四", uow=uow)
        # not committed: rolled back with the unit of work
    assert list_holds(archive) == [] and list_batches(archive) == []
    assert batch


def test_a_record_on_hold_or_being_appraised_cannot_be_moved_out(archive):
    from archdesk.services.catalogue import change_status

    held, appraised, free = add_records(archive, 3)
    place_hold(archive, references(archive, [held])[0], "审计")
    batch = create_batch(archive, "鉴定", "张三,李四", appraised_on=DAY)
    add_to_batch(archive, batch, [appraised])
    with pytest.raises(NotAllowed, match="on hold: 审计"):
        change_status(archive, [held], "transferred", "移交")
    with pytest.raises(NotAllowed, match="being appraised"):
        change_status(archive, [appraised, free], "transferred", "移交")
    assert change_status(archive, [free], "transferred", "移交") == 1

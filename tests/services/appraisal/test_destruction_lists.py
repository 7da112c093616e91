"""Destruction lists: batch → list → approve → execute, and every refusal on the way."""

from __future__ import annotations

from datetime import date

import pytest
from appraisal_archive import accounting_category, add_records, lend, record_state, references

from archdesk.models import (
    Attachment,
    AuditEvent,
    DestroyedAttachment,
    DestructionList,
    DestructionListItem,
    Movement,
    Record,
)
from archdesk.services.appraisal import (
    appraisal_blocks,
    approve_destruction_list,
    cancel_destruction_list,
    close_batch,
    create_batch,
    create_destruction_list,
    decide,
    execute_destruction_list,
    list_destruction_lists,
    place_hold,
)
from archdesk.services.catalogue import get_record, record_history
from archdesk.services.digitisation import content
from archdesk.services.digitisation.attachments import attach_files, attachment_path
from archdesk.services.errors import NotAllowed
from archdesk.services.records_query import search_records
from archdesk.services.uow import UnitOfWork

DAY = date(2026, 3, 1)


def _listed(db, count=3, **kwargs):
    ids = add_records(db, count, **kwargs)
    batch = create_batch(db, "2026年到期文书档案鉴定", "张三,李四,王五", appraised_on=DAY)
    decide(db, batch, references(db, ids), "destroy", "保管期限已满，无继续保存价值")
    return ids, batch, create_destruction_list(db, batch, applicant="档案员 陈静")


def _approve(db, list_id, **kwargs):
    approve_destruction_list(
        db, list_id, "局长 周明", "办公室 孙丽, 纪检 吴强", place="碎纸间", method="粉碎", **kwargs
    )


def test_batch_to_list_to_approval_to_execution(archive, tmp_path):
    ids, batch, list_id = _listed(archive)
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF-1.4 scan")
    (attached,) = attach_files(archive, ids[0], [scan])
    stored = attachment_path(archive, attached.id)
    (summary,) = list_destruction_lists(archive)
    assert (summary.status, summary.records, summary.kind, summary.number) == ("draft", 3, "general", "XH-2026-001")
    with archive.reading() as session:
        assert set(appraisal_blocks(session, ids)) == set(ids)  # on a list: not lent, not moved out
    close_batch(archive, batch)
    _approve(archive, list_id)
    result = execute_destruction_list(archive, list_id, remove_attachments=True, executed_on=date(2026, 3, 20))
    assert (result.records, result.attachments_removed, result.number) == (3, 1, "XH-2026-001")
    assert [record_state(archive, i) for i in ids] == [("destroyed", None)] * 3
    assert not stored.exists() and scan.exists()  # the archive's copy is gone; the scanner's file is not ours
    with archive.reading() as session:
        # the catalogue entry stays, with the list's number and date; the box it left is remembered
        assert session.query(Record).filter(Record.id.in_(ids)).count() == 3
        listing = session.get(DestructionList, list_id)
        assert (listing.status, listing.executed_on) == ("executed", date(2026, 3, 20))
        assert all(item.former_box_id for item in session.query(DestructionListItem))
        ledger = session.query(Movement).filter(Movement.reason == "destruction").all()
        assert sorted(m.record_id for m in ledger) == ids and all(m.from_location_id for m in ledger)
        assert session.query(Attachment).count() == 0
        assert [(a.file_name, a.sha256) for a in session.query(DestroyedAttachment)] == [("scan.pdf", attached.sha256)]
        assert session.query(AuditEvent).filter_by(action="destroy").count() == 3
    assert get_record(archive, ids[0]).status == "destroyed"
    assert any("XH-2026-001" in entry.summary for entry in record_history(archive, ids[0]))


def test_attachments_stay_unless_their_removal_is_chosen(archive, tmp_path):
    ids, _batch, list_id = _listed(archive, 1)
    scan = tmp_path / "keep.pdf"
    scan.write_bytes(b"%PDF-1.4 keep")
    (attached,) = attach_files(archive, ids[0], [scan])
    _approve(archive, list_id)
    assert execute_destruction_list(archive, list_id).attachments_removed == 0
    assert attachment_path(archive, attached.id).exists()


def _pdf(path, line: str):
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path))
    pdf.drawString(72, 720, line)
    pdf.showPage()
    pdf.save()
    return path


def test_removed_attachments_take_their_text_out_of_the_search(archive, tmp_path):
    ids, _batch, list_id = _listed(archive, 1)
    other = add_records(archive, 1)[0]
    attach_files(archive, ids[0], [_pdf(tmp_path / "minutes.pdf", "Minutes Qz Zanzibar")])
    attach_files(archive, other, [_pdf(tmp_path / "kept.pdf", "Qz kept")])
    assert search_records(archive, "Qz").total == 2 and search_records(archive, "Zanzibar").total == 1
    _approve(archive, list_id)
    execute_destruction_list(archive, list_id, remove_attachments=True)
    # A two-letter word (the character-pair table) and a longer one (the trigram table) alike.
    assert [r.id for r in search_records(archive, "Qz").records] == [other]
    assert search_records(archive, "Zanzibar").total == 0 == search_records(archive, "Mi").total
    with archive.reading() as session:
        assert content.gram_index_differences(session) in {None, (0, 0)}  # None: not SQLite


def test_a_stored_copy_another_record_still_uses_is_kept(archive, tmp_path):
    ids, _batch, list_id = _listed(archive, 1)
    other = add_records(archive, 1)[0]
    scan = tmp_path / "same.pdf"
    scan.write_bytes(b"%PDF-1.4 the same scan")
    (destroyed,) = attach_files(archive, ids[0], [scan])
    (kept,) = attach_files(archive, other, [scan])  # identical content: one stored copy for both
    assert attachment_path(archive, destroyed.id) == attachment_path(archive, kept.id)
    _approve(archive, list_id)
    assert execute_destruction_list(archive, list_id, remove_attachments=True).attachments_removed == 1
    assert attachment_path(archive, kept.id).exists()


def test_approval_needs_two_witnesses_who_are_neither_applicant_nor_approver(archive):
    _ids, _batch, list_id = _listed(archive, 1)
    with pytest.raises(NotAllowed, match="at least two witnesses .监销人. are needed; 1 given"):
        approve_destruction_list(archive, list_id, "周明", "孙丽")
    with pytest.raises(NotAllowed, match="at least two witnesses"):
        approve_destruction_list(archive, list_id, "周明", "孙丽, 孙丽")
    with pytest.raises(NotAllowed, match="陈静 applied for this destruction and cannot witness it"):
        approve_destruction_list(archive, list_id, "周明", "孙丽, 陈静", applicant="陈静")
    with pytest.raises(NotAllowed, match="档案员 陈静 applied"):
        approve_destruction_list(archive, list_id, "周明", "孙丽, 档案员 陈静")  # the list's own applicant
    with pytest.raises(NotAllowed, match="周明 approves this destruction"):
        approve_destruction_list(archive, list_id, "周明", "孙丽, 周明")
    with pytest.raises(NotAllowed, match="approver"):
        approve_destruction_list(archive, list_id, " ", "孙丽, 吴强")
    assert list_destruction_lists(archive)[0].status == "draft"
    _approve(archive, list_id)
    with pytest.raises(NotAllowed, match="only a list awaiting approval can be approved"):
        _approve(archive, list_id)


def test_execution_needs_the_approval_first_and_happens_never_twice(archive):
    ids, _batch, list_id = _listed(archive, 2)
    with pytest.raises(NotAllowed, match="has not been approved"):
        execute_destruction_list(archive, list_id)
    _approve(archive, list_id)
    execute_destruction_list(archive, list_id)
    with pytest.raises(NotAllowed, match="was executed on .*; a destruction is never repeated or undone"):
        execute_destruction_list(archive, list_id)
    with pytest.raises(NotAllowed, match="never repeated"):
        cancel_destruction_list(archive, list_id, "撤销")
    with archive.reading() as session:
        assert session.query(Movement).count() == 2


def test_a_record_on_an_open_list_cannot_go_on_another(archive):
    ids, batch, first = _listed(archive, 1)
    close_batch(archive, batch)
    again = create_batch(archive, "复查", "赵六,钱七", appraised_on=DAY)
    decide(archive, again, references(archive, ids), "destroy", "复查同意销毁")
    with pytest.raises(NotAllowed, match="is already on the open destruction list XH-2026-001"):
        create_destruction_list(archive, again)
    cancel_destruction_list(archive, first, "清册有误，重新编制")
    second = create_destruction_list(archive, again)
    assert [s.number for s in list_destruction_lists(archive)] == ["XH-2026-002", "XH-2026-001"]
    assert second != first
    with pytest.raises(NotAllowed, match="no destroy decisions that are not on a list"):
        create_destruction_list(archive, again)


def test_a_record_lent_since_the_decision_blocks_the_whole_execution(archive):
    ids, _batch, list_id = _listed(archive, 3)
    lend(archive, ids[1], date(2026, 3, 5))  # lent and returned after the decision of 2026-03-01
    _approve(archive, list_id)
    code = references(archive, ids[1:2])[0]
    with pytest.raises(NotAllowed, match=f"{code} was lent on 2026-03-05, after the decision of"):
        execute_destruction_list(archive, list_id)
    assert [record_state(archive, i)[0] for i in ids] == ["in_custody"] * 3
    with archive.reading() as session:
        assert session.query(Movement).count() == 0
        assert session.get(DestructionList, list_id).status == "approved"


def test_a_record_out_on_loan_blocks_the_execution(archive):
    ids, _batch, list_id = _listed(archive, 1)
    lend(archive, ids[0], date(2026, 2, 1), returned=False)
    _approve(archive, list_id)
    with pytest.raises(NotAllowed, match="is on loan and cannot be destroyed"):
        execute_destruction_list(archive, list_id)


def test_a_record_held_since_the_decision_blocks_the_execution(archive):
    ids, _batch, list_id = _listed(archive, 2)
    _approve(archive, list_id)
    code = references(archive, ids[:1])[0]
    place_hold(archive, code, "审计署调阅")
    with pytest.raises(NotAllowed, match=f"{code} is on hold .审计署调阅. and cannot be destroyed"):
        execute_destruction_list(archive, list_id)
    assert record_state(archive, ids[1])[0] == "in_custody"


def test_execution_before_the_retention_has_run_out_is_refused(archive):
    ids, _batch, list_id = _listed(archive, 1)
    _approve(archive, list_id)
    with pytest.raises(NotAllowed, match="cannot be destroyed before 2021-01-01"):
        execute_destruction_list(archive, list_id, executed_on=date(2020, 6, 1))


def test_accounting_records_get_their_own_list(archive):
    ku = accounting_category(archive)
    general = add_records(archive, 1)
    vouchers = add_records(archive, 2, year=2000, retention="D10", category=ku)
    batch = create_batch(archive, "鉴定", "张三,李四", appraised_on=DAY)
    decide(archive, batch, references(archive, general + vouchers), "destroy", "期满")
    first = create_destruction_list(archive, batch)
    second = create_destruction_list(archive, batch)
    kinds = {s.id: (s.kind, s.records) for s in list_destruction_lists(archive)}
    assert kinds == {first: ("general", 1), second: ("accounting", 2)}


def test_a_cancelled_execution_keeps_nothing(archive):
    ids, _batch, list_id = _listed(archive, 3)
    _approve(archive, list_id)
    from archdesk.services.errors import Cancelled

    with pytest.raises(Cancelled):
        execute_destruction_list(archive, list_id, progress=lambda done, total: False)
    assert [record_state(archive, i)[0] for i in ids] == ["in_custody"] * 3
    with archive.reading() as session:
        assert session.query(Movement).count() == 0


def test_an_execution_inside_the_callers_unit_of_work_is_rolled_back_with_it(archive):
    ids, _batch, list_id = _listed(archive, 2)
    _approve(archive, list_id)
    with UnitOfWork(archive) as uow:
        assert execute_destruction_list(archive, list_id, uow=uow).records == 2
        # the caller fails before committing: nothing of the execution is kept
    assert [record_state(archive, i)[0] for i in ids] == ["in_custody"] * 2
    assert list_destruction_lists(archive)[0].status == "approved"
    with archive.reading() as session:
        assert session.query(Movement).count() == 0


def test_the_box_note_of_a_box_lists_what_was_destroyed_from_it(archive):
    from archdesk.services.reports.boxes import box_note_drafts

    ids, _batch, list_id = _listed(archive, 2)
    with archive.reading() as session:
        box_id = session.get(Record, ids[0]).box_id
    assert box_id is not None
    _approve(archive, list_id)
    execute_destruction_list(archive, list_id, executed_on=date(2026, 3, 20))
    assert record_state(archive, ids[0]) == ("destroyed", None)  # the place in the box is released
    note = box_note_drafts(archive, [box_id])[box_id]  # the 备考表 still says what left the box
    assert note.count("已销毁") == 2

"""Boxes: the DA/T 22 mixing rule, barcodes, capacity, and every move written to the ledger."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError

from archdesk.models import AuditEvent, Box, Movement, Record
from archdesk.services.catalogue import RecordInput, create_record
from archdesk.services.custody.boxes import move_boxes, put_in_box, set_barcode
from archdesk.services.custody.finding import find_code, record_place
from archdesk.services.custody.locations import location_tree
from archdesk.services.errors import NotAllowed
from archdesk.services.ledger import LedgerFilter, ledger_entries
from archdesk.services.uow import UnitOfWork


def _box_of(archive, record_id):
    with archive.reading() as s:
        return s.get(Record, record_id).box_id


def test_records_go_into_a_new_box_in_reference_code_order_and_the_box_gets_its_number(shelved):
    archive, records = shelved
    ids = list(reversed(records["2020-D30"]))
    put = put_in_box(archive, ids, new=True)

    assert put.records == 4
    assert put.box_code.endswith("-H001")
    found = find_code(archive, put.box_code)
    assert found.kind == "box"
    assert [r.item_number for r in found.records] == [1, 2, 3, 4]
    again = put_in_box(archive, records["2021-D30"], new=True)
    assert again.box_code.endswith("-H001")  # another group: its box numbers start again


@pytest.mark.parametrize(
    ("groups", "refusal", "chinese"),
    [
        (("2020-D30", "2021-D30"), "never mixes years: 2020 and 2021", "不得混装不同年度：2020 与 2021"),
        (("2020-D30", "2020-Y"), "never mixes retention periods: D30 and Y", "不得混装不同保管期限：D30 与 Y"),
    ],
)
def test_a_box_never_mixes_years_or_retention_periods(shelved, groups, refusal, chinese):
    archive, records = shelved
    ids = records[groups[0]] + records[groups[1]]
    with pytest.raises(NotAllowed) as refused:
        put_in_box(archive, ids, new=True)
    assert refusal in str(refused.value)
    assert chinese in refused.value.render("zh_CN")
    assert all(_box_of(archive, i) is None for i in ids)


def test_a_box_never_mixes_departments(archive):
    first = create_record(
        archive, RecordInput(title="甲", category="WS", year=2020, retention="D30", department="BGS"), accept=True
    )
    second = create_record(
        archive, RecordInput(title="乙", category="WS", year=2020, retention="D30", department="CWC"), accept=True
    )
    with pytest.raises(NotAllowed) as refused:
        put_in_box(archive, [first.id, second.id], new=True)
    assert "never mixes departments: BGS and CWC" in str(refused.value)


def test_an_existing_box_refuses_a_record_of_another_year_naming_both(shelved):
    archive, records = shelved
    box = put_in_box(archive, records["2020-D30"][:2], new=True)
    with pytest.raises(NotAllowed) as refused:
        put_in_box(archive, records["2021-D30"][:1], box_code=box.box_code)
    assert f"box {box.box_code} holds years 2020" in str(refused.value)
    put_in_box(archive, records["2020-D30"][2:], box_code=box.box_code)
    assert len(find_code(archive, box.box_code).records) == 4


def test_pending_records_are_not_boxed(archive):
    pending = create_record(archive, RecordInput(title="草稿", category="WS", year=2020, retention="D30"))
    with pytest.raises(NotAllowed) as refused:
        put_in_box(archive, [pending.id], new=True)
    assert refused.value.render("zh_CN").endswith("状态为暂存：只有已接收的档案可以装盒")


def test_a_duplicate_barcode_is_refused_naming_the_box_that_has_it(shelved):
    archive, records = shelved
    first = put_in_box(archive, records["2020-D30"], new=True, barcode="DA-0001")
    second = put_in_box(archive, records["2021-D30"], new=True)
    with pytest.raises(NotAllowed) as refused:
        set_barcode(archive, second.box_id, "DA-0001")
    assert str(refused.value) == f"barcode DA-0001 is already on box {first.box_code}"
    with pytest.raises(NotAllowed):
        put_in_box(archive, records["2020-Y"], new=True, barcode="DA-0001")
    assert find_code(archive, "DA-0001").id == first.box_id


def test_moving_boxes_writes_one_ledger_row_each_with_its_audit_event(shelved):
    archive, records = shelved
    first, second = (put_in_box(archive, records[k], new=True).box_id for k in ("2020-D30", "2021-D30"))
    shelf_a, shelf_b = location_tree(archive)[:2]
    move_boxes(archive, [first, second], shelf_a.code)
    move_boxes(archive, [first], shelf_b.id)

    rows = ledger_entries(archive)
    boxes = [(e.reason, e.from_location, e.to_location) for e in rows if not e.reference_code]
    assert boxes == [
        ("moved", shelf_a.code, shelf_b.code),
        ("shelved", "", shelf_a.code),
        ("shelved", "", shelf_a.code),
    ]
    assert [e.reason for e in ledger_entries(archive, LedgerFilter(reason="boxed"))] == ["boxed"] * 6
    assert record_place(archive, records["2020-D30"][0]).location == shelf_b.code
    with archive.reading() as s:
        movements = s.scalar(select(func.count()).select_from(Movement))
        audited = s.scalar(select(func.count()).select_from(AuditEvent).where(AuditEvent.entity == "movement"))
    assert movements == audited == 9


def test_a_full_shelf_refuses_more_boxes_unless_forced_and_nothing_moves(shelved):
    archive, records = shelved
    ids = [put_in_box(archive, records[k], new=True).box_id for k in ("2020-D30", "2021-D30", "2020-Y")]
    shelf = location_tree(archive)[0]  # capacity 2
    with pytest.raises(NotAllowed) as full:
        move_boxes(archive, ids, shelf.id)
    assert str(full.value) == f"shelf {shelf.code} holds 0 of 2 boxes; 3 more do not fit"
    with archive.reading() as s:
        assert s.scalar(select(func.count()).select_from(Box).where(Box.location_id.is_not(None))) == 0
    moved = move_boxes(archive, ids[:2], shelf.id)
    assert "100% full" in str(moved.warnings[0])
    assert move_boxes(archive, ids[2:], shelf.id, force=True).boxes == 1


def test_a_move_in_a_unit_of_work_that_fails_leaves_no_ledger_rows(shelved):
    archive, records = shelved
    box = put_in_box(archive, records["2020-D30"], new=True).box_id
    shelf = location_tree(archive)[0]
    with pytest.raises(RuntimeError), UnitOfWork(archive) as uow:
        move_boxes(archive, [box], shelf.id, uow=uow)
        raise RuntimeError("the user's next step failed")
    assert [e.reason for e in ledger_entries(archive)] == ["boxed"] * 4


def test_the_ledger_refuses_change_and_removal(shelved):
    archive, records = shelved
    put_in_box(archive, records["2020-D30"], new=True)
    with archive.engine.connect() as conn:
        for statement in ("UPDATE movement SET reason = 'x'", "DELETE FROM movement"):
            with pytest.raises(DBAPIError, match="append-only"):
                conn.execute(text(statement))
            conn.rollback()
    assert len(ledger_entries(archive)) == 4

"""Stocktake: the expected list is frozen at the start; missing, unexpected, misplaced and on-loan apart; pause and resume."""

from __future__ import annotations

import pytest
from sqlalchemy import update

from archdesk.models import Record
from archdesk.services.custody.boxes import move_boxes, put_in_box
from archdesk.services.custody.locations import add_shelving, location_tree
from archdesk.services.custody.stocktake import finish_stocktake, reconcile, record_scans, set_paused, start_stocktake
from archdesk.services.errors import NotAllowed
from archdesk.services.uow import UnitOfWork


@pytest.fixture
def storeroom(shelved):
    """Boxes A and B on the first K01 shelf, C on the second; box D in storeroom K02."""
    archive, records = shelved
    add_shelving(archive, "K02", rows=1, sections=1, levels=1)
    a = put_in_box(archive, records["2020-D30"][:2], new=True)
    b = put_in_box(archive, records["2020-D30"][2:], new=True)
    c = put_in_box(archive, records["2021-D30"], new=True)
    d = put_in_box(archive, records["2020-Y"], new=True)
    shelves = {n.code: n.id for n in location_tree(archive)}
    move_boxes(archive, [a.box_id, b.box_id], shelves["K01-01-A-1-1"])
    move_boxes(archive, [c.box_id], shelves["K01-01-A-1-2"])
    move_boxes(archive, [d.box_id], shelves["K02-01-1-1"])
    return archive, records, {"A": a.box_code, "B": b.box_code, "C": c.box_code, "D": d.box_code}


def test_the_result_lists_missing_unexpected_misplaced_and_on_loan_apart(storeroom):
    archive, records, box = storeroom
    with UnitOfWork(archive) as uow:  # one record of box A is out (the loans service sets this status)
        uow.session.execute(update(Record).where(Record.id == records["2020-D30"][0]).values(status="on_loan"))
        uow.commit()
    started = start_stocktake(archive, "K01")
    assert started.expected == 3
    # A on its shelf; C found on the first shelf; D (from K02) found there too; one unreadable label; B not seen.
    record_scans(archive, started.id, ["K01-01-A-1-1", box["A"], box["C"], box["D"], "??-0042"])

    result = finish_stocktake(archive, started.id)

    assert [line.code for line in result.missing] == [box["B"]]
    assert result.missing[0].expected_at == "K01-01-A-1-1"
    assert [(line.code, line.expected_at, line.found_at) for line in result.misplaced] == [
        (box["C"], "K01-01-A-1-2", "K01-01-A-1-1")
    ]
    assert [line.code for line in result.unexpected] == [box["D"], "??-0042"]
    assert [(line.code, line.reference_code) for line in result.on_loan] == [
        (box["A"], result.on_loan[0].reference_code)
    ]
    assert result.on_loan[0].reference_code.endswith("-0001")
    assert (result.expected, result.found) == (3, 2)
    assert set(result.as_json()) >= {"missing", "unexpected", "misplaced", "on_loan"}


def test_the_expected_list_is_frozen_when_the_stocktake_starts(storeroom):
    archive, _, box = storeroom
    started = start_stocktake(archive, "K01-01-A-1-1")
    shelves = {n.code: n.id for n in location_tree(archive)}
    from archdesk.services.custody.boxes import box_ids_by_code

    move_boxes(archive, box_ids_by_code(archive, [box["C"]]), shelves["K01-01-A-1-1"], force=True)  # after the start
    record_scans(archive, started.id, ["K01-01-A-1-1", box["A"], box["B"], box["C"]])
    result = reconcile(archive, started.id)
    assert result.missing == ()
    assert [line.code for line in result.unexpected] == [box["C"]]


def test_a_paused_stocktake_takes_no_scans_until_resumed_and_keeps_what_was_scanned(storeroom):
    archive, _, box = storeroom
    started = start_stocktake(archive, "K01")
    record_scans(archive, started.id, ["K01-01-A-1-1", box["A"]])
    set_paused(archive, started.id, True)
    with pytest.raises(NotAllowed) as paused:
        record_scans(archive, started.id, [box["B"]])
    assert "paused" in str(paused.value)
    set_paused(archive, started.id, False)
    record_scans(archive, started.id, [box["B"]])  # still on the shelf scanned before the pause
    result = finish_stocktake(archive, started.id)
    assert [line.code for line in result.missing] == [box["C"]]
    assert result.misplaced == ()
    with pytest.raises(NotAllowed):
        record_scans(archive, started.id, [box["C"]])


def test_a_range_with_no_shelf_is_refused(storeroom):
    archive, *_ = storeroom
    with pytest.raises(NotAllowed) as refused:
        start_stocktake(archive, "K09")
    assert refused.value.render("zh_CN") == "没有与 K09 匹配的库位"

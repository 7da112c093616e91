"""Storerooms and shelves: a unit from its dimensions, addresses, rename, retire, never delete a used shelf."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from archdesk.models import AuditEvent, Location, Storeroom
from archdesk.services.custody.boxes import move_boxes, put_in_box
from archdesk.services.custody.locations import (
    add_shelving,
    delete_location,
    location_tree,
    rename_location,
    retire_location,
    set_climate_limits,
)
from archdesk.services.errors import NotAllowed, ValidationError


def test_a_shelving_unit_is_made_from_its_dimensions_with_readable_addresses(archive):
    added = add_shelving(archive, "k01", rows=3, sections=2, levels=4, sides=("A", "B"), capacity=6)

    assert len(added.codes) == 3 * 2 * 2 * 4
    assert added.codes[0] == "K01-01-A-1-1"
    assert "K01-03-A-2-4" in added.codes
    tree = location_tree(archive)
    assert [n.code for n in tree] == sorted(added.codes)
    shelf = next(n for n in tree if n.code == "K01-03-B-2-4")
    assert (shelf.storeroom, shelf.row, shelf.side, shelf.section, shelf.level, shelf.capacity) == (
        "K01", "03", "B", "2", "4", 6,
    )  # fmt: skip
    with archive.reading() as s:
        room = s.scalar(select(Storeroom).where(Storeroom.code == "K01"))
        assert (room.temp_min, room.temp_max, room.rh_min, room.rh_max) == (14, 24, 45, 60)


def test_a_second_unit_numbers_its_rows_on_and_a_unit_on_existing_addresses_is_refused_whole(archive):
    add_shelving(archive, "K01", rows=2, sections=1, levels=1)
    second = add_shelving(archive, "K01", rows=1, sections=1, levels=2)
    assert second.codes == ("K01-03-1-1", "K01-03-1-2")

    with pytest.raises(NotAllowed) as refused:
        add_shelving(archive, "K01", rows=2, sections=1, levels=1, first_row=2)
    assert "K01-02-1-1 already exists" in str(refused.value)
    assert len(location_tree(archive)) == 4  # nothing of the refused unit was written


def test_dimensions_and_capacity_are_checked_in_the_users_language(archive):
    with pytest.raises(ValidationError) as zero:
        add_shelving(archive, "K01", rows=0, sections=1, levels=1)
    assert zero.value.render("zh_CN") == "列：列、节、层数均须至少为 1"
    with pytest.raises(ValidationError):
        add_shelving(archive, "K01", rows=1, sections=1, levels=1, capacity=0)


def test_rename_keeps_the_address_and_is_audited(archive):
    add_shelving(archive, "K01", rows=1, sections=1, levels=1)
    shelf = location_tree(archive)[0]
    rename_location(archive, shelf.id, "东墙 第一架")
    renamed = location_tree(archive)[0]
    assert (renamed.code, renamed.name) == ("K01-01-1-1", "东墙 第一架")
    with archive.reading() as s:
        assert s.scalar(select(func.count()).select_from(AuditEvent).where(AuditEvent.action == "rename")) == 1


def test_a_storeroom_gets_a_readable_name(archive):
    from archdesk.services.custody.locations import list_storerooms, rename_storeroom

    add_shelving(archive, "K01", rows=1, sections=1, levels=1)
    rename_storeroom(archive, "k01", "一号库房（地下一层）")
    assert [(r.code, r.name) for r in list_storerooms(archive)] == [("K01", "一号库房（地下一层）")]
    assert location_tree(archive)[0].code == "K01-01-1-1"


def test_a_shelf_that_held_a_box_is_retired_never_deleted(shelved):
    archive, records = shelved
    first, second = location_tree(archive)[:2]
    box = put_in_box(archive, records["2020-Y"], new=True)
    move_boxes(archive, [box.box_id], first.id)

    with pytest.raises(NotAllowed) as busy:
        retire_location(archive, first.id)
    assert "still holds 1 boxes" in str(busy.value)
    move_boxes(archive, [box.box_id], second.id)
    with pytest.raises(NotAllowed) as used:
        delete_location(archive, first.id)
    assert "can be retired, not deleted" in str(used.value)

    retire_location(archive, first.id)
    assert first.id not in {n.id for n in location_tree(archive)}
    assert first.id in {n.id for n in location_tree(archive, include_retired=True)}
    with pytest.raises(NotAllowed) as retired:
        move_boxes(archive, [box.box_id], first.id)
    assert "is retired" in str(retired.value)

    never_used = location_tree(archive)[-1]
    delete_location(archive, never_used.id)
    with archive.reading() as s:
        assert s.get(Location, never_used.id) is None


def test_storeroom_limits_are_kept_and_checked(archive):
    set_climate_limits(archive, "K02", temperature=(14, 20), humidity=(45, 55))
    with archive.reading() as s:
        room = s.scalar(select(Storeroom).where(Storeroom.code == "K02"))
        assert (room.temp_max, room.rh_max, room.temp_swing) == (20, 55, 2)
    with pytest.raises(ValidationError):
        set_climate_limits(archive, "K02", humidity=(60, 45))

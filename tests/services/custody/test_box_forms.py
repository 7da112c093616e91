"""Box forms true to DA/T 22: 门类 on the spine, 起止件号 of the items held, the 备考表's dates and its
情况说明 drafted from what left the box, and an inventory that counts only what is held."""

from __future__ import annotations

import re
from datetime import date

from pypdf import PdfReader
from sqlalchemy import update

from archdesk.models import Record
from archdesk.services.catalogue import RecordInput, create_record
from archdesk.services.custody.boxes import put_in_box, set_box_note
from archdesk.services.reports import render_pdf
from archdesk.services.reports.boxes import box_labels, render_box_notes, render_box_spines
from archdesk.services.reports.registers import inventory_register
from archdesk.services.reports.statistics import holdings_statistics
from archdesk.services.uow import UnitOfWork


def _text(path) -> str:
    return "".join("".join((page.extract_text() or "").split()) for page in PdfReader(path).pages)


def _status(archive, record_id, status) -> None:
    with UnitOfWork(archive) as uow:
        uow.session.execute(update(Record).where(Record.id == record_id).values(status=status))
        uow.commit()


def test_two_first_boxes_of_different_categories_print_different_spines(archive, tmp_path):
    for category in ("WS", "KJ"):
        record = create_record(
            archive, RecordInput(title="文件", category=category, year=2020, retention="Y"), accept=True
        )
        put_in_box(archive, [record.id], new=True)
    boxes = box_labels(archive)
    assert [b.box_number for b in boxes] == [1, 1]
    spines = []
    for n, box in enumerate(boxes):
        out = tmp_path / f"spine{n}.pdf"
        render_box_spines([box], out)
        spines.append(_text(out))
    assert spines[0] != spines[1]
    assert {"门类KJ科技", "门类WS文书"} == {re.search(r"门类\w\w\w\w", spine).group() for spine in spines}


def test_the_box_note_drafts_what_left_the_box_and_prints_the_dates_and_the_first_last_held_items(archive, tmp_path):
    ids = [
        create_record(
            archive, RecordInput(title=f"第{n}份文件", category="WS", year=2020, retention="D30", pages=5), accept=True
        ).id
        for n in range(1, 5)
    ]
    box = put_in_box(archive, ids, new=True)
    _status(archive, ids[0], "destroyed")  # what appraisal and destruction do to an item
    other = put_in_box(archive, [ids[3]], new=True)  # taken into another box
    (label,) = [b for b in box_labels(archive, with_drafts=True) if b.code == box.box_code]
    assert (label.first_item, label.last_item, label.item_count, label.pages) == (2, 3, 2, 10)
    assert label.draft_notes.splitlines() == ["0001《第1份文件》已销毁", f"0004《第4份文件》移入 {other.box_code}"]

    out = tmp_path / "note.pdf"
    render_box_notes([label], out)
    text = _text(out)
    assert "已销毁" in text and "移入" in text
    assert re.search(r"整理日期：\d{4}年\d{1,2}月\d{1,2}日", text)  # the day it was boxed

    set_box_note(
        archive,
        box.box_id,
        notes="第1件经鉴定销毁，第4件改入新盒。",
        arranged_by="张三",
        checked_by="李四",
        checked_on=date(2026, 5, 6),
    )
    (label,) = [b for b in box_labels(archive, with_drafts=True) if b.code == box.box_code]
    render_box_notes([label], out)
    text = _text(out)
    assert "第1件经鉴定销毁" in text and "已销毁" not in text.replace("第1件经鉴定销毁", "")
    assert "检查人：李四" in text and "检查日期：2026年5月6日" in text


def test_the_inventory_counts_what_is_held_says_the_rest_apart_and_agrees_with_the_statistics(archive, tmp_path):
    ids = [
        create_record(
            archive, RecordInput(title=f"文件{n}", category="WS", year=2021, retention="D10", pages=3), accept=True
        ).id
        for n in range(5)
    ]
    put_in_box(archive, ids[:4], new=True)
    _status(archive, ids[0], "destroyed")
    _status(archive, ids[1], "transferred")
    out = tmp_path / "inventory.pdf"
    render_pdf(inventory_register(archive), out)
    text = _text(out)
    assert "未上架：1盒，2件，6页" in text
    assert "已销毁1件，已移出1件" in text
    assert "在库未装盒：1件，3页" in text  # the unboxed record is reported, not silently left out
    stats = holdings_statistics(archive)
    assert stats.items == 2 + 1

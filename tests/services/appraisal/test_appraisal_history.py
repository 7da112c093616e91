"""The History tab reads appraisal events in the window's language."""

from __future__ import annotations

from appraisal_archive import add_records, references

from archdesk.services.appraisal import lift_hold, place_hold
from archdesk.services.catalogue import record_history


def test_a_hold_and_its_lifting_read_in_chinese_and_in_english(archive):
    (record_id,) = add_records(archive, 1)
    (code,) = references(archive, [record_id])
    place_hold(archive, code, "审计中", kind="audit")
    lift_hold(archive, code, "审计结束")
    history = [entry for entry in record_history(archive, record_id) if entry.action in ("hold", "unhold")]
    assert sorted(entry.summary_text("zh_CN") for entry in history) == [
        "冻结（审计冻结）：审计中",
        "解除冻结：审计结束",
    ]
    assert sorted(entry.summary_text("en") for entry in history) == [
        "hold (Audit hold): 审计中",
        "hold lifted: 审计结束",
    ]
    assert {entry.action_text("zh_CN") for entry in history} == {"冻结", "解除冻结"}

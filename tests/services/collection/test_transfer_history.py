"""A transfer batch's audit events read in the window's language."""

from __future__ import annotations

from transfer_sheets import write_messy_xlsx

from archdesk.services.audit_history import entity_history
from archdesk.services.collection.returned import withdraw_batch
from archdesk.services.collection.transfer import accept_import, preview_import


def _texts(archive, entity, language):
    return [entry.summary_text(language) for entry in entity_history(archive, entity)]


def test_a_transfer_batch_accepted_then_withdrawn_reads_in_both_languages(archive, tmp_path):
    sheet = write_messy_xlsx(tmp_path / "办公室2023.xlsx")
    accept_import(archive, preview_import(archive, sheet, department="BGS"), pending=True)
    withdraw_batch(archive, 1)
    assert _texts(archive, "transfer_batch", "zh_CN") == [
        "移交批次 1（办公室2023.xlsx）：接收 6 件，退回 0 行",
        "移交批次 1 已撤回：删除暂存档案 6 件",
    ]
    assert _texts(archive, "transfer_batch", "en")[-1] == "transfer batch 1 withdrawn: 6 pending records removed"
    assert [e.action_text("zh_CN") for e in entity_history(archive, "transfer_batch")] == ["接收", "撤回"]

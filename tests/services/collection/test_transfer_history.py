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


def test_a_withdrawn_batch_s_notes_read_in_the_window_s_language(archive, tmp_path):
    from archdesk.services.collection.batches import list_batches

    sheet = write_messy_xlsx(tmp_path / "办公室2023.xlsx")
    accept_import(archive, preview_import(archive, sheet, department="BGS"), pending=True)
    withdraw_batch(archive, 1)
    [batch] = list_batches(archive)
    assert batch.notes_text("zh_CN") == "已撤回（删除暂存档案 6 件）"
    assert batch.notes_text("en") == "withdrawn (6 pending records removed)"


def test_notes_an_older_version_wrote_in_english_read_in_chinese_too():
    from archdesk.services.collection.batches import notes_text

    older = "3 legacy retention values to review; withdrawn (5 pending records removed)"
    assert notes_text(older, "zh_CN") == "3 个旧保管期限值待复核；已撤回（删除暂存档案 5 件）"
    assert notes_text(older, "en") == older
    assert notes_text("两件缺页退回", "en") == "两件缺页退回"  # an archivist's own words stay as written


def test_withdrawing_a_batch_takes_the_files_attached_to_its_records(archive, tmp_path, monkeypatch):
    from pathlib import Path

    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parent.parent / "digitisation"))
    from digitisation_files import make_pdf

    from archdesk.services.digitisation import storage
    from archdesk.services.digitisation.attachments import attach_files
    from archdesk.services.records_query import RecordFilter, SortOrder, records_page

    sheet = write_messy_xlsx(tmp_path / "办公室2023.xlsx")
    accept_import(archive, preview_import(archive, sheet, department="BGS"), pending=True)
    first = records_page(archive, RecordFilter(transfer_batch_id=1), SortOrder(), limit=1)[0]
    attach_files(archive, first.id, [make_pdf(tmp_path / "scan.pdf", "scanned page")])

    assert withdraw_batch(archive, 1) == 6  # no foreign-key error
    assert records_page(archive, RecordFilter(), SortOrder(), limit=10) == []
    assert [p for p in storage.files_folder(archive).rglob("*") if p.is_file()] == []
    assert any("scan.pdf" in text for text in _texts(archive, "attachment", "en"))

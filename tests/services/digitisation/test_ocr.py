"""OCR, offline: a scan without a text layer (an image, an image-only PDF) is read by RapidOCR and
its text indexed, so a search finds the record by words that are only on the scanned page. A page
at a time: a cancelled run keeps the pages it read and the next run goes on from there."""

from __future__ import annotations

import pytest
from digitisation_files import add_record, make_scanned_pdf, make_text_image

from archdesk.services.digitisation import ocr
from archdesk.services.digitisation.attachments import attach_files, list_attachments
from archdesk.services.errors import Cancelled, NotAllowed
from archdesk.services.records_query import search_records

needs_ocr = pytest.mark.skipif(
    not ocr.available(), reason="the OCR extra is not installed (pip install 'archdesk[ocr]'); CI installs it"
)


@needs_ocr
def test_a_word_only_on_a_scanned_image_finds_the_record(archive, tmp_path):
    record_id, code = add_record(archive, title="关于召开年度工作会议的通知")
    add_record(archive, title="另一件")
    scan = make_text_image(tmp_path / "scan.png", ["档案室年度检查报告", "馆藏珍品修复计划"])
    view = attach_files(archive, record_id, [scan])[0]
    assert not view.has_text
    assert search_records(archive, "修复计划").total == 0
    assert ocr.pending_count(archive) == 1

    report = ocr.run_ocr(archive)

    assert report.pages == 1 and report.remaining == 0
    assert [f.reference_code for f in report.files] == [code]
    assert list_attachments(archive, record_id)[0].has_text
    for query in ["修复计划", "年度检查报告", "珍品"]:
        assert [r.reference_code for r in search_records(archive, query).records] == [code], query
    assert ocr.run_ocr(archive).pages == 0  # nothing left to read


@needs_ocr
def test_an_image_only_pdf_is_read_a_page_at_a_time_and_a_cancelled_run_resumes(archive, tmp_path):
    record_id, code = add_record(archive)
    pages = [
        make_text_image(tmp_path / f"p{n}.png", [line]) for n, line in enumerate(["第一页档案目录", "第二页移交清单"])
    ]
    pdf = make_scanned_pdf(tmp_path / "scan.pdf", pages)
    view = attach_files(archive, record_id, [pdf])[0]
    assert view.page_count == 2 and not view.has_text

    calls = []

    def cancel_after_first_page(done, total):
        calls.append((done, total))
        return done < 1

    with pytest.raises(Cancelled):
        ocr.run_ocr(archive, progress=cancel_after_first_page)
    assert calls[0] == (0, 2)
    assert [r.reference_code for r in search_records(archive, "档案目录").records] == [code]  # page 1 kept
    assert search_records(archive, "移交清单").total == 0
    assert ocr.pending_count(archive) == 1

    seen = []
    report = ocr.run_ocr(archive, progress=lambda done, total: seen.append((done, total)) or True)
    assert report.pages == 1  # only the second page was read again
    assert seen[0] == (0, 1)
    assert [r.reference_code for r in search_records(archive, "移交清单").records] == [code]
    assert [r.reference_code for r in search_records(archive, "档案目录").records] == [code]
    assert ocr.pending_count(archive) == 0


def test_without_the_extra_ocr_says_how_to_install_it(archive, monkeypatch):
    monkeypatch.setattr(ocr, "ENGINE_MODULE", "archdesk_no_such_engine")
    with pytest.raises(NotAllowed) as refused:
        ocr.run_ocr(archive)
    assert "pip install 'archdesk[ocr]'" in refused.value.render("en")
    assert "未安装文字识别" in refused.value.render("zh_CN")


@needs_ocr
def test_a_damaged_scan_is_read_as_empty_and_a_missing_one_left_waiting(archive, tmp_path):
    from archdesk.services.digitisation import storage

    record_id, code = add_record(archive)
    good = make_text_image(tmp_path / "good.png", ["档案移交登记"])
    gone = make_text_image(tmp_path / "gone.png", ["另一页"])
    pdf = make_scanned_pdf(tmp_path / "damaged.pdf", [make_text_image(tmp_path / "p.png", ["损坏"])])
    views = attach_files(archive, record_id, [pdf, gone, good])
    folder = storage.files_folder(archive)
    damaged = storage.resolve(folder, storage.stored_name(views[0].sha256))
    damaged.write_bytes(damaged.read_bytes()[:200])  # cut short on the disk
    storage.resolve(folder, storage.stored_name(views[1].sha256)).unlink()

    report = ocr.run_ocr(archive)

    assert sorted(f.file_name for f in report.files) == ["damaged.pdf", "good.png"]
    assert report.remaining == 1  # the missing file waits for its copy to come back
    assert [r.reference_code for r in search_records(archive, "移交登记").records] == [code]

"""Full text: a PDF's text layer is indexed with the catalogue, so a search finds the record by
words that are only in its attached file."""

from __future__ import annotations

from digitisation_files import add_record, make_pdf

from archdesk.services import search
from archdesk.services.catalogue import delete_record
from archdesk.services.digitisation.attachments import attach_files, list_attachments
from archdesk.services.records_query import RecordFilter, count_records, search_records
from archdesk.services.uow import UnitOfWork


def test_a_word_only_in_the_attached_pdf_finds_the_record(archive, tmp_path):
    record_id, code = add_record(archive, title="关于召开年度工作会议的通知")
    add_record(archive, title="另一件")
    assert search_records(archive, "Quarterly").total == 0
    pdf = make_pdf(tmp_path / "minutes.pdf", "Minutes of the Quarterly Budget Review", "Appendix: Zanzibar")
    view = attach_files(archive, record_id, [pdf])[0]
    assert view.has_text and list_attachments(archive, record_id)[0].has_text

    for query in ["Quarterly", "quarterly budget", "zanzibar", "of"]:  # any case; a two-letter word too
        found = search_records(archive, query)
        assert [r.reference_code for r in found.records] == [code], query
        assert found.total == 1 == count_records(archive, RecordFilter(text=query)), query
    assert search_records(archive, "Quarterly 另一件").total == 0  # every word, in the catalogue or the text
    assert search_records(archive, "会议").total == 1  # the catalogue still answers


def test_the_content_index_is_rebuilt_and_follows_deleted_records(archive, tmp_path):
    record_id, _ = add_record(archive, title="暂存件")
    from archdesk.services.catalogue import RecordInput, create_record

    pending = create_record(archive, RecordInput(title="待删除", category="WS", year=2023, retention="Y"))
    attach_files(archive, record_id, [make_pdf(tmp_path / "a.pdf", "Kilimanjaro expedition")])
    with UnitOfWork(archive) as uow:
        search.rebuild_index(uow.session)
        uow.commit()
    assert search_records(archive, "Kilimanjaro").total == 1
    delete_record(archive, pending.id)
    assert search_records(archive, "Kilimanjaro").total == 1


def test_the_portable_condition_means_the_same(archive, tmp_path):
    from sqlalchemy import func, select

    from archdesk.models import Record

    record_id, _ = add_record(archive)
    attach_files(archive, record_id, [make_pdf(tmp_path / "a.pdf", "Budget Review 2023")])
    with archive.reading() as session:
        for query in ["budget", "Review 2023", "会议", "budget 会议", "nothing"]:
            portable = session.scalar(select(func.count()).select_from(Record).where(search.portable_condition(query)))
            assert portable == count_records(archive, RecordFilter(text=query)), query

"""Attachments: files copied into the managed folder under their SHA-256, typed by content,
stored once, and never read or written through a name that leads outside the folder."""

from __future__ import annotations

import hashlib

import pytest
from digitisation_files import add_record, make_docx, make_image, make_pdf
from sqlalchemy import select

from archdesk.models import Attachment, AuditEvent
from archdesk.services.digitisation import storage
from archdesk.services.digitisation.attachments import (
    attach_files,
    attach_to_reference,
    attachment_path,
    list_attachments,
)
from archdesk.services.errors import NotAllowed, ValidationError
from archdesk.services.uow import UnitOfWork


def test_files_are_stored_by_hash_with_their_facts(archive, tmp_path):
    record_id, code = add_record(archive)
    pdf = make_pdf(tmp_path / "notice.pdf", "page one", "page two", "page three")
    tiff = make_image(tmp_path / "scan.tif", "TIFF", frames=2)
    views = attach_files(archive, record_id, [pdf, tiff])

    folder = storage.files_folder(archive)  # beside an SQLite file; ARCHDESK_FILES on PostgreSQL
    assert folder == (tmp_path / "archive.db.files" if archive.file is not None else tmp_path / "files")
    digest = hashlib.sha256(pdf.read_bytes()).hexdigest()
    assert (folder / digest[:2] / digest).read_bytes() == pdf.read_bytes()
    assert [(v.file_name, v.media_type, v.page_count) for v in views] == [
        ("notice.pdf", "application/pdf", 3),
        ("scan.tif", "image/tiff", 2),
    ]
    assert views[0].sha256 == digest and views[0].size_bytes == pdf.stat().st_size
    assert list_attachments(archive, record_id) == views
    with archive.reading() as session:
        summaries = session.scalars(select(AuditEvent.summary).where(AuditEvent.entity == "attachment")).all()
    assert sorted(summaries) == [f"attached notice.pdf to {code}", f"attached scan.tif to {code}"]


def test_identical_files_are_stored_once(archive, tmp_path):
    first, _ = add_record(archive)
    second, _ = add_record(archive, title="第二件")
    pdf = make_pdf(tmp_path / "a.pdf", "same")
    copy = tmp_path / "b.pdf"
    copy.write_bytes(pdf.read_bytes())
    attach_files(archive, first, [pdf])
    attach_files(archive, second, [copy])
    again = attach_files(archive, first, [copy])  # the same content on the same record: one attachment

    stored = [p for p in storage.files_folder(archive).rglob("*") if p.is_file()]
    assert len(stored) == 1
    assert len(list_attachments(archive, first)) == 1 and again[0].file_name == "a.pdf"
    assert len(list_attachments(archive, second)) == 1


@pytest.mark.parametrize(
    ("maker", "name", "kind"),
    [
        (lambda p: make_pdf(p), "scan.jpg", "application/pdf"),  # the extension lies; the content does not
        (lambda p: make_image(p, "JPEG"), "scan.pdf", "image/jpeg"),
        (lambda p: make_image(p, "PNG"), "scan.bin", "image/png"),
        (lambda p: make_image(p, "TIFF"), "scan.tiff", "image/tiff"),
        (make_docx, "report.xlsx", storage.DOCX),
    ],
)
def test_the_type_comes_from_the_content(archive, tmp_path, maker, name, kind):
    record_id, _ = add_record(archive)
    path = maker(tmp_path / name)
    assert attach_files(archive, record_id, [path])[0].media_type == kind


def test_an_ole_document_is_office(archive, tmp_path):
    record_id, _ = add_record(archive)
    doc = tmp_path / "old.doc"
    doc.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    assert attach_files(archive, record_id, [doc])[0].media_type == storage.OLE


def test_a_file_of_no_known_kind_refuses_the_whole_call(archive, tmp_path):
    record_id, _ = add_record(archive)
    good = make_pdf(tmp_path / "good.pdf")
    bad = tmp_path / "notes.pdf"
    bad.write_text("just text pretending to be a PDF")
    with pytest.raises(ValidationError) as caught:
        attach_files(archive, record_id, [good, bad])
    assert caught.value.source == "notes.pdf" and caught.value.field == "file"
    assert list_attachments(archive, record_id) == ()
    # the good file, stored before the refusal, was removed again
    assert not [p for p in (tmp_path / "archive.db.files").rglob("*") if p.is_file()]


def test_a_caller_unit_of_work_rolls_back_every_attachment(archive, tmp_path):
    record_id, code = add_record(archive)
    with UnitOfWork(archive) as uow:
        attach_to_reference(archive, code, [make_pdf(tmp_path / "a.pdf")], uow=uow)
        # not committed
    assert list_attachments(archive, record_id) == ()


@pytest.mark.parametrize(
    "name",
    ["../../outside", "/etc/passwd", "ab/../../../etc/passwd", "AB/" + "ab" * 32, "ab/" + "cd" * 32, "ab/" + "ab" * 31],
)
def test_a_stored_name_leading_elsewhere_is_never_opened(archive, tmp_path, name):
    record_id, _ = add_record(archive)
    view = attach_files(archive, record_id, [make_pdf(tmp_path / "a.pdf")])[0]
    with UnitOfWork(archive) as uow:
        uow.session.get(Attachment, view.id).stored_path = name
        uow.commit()
    with pytest.raises(NotAllowed):
        attachment_path(archive, view.id)


def test_a_symlink_out_of_the_folder_is_refused(tmp_path):
    folder = tmp_path / "files"
    digest = "ab" * 32
    (folder / "ab").mkdir(parents=True)
    secret = tmp_path / "secret.txt"
    secret.write_text("not yours")
    (folder / "ab" / digest).symlink_to(secret)
    with pytest.raises(NotAllowed):
        storage.resolve(folder, f"ab/{digest}")


def test_the_original_name_is_metadata_only(archive, tmp_path):
    record_id, _ = add_record(archive)
    pdf = make_pdf(tmp_path / "a.pdf")
    assert storage.display_name("../../etc/passwd") == "passwd"
    assert storage.display_name("C:\\scans\\x\ny.pdf") == "xy.pdf"
    view = attach_files(archive, record_id, [pdf])[0]
    assert attachment_path(archive, view.id).is_relative_to(storage.files_folder(archive))


def test_deleting_a_pending_record_takes_its_files_with_it(archive, tmp_path):
    from archdesk.services.catalogue import delete_pending_records
    from archdesk.services.records_query import RecordFilter, count_records

    mistaken, code = add_record(archive, title="录错的一件", accept=False)  # pending: entered by mistake
    kept, _ = add_record(archive, title="第二件")
    pdf = make_pdf(tmp_path / "minutes.pdf", "Minutes of the board meeting")
    scan = make_image(tmp_path / "scan.tif", "TIFF")
    attach_files(archive, mistaken, [pdf, scan])
    attach_files(archive, kept, [pdf])  # the same file: one stored copy for both
    assert count_records(archive, RecordFilter(text="board meeting")) == 2  # found by the PDF's text

    assert delete_pending_records(archive, [mistaken]) == 1  # no foreign-key error

    folder = storage.files_folder(archive)
    names = sorted(p.name for p in folder.rglob("*") if p.is_file())
    assert names == [hashlib.sha256(pdf.read_bytes()).hexdigest()]  # the shared copy stays, the scan is gone
    assert [v.file_name for v in list_attachments(archive, kept)] == ["minutes.pdf"]
    assert count_records(archive, RecordFilter(text="board meeting")) == 1
    with archive.reading() as session:
        summaries = session.scalars(select(AuditEvent.summary).where(AuditEvent.action == "delete")).all()
    assert sorted(summaries) == sorted(
        [f"deleted pending record {code}", f"removed minutes.pdf with pending record {code}",
         f"removed scan.tif with pending record {code}"]
    )  # fmt: skip

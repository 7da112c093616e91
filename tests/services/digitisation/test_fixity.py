"""Fixity: an altered and a missing stored file are caught, by the check and by `archdesk check`,
and the date each sound file was verified is kept."""

from __future__ import annotations

from digitisation_files import add_record, make_image, make_pdf

from archdesk.cli import main
from archdesk.services.archive import open_archive
from archdesk.services.digitisation import storage
from archdesk.services.digitisation.attachments import attach_files, list_attachments
from archdesk.services.digitisation.fixity import ALTERED, MISSING, verify_files


def _three_files(db, tmp_path):
    record_id, code = add_record(db)
    views = attach_files(db, record_id, [make_pdf(tmp_path / "a.pdf", "one"), make_image(tmp_path / "b.png", "PNG"),
                                         make_image(tmp_path / "c.jpg", "JPEG")])  # fmt: skip
    folder = storage.files_folder(db)
    return record_id, code, views, folder


def test_an_altered_and_a_missing_file_are_caught(archive, tmp_path):
    record_id, code, (pdf, png, jpg), folder = _three_files(archive, tmp_path)
    clean = verify_files(archive)
    assert clean.clean and clean.files == 3 and clean.bytes == pdf.size_bytes + png.size_bytes + jpg.size_bytes
    verified = {a.file_name: a.last_verified_at for a in list_attachments(archive, record_id)}
    assert all(when == clean.verified_at for when in verified.values())

    altered = storage.resolve(folder, storage.stored_name(pdf.sha256))
    data = bytearray(altered.read_bytes())
    data[-10] ^= 1  # one bit flipped
    altered.write_bytes(bytes(data))
    storage.resolve(folder, storage.stored_name(png.sha256)).unlink()

    seen: list[tuple[int, int]] = []
    report = verify_files(archive, progress=lambda done, total: seen.append((done, total)) or True)
    assert sorted((p.kind, p.file_name, p.reference_codes) for p in report.problems) == [
        (ALTERED, "a.pdf", (code,)),
        (MISSING, "b.png", (code,)),
    ]
    assert seen[-1] == (report.bytes, report.bytes) and len(seen) == 3
    after = {a.file_name: a.last_verified_at for a in list_attachments(archive, record_id)}
    assert after["c.jpg"] == report.verified_at  # verified again
    assert after["a.pdf"] == after["b.png"] == clean.verified_at  # last verified when they were sound


def test_archdesk_check_names_each_missing_or_altered_file(tmp_path, capsys):
    path = tmp_path / "office.db"
    db = open_archive(path)
    _, code, (pdf, png, _), folder = _three_files(db, tmp_path)
    db.dispose()
    assert main(["check", "--db", str(path)]) == 0
    capsys.readouterr()

    storage.resolve(folder, storage.stored_name(pdf.sha256)).write_bytes(b"%PDF-1.4 replaced")
    storage.resolve(folder, storage.stored_name(png.sha256)).unlink()
    assert main(["check", "--db", str(path)]) == 1
    out = capsys.readouterr().out
    lines = [line for line in out.splitlines() if code in line]
    assert any("a.pdf" in line and "no longer matches its SHA-256" in line for line in lines)
    assert any("b.png" in line and "missing" in line for line in lines)


def test_the_rolling_check_takes_the_files_verified_longest_ago(archive, tmp_path):
    _three_files(archive, tmp_path)
    first = verify_files(archive, limit=2)
    second = verify_files(archive, limit=2)
    assert first.files == second.files == 2
    # the file the first pass left out is among the second's
    with archive.reading() as session:
        from sqlalchemy import select

        from archdesk.models import Attachment

        dates = session.scalars(select(Attachment.last_verified_at)).all()
    assert all(d is not None for d in dates)

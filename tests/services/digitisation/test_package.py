"""Hand-over package: `archdesk export package REF... --out FILE.zip` writes a BagIt bag that
validates, with the files and a metadata sheet carrying each file's SHA-256."""

from __future__ import annotations

import csv
import hashlib
import zipfile

import bagit
from digitisation_files import add_record, make_image, make_pdf

from archdesk.cli import main
from archdesk.services.archive import open_archive
from archdesk.services.digitisation.attachments import attach_files


def test_the_package_is_a_valid_bag_with_metadata_and_hashes(tmp_path, capsys):
    path = tmp_path / "office.db"
    db = open_archive(path)
    first, code1 = add_record(db)
    second, code2 = add_record(db, title="第二件")
    add_record(db, title="不移交")
    pdf = make_pdf(tmp_path / "通知.pdf", "notice")
    attach_files(db, first, [pdf, make_image(tmp_path / "photo.png", "PNG")])
    attach_files(db, second, [make_pdf(tmp_path / "minutes.pdf", "minutes")])
    db.dispose()

    out = tmp_path / "handover.zip"
    assert main(["export", "package", code1, code2, "--out", str(out), "--db", str(path)]) == 0
    assert "2 records, 3 files" in capsys.readouterr().out

    unpacked = tmp_path / "unpacked"
    with zipfile.ZipFile(out) as package:
        package.extractall(unpacked)
    bag = bagit.Bag(str(unpacked / "handover"))
    bag.validate()  # raises when a file or a manifest is wrong
    assert "sha256" in bag.algorithms
    with (unpacked / "handover" / "data" / "metadata.csv").open(encoding="utf-8-sig") as sheet:
        rows = list(csv.DictReader(sheet))
    assert [(r["reference_code"], r["file_name"]) for r in rows] == [
        (code1, "通知.pdf"),
        (code1, "photo.png"),
        (code2, "minutes.pdf"),
    ]
    assert rows[0]["sha256"] == hashlib.sha256(pdf.read_bytes()).hexdigest()
    assert (unpacked / "handover" / rows[0]["path"]).read_bytes() == pdf.read_bytes()


def test_an_altered_file_in_the_bag_fails_validation(tmp_path, capsys):
    path = tmp_path / "office.db"
    db = open_archive(path)
    first, code = add_record(db)
    attach_files(db, first, [make_pdf(tmp_path / "a.pdf", "one")])
    db.dispose()
    out = tmp_path / "bag.zip"
    assert main(["export", "package", code, "--out", str(out), "--db", str(path)]) == 0
    with zipfile.ZipFile(out) as package:
        package.extractall(tmp_path / "x")
    (next((tmp_path / "x" / "bag" / "data" / "files").rglob("a.pdf"))).write_bytes(b"%PDF-1.4 changed")
    assert not bagit.Bag(str(tmp_path / "x" / "bag")).is_valid()


def test_an_unknown_reference_code_writes_nothing(tmp_path, capsys):
    path = tmp_path / "office.db"
    open_archive(path).dispose()
    out = tmp_path / "bag.zip"
    assert main(["export", "package", "Z001-WS·2023-Y-BGS-9999", "--out", str(out), "--db", str(path)]) != 0
    assert "Z001-WS·2023-Y-BGS-9999" in capsys.readouterr().err and not out.exists()

"""A scanner's folder attached by the reference codes in its file names, with a report of the rest;
and the `archdesk attach` commands (their JSON keys are a contract)."""

from __future__ import annotations

import json

from digitisation_files import add_record, make_pdf

from archdesk.cli import main
from archdesk.services.archive import open_archive
from archdesk.services.digitisation.attachments import attach_folder, list_attachments


def test_names_with_dots_underscores_and_page_suffixes_match_their_records(archive, tmp_path):
    first, code = add_record(archive)
    second, code2 = add_record(archive, title="第二件")
    assert code == "Z001-WS·2023-Y-BGS-0001"
    scans = tmp_path / "scans"
    scans.mkdir()
    make_pdf(scans / f"{code}.pdf", "whole")
    make_pdf(scans / "Z001-WS.2023-Y-BGS-0002_01.pdf", "page 1")
    make_pdf(scans / "z001-ws_2023-y-bgs-0002_02.pdf", "page 2")
    make_pdf(scans / "Z001-WS·2023-Y-BGS-0099.pdf", "no such record")
    make_pdf(scans / "holiday.pdf", "not a scan")

    report = attach_folder(archive, scans)

    assert [(m.file, m.reference_code) for m in report.matched] == [
        ("Z001-WS.2023-Y-BGS-0002_01.pdf", code2),
        ("Z001-WS·2023-Y-BGS-0001.pdf", code),
        ("z001-ws_2023-y-bgs-0002_02.pdf", code2),
    ]
    assert report.unmatched == ("Z001-WS·2023-Y-BGS-0099.pdf", "holiday.pdf")
    assert [a.file_name for a in list_attachments(archive, first)] == [f"{code}.pdf"]
    assert [a.file_name for a in list_attachments(archive, second)] == [
        "Z001-WS.2023-Y-BGS-0002_01.pdf",
        "z001-ws_2023-y-bgs-0002_02.pdf",
    ]


def test_attach_commands_print_the_contract_keys(tmp_path, capsys):
    path = tmp_path / "office.db"
    db = open_archive(path)
    record_id, code = add_record(db)
    db.dispose()
    one = make_pdf(tmp_path / "letter.pdf", "a letter")
    assert main(["attach", code, str(one), "--db", str(path), "--json"]) == 0
    attached = json.loads(capsys.readouterr().out)
    assert attached["reference_code"] == code
    assert [(a["file_name"], a["media_type"], a["page_count"]) for a in attached["attachments"]] == [
        ("letter.pdf", "application/pdf", 1)
    ]

    scans = tmp_path / "scans"
    scans.mkdir()
    make_pdf(scans / "Z001-WS_2023-Y-BGS-0001_01.pdf", "page 1")
    make_pdf(scans / "unknown.pdf", "x")
    assert main(["attach", "--folder", str(scans), "--db", str(path), "--json"]) == 1  # some unmatched
    report = json.loads(capsys.readouterr().out)
    assert [(m["file"], m["reference_code"]) for m in report["matched"]] == [("Z001-WS_2023-Y-BGS-0001_01.pdf", code)]
    assert isinstance(report["matched"][0]["attachment_id"], int)
    assert report["unmatched"] == ["unknown.pdf"]


def test_a_refused_file_is_one_line_naming_it(tmp_path, capsys):
    path = tmp_path / "office.db"
    db = open_archive(path)
    _, code = add_record(db)
    db.dispose()
    bad = tmp_path / "notes.pdf"
    bad.write_text("plain text")
    assert main(["attach", code, str(bad), "--db", str(path)]) != 0
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "notes.pdf" in err and "Traceback" not in err

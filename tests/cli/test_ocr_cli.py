"""`archdesk ocr [--limit N] [--json]`: the JSON keys are a contract; without the extra, one line
naming the install command and exit 1."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "services" / "digitisation"))
from digitisation_files import make_text_image

from archdesk.cli import main
from archdesk.services.archive import open_archive
from archdesk.services.catalogue import RecordInput, create_record
from archdesk.services.digitisation import ocr
from archdesk.services.digitisation.attachments import attach_files


@pytest.fixture
def scanned(tmp_path):
    path = tmp_path / "office.db"
    db = open_archive(path)
    codes = []
    for n, line in enumerate(["年度档案工作总结", "库房温湿度记录"]):
        view = create_record(db, RecordInput(title=f"扫描件{n}", category="WS", year=2023, retention="Y"))
        attach_files(db, view.id, [make_text_image(tmp_path / f"s{n}.png", [line])])
        codes.append(view.reference_code)
    db.dispose()
    return str(path), codes


@pytest.mark.skipif(not ocr.available(), reason="the OCR extra is not installed (pip install 'archdesk[ocr]')")
def test_ocr_limit_then_the_rest_as_json(scanned, capsys):
    db, codes = scanned
    assert main(["ocr", "--db", db, "--limit", "1", "--json"]) == 0
    first = json.loads(capsys.readouterr().out)
    assert set(first) == {"files", "pages", "characters", "remaining"}
    assert [f["reference_code"] for f in first["files"]] == codes[:1]
    assert set(first["files"][0]) == {"attachment_id", "reference_code", "file_name", "pages", "characters"}
    assert first["pages"] == 1 and first["remaining"] == 1 and first["characters"] >= 6
    assert main(["ocr", "--db", db, "--json"]) == 0
    rest = json.loads(capsys.readouterr().out)
    assert [f["reference_code"] for f in rest["files"]] == codes[1:] and rest["remaining"] == 0
    assert main(["search", "--db", db, "温湿度"]) == 0
    assert codes[1] in capsys.readouterr().out


def test_ocr_without_the_extra_names_the_install_command(scanned, capsys, monkeypatch):
    db, _ = scanned
    monkeypatch.setattr(ocr, "ENGINE_MODULE", "archdesk_no_such_engine")
    assert main(["--lang", "en", "ocr", "--db", db]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "pip install 'archdesk[ocr]'" in err[0]

"""`archdesk appraisal|hold|unhold|destruction-list|export destruction-list`: the whole path from a script."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "services" / "appraisal"))
from appraisal_archive import add_records, record_state, references

from archdesk.cli import main
from archdesk.services.archive import open_archive


@pytest.fixture
def office(tmp_path):
    path = tmp_path / "office.db"
    db = open_archive(path)
    ids = add_records(db, 3)
    codes = references(db, ids)
    db.dispose()
    return str(path), ids, codes


def _json(capsys, argv: list[str]) -> dict:
    assert main(argv) == 0
    return json.loads(capsys.readouterr().out)


def _refused(capsys, argv: list[str]) -> str:
    assert main(argv) == 1
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in captured.err
    return lines[0]


def test_due_batch_decide_list_approve_execute_export(office, capsys, tmp_path):
    db, ids, codes = office
    due = _json(capsys, ["appraisal", "due", "--db", db, "--json"])
    assert [r["reference_code"] for r in due["records"]] == codes
    assert _json(capsys, ["appraisal", "due", "--db", db, "--json", "--year", "2011"]) == {"records": []}
    batch = _json(capsys, ["appraisal", "batch", "--db", db, "--title", "2026年鉴定", "--members", "张三,李四,王五",
                           "--json"])["id"]  # fmt: skip
    assert main(["appraisal", "decide", "--db", db, str(batch), *codes[:2], "--decision", "destroy",
                 "--opinion", "期满无保存价值"]) == 0  # fmt: skip
    assert main(["appraisal", "decide", "--db", db, str(batch), codes[2], "--decision", "extend", "--retention",
                 "D10", "--opinion", "仍有参考价值"]) == 0  # fmt: skip
    capsys.readouterr()
    list_id = _json(capsys, ["destruction-list", "create", "--db", db, "--batch", str(batch), "--json"])["id"]
    line = _refused(capsys, ["--lang", "en", "destruction-list", "approve", "--db", db, str(list_id), "--approver",
                             "周明", "--witnesses", "孙丽"])  # fmt: skip
    assert "at least two witnesses" in line
    line = _refused(capsys, ["--lang", "zh_CN", "destruction-list", "approve", "--db", db, str(list_id), "--approver",
                             "周明", "--witnesses", "孙丽,陈静", "--applicant", "陈静"])  # fmt: skip
    assert "陈静 是销毁申请人，不能担任监销人" in line
    assert main(["destruction-list", "approve", "--db", db, str(list_id), "--approver", "周明", "--witnesses",
                 "孙丽,吴强", "--applicant", "陈静"]) == 0  # fmt: skip
    capsys.readouterr()
    done = _json(capsys, ["destruction-list", "execute", "--db", db, str(list_id), "--json"])
    assert done["records"] == 2 and done["id"] == list_id
    assert "never repeated" in _refused(capsys, ["--lang", "en", "destruction-list", "execute", "--db", db,
                                                 str(list_id)])  # fmt: skip
    archive = open_archive(db)
    assert [record_state(archive, i)[0] for i in ids] == ["destroyed", "destroyed", "in_custody"]
    archive.dispose()
    for fmt in ("pdf", "xlsx"):
        out = tmp_path / f"list.{fmt}"
        assert main(["export", "destruction-list", "--db", db, "--list", str(list_id), "--format", fmt,
                     "--out", str(out)]) == 0  # fmt: skip
        assert out.stat().st_size > 1000
    assert main(["check", "--db", db]) == 0


def test_hold_and_unhold_and_their_refusals(office, capsys):
    db, _ids, codes = office
    assert main(["hold", "--db", db, codes[0], "--reason", "合同纠纷"]) == 0
    assert "already on hold" in _refused(capsys, ["--lang", "en", "hold", "--db", db, codes[0], "--reason", "x"])
    batch = _json(capsys, ["appraisal", "batch", "--db", db, "--title", "鉴定", "--members", "张三,李四", "--json"])[
        "id"
    ]
    line = _refused(capsys, ["--lang", "en", "appraisal", "decide", "--db", db, str(batch), codes[0], "--decision",
                             "destroy", "--opinion", "期满"])  # fmt: skip
    assert "on hold (合同纠纷)" in line
    assert main(["unhold", "--db", db, codes[0], "--reason", "已结案"]) == 0
    assert "not on hold" in _refused(capsys, ["--lang", "en", "unhold", "--db", db, codes[0], "--reason", "x"])
    line = _refused(capsys, ["--lang", "en", "hold", "--db", db, "NO-SUCH-REF", "--reason", "x"])
    assert "NO-SUCH-REF" in line
    line = _refused(capsys, ["--lang", "en", "destruction-list", "create", "--db", db, "--batch", str(batch)])
    assert "no destroy decisions" in line

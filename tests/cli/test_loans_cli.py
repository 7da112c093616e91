"""`archdesk borrowers …`, `archdesk loans …` and `archdesk export slip|overdue`: the JSON keys are a
contract, a refusal is one line and exit 1 with nothing written."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from archdesk.cli import main
from archdesk.services.archive import open_archive
from archdesk.services.catalogue import RecordInput, accept_records, create_record


@pytest.fixture
def office(tmp_path):
    path = tmp_path / "office.db"
    db = open_archive(path)
    views = [
        create_record(db, RecordInput(title=f"第{n}次办公会议纪要", category="WS", year=2023, retention="D30",
                                      department="BGS", security_level="MM" if n == 3 else "", pages=4))
        for n in (1, 2, 3)
    ]  # fmt: skip
    accept_records(db, [v.id for v in views])
    db.dispose()
    return str(path), [v.reference_code for v in views]


def _json(capsys, argv: list[str]):
    assert main(argv) == 0
    return json.loads(capsys.readouterr().out)


def test_borrowers_add_then_lend_renew_and_return_by_reference_code(office, capsys):
    db, codes = office
    borrower = _json(
        capsys, ["borrowers", "add", "--db", db, "--name", "李明", "--department", "BGS", "--clearance", "NB", "--json"]
    )
    assert list(borrower) == ["id"]

    lent = _json(
        capsys,
        ["loans", "lend", "--db", db, "--borrower", str(borrower["id"]), codes[0], codes[1], "--days", "7", "--json"],
    )

    assert list(lent) == ["request", "loans", "due_on"] and len(lent["loans"]) == 2
    assert lent["due_on"] == (date.today() + timedelta(days=7)).isoformat()
    renewed = _json(capsys, ["loans", "renew", "--db", db, str(lent["loans"][0]), "--json"])
    assert renewed["due_on"] == (date.today() + timedelta(days=21)).isoformat()
    back = _json(capsys, ["loans", "return", "--db", db, codes[1], "--condition", "缺损", "--json"])
    assert back == {"loan": lent["loans"][1], "condition": "damaged", "closed_requests": []}
    still_open = _json(capsys, ["loans", "list", "--db", db, "--open", "--json"])
    assert [(x["loan_id"], x["status"]) for x in still_open] == [(lent["loans"][0], "lent")]
    everything = _json(capsys, ["loans", "list", "--db", db, "--json"])
    assert len(everything) == 2


def test_a_refusal_is_one_line_with_exit_1_and_nothing_is_lent(office, capsys):
    db, codes = office
    borrower = _json(capsys, ["borrowers", "add", "--db", db, "--name", "王芳", "--json"])["id"]

    status = main(["loans", "lend", "--db", db, "--borrower", str(borrower), codes[0], codes[2], "--json"])

    captured = capsys.readouterr()
    assert status == 1 and captured.out == ""
    assert (
        captured.err.strip()
        == f"archdesk: {codes[2]} needs an approver (classified 秘密, above the borrower's clearance)"
    )
    assert len(captured.err.strip().splitlines()) == 1
    assert _json(capsys, ["loans", "list", "--db", db, "--json"]) == []
    assert (
        main(
            [
                "--lang",
                "zh_CN",
                "loans",
                "lend",
                "--db",
                db,
                "--borrower",
                str(borrower),
                codes[2],
                "--approver",
                "王芳",
            ]
        )
        == 1
    )
    assert "批准人不能是借阅人本人" in capsys.readouterr().err
    lent = _json(
        capsys, ["loans", "lend", "--db", db, "--borrower", str(borrower), codes[2], "--approver", "孙主任", "--json"]
    )
    assert len(lent["loans"]) == 1
    assert main(["loans", "lend", "--db", db, "--borrower", str(borrower), codes[2]]) == 1
    assert capsys.readouterr().err.strip() == f"archdesk: {codes[2]} is out on loan already"


def test_overdue_lists_the_contract_keys_and_exports_the_reminder_and_the_slip(office, capsys, tmp_path):
    db, codes = office
    borrower = _json(capsys, ["borrowers", "add", "--db", db, "--name", "李明", "--contact", "6021", "--json"])["id"]
    lent = _json(capsys, ["loans", "lend", "--db", db, "--borrower", str(borrower), codes[0], "--days", "1", "--json"])
    archive = open_archive(db)
    with archive.engine.begin() as conn:  # lent 20 days ago, due 19 days ago
        conn.exec_driver_sql(
            "UPDATE loan SET lent_on = ?, due_on = ?",
            ((date.today() - timedelta(days=20)).isoformat(), (date.today() - timedelta(days=19)).isoformat()),
        )
    archive.dispose()

    overdue = _json(capsys, ["loans", "overdue", "--db", db, "--json"])

    assert overdue == [
        {"loan_id": lent["loans"][0], "borrower": "李明", "reference_code": codes[0],
         "due_on": (date.today() - timedelta(days=19)).isoformat(), "days_overdue": 19}
    ]  # fmt: skip
    assert main(["export", "overdue", "--db", db, "--format", "xlsx", "--out", str(tmp_path / "o.xlsx")]) == 0
    cells = [c for row in load_workbook(tmp_path / "o.xlsx").active.iter_rows(values_only=True) for c in row]
    assert codes[0] in cells and 19 in cells
    assert main(["export", "overdue", "--db", db, "--format", "pdf", "--out", str(tmp_path / "o.pdf")]) == 0
    assert (
        main(
            [
                "export",
                "slip",
                "--db",
                db,
                "--loan",
                str(lent["loans"][0]),
                "--format",
                "pdf",
                "--out",
                str(tmp_path / "s.pdf"),
            ]
        )
        == 0
    )
    text = "".join((PdfReader(str(tmp_path / "s.pdf")).pages[0].extract_text() or "").split())
    assert "档案借阅单" in text and codes[0] in text and "李明" in text
    capsys.readouterr()
    assert main(["export", "slip", "--db", db, "--loan", "999", "--out", str(tmp_path / "x.pdf")]) == 1
    assert "999" in capsys.readouterr().err and not (tmp_path / "x.pdf").exists()


def test_a_restricted_record_needs_an_approver_and_the_use_effect_is_recorded(office, capsys):
    db, codes = office
    borrower = _json(capsys, ["borrowers", "add", "--db", db, "--name", "赵强", "--clearance", "JUEM", "--json"])["id"]
    assert main(["loans", "restrict", "--db", db, codes[0], "--reason", "涉及个人隐私"]) == 0
    capsys.readouterr()

    assert main(["loans", "lend", "--db", db, "--borrower", str(borrower), codes[0]]) == 1
    assert capsys.readouterr().err.strip() == f"archdesk: {codes[0]} needs an approver (restricted)"
    assert main(["loans", "restrict", "--db", db, codes[0], "--lift"]) == 0
    assert capsys.readouterr().out.strip() == "1 record(s) lifted"
    lent = _json(capsys, ["loans", "lend", "--db", db, "--borrower", str(borrower), codes[0], "--json"])
    assert _json(capsys, ["loans", "effect", "--db", db, str(lent["loans"][0]), "为审计提供凭证", "--json"]) == {
        "request": lent["request"]
    }
    from archdesk.services.use.queries import request_detail

    archive = open_archive(db)
    assert request_detail(archive, lent["request"]).use_effect == "为审计提供凭证"
    archive.dispose()

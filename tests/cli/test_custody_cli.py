"""The custody commands as a script uses them: flags and JSON keys are a contract."""

from __future__ import annotations

import json

from archdesk.cli import main
from archdesk.services.archive import open_archive
from archdesk.services.catalogue import RecordInput, create_record


def _run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_shelving_boxing_moving_finding_and_a_stocktake_from_the_command_line(tmp_path, capsys):
    db_path = tmp_path / "a.db"
    db = open_archive(db_path)
    refs = [
        create_record(
            db, RecordInput(title=f"文件{n}", category="WS", year=2020, retention="D30"), accept=True
        ).reference_code
        for n in range(3)
    ]
    db.dispose()
    db = str(db_path)

    code, out, _ = _run(
        capsys,
        "locations",
        "add",
        "--db",
        db,
        "--storeroom",
        "K01",
        "--rows",
        "2",
        "--sections",
        "2",
        "--levels",
        "3",
        "--sides",
        "A,B",
        "--capacity",
        "5",
    )
    assert code == 0 and "24 shelves" in out
    code, out, _ = _run(capsys, "locations", "list", "--db", db, "--json")
    shelves = json.loads(out)
    assert len(shelves) == 24 and shelves[0]["code"] == "K01-01-A-1-1" and shelves[0]["capacity"] == 5

    code, out, _ = _run(capsys, "boxes", "put", *refs, "--new", "--db", db)
    box = out.split(":")[0]
    assert code == 0 and box.endswith("-H001")
    assert _run(capsys, "boxes", "move", box, "--to", "K01-02-B-2-3", "--db", db)[0] == 0

    code, out, _ = _run(capsys, "find", box.replace("·", "."), "--json", "--db", db)
    found = json.loads(out)
    assert found["kind"] == "box" and found["location"] == "K01-02-B-2-3" and found["records"] == refs
    assert json.loads(_run(capsys, "find", refs[0], "--json", "--db", db)[1])["kind"] == "record"
    assert json.loads(_run(capsys, "find", "K01-01-A-1-1", "--json", "--db", db)[1])["kind"] == "location"

    code, out, _ = _run(capsys, "stocktake", "start", "--locations", "K01-02", "--json", "--db", db)
    started = json.loads(out)
    assert started["expected"] == 1
    _run(capsys, "stocktake", "scan", str(started["id"]), "K01-02-A-1-1", box.replace("·", "."), "--db", db)
    code, out, _ = _run(capsys, "stocktake", "finish", str(started["id"]), "--json", "--db", db)
    result = json.loads(out)
    assert [m["code"] for m in result["misplaced"]] == [box]
    assert result["missing"] == result["unexpected"] == result["on_loan"] == []


def test_labels_and_the_ledger_export_and_a_bad_reference_is_one_line(tmp_path, capsys):
    db = str(tmp_path / "a.db")
    assert _run(capsys, "demo", "--db", db, "--records", "200")[0] == 0
    code, out, _ = _run(
        capsys, "export", "labels", "--db", db, "--format", "pdf", "--out", str(tmp_path / "l.pdf"), "--sheet", "a4-2x7"
    )
    assert code == 0 and "labels" in out and (tmp_path / "l.pdf").stat().st_size > 1000
    for fmt in ("pdf", "xlsx"):
        code, out, _ = _run(
            capsys, "export", "ledger", "--db", db, "--format", fmt, "--out", str(tmp_path / f"ledger.{fmt}")
        )
        assert code == 0, out
    code, _, err = _run(capsys, "--lang", "zh_CN", "boxes", "put", "NO-SUCH-REF", "--new", "--db", db)
    assert code == 1 and err.strip() == "archdesk: 未找到档案：NO-SUCH-REF"


def test_the_label_choices_of_the_command_are_the_sheets_and_barcodes_the_renderer_knows():
    from archdesk.cli.export import LABEL_SHEETS, LABEL_SYMBOLOGIES
    from archdesk.services.reports.labels_sheet import SHEETS, SYMBOLOGIES

    assert set(LABEL_SHEETS) == set(SHEETS) and set(LABEL_SYMBOLOGIES) == set(SYMBOLOGIES)


def test_a_loggers_csv_is_imported_and_the_alerts_come_as_json(tmp_path, capsys):
    db = str(tmp_path / "a.db")
    assert (
        _run(
            capsys,
            "locations",
            "add",
            "--db",
            db,
            "--storeroom",
            "K01",
            "--rows",
            "1",
            "--sections",
            "1",
            "--levels",
            "1",
        )[0]
        == 0
    )
    csv = tmp_path / "logger.csv"
    csv.write_text(
        "时间,温度,湿度\n2026-05-01 09:00,18,50\n2026-05-01 15:00,25,50\n2026-05-03 09:00,18,50\n", encoding="utf-8"
    )
    code, out, _ = _run(capsys, "climate", "import", str(csv), "--storeroom", "K01", "--db", db)
    assert code == 0 and "3 readings" in out
    code, out, _ = _run(capsys, "climate", "alerts", "--json", "--days", "3000", "--db", db)
    alerts = json.loads(out)
    assert {(a["day"], a["kind"]) for a in alerts} >= {("2026-05-01", "too_warm"), ("2026-05-02", "no_reading")}
    bad = tmp_path / "bad.csv"
    bad.write_text("time,temperature,humidity\n2026-05-04 09:00,18,150\n", encoding="utf-8")
    code, _, err = _run(capsys, "climate", "import", str(bad), "--storeroom", "K01", "--db", db)
    assert code == 1 and err.strip() == "archdesk: bad.csv: row 2: Relative humidity: relative humidity must be 0–100 %"

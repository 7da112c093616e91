"""`archdesk demo` fills an empty archive; `archdesk search` finds records by any words, as a table
or as JSON, and answers any query text with a result, never a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from archdesk.cli import main
from archdesk.services.archive import open_archive
from archdesk.services.records_query import RecordFilter, count_records


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "x.db"
    assert main(["demo", "--db", str(path), "--records", "5000"]) == 0
    return path


def _search_json(capsys, *argv: str) -> dict:
    assert main(["search", *argv, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_demo_fills_an_archive_with_the_records_asked_for(demo_file, capsys):
    db = open_archive(demo_file)
    assert count_records(db, RecordFilter()) == 5000
    assert count_records(db, RecordFilter(category="KJ")) > 0
    assert count_records(db, RecordFilter(status="pending")) > 0
    assert count_records(db, RecordFilter(location="K01")) > 0
    db.dispose()


def test_demo_data_is_the_same_every_time(tmp_path, capsys):
    for name in ("a.db", "b.db"):
        assert main(["demo", "--db", str(tmp_path / name), "--records", "300"]) == 0
    capsys.readouterr()
    first = _search_json(capsys, "通知", "--db", str(tmp_path / "a.db"), "--limit", "300")
    second = _search_json(capsys, "通知", "--db", str(tmp_path / "b.db"), "--limit", "300")
    assert first == second and first["total"] > 0


def test_demo_refuses_an_archive_that_has_records_unless_forced(demo_file, capsys):
    assert main(["demo", "--db", str(demo_file), "--records", "10"]) == 1
    assert "already has 5000 records" in capsys.readouterr().err


def test_search_prints_matching_records_as_json(demo_file, capsys):
    answer = _search_json(capsys, "会议", "--db", str(demo_file))
    assert answer["query"] == "会议"
    assert answer["total"] > 50 and len(answer["results"]) == 50
    codes = [r["reference_code"] for r in answer["results"]]
    assert codes == sorted(codes)
    first = answer["results"][0]
    assert "会议" in first["title"] + first["document_number"] + first["responsible_party"] + first["notes"]
    assert {"reference_code", "title", "date", "status", "box", "location"} <= set(first)


def test_a_two_character_and_a_one_character_query_find_records(demo_file, capsys):
    two = _search_json(capsys, "纪要", "--db", str(demo_file), "--limit", "5")
    one = _search_json(capsys, "纪", "--db", str(demo_file), "--limit", "5")
    assert two["total"] > 0 and one["total"] >= two["total"]
    assert all("纪要" in r["title"] for r in two["results"])


def test_filters_narrow_the_search(demo_file, capsys):
    everything = _search_json(capsys, "通知", "--db", str(demo_file))
    narrowed = _search_json(
        capsys, "通知", "--db", str(demo_file), "--category", "WS", "--year", "2023", "--status", "in_custody"
    )
    assert 0 < narrowed["total"] < everything["total"]
    assert all(r["year"] == 2023 and r["status"] == "in_custody" for r in narrowed["results"])


@pytest.mark.parametrize("query", ['"AND (', "*", "NEAR(", '"', "", "   "])
def test_query_syntax_is_just_text(demo_file, capsys, query):
    answer = _search_json(capsys, query, "--db", str(demo_file))
    assert answer["query"] == query and isinstance(answer["total"], int)


def test_the_text_table_shows_codes_and_titles_in_the_language_asked(demo_file, capsys):
    assert main(["--lang", "zh_CN", "search", "会议", "--db", str(demo_file), "--limit", "3"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["档号", "日期", "文号", "题名"]
    assert len(lines) == 2 + 3 + 1 and lines[-1].startswith("显示 3 件，共")
    assert main(["--lang", "en", "search", "会议", "--db", str(demo_file), "--limit", "3"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("Reference code") and lines[-1].startswith("showing 3 of")


def test_searching_a_missing_archive_is_one_clear_line(tmp_path, capsys):
    assert main(["search", "会议", "--db", str(tmp_path / "none.db")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("archdesk: ") and "no such archive file" in err and len(err.splitlines()) == 1
    assert not (tmp_path / "none.db").exists()


def test_the_installed_command_answers_a_hostile_query_with_json(demo_file):
    script = Path(sys.executable).with_name("archdesk")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "archdesk"]
    done = subprocess.run(
        [*command, "search", '"AND (', "--db", str(demo_file), "--json"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"query": '"AND (', "total": 0, "results": []}
    assert "Traceback" not in done.stderr


def test_cancelled_demo_data_leaves_the_archive_as_it_was(archive):
    from sqlalchemy import inspect

    from archdesk.services.demo import add_demo_data
    from archdesk.services.errors import Cancelled

    with pytest.raises(Cancelled):
        add_demo_data(archive, 50_000, progress=lambda done, total: done < 20_000)
    assert count_records(archive, RecordFilter()) == 0
    with archive.engine.connect() as conn:
        assert {"ix_record_title", "ix_record_year_refcode"} <= {i["name"] for i in inspect(conn).get_indexes("record")}
        assert conn.exec_driver_sql("SELECT count(*) FROM box").scalar() == 0

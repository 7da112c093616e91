"""The Catalogue tree's counts (record_count, kept by triggers) equal a full count after every kind
of change: a demo archive, imports, edits of the classification, accepts, status changes, deletes,
a failed (rolled back) import, and a later migration that re-creates the record table."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from unittest.mock import patch

import pytest
from sqlalchemy import func, select, text

from archdesk.messages import render
from archdesk.models import Category, Fonds, Record, RetentionPeriod
from archdesk.services import tree_counts
from archdesk.services.catalogue import (
    RecordInput,
    accept_records,
    change_status,
    create_record,
    delete_record,
    update_record,
)
from archdesk.services.collection import import_transfer
from archdesk.services.demo import add_demo_data
from archdesk.services.errors import Cancelled
from archdesk.services.integrity import check_archive
from archdesk.services.records_query import classification_tree

sys.path.insert(0, str(Path(__file__).parent / "collection"))
from transfer_sheets import write_messy_xlsx

#: The maintained counts are SQLite triggers; on PostgreSQL the tree is counted in full.
pytestmark = pytest.mark.sqlite_only


def _full_count(db) -> dict[tuple[str, str, int, str], int]:
    """What the tree must show, counted from the records themselves by codes."""
    with db.reading() as session:
        rows = session.execute(
            select(Fonds.code, Category.code, Record.year, RetentionPeriod.code, func.count())
            .join(Fonds, Fonds.id == Record.fonds_id)
            .join(Category, Category.id == Record.category_id)
            .join(RetentionPeriod, RetentionPeriod.id == Record.retention_id)
            .group_by(Fonds.code, Category.code, Record.year, RetentionPeriod.code)
        )
        return {(f, c, y, r): n for f, c, y, r, n in rows}


def _tree(db) -> dict[tuple[str, str, int, str], int]:
    """The counts on the leaves of the Catalogue tree, as the dock gets them."""
    leaves = {}
    for fonds in classification_tree(db):
        for category in fonds.children:
            for year in category.children:
                for retention in year.children:
                    leaves[(fonds.key, category.key, int(year.key), retention.key)] = retention.count
    return leaves


def _agree(db) -> None:
    expected = _full_count(db)
    assert _tree(db) == expected
    with db.reading() as session:
        assert tree_counts.maintained(session.connection())
        assert tree_counts.problems(session) == []
    result = next(r for r in check_archive(db).results if r.name == "tree_counts")
    assert result.status == "ok"


def _notice(**overrides) -> RecordInput:
    values = dict(
        title="关于召开2023年度档案工作会议的通知",
        category="WS",
        year=2023,
        retention="D30",
        department="BGS",
        document_number="办发〔2023〕12号",
        responsible_party="本单位办公室",
        date=date(2023, 3, 14),
    )
    values.update(overrides)
    return RecordInput(**values)


def test_tree_counts_equal_a_full_count_after_every_kind_of_change(archive, tmp_path):
    add_demo_data(archive, 600)
    _agree(archive)

    import_transfer(archive, write_messy_xlsx(tmp_path / "办公室2023.xlsx"), department="BGS")
    _agree(archive)

    first = create_record(archive, _notice())
    second = create_record(archive, _notice(year=2021, retention="Y", date=date(2021, 5, 4)))
    _agree(archive)
    update_record(archive, first.id, year=2019, retention="D10", date=date(2019, 1, 7))  # another node
    update_record(archive, second.id, title="关于年度工作总结的报告")  # not a classification change
    _agree(archive)
    accept_records(archive, [first.id])
    change_status(archive, [first.id], "transferred", "移交档案馆")
    _agree(archive)
    delete_record(archive, second.id)
    _agree(archive)
    assert _full_count(archive)[("Z001", "WS", 2019, "D10")] >= 1


def test_a_cancelled_import_leaves_the_counts_as_they_were(archive, tmp_path):
    add_demo_data(archive, 300)
    before = _tree(archive)
    calls: list[int] = []

    def progress(done: int, total: int) -> bool:  # cancel once the rows are inserted, before the commit
        calls.append(done)
        return not (total and done == total)

    with pytest.raises(Cancelled):
        import_transfer(archive, write_messy_xlsx(tmp_path / "办公室2023.xlsx"), department="BGS", progress=progress)
    assert calls and _tree(archive) == before
    _agree(archive)


def test_an_import_cancelled_while_its_rows_go_in_keeps_the_count_trigger(archive, tmp_path):
    # The import counts its rows once at the end instead of through the insert trigger; cancelled
    # half-way (the trigger dropped in its transaction), the rollback must bring the trigger back.
    add_demo_data(archive, 300)
    before = _tree(archive)

    def progress(done: int, total: int) -> bool:
        return done == 0  # the first chunk goes in, then the archivist cancels

    sheet = write_messy_xlsx(tmp_path / "办公室2023.xlsx")
    with pytest.raises(Cancelled):
        with patch("archdesk.services.collection.transfer.INSERT_CHUNK", 2):
            import_transfer(archive, sheet, department="BGS", progress=progress)
    assert _tree(archive) == before
    with archive.engine.connect() as conn:
        assert tree_counts.maintained(conn)
    create_record(archive, _notice())  # counted by the trigger, as before
    _agree(archive)
    import_transfer(archive, sheet, department="BGS")  # and the import itself counts its rows
    _agree(archive)


def test_a_record_table_rebuilt_without_triggers_is_found_by_check_and_repaired_on_upgrade(archive):
    add_demo_data(archive, 200)
    with archive.engine.begin() as conn:  # what a batch-mode re-creation of ``record`` does to them
        for name in tree_counts.TRIGGERS:
            conn.execute(text(f"DROP TRIGGER {name}"))
    create_record(archive, _notice())  # not counted now
    result = next(r for r in check_archive(archive).results if r.name == "tree_counts")
    assert result.status == "problems"
    assert any("missing" in finding.message for finding in result.findings)
    chinese = [render(finding.content, "zh_CN") for finding in result.findings]
    assert "触发器 record_count_insert 缺失，分类计数未能维护" in chinese  # in the window's language too
    assert any(text.startswith("分类计数记为") for text in chinese)  # the record added meanwhile
    assert _tree(archive) == _full_count(archive)  # the tree falls back to a full count meanwhile

    with archive.engine.begin() as conn:
        assert tree_counts.ensure(conn)
    _agree(archive)


def test_the_service_triggers_are_the_migration_s_frozen_copy():
    import importlib.util

    from archdesk.bundled import migrations_dir

    spec = importlib.util.spec_from_file_location("rev3", Path(migrations_dir()) / "versions" / "0003_tree_counts.py")
    revision = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(revision)
    squash = lambda sql: " ".join(sql.split())  # noqa: E731
    assert {k: squash(v) for k, v in revision.TRIGGERS.items()} == {
        k: squash(v) for k, v in tree_counts.TRIGGERS.items()
    }

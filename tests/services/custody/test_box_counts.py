"""The Shelf locations dock's record counts (the records kept per box, summed per shelf) equal a full
count after every way records and boxes move: demo data, an import, boxing, a record taken from one
box into another, a box moved to another shelf, a destruction that empties boxes, a record table
rebuilt without its triggers, and the migration of an archive made before the counts were kept."""

from __future__ import annotations

import importlib.util
import sys
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from archdesk.bundled import migrations_dir
from archdesk.models import Box, Location, Record
from archdesk.services import migrate
from archdesk.services.appraisal import (
    approve_destruction_list,
    close_batch,
    create_batch,
    create_destruction_list,
    decide,
    execute_destruction_list,
)
from archdesk.services.catalogue import RecordInput, create_record
from archdesk.services.collection import import_transfer
from archdesk.services.custody import box_counts, list_locations
from archdesk.services.custody.boxes import move_boxes, put_in_box
from archdesk.services.custody.locations import add_shelving, location_tree, shelf_record_counts
from archdesk.services.demo import add_demo_data
from archdesk.services.integrity import check_archive

sys.path.insert(0, str(Path(__file__).parents[1] / "collection"))
sys.path.insert(0, str(Path(__file__).parents[1] / "appraisal"))
from appraisal_archive import add_records, references
from transfer_sheets import write_messy_xlsx


def _counted(db) -> dict[str, int]:
    """Shelf code → records in its boxes, counted from the records themselves."""
    with db.reading() as session:
        rows = session.execute(
            select(Location.code, func.count(Record.id))
            .join(Box, Box.location_id == Location.id)
            .join(Record, Record.box_id == Box.id)
            .group_by(Location.code)
        )
        return dict(rows.all())


def _shown(db) -> dict[str, int]:
    """Shelf code → records, as the dock shows them (the tree, then its record counts)."""
    held = shelf_record_counts(db)
    shown = {n.code: held[n.id] for n in location_tree(db, with_records=False, include_retired=True) if n.id in held}
    assert shown == {n.code: n.records for n in location_tree(db, include_retired=True) if n.records}
    assert shown == {s.code: s.records for s in list_locations(db) if s.records}
    return shown


def _agree(db) -> dict[str, int]:
    expected = _counted(db)
    assert _shown(db) == expected
    result = next(r for r in check_archive(db).results if r.name == "box_counts")
    if db.is_sqlite:
        assert result.status == "ok"
        with db.reading() as session:
            assert box_counts.maintained(session.connection())
    else:
        assert result.status == "skipped"  # counted in full there
    return expected


def _accepted(db, n: int, year: int = 2020) -> list[int]:
    return [
        create_record(
            db, RecordInput(title=f"{year}年文件{i}", category="WS", year=year, retention="D30"), accept=True
        ).id
        for i in range(n)
    ]


def _shelf(db, code: str) -> int:
    return next(n.id for n in location_tree(db) if n.code == code)


def test_shelf_counts_equal_a_full_count_after_boxing_moving_importing_and_destroying(archive, tmp_path):
    add_demo_data(archive, 600)
    assert sum(_agree(archive).values()) > 0

    import_transfer(archive, write_messy_xlsx(tmp_path / "办公室2023.xlsx"), department="BGS")
    _agree(archive)

    add_shelving(archive, "K09", rows=1, sections=1, levels=3)
    first, second = (
        put_in_box(archive, _accepted(archive, 3), new=True),
        put_in_box(archive, _accepted(archive, 2), new=True),
    )
    move_boxes(archive, [first.box_id], _shelf(archive, "K09-01-1-1"))
    move_boxes(archive, [second.box_id], _shelf(archive, "K09-01-1-2"))
    assert {k: v for k, v in _agree(archive).items() if k.startswith("K09")} == {"K09-01-1-1": 3, "K09-01-1-2": 2}

    with archive.reading() as session:  # one record taken from the first box into the second
        moved = session.scalars(select(Record.id).where(Record.box_id == first.box_id)).first()
    put_in_box(archive, [moved], box_id=second.box_id)
    assert {k: v for k, v in _agree(archive).items() if k.startswith("K09")} == {"K09-01-1-1": 2, "K09-01-1-2": 3}

    move_boxes(archive, [first.box_id, second.box_id], _shelf(archive, "K09-01-1-3"))  # both boxes to one shelf
    assert {k: v for k, v in _agree(archive).items() if k.startswith("K09")} == {"K09-01-1-3": 5}

    shelf = "K01-A-01-A-01-1"  # where add_records boxes its records (the demo has boxes there too)
    before = _counted(archive).get(shelf, 0)
    ids = add_records(archive, 3, year=2010, retention="D10")
    assert _agree(archive)[shelf] == before + 3
    batch = create_batch(archive, "2026年到期文书档案鉴定", "张三,李四,王五", appraised_on=date(2026, 3, 1))
    decide(archive, batch, references(archive, ids[:2]), "destroy", "保管期限已满，无继续保存价值")
    list_id = create_destruction_list(archive, batch, applicant="档案员 陈静")
    close_batch(archive, batch)
    approve_destruction_list(archive, list_id, "局长 周明", "办公室 孙丽, 纪检 吴强", place="碎纸间", method="粉碎")
    execute_destruction_list(archive, list_id)  # destroyed records leave their box
    assert _agree(archive)[shelf] == before + 1


@pytest.mark.sqlite_only  # the per-box table and its triggers are SQLite's
def test_check_reports_a_box_whose_kept_count_is_wrong(archive):
    box = put_in_box(archive, _accepted(archive, 3), new=True)
    with archive.engine.begin() as conn:
        conn.execute(text("UPDATE box_record_count SET records = 7 WHERE box_id = :box"), {"box": box.box_id})

    result = next(r for r in check_archive(archive).results if r.name == "box_counts")
    assert (result.status, result.problem_count) == ("problems", 1)
    (finding,) = result.findings
    assert finding.subject == box.box_code
    assert finding.message == "box count 7, 3 records in the box"
    assert finding.content.render("zh_CN") == "盒内件数记为 7，盒内实有 3 件"


@pytest.mark.sqlite_only
def test_a_record_table_rebuilt_without_its_triggers_is_found_by_check_and_repaired_after_upgrade(archive):
    box = put_in_box(archive, _accepted(archive, 2), new=True)
    with archive.engine.begin() as conn:  # what a batch-mode re-creation of ``record`` does to them
        for name in box_counts.TRIGGERS:
            conn.execute(text(f"DROP TRIGGER {name}"))
    put_in_box(archive, _accepted(archive, 1), box_id=box.box_id)  # not counted now
    add_shelving(archive, "K09", rows=1, sections=1, levels=1)
    move_boxes(archive, [box.box_id], _shelf(archive, "K09-01-1-1"))
    assert _shown(archive) == {"K09-01-1-1": 3}  # the dock counts in full meanwhile

    result = next(r for r in check_archive(archive).results if r.name == "box_counts")
    assert result.status == "problems"
    messages = [f.message for f in result.findings]
    assert "trigger box_record_count_insert is missing; the records per box are not kept" in messages
    assert "box count 2, 3 records in the box" in messages

    with archive.engine.begin() as conn:  # what migrate.upgrade runs after every upgrade
        assert box_counts.ensure(conn)
    _agree(archive)


@pytest.mark.sqlite_only
def test_an_archive_from_before_the_box_counts_is_migrated_with_them(archive):
    add_demo_data(archive, 300)
    expected = _counted(archive)
    migrate.downgrade(archive.engine, "0016_pg_search")
    with archive.engine.connect() as conn:
        assert "box_record_count" not in set(conn.execute(text("SELECT name FROM sqlite_master")).scalars())

    migrate.upgrade(archive.engine, sqlite_path=archive.file)
    assert migrate.current_revision(archive.engine) == migrate.head_revision()
    assert _agree(archive) == expected
    put_in_box(archive, _accepted(archive, 2), new=True)  # and the triggers count what comes next
    _agree(archive)


def test_the_service_triggers_are_the_migration_s_frozen_copy():
    path = Path(migrations_dir()) / "versions" / "0017_box_record_counts.py"
    spec = importlib.util.spec_from_file_location("rev17", path)
    revision = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(revision)
    squash = lambda sql: " ".join(sql.split())  # noqa: E731
    assert {k: squash(v) for k, v in revision.TRIGGERS.items()} == {
        k: squash(v) for k, v in box_counts.TRIGGERS.items()
    }

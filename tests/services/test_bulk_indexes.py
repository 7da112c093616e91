"""An import into a small archive drops the record table's indexes while its rows go in and builds
them again at the end (services/bulk.py: indexes_built_after); into a larger archive it keeps them.
Either way the archive ends with the same indexes, and a cancelled import leaves them all."""

from __future__ import annotations

import sys
from pathlib import Path
from unittest.mock import patch

import pytest
from sqlalchemy import text

from archdesk.services import bulk
from archdesk.services.collection import import_transfer
from archdesk.services.demo import add_demo_data
from archdesk.services.errors import Cancelled
from archdesk.services.integrity import check_archive

sys.path.insert(0, str(Path(__file__).parent / "collection"))
from transfer_sheets import write_messy_xlsx

#: The rebuild is SQLite's; elsewhere the block simply runs.
pytestmark = pytest.mark.sqlite_only


def _indexes(db) -> list[tuple[str, str]]:
    with db.engine.connect() as conn:
        return conn.execute(
            text("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'record' ORDER BY name")
        ).all()


def _indexes_while_rows_go_in(db, sheet, **kwargs) -> list[int]:
    """How many stored-SQL indexes ``record`` has at each progress call of the insert."""
    seen: list[int] = []
    real_insert = bulk.insert_rows

    def counting_insert(session, table, columns, rows):
        if table.name == "record":
            sql = "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'record' AND sql IS NOT NULL"
            seen.append(session.connection().exec_driver_sql(sql).scalar_one())
        real_insert(session, table, columns, rows)

    with patch("archdesk.services.collection.transfer.insert_rows", counting_insert):
        import_transfer(db, sheet, department="BGS", **kwargs)
    return seen


def test_an_import_into_an_empty_archive_goes_in_without_indexes_and_ends_with_every_one(archive, tmp_path):
    before = _indexes(archive)
    assert len(before) > 10
    with patch.object(bulk, "REBUILD_AT_LEAST", 1):
        seen = _indexes_while_rows_go_in(archive, write_messy_xlsx(tmp_path / "办公室2023.xlsx"))
    assert seen and set(seen) == {0}
    assert _indexes(archive) == before
    results = {r.name: r.status for r in check_archive(archive).results}
    assert results["sqlite_integrity"] == results["reference_codes"] == results["audited_state"] == "ok"
    assert set(results.values()) <= {"ok", "skipped"}


def test_an_import_into_an_archive_larger_than_half_of_it_keeps_the_indexes(archive, tmp_path):
    add_demo_data(archive, 30)
    before = _indexes(archive)
    with patch.object(bulk, "REBUILD_AT_LEAST", 1):
        seen = _indexes_while_rows_go_in(archive, write_messy_xlsx(tmp_path / "办公室2023.xlsx"))
    assert seen and set(seen) == {len([i for i in before if i[1] is not None])}
    assert _indexes(archive) == before


def test_a_small_import_keeps_the_indexes(archive, tmp_path):
    seen = _indexes_while_rows_go_in(archive, write_messy_xlsx(tmp_path / "办公室2023.xlsx"))
    assert seen and 0 not in seen


def test_an_import_cancelled_while_its_rows_go_in_without_indexes_keeps_them(archive, tmp_path):
    before = _indexes(archive)

    def progress(done: int, total: int) -> bool:
        return done == 0  # the first chunk goes in (indexes dropped), then the archivist cancels

    sheet = write_messy_xlsx(tmp_path / "办公室2023.xlsx")
    with pytest.raises(Cancelled):
        with patch.object(bulk, "REBUILD_AT_LEAST", 1), patch("archdesk.services.collection.transfer.INSERT_CHUNK", 2):
            import_transfer(archive, sheet, department="BGS", progress=progress)
    assert _indexes(archive) == before
    with archive.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM record").scalar_one() == 0

"""The one error dialog names a failure of the archive by its kind, in one line (not "Unexpected error")."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtWidgets import QMessageBox

from archdesk.services import database
from archdesk.services.catalogue import RecordInput, create_record
from archdesk.ui.ops import Changes, Ops


@pytest.fixture
def warnings(monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append(text))
    return shown


def test_a_save_into_an_archive_locked_by_another_program_says_so_in_one_line(qtbot, archive, warnings, monkeypatch):
    monkeypatch.setattr(database, "BUSY_TIMEOUT", 0.2)
    archive.dispose()  # new connections take the short timeout
    ops = Ops(archive)
    other = sqlite3.connect(archive.file, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with qtbot.waitSignal(ops.idle, timeout=10_000):
            ops.mutate(
                None,
                lambda db: create_record(db, RecordInput(title="会议纪要", category="WS", year=2023, retention="D30")),
                changes=Changes(records=True),
            )
    finally:
        other.execute("ROLLBACK")
        other.close()
        ops.shutdown()

    assert warnings == [
        f"{archive.file}: the archive is busy in another program and stayed locked; nothing was saved (try again later)"
    ]
    with sqlite3.connect(archive.file) as conn:
        assert conn.execute("SELECT count(*) FROM record").fetchone() == (0,)

"""File › Back up takes a consistent copy beside the archive and says where; old ones beyond the
setting are removed."""

from __future__ import annotations

import sqlite3
from contextlib import closing

from archdesk.services import backup
from archdesk.services.catalogue import RecordInput, create_record
from archdesk.ui.app import wait_until_idle


def test_file_back_up_writes_a_verified_copy_and_names_it_in_the_status_bar(qtbot, archive, open_main_window):
    create_record(archive, RecordInput(title="会议纪要", category="WS", year=2023, retention="D30"))
    window = open_main_window(archive)
    assert window.backup_action in window.file_menu.actions()
    assert window.backup_action.text() == "&Back up"

    window.backup_action.trigger()
    assert wait_until_idle(window, 10_000)

    [copy] = backup.list_backups(archive.file)
    assert window.statusBar().currentMessage() == f"Backed up to {copy}"
    assert backup.verify(copy).sound
    with closing(sqlite3.connect(copy)) as conn:
        assert conn.execute("SELECT title FROM record").fetchall() == [("会议纪要",)]


def test_backups_beyond_the_setting_are_removed_oldest_first(qtbot, archive, open_main_window, tmp_path):
    window = open_main_window(archive)
    window.settings.backup_keep = 2
    made = []
    for _ in range(3):
        window.backup_action.trigger()
        assert wait_until_idle(window, 10_000)
        made.append(backup.list_backups(archive.file)[0])

    assert backup.list_backups(archive.file) == [made[2], made[1]]

"""The filter bar's "has scans / no scans": the user picks it and the records table shows only the
records with attached files, or only those without."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt

from archdesk.ui.app import wait_until_idle

sys.path.insert(0, str(Path(__file__).parents[1] / "services" / "digitisation"))
from digitisation_files import add_record, make_image

from archdesk.services.digitisation.attachments import attach_files


def _codes(window) -> set[str]:
    return {window.records.record_at(row).reference_code for row in range(window.records.rowCount())}


def _choose(qtbot, window, combo, text: str) -> None:
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    while combo.currentText() != text:  # the keys a user presses on a closed list
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert wait_until_idle(window, 10_000)


def test_has_scans_and_no_scans_narrow_the_table(open_main_window, archive, qtbot, tmp_path):
    scanned, scanned_code = add_record(archive, title="已扫描")
    _, bare_code = add_record(archive, title="未扫描")
    attach_files(archive, scanned, [make_image(tmp_path / "scan.png", "PNG")])
    window = open_main_window(archive)
    combo = window.filter_bar.scans
    assert _codes(window) == {scanned_code, bare_code}
    assert [combo.itemText(i) for i in range(combo.count())] == ["With or without scans", "Has scans", "No scans"]

    _choose(qtbot, window, combo, "Has scans")
    qtbot.waitUntil(lambda: _codes(window) == {scanned_code}, timeout=10_000)
    _choose(qtbot, window, combo, "No scans")
    qtbot.waitUntil(lambda: _codes(window) == {bare_code}, timeout=10_000)
    _choose(qtbot, window, combo, "With or without scans")
    qtbot.waitUntil(lambda: _codes(window) == {scanned_code, bare_code}, timeout=10_000)

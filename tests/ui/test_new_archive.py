"""File › New archive… asks for the fonds, as the welcome screen does, and the new archive holds it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from archdesk.services.codes import code_tables
from archdesk.services.database import Database
from archdesk.ui.app import _Launcher, wait_until_idle
from archdesk.ui.new_archive import NewArchiveDialog
from archdesk.ui.settings import Settings


@pytest.fixture
def launcher(qtbot, archive: Database, tmp_path):
    archive.dispose()
    settings = Settings(tmp_path / "settings.ini")
    settings.operator_name = "陈静"  # asked at the first start; these stories begin later
    launched = _Launcher(settings, english=True)
    assert launched.start(str(archive.file))
    yield launched
    window = launched.window
    if window is not None:
        wait_until_idle(window, 10_000)
        window.ops.shutdown()
        window.db.dispose()
        window.deleteLater()


def _type(qtbot, field, text: str) -> None:
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    qtbot.keyClicks(field, text)


def test_file_new_archive_asks_for_the_fonds_and_the_new_archive_holds_it(launcher, qtbot, tmp_path):
    first = launcher.window
    first.new_archive_action.trigger()
    dialog = first.findChild(NewArchiveDialog)
    assert dialog is not None and dialog.isVisible()
    page = dialog.page
    _type(qtbot, page.path, str(tmp_path / "second.db"))
    _type(qtbot, page.fonds_code, "J002")
    _type(qtbot, page.fonds_name, "Second Bureau")
    qtbot.mouseClick(page.create, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: launcher.window is not first, timeout=10_000)
    second = launcher.window
    assert second.db.file == tmp_path / "second.db"
    fonds = code_tables(second.db).fonds
    assert [(f.code, f.name) for f in fonds] == [("J002", "Second Bureau")]


def test_the_new_archive_is_not_made_until_the_fonds_is_given(launcher, qtbot, tmp_path):
    first = launcher.window
    first.new_archive_action.trigger()
    page = first.findChild(NewArchiveDialog).page
    _type(qtbot, page.path, str(tmp_path / "second.db"))
    qtbot.mouseClick(page.create, Qt.MouseButton.LeftButton)
    assert page.fonds_code_error.isVisible() and page.fonds_name_error.isVisible()
    assert launcher.window is first and not (tmp_path / "second.db").exists()
    assert page.back.text() == "Cancel"
    dialog = first.findChild(NewArchiveDialog)
    qtbot.mouseClick(page.back, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()

"""UI tests never block on a modal dialog: offscreen, nobody would ever close it and the run would hang.

Any message box or file dialog a test did not patch itself fails the test at once, naming what it
would have shown. A test that expects one patches it (its ``monkeypatch.setattr`` comes later and wins).

``open_main_window`` shows the main window on an archive as the user gets it: first page and docks in.
``files_tab`` shows a record's editor on its own, on the Files tab, clicked as a user does.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from archdesk.services.database import Database
from archdesk.ui.app import wait_until_idle
from archdesk.ui.catalogue.record_editor import RecordEditor
from archdesk.ui.main_window import MainWindow
from archdesk.ui.ops import Ops
from archdesk.ui.settings import Settings

_MODALS = {
    QMessageBox: ("warning", "critical", "information", "question", "about"),
    QFileDialog: ("getOpenFileName", "getOpenFileNames", "getSaveFileName", "getExistingDirectory"),
    QInputDialog: ("getText", "getItem", "getInt"),
}


class UnexpectedDialog(AssertionError):
    pass


@pytest.fixture(autouse=True)
def no_unexpected_modal_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    for cls, names in _MODALS.items():
        for name in names:

            def refuse(*args: object, _where: str = f"{cls.__name__}.{name}", **kwargs: object) -> None:
                shown = " | ".join(str(a) for a in args if isinstance(a, str))
                raise UnexpectedDialog(f"{_where} would block the test: {shown}")

            monkeypatch.setattr(cls, name, staticmethod(refuse))


@pytest.fixture
def open_main_window(qtbot, tmp_path: Path) -> Iterator[Callable[..., MainWindow]]:
    """``open(db, settings_path=…, english=True, restore=True)``: the main window, shown, with its first
    page and docks loaded; its database worker is stopped after the test."""
    windows: list[MainWindow] = []

    def open_window(
        db: Database, settings_path: Path | None = None, *, english: bool = True, restore: bool = True
    ) -> MainWindow:
        window = MainWindow(db, Settings(settings_path or tmp_path / "settings.ini"), english=english, restore=restore)
        qtbot.addWidget(window)
        with qtbot.waitSignal(window.first_page_shown, timeout=10_000):
            window.show()
        assert wait_until_idle(window, 10_000)
        windows.append(window)
        return window

    yield open_window
    for window in windows:
        window.ops.shutdown()


class OpsOnly:
    """What ``wait_until_idle`` needs of a window: its ops."""

    def __init__(self, ops: Ops) -> None:
        self.ops = ops


@pytest.fixture
def files_tab(qtbot) -> Iterator[Callable[..., tuple[OpsOnly, object]]]:
    """``files_tab(db, record_id, with_files=False)`` → (window, attachments panel): the record's
    editor shown with its own Ops, the Files tab clicked; ``with_files`` waits for its list to fill."""
    made: list[Ops] = []
    editors: list[RecordEditor] = []

    def make(db: Database, record_id: int, *, with_files: bool = False) -> tuple[OpsOnly, object]:
        ops = Ops(db)
        made.append(ops)
        editor = RecordEditor(ops)
        qtbot.addWidget(editor)
        editors.append(editor)  # qtbot keeps only a weak reference
        editor.resize(700, 600)
        editor.show()
        editor.show_record(record_id)
        window = OpsOnly(ops)
        assert wait_until_idle(window, 10_000)
        bar = editor.tabs.tabBar()
        qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(2).center())
        assert editor.tabs.currentWidget() is editor.attachments
        assert wait_until_idle(window, 10_000)
        if with_files:
            qtbot.waitUntil(lambda: editor.attachments.list.count() > 0, timeout=10_000)
        return window, editor.attachments

    yield make
    for ops in made:
        ops.shutdown()

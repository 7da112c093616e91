"""UI tests never block on a modal dialog: offscreen, nobody would ever close it and the run would hang.

Any message box or file dialog a test did not patch itself fails the test at once, naming what it
would have shown. A test that expects one patches it (its ``monkeypatch.setattr`` comes later and wins).

``open_main_window`` shows the main window on an archive as the user gets it: first page and docks in.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from archdesk.services.database import Database
from archdesk.ui.app import wait_until_idle
from archdesk.ui.main_window import MainWindow
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

"""UI tests never block on a modal dialog: offscreen, nobody would ever close it and the run would hang.

Any message box or file dialog a test did not patch itself fails the test at once, naming what it
would have shown. A test that expects one patches it (its ``monkeypatch.setattr`` comes later and wins).
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

_MODALS = {
    QMessageBox: ("warning", "critical", "information", "question", "about"),
    QFileDialog: ("getOpenFileName", "getOpenFileNames", "getSaveFileName", "getExistingDirectory"),
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

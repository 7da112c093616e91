"""One scan field: a USB scanner types a code and Enter, fast; each Enter takes the whole code typed
before it and clears the field at once, so two codes scanned back to back are two look-ups, never
one code split or two run together."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget


class ScanField(QLineEdit):
    scanned = Signal(str)  # the whole code, trimmed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scanField")
        self.setClearButtonEnabled(True)
        self.returnPressed.connect(self._take)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        super().keyPressEvent(event)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()  # the scanner's Enter ends the code; it must not press a dialog's default button

    def _take(self) -> None:
        code = self.text().strip()
        self.clear()  # before anything else: the scanner's next keystrokes start a new code
        if code:
            self.scanned.emit(code)

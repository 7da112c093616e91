"""Return… (退还): the check made with the borrower — pages counted, 完好 or 缺损, what was noted."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QSpinBox, QWidget


class ReturnDialog(QDialog):
    """Emits ``return_requested(damaged, pages or None, notes)`` for the loans it was opened on."""

    return_requested = Signal(bool, object, str)

    def __init__(self, described: str, *, pages: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ReturnDialog")
        self.setWindowTitle(self.tr("Return records"))
        self.condition = QComboBox()
        self.condition.addItem(self.tr("Intact"), False)
        self.condition.addItem(self.tr("Damaged or incomplete"), True)
        self.pages = QSpinBox()
        self.pages.setRange(-1, 100_000)
        self.pages.setSpecialValueText(self.tr("Not counted"))
        self.pages.setValue(pages if pages is not None else -1)
        self.notes = QLineEdit()
        self.notes.setPlaceholderText(self.tr("Damage or missing pages noted with the borrower"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Return"))
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        what = QLabel(described)
        what.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(what)
        form.addRow(self.tr("Condition:"), self.condition)
        form.addRow(self.tr("Pages counted:"), self.pages)
        form.addRow(self.tr("Notes:"), self.notes)
        form.addRow(self.buttons)
        self.setMinimumWidth(460)  # room for the note and a long title

    def _accept(self) -> None:
        pages = self.pages.value()
        self.return_requested.emit(bool(self.condition.currentData()), None if pages < 0 else pages, self.notes.text())
        self.accept()

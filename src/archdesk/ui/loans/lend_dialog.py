"""Lend… (借阅): one request for one borrower — the records (档号, one a line, or the table's
selection), purpose (利用目的), use (利用方式), period and, where a record needs it, the approver."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from archdesk.messages import render
from archdesk.messages import term as glossary
from archdesk.statuses import LoanMode
from archdesk.ui.i18n import current_language

#: 利用目的 of the default list, as codes (the combo is editable: any other text is kept as typed).
PURPOSES = ("work", "history", "research", "economy", "education", "other")
MODES = tuple(mode for mode in LoanMode if mode != LoanMode.PHOTOGRAPH)


class LendDialog(QDialog):
    """Emits ``lend_requested(options)`` with plain values for ``submit_request``; the dock runs it."""

    lend_requested = Signal(dict)

    def __init__(
        self, borrowers: list, reference_codes: list[str], *, default_days: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("LendDialog")
        self.setWindowTitle(self.tr("Lend records"))
        language = current_language()
        self.borrower = QComboBox()
        self.borrower.setEditable(False)
        for b in borrowers:
            where = f" — {b.department}" if b.department else ""
            self.borrower.addItem(f"{b.name}{where}", b.id)
        self.codes = QPlainTextEdit("\n".join(reference_codes))
        self.codes.setPlaceholderText(self.tr("One reference code a line, or scan them"))
        self.purpose = QComboBox()
        self.purpose.setEditable(True)
        for code in PURPOSES:
            self.purpose.addItem(render(glossary(f"loans.purpose.{code}"), language), code)
        self.mode = QComboBox()
        for mode in MODES:
            self.mode.addItem(render(glossary(f"loans.mode.{mode}"), language), str(mode))
        self.mode.setCurrentIndex(self.mode.findData(str(LoanMode.TAKE_OUT)))
        self.days = QSpinBox()
        self.days.setRange(1, 365)
        self.days.setValue(default_days)
        self.days.setSuffix(self.tr(" days"))
        self.mode.currentIndexChanged.connect(self._mode_changed)
        self.approver = QLineEdit()
        self.approver.setPlaceholderText(self.tr("Needed for records above the borrower's clearance or restricted"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Lend"))
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Borrower:"), self.borrower)
        form.addRow(self.tr("Records:"), self.codes)
        form.addRow(self.tr("Purpose:"), self.purpose)
        form.addRow(self.tr("Use:"), self.mode)
        form.addRow(self.tr("Period:"), self.days)
        form.addRow(self.tr("Approver:"), self.approver)
        form.addRow(self.buttons)
        self.resize(520, 420)

    def _mode_changed(self) -> None:
        # Reading-room use is due back the same day: no period to choose.
        self.days.setEnabled(self.mode.currentData() != LoanMode.READING_ROOM)

    def _purpose(self) -> str:
        text = self.purpose.currentText().strip()
        index = self.purpose.findText(text)
        return self.purpose.itemData(index) if index >= 0 else text

    def options(self) -> dict:
        return {
            "borrower_id": self.borrower.currentData(),
            "reference_codes": [line.strip() for line in self.codes.toPlainText().splitlines() if line.strip()],
            "purpose": self._purpose(),
            "mode": self.mode.currentData(),
            "days": self.days.value(),
            "approver": self.approver.text().strip(),
        }

    def _accept(self) -> None:
        options = self.options()
        if options["borrower_id"] is None or not options["reference_codes"]:
            return
        self.lend_requested.emit(options)
        self.accept()

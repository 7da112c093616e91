"""The search field (Ctrl+F) with filter chips: what the records table is narrowed to, each removable."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QStyle, QToolButton, QWidget

from archdesk.messages import render, term
from archdesk.services.listing import SCANS_WITH, SCANS_WITHOUT, RecordFilter
from archdesk.statuses import RecordStatus
from archdesk.ui.catalogue.records_model import status_label
from archdesk.ui.i18n import Retranslatable, current_language

#: Filter fields shown as chips, in the order they appear, each named by its glossary term.
CHIP_FIELDS = {
    "fonds": "fonds",
    "category": "category",
    "year": "year",
    "retention": "retention",
    "security_level": "security_level",
    "department": "department",
    "location": "location",
    "transfer_batch_id": "transfer_batch",
}
_EMPTY = RecordFilter()


#: Quiet time after a key before the text is searched. Short, because a newer search cancels an older
#: one on the worker (the statement running is interrupted within a millisecond): the debounce only
#: merges keys that arrive together (an input method committing a word as several key events, a
#: paste) into one search. It was 300 ms when stale reads ran on, then 40 ms; a held key's
#: auto-repeat (≈30 ms apart) now searches each time and the next key cancels it, for nothing.
TYPING_DELAY_MS = 20


class FilterBar(Retranslatable, QWidget):
    filter_changed = Signal(object)  # RecordFilter

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filterBar")
        self.filter = RecordFilter()
        self.code_names: dict[str, dict[str, str]] = {}
        self.search = QLineEdit()
        self.search.setObjectName("searchField")
        self.search.setClearButtonEnabled(True)
        self.search.addAction(
            self.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogContentsView),
            QLineEdit.ActionPosition.LeadingPosition,
        )
        self.search.setMinimumWidth(self.fontMetrics().averageCharWidth() * 36)
        self.status = QComboBox()
        self.status.setObjectName("statusFilter")
        self.status.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.scans = QComboBox()  # has scans / no scans (attached files)
        self.scans.setObjectName("scansFilter")
        self.scans.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.chips = QHBoxLayout()
        self.chips.setSpacing(4)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search, 2)
        layout.addWidget(self.status)
        layout.addWidget(self.scans)
        layout.addLayout(self.chips)
        layout.addStretch(1)
        self._typing = QTimer(self, singleShot=True, interval=TYPING_DELAY_MS)
        self._typing.timeout.connect(self._text_settled)
        self.search.textChanged.connect(self._typing.start)
        self.search.returnPressed.connect(self._text_settled)
        self.status.activated.connect(self._status_chosen)
        self.scans.activated.connect(self._scans_chosen)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.search.setPlaceholderText(self.tr("Search titles, reference codes, document numbers, notes… (Ctrl+F)"))
        self.status.blockSignals(True)
        self.status.clear()
        self.status.addItem(self.tr("All statuses"), "")
        for status in RecordStatus:
            self.status.addItem(status_label(status), status.value)
        self.status.setCurrentIndex(max(self.status.findData(self.filter.status), 0))
        self.status.blockSignals(False)
        self.scans.blockSignals(True)
        self.scans.clear()
        self.scans.addItem(self.tr("With or without scans"), "")
        self.scans.addItem(self.tr("Has scans"), SCANS_WITH)
        self.scans.addItem(self.tr("No scans"), SCANS_WITHOUT)
        self.scans.setCurrentIndex(max(self.scans.findData(self.filter.scans), 0))
        self.scans.blockSignals(False)
        self._show_chips()

    def set_filter(self, flt: RecordFilter, *, announce: bool = True) -> None:
        self.filter = flt
        if self.search.text() != flt.text:
            self.search.blockSignals(True)
            self.search.setText(flt.text)
            self.search.blockSignals(False)
        self.status.setCurrentIndex(max(self.status.findData(flt.status), 0))
        self.scans.setCurrentIndex(max(self.scans.findData(flt.scans), 0))
        self._show_chips()
        if announce:
            self.filter_changed.emit(flt)

    def set_classification(self, node_filter: RecordFilter) -> None:
        """The tree chose a node: its classification replaces ours; the text and status stay."""
        self.set_filter(
            replace(
                self.filter,
                fonds=node_filter.fonds,
                category=node_filter.category,
                year=node_filter.year,
                retention=node_filter.retention,
            )
        )

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _text_settled(self) -> None:
        self._typing.stop()
        if self.search.text() != self.filter.text:
            self.set_filter(replace(self.filter, text=self.search.text()))

    def _status_chosen(self, index: int) -> None:
        self.set_filter(replace(self.filter, status=self.status.itemData(index) or ""))

    def _scans_chosen(self, index: int) -> None:
        self.set_filter(replace(self.filter, scans=self.scans.itemData(index) or ""))

    def _show_chips(self) -> None:
        while self.chips.count():
            widget = self.chips.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        close = self.style().standardIcon(QStyle.StandardPixmap.SP_TitleBarCloseButton)
        for field, caption in CHIP_FIELDS.items():
            value = getattr(self.filter, field)
            if value in ("", None):
                continue
            shown = self.code_names.get(field, {}).get(str(value), str(value))
            chip = QToolButton()
            chip.setObjectName(f"chip_{field}")
            chip.setText(f"{render(term(caption), current_language())}: {shown}")
            chip.setIcon(close)
            chip.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            chip.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
            chip.setAutoRaise(False)
            chip.setToolTip(self.tr("Remove this filter"))
            chip.clicked.connect(lambda _=False, f=field: self._remove(f))
            self.chips.addWidget(chip)

    def _remove(self, field: str) -> None:
        self.set_filter(replace(self.filter, **{field: getattr(_EMPTY, field)}))

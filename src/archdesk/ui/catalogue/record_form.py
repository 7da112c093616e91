"""The fields of one record (著录项): choice lists from the code tables, and a message under each field."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from archdesk.messages import ENGLISH, msg, render, term
from archdesk.services.dates import iso_date
from archdesk.services.errors import ValidationError, ValidationErrors
from archdesk.services.views import CodeTables, RecordInput
from archdesk.ui.i18n import Retranslatable, current_language


def parse_date(text: str) -> date | None:
    """``2024-03-05``, ``2024.3.5`` or ``20240305`` (the catalogue's YYYYMMDD); empty means no date.
    A date known to the month or the year (``1997-07``, ``19970700``, ``1997``) keeps that precision
    (the import's reading of a date, ``services/collection/parsing.py``). Raises ValidationError naming
    the real problem: ``2023-02-30`` is no such date, ``March`` not a date.
    """
    if not text.strip():
        return None
    from archdesk.services.collection.parsing import CellError
    from archdesk.services.collection.parsing import parse_date as parse_written

    try:
        return parse_written(text.strip())
    except CellError as exc:
        raise ValidationError("date", exc.problem) from None


def parse_pages(text: str) -> int | None:
    """A page count as typed: empty is none; ``-1`` stays -1 (the catalogue refuses it, by name)."""
    text = text.strip()
    if not text:
        return None
    try:
        return int(text)
    except ValueError:
        raise ValidationError("pages", msg("record.pages_not_number", text=text)) from None


#: Each field's label is its glossary term (the words printed forms use too) and a shortcut letter.
_MNEMONICS = {
    "fonds": "F",
    "category": "E",
    "year": "Y",
    "retention": "R",
    "department": "M",
    "title": "T",
    "title_supplied": "",
    "document_number": "U",
    "responsible_party": "O",
    "date": "D",
    "pages": "G",
    "security_level": "C",
    "carrier": "I",
    "notes": "N",
}


def _with_mnemonic(text: str, letter: str, language: str) -> str:
    """``Series`` + E → ``S&eries``; ``门类`` + E → ``门类(&E)`` (the Chinese convention)."""
    if not letter:
        return text
    if language != ENGLISH:
        return f"{text}(&{letter})"
    at = text.lower().find(letter.lower())
    return f"{text[:at]}&{text[at:]}" if at >= 0 else f"{text} (&{letter})"


def _edit_signal(widget: QWidget):  # noqa: ANN202 - a bound Qt signal
    """The signal a user's edit of ``widget`` sends."""
    if isinstance(widget, QComboBox):
        return widget.currentIndexChanged
    if isinstance(widget, QLineEdit):
        return widget.textEdited
    if isinstance(widget, QSpinBox):
        return widget.valueChanged
    if isinstance(widget, QCheckBox):
        return widget.toggled
    return widget.textChanged  # QPlainTextEdit


class RecordForm(Retranslatable, QWidget):
    """Edits a RecordInput. ``edited`` fires on every change the user makes (not when the form is filled)."""

    edited = Signal()
    classification_edited = Signal()  # a field of the reference code changed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._filling = False
        self.english = False
        self.fonds = QComboBox()
        self.category = QComboBox()
        self.year = QSpinBox()
        self.year.setRange(1000, 9999)
        self.year.setValue(date.today().year)
        self.retention = QComboBox()
        self.department = QComboBox()
        self.title = QPlainTextEdit()
        self.title.setTabChangesFocus(True)
        self.title.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self.title_supplied = QCheckBox()
        self.document_number = QLineEdit()
        self.responsible_party = QLineEdit()
        self.date = QLineEdit()
        self.date.setPlaceholderText("YYYY-MM-DD")
        self.pages = QLineEdit()  # no validator: it would turn "-1" into "1" without a word
        self.security_level = QComboBox()
        self.carrier = QComboBox()
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self.fields: dict[str, QWidget] = {
            "fonds": self.fonds,
            "category": self.category,
            "year": self.year,
            "retention": self.retention,
            "department": self.department,
            "title": self.title,
            "title_supplied": self.title_supplied,
            "document_number": self.document_number,
            "responsible_party": self.responsible_party,
            "date": self.date,
            "pages": self.pages,
            "security_level": self.security_level,
            "carrier": self.carrier,
            "notes": self.notes,
        }
        self.messages: dict[str, QLabel] = {}
        self.labels: dict[str, QLabel] = {}
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        layout = QFormLayout()
        outer.addLayout(layout)
        outer.addStretch(1)  # the fields keep their height; spare room goes below them
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        for name, widget in self.fields.items():
            message = QLabel()
            message.setObjectName(f"{name}Message")
            message.setWordWrap(True)
            message.setStyleSheet("color: #b3261e;")
            message.hide()
            self.messages[name] = message
            cell = QWidget()
            box = QVBoxLayout(cell)
            box.setContentsMargins(0, 0, 0, 0)
            box.setSpacing(2)
            box.addWidget(widget)
            box.addWidget(message)
            label = QLabel()
            label.setBuddy(widget)
            self.labels[name] = label
            layout.addRow(label, cell)
        for combo in (self.fonds, self.category, self.retention, self.department, self.security_level, self.carrier):
            combo.currentIndexChanged.connect(self._changed)
        for line in (self.document_number, self.responsible_party, self.date, self.pages):
            line.textEdited.connect(self._changed)
        self.title.textChanged.connect(self._changed)
        self.notes.textChanged.connect(self._changed)
        self.title_supplied.toggled.connect(self._changed)
        self.year.valueChanged.connect(self._changed)
        self.category.currentIndexChanged.connect(self._category_chosen)
        for name in ("fonds", "category", "year", "retention", "department"):
            signal = self.year.valueChanged if name == "year" else self.fields[name].currentIndexChanged
            signal.connect(self._classification_changed)
        for name, widget in self.fields.items():  # a field's message goes as soon as the field is edited
            signal = _edit_signal(widget)
            signal.connect(lambda *_args, field=name: self._field_edited(field))
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        language = current_language()
        for name, letter in _MNEMONICS.items():
            self.labels[name].setText(_with_mnemonic(render(term(name), language), letter, language))
        self.title_supplied.setText(self.tr("written by the archivist, shown in [ ]"))

    # -- choice lists -----------------------------------------------------------------------------

    def set_code_tables(self, tables: CodeTables, *, english: bool = False) -> None:
        """Fill the choice lists; the current values are kept where they still exist."""
        current = self.value(strict=False)
        self.english = english
        self._filling = True
        try:
            self._fill(self.fonds, [(f.code, f"{f.code} {f.name}") for f in tables.fonds])
            self._fill(
                self.category,
                [(c.code, f"{c.code} {c.name_en if english and c.name_en else c.name}") for c in tables.categories],
                data=[c.default_retention for c in tables.categories],
            )
            self._fill(self.retention, [(r.code, self._name(r)) for r in tables.retention_periods])
            self._fill(self.department, [("", "")] + [(d.code, f"{d.code} {d.name}") for d in tables.departments])
            self._fill(self.security_level, [("", "")] + [(s.code, self._name(s)) for s in tables.security_levels])
            self._fill(self.carrier, [("", "")] + [(c.code, self._name(c)) for c in tables.carriers])
        finally:
            self._filling = False
        if current is not None:
            self.set_value(current)

    def _name(self, item) -> str:  # noqa: ANN001
        return item.name_en if self.english and item.name_en else item.name

    @staticmethod
    def _fill(combo: QComboBox, items: list[tuple[str, str]], data: list[str] | None = None) -> None:
        combo.blockSignals(True)
        combo.clear()
        for position, (code, text) in enumerate(items):
            combo.addItem(text, code)
            if data is not None:
                combo.setItemData(position, data[position], Qt.ItemDataRole.UserRole + 1)
        combo.blockSignals(False)

    # -- values -----------------------------------------------------------------------------------

    def set_value(self, data: RecordInput) -> None:
        """Show these values (does not count as an edit)."""
        self._filling = True
        try:
            for name in ("fonds", "category", "retention", "department", "security_level", "carrier"):
                combo: QComboBox = self.fields[name]  # type: ignore[assignment]
                combo.setCurrentIndex(max(combo.findData(getattr(data, name)), 0 if name == "fonds" else -1))
            self.year.setValue(data.year)
            self.title.setPlainText(data.title)
            self.title_supplied.setChecked(data.title_supplied)
            self.document_number.setText(data.document_number)
            self.responsible_party.setText(data.responsible_party)
            self.date.setText(iso_date(data.date) or "")  # 1997-07 for a date known to the month
            self.pages.setText("" if data.pages is None else str(data.pages))
            self.notes.setPlainText(data.notes)
        finally:
            self._filling = False
        self.show_errors([])

    def clear(self) -> None:
        """Empty every field (nothing is shown); not an edit."""
        self._filling = True
        try:
            for widget in self.fields.values():
                if isinstance(widget, QComboBox):
                    widget.setCurrentIndex(-1)
                elif isinstance(widget, QCheckBox):
                    widget.setChecked(False)
                elif isinstance(widget, QLineEdit | QPlainTextEdit):
                    widget.clear()
        finally:
            self._filling = False
        self.show_errors([])

    def value(self, *, strict: bool = True) -> RecordInput | None:
        """The values typed. With ``strict``, a date or page count that cannot be read raises
        ValidationErrors naming each; otherwise such a value counts as empty."""
        problems: list[ValidationError] = []
        when = pages = None
        try:
            when = parse_date(self.date.text())
        except ValidationError as problem:
            problems.append(problem)
        try:
            pages = parse_pages(self.pages.text())
        except ValidationError as problem:
            problems.append(problem)
        if problems and strict:
            raise ValidationErrors(problems)
        if self.category.count() == 0:
            return None
        return RecordInput(
            title=self.title.toPlainText(),
            category=self.category.currentData() or "",
            year=self.year.value(),
            retention=self.retention.currentData() or "",
            department=self.department.currentData() or "",
            fonds=self.fonds.currentData() or "",
            document_number=self.document_number.text(),
            responsible_party=self.responsible_party.text(),
            date=when,
            pages=pages,
            security_level=self.security_level.currentData() or "",
            carrier=self.carrier.currentData() or "",
            notes=self.notes.toPlainText(),
            title_supplied=self.title_supplied.isChecked(),
        )

    def set_classification_editable(self, editable: bool) -> None:
        """An accepted record keeps its reference code: its classification fields are read-only."""
        for name in ("fonds", "category", "year", "retention", "department"):
            self.fields[name].setEnabled(editable)

    def show_errors(self, errors: list[ValidationError]) -> None:
        """A message under each field the services rejected (field names as in RecordInput)."""
        language = current_language()
        by_field: dict[str, str] = {}
        for error in errors:  # each field's problems, in the window's language
            text = error.problem.render(language)
            by_field[error.field] = f"{by_field[error.field]}\n{text}" if error.field in by_field else text
        for name, label in self.messages.items():
            message = by_field.get(name, "")
            label.setText(message)
            label.setVisible(bool(message))
        first = next((self.fields[e.field] for e in errors if e.field in self.fields), None)
        if first is not None:
            first.setFocus()

    def errors_shown(self) -> dict[str, str]:
        return {name: label.text() for name, label in self.messages.items() if label.text()}

    # -- inside -----------------------------------------------------------------------------------

    def _field_edited(self, field: str) -> None:
        if not self._filling:
            self.messages[field].clear()
            self.messages[field].hide()

    def _changed(self, *_args) -> None:  # noqa: ANN002
        if not self._filling:
            self.edited.emit()

    def _classification_changed(self, *_args) -> None:  # noqa: ANN002
        if not self._filling:
            self.classification_edited.emit()

    def propose_default_retention(self) -> None:
        """Set the retention to the chosen category's default (a new record starts with it); with no
        category chosen (the form was empty), the first one."""
        self._filling = True
        try:
            if self.category.currentIndex() < 0 and self.category.count():
                self.category.setCurrentIndex(0)
            self._propose_retention(self.category.currentIndex())
        finally:
            self._filling = False

    def _category_chosen(self, index: int) -> None:
        """A new category proposes its default retention (the archivist may change it)."""
        if self._filling or index < 0:
            return
        self._propose_retention(index)

    def _propose_retention(self, index: int) -> None:
        default = self.category.itemData(index, Qt.ItemDataRole.UserRole + 1)
        if default and self.retention.findData(default) >= 0:
            self.retention.setCurrentIndex(self.retention.findData(default))

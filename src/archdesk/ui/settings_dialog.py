"""Settings: General (fonds, operator, language), Security (the password lock), Categories (reference-code pattern and
default retention per category) and Database (the archive file; open another, create a new one).

Preferences go to :class:`~archdesk.ui.settings.Settings`; the fonds and the category rules belong to
the archive and are saved through ``archdesk.services.codes`` when the user presses OK, all
checked first so that nothing is saved while a field is still wrong. The reads and writes are a
handful of rows and run on the GUI thread. Opening or creating another archive is the main
window's business: the dialog only emits ``open_database_requested`` / ``new_database_requested``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from archdesk.services.database import Database
from archdesk.services.errors import ArchDeskError, ValidationError
from archdesk.services.views import CodeTables
from archdesk.ui.i18n import LANGUAGE_NAMES, current_language, install_translators
from archdesk.ui.ops import Changes, Ops, show_error
from archdesk.ui.settings import Settings

if TYPE_CHECKING:
    from archdesk.services.views import CodeTables

ARCHIVE_FILTER = "*.db *.sqlite *.archdesk"
#: A fonds code as DA/T 22 writes it: 3–4 capital letters or digits (Z109, J001).
FONDS_CODE = re.compile(r"^[A-Z0-9]{3,4}$")
ERROR_STYLE = "color: #b00020;"


def error_label() -> QLabel:
    """A red line under a field that says what is wrong with it (hidden while nothing is)."""
    label = QLabel()
    label.setStyleSheet(ERROR_STYLE)
    label.hide()
    return label


def show_problem(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


def pattern_problem(exc: ValidationError) -> str:
    """The service's reason a pattern is unusable, rendered from its message id in the window's language."""
    return exc.problem.render(current_language())


def _refcode():  # noqa: ANN202 - the reference-code rules, imported once the dialog is open
    from archdesk.services import refcode

    return refcode


class GeneralTab(QWidget):
    def __init__(self, db: Database, settings: Settings, fonds_code: str, fonds_name: str) -> None:
        super().__init__()
        self.fonds_code = QLineEdit(fonds_code)
        self.fonds_code.setMaxLength(20)
        self.fonds_code_error = error_label()
        self.fonds_name = QLineEdit(fonds_name)
        self.fonds_name_error = error_label()
        self.operator = QLineEdit(settings.operator_name)
        self.operator.setPlaceholderText(db.actor)
        self.loan_days = QSpinBox()
        self.loan_days.setRange(1, 365)
        self.loan_days.setValue(settings.default_loan_days)
        self.loan_days.setSuffix(self.tr(" days"))
        self.renewal_limit = QSpinBox()
        self.renewal_limit.setRange(0, 10)
        self.renewal_limit.setValue(settings.renewal_limit)
        self.fixity_days = QSpinBox()  # rolling fixity: all stored files checked within this period
        self.fixity_days.setRange(1, 3650)
        self.fixity_days.setValue(settings.fixity_period_days)
        self.fixity_days.setSuffix(self.tr(" days"))
        self.language = QComboBox()
        self.language.addItem(self.tr("System language"), "")
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.pdf_font = QLineEdit(settings.pdf_font_path)
        self.pdf_font.setPlaceholderText(self.tr("Automatic: a Chinese font of the system, or the bundled one"))
        self.pdf_font_error = error_label()
        self.pdf_font_browse = QPushButton(self.tr("Browse…"))
        self.pdf_font_browse.clicked.connect(self._choose_pdf_font)
        pdf_font_row = QHBoxLayout()
        pdf_font_row.addWidget(self.pdf_font, 1)
        pdf_font_row.addWidget(self.pdf_font_browse)
        language_note = QLabel(self.tr("The new language applies as soon as you press OK."))
        language_note.setWordWrap(True)

        form = QFormLayout(self)
        form.addRow(self.tr("Fonds code:"), self.fonds_code)
        form.addRow("", self.fonds_code_error)
        form.addRow(self.tr("Fonds name:"), self.fonds_name)
        form.addRow("", self.fonds_name_error)
        form.addRow(self.tr("Operator name:"), self.operator)
        form.addRow(self.tr("Default loan period:"), self.loan_days)
        form.addRow(self.tr("Renewals allowed:"), self.renewal_limit)
        form.addRow(self.tr("Check every stored file within:"), self.fixity_days)
        form.addRow(self.tr("Font for PDF reports:"), pdf_font_row)
        form.addRow("", self.pdf_font_error)
        form.addRow(self.tr("Language:"), self.language)
        form.addRow("", language_note)
        self.fonds_code.textChanged.connect(self.check)
        self.fonds_name.textChanged.connect(self.check)

    def check(self) -> bool:
        code, name = self.fonds_code.text().strip(), self.fonds_name.text().strip()
        code_problem = ""
        if not code:
            code_problem = self.tr("Enter the fonds code.")
        elif not FONDS_CODE.match(code):
            code_problem = self.tr("A fonds code is 3 or 4 capital letters or digits, e.g. Z109.")
        show_problem(self.fonds_code_error, code_problem)
        show_problem(self.fonds_name_error, "" if name else self.tr("Enter the fonds name."))
        font_problem = ""
        if self.pdf_font.text().strip() and not pdf_font_usable(self.pdf_font.text().strip()):
            font_problem = self.tr(
                "This font cannot be embedded in PDFs: choose a TrueType font with Chinese characters."
            )
        show_problem(self.pdf_font_error, font_problem)
        return not code_problem and bool(name) and not font_problem

    def _choose_pdf_font(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Font for PDF reports"), self.pdf_font.text(), self.tr("TrueType fonts (*.ttf *.ttc)")
        )
        if path:
            self.pdf_font.setText(path)
            self.check()


def pdf_font_usable(path: str) -> bool:
    """True if the reports can print with this font file (TrueType outlines, Chinese glyphs)."""
    from archdesk.services.reports.fonts import resolve_font  # ReportLab only when a font is chosen

    return resolve_font(path).source == "settings"


class CategoriesTab(QWidget):
    """One category at a time: its template or own pattern, its default retention, and an example code."""

    def __init__(self, tables: CodeTables, fonds_code: QLineEdit) -> None:
        super().__init__()
        from archdesk.models import DAT13_PATTERN, DAT22_PATTERN  # the dialog opens after start-up

        self._tables = tables
        self._fonds_code = fonds_code
        self.rules = {c.code: (c.refcode_pattern, c.default_retention) for c in tables.categories}
        self._saved = dict(self.rules)
        self._loading = False
        chinese = current_language() == "zh_CN"

        self.categories = QListWidget()
        for category in tables.categories:
            indent = "    " if category.parent_id else ""
            name = category.name if chinese or not category.name_en else category.name_en
            item = QListWidgetItem(f"{indent}{category.code}  {name}")
            item.setData(Qt.ItemDataRole.UserRole, category.code)
            self.categories.addItem(item)
        self.categories.setMaximumWidth(230)
        self.template = QComboBox()
        self.template.addItem(self.tr("DA/T 22-2015 (archival filing rules)"), DAT22_PATTERN)
        self.template.addItem(self.tr("DA/T 13-2022 (reference code rules)"), DAT13_PATTERN)
        self.template.addItem(self.tr("Custom pattern"), "")
        self.pattern = QLineEdit()
        self.pattern_error = error_label()
        self.retention = QComboBox()
        self.retention.addItem(self.tr("(none)"), "")
        for period in tables.retention_periods:
            label = period.name if chinese or not period.name_en else period.name_en
            self.retention.addItem(f"{period.code}  {label}", period.code)
        self.example = QLabel()
        self.example.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        help_text = QLabel(
            self.tr(
                "Placeholders: {fonds} {category} {year} {retention} {department} {department_name} {item}. "
                "A part in [ ] is left out when a placeholder in it is empty."
            )
        )
        help_text.setWordWrap(True)
        help_text.setStyleSheet("color: gray;")

        editor = QGroupBox(self.tr("Reference code and retention"))
        form = QFormLayout(editor)
        form.addRow(self.tr("Template:"), self.template)
        form.addRow(self.tr("Pattern:"), self.pattern)
        form.addRow("", self.pattern_error)
        form.addRow("", help_text)
        form.addRow(self.tr("Default retention:"), self.retention)
        form.addRow(self.tr("Example:"), self.example)
        layout = QHBoxLayout(self)
        layout.addWidget(self.categories)
        layout.addWidget(editor, 1)

        self.categories.currentItemChanged.connect(self._show_category)
        self.template.activated.connect(self._template_chosen)
        self.pattern.textChanged.connect(self._edited)
        self.retention.activated.connect(self._edited)
        fonds_code.textChanged.connect(self._update_example)
        if tables.categories:
            self.categories.setCurrentRow(0)

    def current_code(self) -> str:
        item = self.categories.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else ""

    def show_category(self, code: str) -> None:
        for row in range(self.categories.count()):
            if self.categories.item(row).data(Qt.ItemDataRole.UserRole) == code:
                self.categories.setCurrentRow(row)

    def changed(self) -> dict[str, tuple[str, str]]:
        return {code: rule for code, rule in self.rules.items() if rule != self._saved[code]}

    def first_problem(self) -> tuple[str, str] | None:
        """The first category whose pattern cannot be used, with the reason."""
        for code, (pattern, _retention) in self.rules.items():
            try:
                _refcode().validate_pattern(pattern)
            except ValidationError as exc:
                return code, pattern_problem(exc)
        return None

    def _show_category(self) -> None:
        pattern, retention = self.rules.get(self.current_code(), ("", ""))
        self._loading = True
        self.pattern.setText(pattern)
        self.retention.setCurrentIndex(max(0, self.retention.findData(retention)))
        self._loading = False
        self._update_example()

    def _template_chosen(self) -> None:
        pattern = self.template.currentData()
        if pattern:
            self.pattern.setText(pattern)
        else:
            self.pattern.setFocus()

    def _edited(self) -> None:
        if not self._loading and self.current_code():
            self.rules[self.current_code()] = (self.pattern.text().strip(), self.retention.currentData())
        self._update_example()

    def _update_example(self) -> None:
        pattern = self.pattern.text().strip()
        index = self.template.findData(pattern)
        self.template.setCurrentIndex(index if index >= 0 else self.template.count() - 1)
        try:
            _refcode().validate_pattern(pattern)
        except ValidationError as exc:
            show_problem(self.pattern_error, pattern_problem(exc))
            self.example.setText("—")
            return
        show_problem(self.pattern_error, "")
        self.example.setText(self.example_code(pattern))

    def example_code(self, pattern: str) -> str:
        department = self._tables.departments[0] if self._tables.departments else None
        refcode = _refcode()
        parts = refcode.CodeParts(
            fonds=self._fonds_code.text().strip() or "Z001",
            category=self.current_code() or "WS",
            year=date.today().year - 1,
            retention=self.retention.currentData() or "Y",
            department=department.code if department else "BGS",
            department_name=department.name if department else "办公室",
        )
        return refcode.render_reference_code(pattern, parts, 1)


class DatabaseTab(QWidget):
    open_requested = Signal(str)
    new_requested = Signal(str)

    def __init__(self, db: Database, settings: Settings) -> None:
        super().__init__()
        self._db = db
        where = str(db.file) if db.file is not None else re.sub(r"://([^:/@]+):[^@]*@", r"://\1:***@", db.url)
        self.location = QLineEdit(where)
        self.location.setReadOnly(True)
        self.open_button = QPushButton(self.tr("Open another archive…"))
        self.new_button = QPushButton(self.tr("New archive…"))
        self.recent = QListWidget()
        for path in settings.recent_databases:
            if path != where:
                self.recent.addItem(path)
        preferences = QLabel(self.tr("Your preferences are kept in {file}").format(file=settings.file_name))
        preferences.setWordWrap(True)
        preferences.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Archive in use:")))
        layout.addWidget(self.location)
        layout.addLayout(buttons)
        layout.addWidget(QLabel(self.tr("Recently opened (double-click to open):")))
        layout.addWidget(self.recent, 1)
        layout.addWidget(preferences)

        self.open_button.clicked.connect(self._open)
        self.new_button.clicked.connect(self._new)
        self.recent.itemActivated.connect(lambda item: self.open_requested.emit(item.text()))

    def _folder(self) -> str:
        return str(self._db.file.parent) if self._db.file is not None else ""

    def _open(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open archive"),
            self._folder(),
            self.tr("ArchDesk archives ({patterns})").format(patterns=ARCHIVE_FILTER),
        )
        if path:
            self.open_requested.emit(path)

    def _new(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("New archive"),
            self._folder(),
            self.tr("ArchDesk archives ({patterns})").format(patterns=ARCHIVE_FILTER),
        )
        if path:
            self.new_requested.emit(path)


def _save(db: Database, fonds, rules, facts) -> None:  # noqa: ANN001
    """The archive's settings and the annual report's figures, in one unit of work: all or nothing."""
    from archdesk.services import codes
    from archdesk.services.reports.annual import set_annual_facts
    from archdesk.services.uow import UnitOfWork

    with UnitOfWork(db) as uow:
        codes.save_archive_settings(db, fonds=fonds, category_rules=rules, uow=uow)
        if facts is not None:
            full_time, part_time, areas = facts
            set_annual_facts(db, staff_full_time=full_time, staff_part_time=part_time, storeroom_areas=areas, uow=uow)
        uow.commit()


class SettingsDialog(QDialog):
    """The settings window. ``exec()`` it; OK saves everything or, if a field is wrong, nothing."""

    open_database_requested = Signal(str)
    new_database_requested = Signal(str)
    #: The language in effect after OK switched it ("zh_CN" or "en").
    language_changed = Signal(str)

    def __init__(
        self,
        db: Database,
        settings: Settings,
        parent: QWidget | None = None,
        *,
        tables: CodeTables | None = None,
        ops: Ops | None = None,
    ) -> None:
        """``tables``: the code tables, read on the worker by whoever opens the dialog (read here when
        not given). ``ops``: OK saves on its worker, the dialog busy meanwhile (here and now without)."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self._db = db
        self._settings = settings
        from archdesk.services import codes  # SQLAlchemy loads when the dialog opens, not at start-up

        self._ops = ops
        tables = tables if tables is not None else codes.code_tables(db)
        fonds = tables.fonds[0] if tables.fonds else None
        self._fonds = (fonds.code, fonds.name) if fonds else ("", "")
        self.general = GeneralTab(db, settings, *self._fonds)
        self.categories = CategoriesTab(tables, self.general.fonds_code)
        self.database = DatabaseTab(db, settings)
        from archdesk.services.reports.annual import annual_facts
        from archdesk.ui.annual_facts_tab import AnnualFactsTab

        self.annual = AnnualFactsTab()
        if ops is not None:  # read on the worker, like the code tables: no SQL on the GUI thread
            ops.query(self, annual_facts, self.annual.set_facts)
        else:
            self.annual.set_facts(annual_facts(db))
        from archdesk.ui.security_tab import SecurityTab

        self.security = SecurityTab(settings)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.general, self.tr("General"))
        self.tabs.addTab(self.categories, self.tr("Categories"))
        self.tabs.addTab(self.annual, self.tr("Annual report"))
        self.tabs.addTab(self.database, self.tr("Database"))
        self.tabs.addTab(self.security, self.tr("Security"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.database.open_requested.connect(lambda path: self._switch(self.open_database_requested, path))
        self.database.new_requested.connect(lambda path: self._switch(self.new_database_requested, path))
        self.resize(800, 500)

    def accept(self) -> None:
        self.apply(then=lambda: QDialog.accept(self))

    def apply(self, then: Callable[[], None] | None = None) -> None:
        """Check every field, then save and call ``then``; nothing saved (the problem shown at its field)
        if anything is wrong. With ``ops`` the save runs on the database worker, the dialog busy."""
        if not self.general.check():
            self.tabs.setCurrentWidget(self.general)
            return
        if not self.security.check():
            self.tabs.setCurrentWidget(self.security)
            return
        problem = self.categories.first_problem()
        if problem is not None:
            self.tabs.setCurrentWidget(self.categories)
            self.categories.show_category(problem[0])
            return
        fonds = (self.general.fonds_code.text().strip(), self.general.fonds_name.text().strip())
        rules = self.categories.changed()
        changed_fonds = fonds if fonds != self._fonds else None
        facts = self.annual.values() if self.annual.changed() else None

        def saved(_result: object = None) -> None:
            self._busy(False)
            self._fonds = fonds
            self.categories._saved.update(rules)
            self.annual.mark_saved()
            self._save_preferences()
            if then is not None:
                then()

        if self._ops is None:
            try:
                _save(self._db, changed_fonds, rules, facts)
            except ArchDeskError as exc:
                show_error(self, exc)
                return
            saved()
            return

        def save(db: Database) -> None:  # worker thread
            _save(db, changed_fonds, rules, facts)

        def failed(_error: BaseException) -> bool:
            self._busy(False)
            return False  # Ops shows the error, over this dialog

        self._busy(True)
        # Nothing announced here: the main window announces the change once the dialog is accepted.
        self._ops.mutate(self, save, changes=Changes(), success=saved, failure=failed)

    def _busy(self, busy: bool) -> None:
        self.buttons.setEnabled(not busy)
        self.tabs.setEnabled(not busy)
        if busy:
            self.setCursor(Qt.CursorShape.BusyCursor)
        else:
            self.unsetCursor()

    def _save_preferences(self) -> None:
        settings = self._settings
        settings.operator_name = self.general.operator.text().strip()
        if settings.operator_name:
            self._db.actor = settings.operator_name  # the name in the audit trail from now on
        settings.default_loan_days = self.general.loan_days.value()
        settings.renewal_limit = self.general.renewal_limit.value()
        settings.fixity_period_days = self.general.fixity_days.value()
        settings.pdf_font_path = self.general.pdf_font.text().strip()
        self.security.save()
        language = self.general.language.currentData()
        if language != settings.language:
            settings.language = language
            app = QCoreApplication.instance()
            if app is not None:
                self.language_changed.emit(install_translators(app, language))
        settings.sync()

    def _switch(self, signal: Signal, path: str) -> None:
        """Save this archive's changes, close, then let the main window open the other archive."""

        def then() -> None:
            QDialog.accept(self)
            signal.emit(path)

        self.apply(then=then)

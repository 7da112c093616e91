"""Archive set-up (档案室设置): fonds, categories (with sub-categories, 档号 template, default retention)
and departments (机构/问题), one tab each.

Each tab lists its codes with how many records use them, and edits one at a time: New, then Save
adds it; Save on a chosen one renames it; Retire takes a category or department out of use (it is
never deleted: the records that carry it keep it), Bring back returns it. Every action is one call
of ``archdesk.services.setup`` on the window's database worker, audited there; its refusal is shown
under the form in the window's language.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from archdesk.ui.i18n import Retranslatable, current_language
from archdesk.ui.ops import Changes, Ops, error_text

if TYPE_CHECKING:
    from archdesk.services.database import Database
    from archdesk.services.setup import ArchiveSetup

# The two templates of the archive rules (models.codes; repeated so that no model loads here).
DAT22_PATTERN = "{fonds}-{category}·{year}-{retention}[-{department}]-{item}"
DAT13_PATTERN = "{fonds}-{category}·{year}·{retention}[·{department_name}]-{item}"
ERROR_STYLE = "color: #b00020;"


class _CodeTab(Retranslatable, QWidget):
    """A list of codes above a form for one of them, with New / Save / Retire."""

    saved = Signal()
    retirable = True

    def __init__(self, dialog: ArchiveSetupDialog) -> None:
        super().__init__()
        self.dialog = dialog
        self.entries: list[Any] = []
        self.current: Any = None  # the entry in the form; None for a new one
        self.keep_id: int | None = None  # the entry to choose once the lists are in again (one just added)
        self.list = QTreeWidget()
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.currentItemChanged.connect(lambda item, _previous: self._chosen(item))
        self.code = QLineEdit()
        self.code.setObjectName("code")
        self.name = QLineEdit()
        self.name.setObjectName("name")
        self.form = QFormLayout()
        self.code_label, self.name_label = QLabel(), QLabel()
        self.form.addRow(self.code_label, self.code)
        self.form.addRow(self.name_label, self.name)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.new_button, self.save_button, self.retire_button = QPushButton(), QPushButton(), QPushButton()
        self.new_button.setObjectName("new")
        self.save_button.setObjectName("save")
        self.retire_button.setObjectName("retire")
        self.retire_button.setVisible(self.retirable)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(self.retire_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.new_button.clicked.connect(self.start_new)
        self.save_button.clicked.connect(self._save)
        self.retire_button.clicked.connect(self._retire)

    # -- for subclasses ---------------------------------------------------------------------------

    def headers(self) -> list[str]:
        return [self.tr("Code"), self.tr("Name"), self.tr("Records"), self.tr("In use")]

    def entries_of(self, setup: ArchiveSetup) -> list[Any]:
        raise NotImplementedError

    def fill(self, entry: Any) -> None:
        """Show ``entry`` (None: a new one) in the form."""
        self.code.setText(entry.code if entry else "")
        self.name.setText(entry.name if entry else "")
        self.code.setReadOnly(bool(entry) and entry.records > 0)  # a code records carry stays

    def save_op(self) -> Callable[[Database], Any]:
        raise NotImplementedError

    def retire_op(self, entry: Any, active: bool) -> Callable[[Database], Any]:
        raise NotImplementedError

    # -- shared -----------------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.list.setHeaderLabels(self.headers())
        self.code_label.setText(self.tr("Code:"))
        self.name_label.setText(self.tr("Name:"))
        self.new_button.setText(self.tr("&New"))
        self.save_button.setText(self.tr("&Save"))
        self._update_retire()
        self.show_entries(self.entries)

    def row(self, entry: Any) -> list[str]:
        active = getattr(entry, "active", True)
        return [entry.code, entry.name, str(entry.records), self.tr("yes") if active else self.tr("retired")]

    def set_setup(self, setup: ArchiveSetup) -> None:
        self.show_entries(self.entries_of(setup))

    def show_entries(self, entries: list[Any]) -> None:
        keep = self.keep_id if self.keep_id is not None else self.current.id if self.current is not None else None
        self.keep_id = None
        self.entries = entries
        self.list.blockSignals(True)
        self.list.clear()
        for entry in entries:
            item = QTreeWidgetItem(self.row(entry))
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if not getattr(entry, "active", True):
                item.setForeground(0, self.palette().placeholderText())
                item.setForeground(1, self.palette().placeholderText())
            self.list.addTopLevelItem(item)
            if entry.id == keep:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        for column in range(self.list.columnCount()):
            self.list.resizeColumnToContents(column)
        self.current = next((e for e in entries if e.id == keep), None)
        self._update_retire()

    def choose_code(self, code: str) -> None:
        """Choose the entry with ``code`` in the list (as a click does)."""
        for row, entry in enumerate(self.entries):
            if entry.code == code:
                self.list.setCurrentItem(self.list.topLevelItem(row))

    def start_new(self) -> None:
        self.list.blockSignals(True)
        self.list.setCurrentItem(None)
        self.list.clearSelection()
        self.list.blockSignals(False)
        self.current = None
        self.fill(None)
        self.code.setReadOnly(False)
        self.show_error(None)
        self._update_retire()
        self.code.setFocus()

    def show_error(self, error: BaseException | None) -> bool:
        self.error.setText(error_text(error) if error is not None else "")
        self.error.setVisible(error is not None)
        return True

    def _chosen(self, item: QTreeWidgetItem | None) -> None:
        row = self.list.indexOfTopLevelItem(item) if item is not None else -1
        self.current = self.entries[row] if 0 <= row < len(self.entries) else None
        self.fill(self.current)
        self.show_error(None)
        self._update_retire()

    def _update_retire(self) -> None:
        active = getattr(self.current, "active", True)
        self.retire_button.setText(self.tr("&Retire") if active else self.tr("&Bring back"))
        self.retire_button.setEnabled(self.current is not None)

    def _save(self) -> None:
        self.dialog.run(self, self.save_op())

    def _retire(self) -> None:
        if self.current is not None:
            self.dialog.run(self, self.retire_op(self.current, not self.current.active))


class FondsTab(_CodeTab):
    retirable = False  # a fonds is the archive itself: renamed, never retired

    def entries_of(self, setup: ArchiveSetup) -> list[Any]:
        return setup.fonds

    def row(self, entry: Any) -> list[str]:
        return [entry.code, entry.name, str(entry.records), self.tr("yes")]

    def save_op(self) -> Callable[[Database], Any]:
        code, name, current = self.code.text(), self.name.text(), self.current
        from_scratch = current is None

        def op(db: Database) -> Any:
            from archdesk.services import setup

            if from_scratch:
                return setup.add_fonds(db, code, name)
            return setup.update_fonds(db, current.id, code=code, name=name)

        return op


class DepartmentsTab(_CodeTab):
    def entries_of(self, setup: ArchiveSetup) -> list[Any]:
        return setup.departments

    def save_op(self) -> Callable[[Database], Any]:
        code, name, current = self.code.text(), self.name.text(), self.current

        def op(db: Database) -> Any:
            from archdesk.services import setup

            if current is None:
                return setup.add_department(db, code, name)
            return setup.update_department(db, current.id, code=code, name=name)

        return op

    def retire_op(self, entry: Any, active: bool) -> Callable[[Database], Any]:
        def op(db: Database) -> Any:
            from archdesk.services import setup

            return setup.set_department_active(db, entry.id, active)

        return op


class CategoriesTab(_CodeTab):
    """Codes with their sub-categories indented under them; a new one may go under a parent."""

    def __init__(self, dialog: ArchiveSetupDialog) -> None:
        super().__init__(dialog)
        self.periods: list[Any] = []
        self.parent_combo = QComboBox()
        self.parent_combo.setObjectName("parent")
        self.name_en = QLineEdit()
        self.name_en.setObjectName("name_en")
        self.template = QComboBox()
        self.template.setObjectName("template")
        self.pattern = QLineEdit()
        self.pattern.setObjectName("pattern")
        self.retention = QComboBox()
        self.retention.setObjectName("retention")
        self.arrangement = QComboBox()
        self.arrangement.setObjectName("arrangement")
        self.labels = [QLabel() for _ in range(5)]
        self.form.insertRow(0, self.labels[0], self.parent_combo)
        self.form.addRow(self.labels[1], self.name_en)
        self.form.addRow(self.labels[2], self.template)
        self.form.addRow("", self.pattern)
        self.form.addRow(self.labels[3], self.retention)
        self.form.addRow(self.labels[4], self.arrangement)
        self.template.activated.connect(self._template_chosen)
        self.pattern.textChanged.connect(self._match_template)

    def retranslate_ui(self) -> None:
        for label, text in zip(
            self.labels,
            (self.tr("Under:"), self.tr("English name:"), self.tr("Reference code rule:"), self.tr("Default retention:"),
             self.tr("Arranged by:")),
            strict=True,
        ):  # fmt: skip
            label.setText(text)
        self.template.clear()
        self.template.addItem(self.tr("DA/T 22-2015 (archival filing rules)"), DAT22_PATTERN)
        self.template.addItem(self.tr("DA/T 13-2022 (reference code rules)"), DAT13_PATTERN)
        self.template.addItem(self.tr("Custom pattern"), "")
        self.arrangement.clear()
        self.arrangement.addItem(self.tr("items (documents one by one)"), "item")
        self.arrangement.addItem(self.tr("volumes (files bound together)"), "volume")
        self._fill_choices()
        self._match_template()
        super().retranslate_ui()

    def entries_of(self, setup: ArchiveSetup) -> list[Any]:
        self.periods = setup.retention_periods
        return setup.categories

    def set_setup(self, setup: ArchiveSetup) -> None:
        super().set_setup(setup)
        self._fill_choices()
        self.fill(self.current)

    def row(self, entry: Any) -> list[str]:
        cells = super().row(entry)
        depth = entry.code.count("·")
        cells[0] = "    " * depth + entry.code
        cells[1] = entry.name if current_language() == "zh_CN" or not entry.name_en else entry.name_en
        return cells

    def fill(self, entry: Any) -> None:
        super().fill(entry)
        if entry is not None:
            self.code.setText(entry.code.rsplit("·", 1)[-1])
            self.code.setReadOnly(True)  # a category's code is fixed: new records group by it
        self.name_en.setText(entry.name_en if entry else "")
        self.pattern.setText(entry.refcode_pattern if entry else DAT22_PATTERN)
        self.retention.setCurrentIndex(max(0, self.retention.findData(entry.default_retention if entry else "")))
        self.arrangement.setCurrentIndex(max(0, self.arrangement.findData(entry.arrangement if entry else "item")))
        self.arrangement.setEnabled(entry is None)
        parent = ""
        if entry is not None and entry.parent_id is not None:
            parent = next((e.code for e in self.entries if e.id == entry.parent_id), "")
        self.parent_combo.setCurrentIndex(max(0, self.parent_combo.findData(parent)))
        self.parent_combo.setEnabled(entry is None)

    def _fill_choices(self) -> None:
        chinese = current_language() == "zh_CN"
        parent, retention = self.parent_combo.currentData(), self.retention.currentData()
        self.parent_combo.clear()
        self.parent_combo.addItem(self.tr("(top level)"), "")
        for entry in self.entries:
            if entry.active:
                name = entry.name if chinese or not entry.name_en else entry.name_en
                self.parent_combo.addItem(f"{entry.code}  {name}", entry.code)
        self.retention.clear()
        self.retention.addItem(self.tr("(none)"), "")
        for period in self.periods:
            self.retention.addItem(f"{period.code}  {period.name if chinese or not period.name_en else period.name_en}",
                                   period.code)  # fmt: skip
        self.parent_combo.setCurrentIndex(max(0, self.parent_combo.findData(parent or "")))
        self.retention.setCurrentIndex(max(0, self.retention.findData(retention or "")))

    def _template_chosen(self) -> None:
        if self.template.currentData():
            self.pattern.setText(self.template.currentData())
        else:
            self.pattern.setFocus()

    def _match_template(self) -> None:
        index = self.template.findData(self.pattern.text().strip())
        self.template.setCurrentIndex(index if index >= 0 else self.template.count() - 1)

    def save_op(self) -> Callable[[Database], Any]:
        values = {
            "name": self.name.text(),
            "name_en": self.name_en.text(),
            "refcode_pattern": self.pattern.text().strip(),
            "default_retention": self.retention.currentData() or "",
        }
        code, parent, arrangement, current = (
            self.code.text(), self.parent_combo.currentData() or "", self.arrangement.currentData(), self.current
        )  # fmt: skip

        def op(db: Database) -> Any:
            from archdesk.services import setup

            if current is None:
                return setup.add_category(db, code, parent=parent, arrangement=arrangement, **values)
            return setup.update_category(db, current.id, **values)

        return op

    def retire_op(self, entry: Any, active: bool) -> Callable[[Database], Any]:
        def op(db: Database) -> Any:
            from archdesk.services import setup

            return setup.set_category_active(db, entry.id, active)

        return op


class ArchiveSetupDialog(Retranslatable, QDialog):
    """File › Archive set-up…: ``open()`` it; each Save or Retire is committed (and audited) at once."""

    loaded = Signal()  # the lists are in (after opening and after every change)

    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("archiveSetupDialog")
        self.ops = ops
        self.fonds_tab, self.categories_tab, self.departments_tab = (
            FondsTab(self),
            CategoriesTab(self),
            (DepartmentsTab(self)),
        )
        self.tabs = QTabWidget()
        for tab in (self.fonds_tab, self.categories_tab, self.departments_tab):
            self.tabs.addTab(tab, "")
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)
        self.retranslate_ui()
        self.resize(760, 560)
        self.reload()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Archive set-up"))
        self.intro.setText(
            self.tr(
                "The codes of this archive. Codes that records carry are never deleted: retire them, and they "
                "are no longer offered for new records. Every change is recorded in the audit trail."
            )
        )
        for index, text in enumerate((self.tr("Fonds"), self.tr("Categories"), self.tr("Departments"))):
            self.tabs.setTabText(index, text)
        for tab in (self.fonds_tab, self.categories_tab, self.departments_tab):
            tab.retranslate_ui()

    def reload(self) -> None:
        self.ops.query(self, _archive_setup, self._loaded)

    def run(self, tab: _CodeTab, op: Callable[[Database], Any]) -> None:
        """One set-up action on the worker: on success the lists reload and every view hears of it."""

        def done(result: Any) -> None:
            tab.show_error(None)
            if isinstance(result, int) and tab.current is None:  # added: the new one stays chosen
                tab.keep_id = result
            tab.saved.emit()
            self.reload()

        self.ops.mutate(self, op, changes=Changes(codes=True), success=done, failure=tab.show_error)

    def _loaded(self, setup: ArchiveSetup) -> None:
        for tab in (self.fonds_tab, self.categories_tab, self.departments_tab):
            tab.set_setup(setup)
        self.loaded.emit()


def _archive_setup(db: Database) -> ArchiveSetup:  # worker thread
    from archdesk.services.setup import archive_setup

    return archive_setup(db)

"""The import wizard: choose a transfer spreadsheet (and its sheet) → check the column mapping and give
a value for every row to a field without a column → preview with the invalid cells highlighted and
each unknown value mapped once → accept the valid rows → the summary, with the returned rows and the
移交验收单 to preview, print and save.

Reading, checking and accepting run on the database worker (``archdesk.ui.ops.Ops``) with a
cancellable progress dialog; the wizard only shows the service's answers. Standalone: give it the
open ``Database`` (or the application's ``Ops``) and a callback that receives the ``ImportResult``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from archdesk.services.database import Database
from archdesk.ui.collection.import_summary import SummaryPage
from archdesk.ui.collection.preview_page import PreviewPage
from archdesk.ui.i18n import current_language
from archdesk.ui.ops import Changes, Ops

if TYPE_CHECKING:  # the collection services load SQLAlchemy and the sheet readers: imported in the jobs
    from archdesk.services.collection import ColumnMapping, ImportPreview, ImportResult

#: Fields a whole file may lack a column for, offered a "for every row" value on the mapping page.
EVERY_ROW_FIELDS = ("retention", "year", "department", "category", "security_level")
ALL_SHEETS = "all"


class ImportWizard(QWizard):
    """导入移交清单. ``on_imported(result)`` is called on the GUI thread after the batch was committed."""

    FILE_PAGE, MAPPING_PAGE, PREVIEW_PAGE, SUMMARY_PAGE = range(4)

    def __init__(
        self,
        db: Database,
        on_imported: Callable[[ImportResult], None] | None = None,
        *,
        ops: Ops | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importWizard")
        self.setWindowTitle(self.tr("Import a transfer spreadsheet"))
        self.db = db
        self.ops = ops or Ops(db, parent=self)
        self.on_imported = on_imported
        self.preview: ImportPreview | None = None
        self.result: ImportResult | None = None
        self.corrections: dict[str, str] = {}
        self.values: dict[str, str] = {}  # field → a value for every row
        self.value_map: dict[str, dict[str, str]] = {}  # field → spelling in the sheet → code
        self.codes: dict[str, list[tuple[str, str]]] = {}
        self.mapping: ColumnMapping | None = None
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.preview_page = PreviewPage(self)
        self.summary_page = SummaryPage(self)
        self.setPage(self.FILE_PAGE, self.file_page)
        self.setPage(self.MAPPING_PAGE, self.mapping_page)
        self.setPage(self.PREVIEW_PAGE, self.preview_page)
        self.setPage(self.SUMMARY_PAGE, self.summary_page)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Close"))
        self.resize(900, 640)
        self.ops.query(self, _import_choices, success=self.file_page.set_choices)
        self.ops.query(self, _code_choices, success=self._codes_in)

    def _codes_in(self, codes: dict[str, list[tuple[str, str]]]) -> None:
        self.codes = codes

    # -- steps, each one op on the worker -----------------------------------------------------------

    def run_preview(self, then: Callable[[], None]) -> None:
        """Read and check the chosen file with the current choices; ``then`` runs when it is ready."""
        path, department, category = self.file_page.choice()
        choices = {
            "department": department, "category": category, "mapping": dict(self.corrections),
            "sheet": self.file_page.sheet_choice(), "values": dict(self.values),
            "value_map": {f: dict(m) for f, m in self.value_map.items()},
            "keep_reference_codes": self.file_page.keep_codes.isChecked(),
        }  # fmt: skip

        def op(db: Database, progress: Callable[[int, int], bool]) -> ImportPreview:
            from archdesk.services.collection import preview_import

            return preview_import(db, path, progress=progress, **choices)

        def done(preview: ImportPreview) -> None:
            self.preview = preview
            then()

        self.ops.query(self, op, success=done, progress_label=self.tr("Reading {name}…").format(name=Path(path).name))

    def run_guess(self, then: Callable[[], None]) -> None:
        """Read the chosen file and guess its columns; ``then`` runs when the mapping is ready."""
        path, department, _ = self.file_page.choice()
        sheet = self.file_page.sheet_choice()
        sheet = None if sheet == ALL_SHEETS else sheet  # the columns of the first sheet stand for all

        def done(mapping: ColumnMapping) -> None:
            self.mapping = mapping
            then()

        self.ops.query(
            self,
            lambda db, _progress: _guess_columns(db, path, department=department, sheet=sheet),
            success=done,
            progress_label=self.tr("Reading {name}…").format(name=Path(path).name),
        )

    def run_accept(self, then: Callable[[], None]) -> None:
        """Take the valid rows of the preview (one unit of work); ``then`` runs when the batch is in."""
        preview = self.preview
        if preview is None:
            return
        force = bool(preview.earlier_batches)  # the user saw the warning on the preview page
        pending = self.file_page.pending.isChecked()

        def op(db: Database, progress: Callable[[int, int], bool]) -> ImportResult:
            from archdesk.services.collection import accept_import

            return accept_import(db, preview, force=force, progress=progress, pending=pending)

        def done(result: ImportResult) -> None:
            self.result = result
            if self.on_imported is not None:
                self.on_imported(result)
            then()

        self.ops.mutate(
            self, op, changes=Changes.everything(), success=done, progress_label=self.tr("Importing records…")
        )


class FilePage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wizard_ = wizard
        self.setTitle(self.tr("Choose the spreadsheet"))
        self.setSubTitle(self.tr("A department's transfer list (.xlsx, .xls, .ods or .csv)."))
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("importPath")
        self.path_edit.textChanged.connect(self.completeChanged)
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit)
        row.addWidget(browse)
        self.department = QComboBox()
        self.department.setObjectName("importDepartment")
        self.category = QComboBox()
        self.category.setObjectName("importCategory")
        self.sheet = QComboBox()
        self.sheet.setObjectName("importSheet")
        self.sheet.addItem(self.tr("(the first sheet)"), "")
        self.keep_codes = QCheckBox(self.tr("Keep the reference codes (档号) given in the sheet"))
        self.keep_codes.setObjectName("keepReferenceCodes")
        self.keep_codes.setToolTip(
            self.tr("For a catalogue moved from another system: each row keeps its 档号; new numbers follow them.")
        )
        form = QFormLayout(self)
        form.addRow(self.tr("File"), row)
        form.addRow(self.tr("Sheet"), self.sheet)
        form.addRow(self.tr("Department"), self.department)
        form.addRow(self.tr("Category"), self.category)
        self.pending = QCheckBox(self.tr("Receive as pending (暂存): accept into custody later"))
        self.pending.setObjectName("receivePending")
        form.addRow("", self.keep_codes)
        form.addRow("", self.pending)
        self.path_edit.textChanged.connect(self._list_sheets)
        self._ready = False

    def _list_sheets(self, text: str) -> None:
        path = Path(text.strip())
        self.sheet.clear()
        self.sheet.addItem(self.tr("(the first sheet)"), "")
        if not path.is_file() or path.suffix.lower() not in (".xlsx", ".xlsm", ".xls", ".ods"):
            return
        self.wizard_.ops.query(
            self, lambda _db: _sheet_row_counts(path), success=self._sheets_in, failure=lambda _exc: True
        )

    def _sheets_in(self, counts: list[tuple[str, int]]) -> None:
        self.sheet.clear()
        for name, rows in counts:
            self.sheet.addItem(self.tr("{name} ({rows} rows)").format(name=name, rows=rows), name)
        if len(counts) > 1:
            total = sum(rows for _, rows in counts)
            self.sheet.addItem(self.tr("All sheets ({rows} rows)").format(rows=total), ALL_SHEETS)

    def sheet_choice(self) -> str | None:
        return self.sheet.currentData() or None

    def set_choices(self, choices: tuple[list[tuple[str, str]], list[tuple[str, str]]]) -> None:
        departments, categories = choices
        self.department.clear()
        self.department.addItem(self.tr("(from the sheet)"), "")
        for code, name in departments:
            self.department.addItem(f"{code} {name}", code)
        self.category.clear()
        for code, name in categories:
            self.category.addItem(f"{code} {name}", code)
        index = self.category.findData("WS")
        self.category.setCurrentIndex(max(index, 0))

    def choice(self) -> tuple[str, str | None, str | None]:
        return self.path_edit.text().strip(), self.department.currentData() or None, self.category.currentData() or None

    def _browse(self) -> None:
        from archdesk.services.collection.reader import SUPPORTED_SUFFIXES  # the user is choosing a file now

        patterns = " ".join(f"*{s}" for s in SUPPORTED_SUFFIXES)
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Transfer spreadsheet"), "", self.tr("Spreadsheets ({patterns})").format(patterns=patterns)
        )
        if path:
            self.path_edit.setText(path)

    def isComplete(self) -> bool:  # noqa: N802
        return Path(self.path_edit.text().strip()).is_file()

    def validatePage(self) -> bool:  # noqa: N802
        # The preview is read on the worker; the wizard moves on when it arrives.
        if self._ready:
            self._ready = False
            return True
        self.wizard_.corrections = {}

        def ready() -> None:
            self._ready = True
            self.wizard_.next()

        self.wizard_.run_guess(ready)
        return False


class MappingPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wizard_ = wizard
        self.setTitle(self.tr("Check the columns"))
        self.setSubTitle(self.tr("Which record field each column of the sheet holds. Correct any wrong guess."))
        self.table = QTableWidget(0, 2)
        self.table.setObjectName("mappingTable")
        self.table.setHorizontalHeaderLabels([self.tr("Column in the sheet"), self.tr("Field")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.every_row_label = QLabel(
            self.tr(
                "Fields without a column: a value for every row (else from the 档号, the title rows or the sheet's name)"
            )
        )
        self.every_row_label.setWordWrap(True)
        self.every_row = QFormLayout()
        self.every_row_edits: dict[str, QLineEdit] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.every_row_label)
        layout.addLayout(self.every_row)
        self._ready = False

    def initializePage(self) -> None:  # noqa: N802
        from archdesk.services.collection.mapping import FIELDS  # loaded on the worker by the guess already

        mapping = self.wizard_.mapping
        if mapping is None:
            return
        self.table.setRowCount(0)
        for heading, field in zip(mapping.headers, mapping.fields, strict=True):
            if not heading:
                continue
            row = self.table.rowCount()
            self.table.insertRow(row)
            self.table.setCellWidget(row, 0, QLabel(heading))
            combo = QComboBox()
            combo.addItem(self.tr("(ignore)"), "")
            for name, (english, chinese) in FIELDS.items():  # in the window's language
                combo.addItem(chinese if current_language() == "zh_CN" else english, name)
            combo.setCurrentIndex(max(combo.findData(field or ""), 0))
            combo.setProperty("heading", heading)
            self.table.setCellWidget(row, 1, combo)
        while self.every_row.rowCount():
            self.every_row.removeRow(0)
        self.every_row_edits = {}
        for name in EVERY_ROW_FIELDS:
            if name in mapping.fields:
                continue
            edit = QLineEdit(self.wizard_.values.get(name, ""))
            edit.setObjectName(f"everyRow_{name}")
            edit.setPlaceholderText(self.tr("for every row"))
            english, chinese = FIELDS[name]
            self.every_row.addRow(chinese if current_language() == "zh_CN" else english, edit)
            self.every_row_edits[name] = edit
        self.every_row_label.setVisible(bool(self.every_row_edits))

    def corrections(self) -> dict[str, str]:
        result = {}
        for row in range(self.table.rowCount()):
            combo = self.table.cellWidget(row, 1)
            if isinstance(combo, QComboBox):
                result[str(combo.property("heading"))] = combo.currentData() or ""
        return result

    def set_field(self, heading: str, field: str) -> None:
        """Choose ``field`` for the column ``heading`` (what a user does with the combo box)."""
        for row in range(self.table.rowCount()):
            combo = self.table.cellWidget(row, 1)
            if isinstance(combo, QComboBox) and combo.property("heading") == heading:
                combo.setCurrentIndex(combo.findData(field))

    def validatePage(self) -> bool:  # noqa: N802
        if self._ready:
            self._ready = False
            return True
        self.wizard_.corrections = self.corrections()
        self.wizard_.values = {n: e.text().strip() for n, e in self.every_row_edits.items() if e.text().strip()}

        def ready() -> None:
            self._ready = True
            self.wizard_.next()

        self.wizard_.run_preview(ready)
        return False


# -- jobs of the worker thread (the collection services load SQLAlchemy and the sheet readers) -----


def _import_choices(db: Database) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    from archdesk.services.collection.batches import import_choices

    return import_choices(db)


def _code_choices(db: Database) -> dict[str, list[tuple[str, str]]]:
    from archdesk.services.collection.batches import code_choices

    return code_choices(db)


def _guess_columns(db: Database, path: str, *, department: str | None, sheet: str | None) -> ColumnMapping:
    from archdesk.services.collection.transfer import guess_columns

    return guess_columns(db, path, department=department, sheet=sheet)


def _sheet_row_counts(path: Path) -> list[tuple[str, int]]:
    from archdesk.services.collection.reader import sheet_row_counts

    return sheet_row_counts(path)

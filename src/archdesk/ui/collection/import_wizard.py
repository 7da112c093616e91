"""The import wizard: choose a transfer spreadsheet → check the column mapping → preview with the
invalid cells highlighted → accept the valid rows (or cancel).

Reading, checking and accepting run on the database worker (``archdesk.ui.ops.Ops``) with a
cancellable progress dialog; the wizard only shows the service's answers. Standalone: give it the
open ``Database`` (or the application's ``Ops``) and a callback that receives the ``ImportResult``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTableWidget,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from archdesk.services.database import Database
from archdesk.ui.collection.preview_model import PreviewModel
from archdesk.ui.ops import Changes, Ops

if TYPE_CHECKING:  # the collection services load SQLAlchemy and the sheet readers: imported in the jobs
    from archdesk.services.collection import ColumnMapping, ImportPreview, ImportResult


class ImportWizard(QWizard):
    """导入移交清单. ``on_imported(result)`` is called on the GUI thread after the batch was committed."""

    FILE_PAGE, MAPPING_PAGE, PREVIEW_PAGE = range(3)

    def __init__(
        self,
        db: Database,
        on_imported: Callable[[ImportResult], None] | None = None,
        *,
        ops: Ops,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importWizard")
        self.setWindowTitle(self.tr("Import a transfer spreadsheet"))
        self.db = db
        self.ops = ops  # the window's one database worker, never a second one
        self.on_imported = on_imported
        self.preview: ImportPreview | None = None
        self.result: ImportResult | None = None
        self.corrections: dict[str, str] = {}
        self.mapping: ColumnMapping | None = None
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.preview_page = PreviewPage(self)
        self.setPage(self.FILE_PAGE, self.file_page)
        self.setPage(self.MAPPING_PAGE, self.mapping_page)
        self.setPage(self.PREVIEW_PAGE, self.preview_page)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Accept valid rows"))
        self.resize(900, 600)
        self.ops.query(self, _import_choices, success=self.file_page.set_choices)

    # -- steps, each one op on the worker -----------------------------------------------------------

    def run_preview(self, then: Callable[[], None]) -> None:
        """Read and check the chosen file with the current corrections; ``then`` runs when it is ready."""
        path, department, category = self.file_page.choice()
        corrections = dict(self.corrections)

        def op(db: Database, progress: Callable[[int, int], bool]) -> ImportPreview:
            from archdesk.services.collection import preview_import

            return preview_import(
                db, path, department=department, category=category, mapping=corrections, progress=progress
            )

        def done(preview: ImportPreview) -> None:
            self.preview = preview
            then()

        self.ops.query(self, op, success=done, progress_label=self.tr("Reading {name}…").format(name=Path(path).name))

    def run_guess(self, then: Callable[[], None]) -> None:
        """Read the chosen file and guess its columns; ``then`` runs when the mapping is ready."""
        path, department, _ = self.file_page.choice()

        def done(mapping: ColumnMapping) -> None:
            self.mapping = mapping
            then()

        self.ops.query(
            self,
            lambda db, _progress: _guess_columns(db, path, department=department),
            success=done,
            progress_label=self.tr("Reading {name}…").format(name=Path(path).name),
        )

    def accept(self) -> None:  # Finish: take the valid rows
        preview = self.preview
        if preview is None:
            return
        force = bool(preview.earlier_batches)  # the user saw the warning on the preview page

        def op(db: Database, progress: Callable[[int, int], bool]) -> ImportResult:
            from archdesk.services.collection import accept_import

            return accept_import(db, preview, force=force, progress=progress)

        def done(result: ImportResult) -> None:
            self.result = result
            if self.on_imported is not None:
                self.on_imported(result)
            super(ImportWizard, self).accept()

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
        form = QFormLayout(self)
        form.addRow(self.tr("File"), row)
        form.addRow(self.tr("Department"), self.department)
        form.addRow(self.tr("Category"), self.category)
        self._ready = False

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
        from archdesk.services.collection.reader import SUPPORTED_SUFFIXES

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
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        self._ready = False

    def initializePage(self) -> None:  # noqa: N802
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
            from archdesk.services.collection import FIELDS  # loaded on the worker by the guess already

            for name, (english, chinese) in FIELDS.items():
                combo.addItem(f"{chinese} / {english}", name)
            combo.setCurrentIndex(max(combo.findData(field or ""), 0))
            combo.setProperty("heading", heading)
            self.table.setCellWidget(row, 1, combo)

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

        def ready() -> None:
            self._ready = True
            self.wizard_.next()

        self.wizard_.run_preview(ready)
        return False


class PreviewPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wizard_ = wizard
        self.setTitle(self.tr("Preview"))
        self.setSubTitle(self.tr("Rows with a problem are returned to the department; point at a red cell to see why."))
        self.summary = QLabel()
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.model = PreviewModel(parent=self)
        self.view = QTableView()
        self.view.setObjectName("importPreview")
        self.view.setModel(self.model)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.view)

    def initializePage(self) -> None:  # noqa: N802
        preview = self.wizard_.preview
        if preview is None:
            return
        self.model.set_preview(preview)
        text = self.tr("{rows} rows: {valid} valid, {invalid} to return.").format(
            rows=preview.rows, valid=preview.valid, invalid=preview.invalid
        )
        if preview.validation.review_count:
            text += " " + self.tr("{count} legacy retention values will be flagged for review.").format(
                count=preview.validation.review_count
            )
        if preview.earlier_batches:
            text += " " + self.tr("This file was imported before (batch {ids}); accepting imports it again.").format(
                ids=", ".join(map(str, preview.earlier_batches))
            )
        self.summary.setText(text)
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802
        preview = self.wizard_.preview
        return preview is not None and preview.valid > 0


def _import_choices(db: Database) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:  # worker thread
    from archdesk.services.collection.batches import import_choices

    return import_choices(db)


def _guess_columns(db: Database, path: str, *, department: str | None) -> ColumnMapping:  # worker thread
    from archdesk.services.collection.transfer import guess_columns

    return guess_columns(db, path, department=department)

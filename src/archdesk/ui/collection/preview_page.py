"""The import wizard's preview: the sheet's rows with the invalid cells highlighted, a "problems only"
filter, and each unknown value listed once with its row count and a choice of code (the value map,
remembered per department when the batch is accepted). Accepting is this page's commit button."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizardPage,
)

from archdesk.ui.collection.preview_model import PreviewModel
from archdesk.ui.i18n import current_language

if TYPE_CHECKING:
    from archdesk.ui.collection.import_wizard import ImportWizard


class ProblemsOnly(QSortFilterProxyModel):
    """Shows every row, or (``set_enabled(True)``) only the rows with a problem."""

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.enabled = False

    def set_enabled(self, enabled: bool) -> None:
        self.beginFilterChange()
        self.enabled = enabled
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:  # noqa: N802
        source = self.sourceModel()
        return not self.enabled or (isinstance(source, PreviewModel) and source.row_has_problem(row))


class PreviewPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wizard_ = wizard
        self.setTitle(self.tr("Preview"))
        self.setSubTitle(self.tr("Rows with a problem are returned to the department; point at a red cell to see why."))
        self.setCommitPage(True)
        self.setButtonText(wizard.WizardButton.CommitButton, self.tr("Accept valid rows"))
        self.summary = QLabel()
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.model = PreviewModel(parent=self)
        self.filter = ProblemsOnly(self)
        self.filter.setSourceModel(self.model)
        self.problems_only = QCheckBox(self.tr("Problems only"))
        self.problems_only.setObjectName("problemsOnly")
        self.problems_only.toggled.connect(self.filter.set_enabled)
        self.view = QTableView()
        self.view.setObjectName("importPreview")
        self.view.setModel(self.filter)
        self.unknown = QTableWidget(0, 4)
        self.unknown.setObjectName("unknownValues")
        self.unknown.setHorizontalHeaderLabels(
            [self.tr("Column"), self.tr("Value in the sheet"), self.tr("Rows"), self.tr("Read as")]
        )
        self.unknown.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.unknown.setMaximumHeight(150)
        self.recheck = QPushButton(self.tr("Check again with these values"))
        self.recheck.setObjectName("recheckValues")
        self.recheck.clicked.connect(self._recheck)
        self.unknown_label = QLabel(self.tr("Values no code table knows (each listed once):"))
        row = QHBoxLayout()
        row.addWidget(self.problems_only)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(row)
        layout.addWidget(self.view, 3)
        layout.addWidget(self.unknown_label)
        layout.addWidget(self.unknown, 1)
        layout.addWidget(self.recheck)
        self._accepted = False

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
        language = current_language()
        notes = [
            self.tr("{field}: {value} for {rows} rows ({source}).").format(
                field=_label(f.field, language), value=f.value, rows=f.rows, source=f.source.render(language)
            )
            for f in preview.validation.filled
        ]
        if preview.not_read:
            notes.append(self.tr("Sheets not read: {names}.").format(names="、".join(n for n, _ in preview.not_read)))
        notes += [hidden.note(len(preview.sheets) > 1).render(language) + "." for hidden in preview.hidden]
        self.summary.setText(" ".join([text, *notes]))
        self._fill_unknown(preview)
        self.completeChanged.emit()

    def _fill_unknown(self, preview) -> None:  # noqa: ANN001
        choices = self.wizard_.codes
        language = current_language()
        values = preview.validation.unknown_values
        self.unknown.setRowCount(0)
        for unknown in values:
            row = self.unknown.rowCount()
            self.unknown.insertRow(row)
            self.unknown.setItem(row, 0, QTableWidgetItem(f"{unknown.column} ({_label(unknown.field, language)})"))
            self.unknown.setItem(row, 1, QTableWidgetItem(unknown.value))
            self.unknown.setItem(row, 2, QTableWidgetItem(str(len(unknown.rows))))
            combo = QComboBox()
            combo.addItem(self.tr("(leave it: return the rows)"), "")
            for code, name in choices.get(unknown.field, []):
                combo.addItem(f"{code} {name}", code)
            combo.setProperty("field", unknown.field)
            combo.setProperty("value", unknown.value)
            self.unknown.setCellWidget(row, 3, combo)
        for widget in (self.unknown, self.unknown_label, self.recheck):
            widget.setVisible(bool(values))

    def choose_code(self, value: str, code: str) -> None:
        """Read ``value`` as ``code`` (what a user does with the row's combo box)."""
        for row in range(self.unknown.rowCount()):
            combo = self.unknown.cellWidget(row, 3)
            if isinstance(combo, QComboBox) and combo.property("value") == value:
                combo.setCurrentIndex(combo.findData(code))

    def _recheck(self) -> None:
        for row in range(self.unknown.rowCount()):
            combo = self.unknown.cellWidget(row, 3)
            if isinstance(combo, QComboBox) and combo.currentData():
                field, value = str(combo.property("field")), str(combo.property("value"))
                self.wizard_.value_map.setdefault(field, {})[value] = combo.currentData()
        self.wizard_.run_preview(self.initializePage)

    def isComplete(self) -> bool:  # noqa: N802
        preview = self.wizard_.preview
        return preview is not None and preview.valid > 0

    def validatePage(self) -> bool:  # noqa: N802
        # Accepting runs on the worker; the wizard moves on to the summary when the batch is in.
        if self._accepted:
            self._accepted = False
            return True

        def accepted() -> None:
            self._accepted = True
            self.wizard_.next()

        self.wizard_.run_accept(accepted)
        return False


def _label(field: str, language: str) -> str:
    from archdesk.services.collection.mapping import FIELDS

    english, chinese = FIELDS.get(field, (field, field))
    return chinese if language == "zh_CN" else english

"""The import wizard's last page: what the import did (imported, returned, batch), the values taken
for every row and the sheets not read, with the rejection sheet (退回清单) and the 移交验收单 offered
for preview, print and save. The documents are rendered on the worker, in the window's language."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWizardPage

from archdesk.ui.i18n import current_language
from archdesk.ui.reports.preview import preview_document

if TYPE_CHECKING:
    from archdesk.ui.collection.import_wizard import ImportWizard


class SummaryPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wizard_ = wizard
        self.setTitle(self.tr("Transfer accepted"))
        self.summary = QLabel()
        self.summary.setObjectName("importResult")
        self.summary.setWordWrap(True)
        self.rejection_button = QPushButton(self.tr("Returned rows…"))
        self.rejection_button.setObjectName("previewReturnedRows")
        self.rejection_button.setToolTip(self.tr("Preview, print or save the rows returned to the department"))
        self.note_button = QPushButton(self.tr("Acceptance note…"))
        self.note_button.setObjectName("previewAcceptanceNote")
        self.note_button.setToolTip(self.tr("Preview, print or save the 移交验收单"))
        self.save_button = QPushButton(self.tr("Save both to a folder…"))
        self.save_button.setObjectName("saveRejectionSlip")
        self.rejection_button.clicked.connect(self._preview_returned)
        self.note_button.clicked.connect(self._preview_note)
        self.save_button.clicked.connect(self._save)
        self.saved = QLabel()
        self.saved.setObjectName("importSaved")
        buttons = QHBoxLayout()
        for button in (self.rejection_button, self.note_button, self.save_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)
        layout.addWidget(self.saved)
        layout.addStretch(1)

    def initializePage(self) -> None:  # noqa: N802
        result = self.wizard_.result
        if result is None:
            return
        language = current_language()
        lines = [
            self.tr("{imported} records imported as transfer batch {batch}; {returned} rows returned.").format(
                imported=result.imported, batch=result.batch_id, returned=result.invalid
            )
        ]
        lines += [note.render(language) for note in result.notes()]
        if result.review:
            lines.append(self.tr("{count} legacy retention values are flagged for review.").format(count=result.review))
        self.summary.setText("\n".join(lines))
        self.rejection_button.setEnabled(result.invalid > 0)
        self.saved.clear()

    def _preview_returned(self) -> None:
        preview, language = self.wizard_.preview, current_language()
        from archdesk.services.collection.rejects import returned_rows_document

        preview_document(self, self.wizard_.ops, lambda _db: returned_rows_document(preview, language))

    def _preview_note(self) -> None:
        preview, result, language = self.wizard_.preview, self.wizard_.result, current_language()
        from archdesk.services.collection.rejects import acceptance_note_document

        preview_document(self, self.wizard_.ops, lambda _db: acceptance_note_document(preview, result, language))

    def _save(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Save the returned rows and the acceptance note"))
        if not folder:
            return
        preview, result, language = self.wizard_.preview, self.wizard_.result, current_language()

        def write(_db, _progress):  # noqa: ANN001, ANN202 - worker thread
            from archdesk.services.collection.rejects import write_rejection_slip

            return write_rejection_slip(preview, result, folder, language=language)

        def done(slip) -> None:  # noqa: ANN001
            names = [p.name for p in (slip.returned_rows, slip.acceptance_note) if p is not None]
            self.saved.setText(self.tr("Saved: {names}").format(names=", ".join(names)))

        self.wizard_.ops.query(self, write, success=done, progress_label=self.tr("Writing the documents…"))

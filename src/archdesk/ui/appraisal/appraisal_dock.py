"""Appraisal (鉴定) dock: records whose retention period has run out (read-only for now)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from archdesk.services.database import Database
from archdesk.ui.dock import ListDock, OpenRecord
from archdesk.ui.ops import Concern

if TYPE_CHECKING:
    from archdesk.services.appraisal import DueRecord
    from archdesk.services.reports import Document


class AppraisalDock(ListDock):
    concerns = Concern.RECORDS | Concern.APPRAISAL | Concern.CODES
    right_aligned = (2,)

    def __init__(self, ops, parent=None) -> None:  # noqa: ANN001
        super().__init__(ops, "appraisalDock", parent)
        self.retention_names: dict[str, str] = {}
        self.add_exports(
            self.list, name="due-for-appraisal", rows=lambda: self.items, document=_document,
            options=lambda: {"retention_names": dict(self.retention_names)},
        )  # fmt: skip
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Appraisal"))
        super().retranslate_ui()

    def fetch(self, db: Database) -> list[DueRecord]:
        from archdesk.services.appraisal import due_for_appraisal  # worker thread, after start-up

        return due_for_appraisal(db, limit=500)

    def headers(self) -> list[str]:
        return [
            self.tr("Due since"),
            self.tr("Reference code"),
            self.tr("Year"),
            self.tr("Retention"),
            self.tr("Title"),
        ]

    def row(self, item: DueRecord) -> list[str]:
        retention = self.retention_names.get(item.retention_code, item.retention_label)
        return [item.eligible_on.isoformat(), item.reference_code, str(item.year), retention, item.title]

    def empty_text(self) -> str:
        return self.tr("No records are due for appraisal.")

    def target(self, item: DueRecord) -> OpenRecord:
        """A due record opens in the record editor, to be appraised."""
        return OpenRecord(item.id)


def _document(rows: list[DueRecord], language: str, **options: object) -> Document:  # worker thread
    from archdesk.services.reports.lists import appraisal_due_document

    return appraisal_due_document(rows, language, **options)

"""Appraisal (鉴定) dock: records whose retention period has run out (read-only for now)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from archdesk.services.database import Database
from archdesk.ui.catalogue.list_dock import ListDock
from archdesk.ui.reports.list_export import ListExports

if TYPE_CHECKING:
    from archdesk.services.appraisal import DueRecord


class AppraisalDock(ListDock):
    concerns = ("records", "appraisal", "codes")
    right_aligned = (2,)

    def __init__(self, ops, parent=None) -> None:  # noqa: ANN001
        super().__init__(ops, "appraisalDock", parent)
        self.retention_names: dict[str, str] = {}
        self.exports = ListExports(
            self, self.list, ops, name="due-for-appraisal", rows=lambda: self.items,
            builder="appraisal_due_document", options=lambda: {"retention_names": dict(self.retention_names)},
            layout=self.widget().layout(),
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

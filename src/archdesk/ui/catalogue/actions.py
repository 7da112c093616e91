"""User actions on records, each a keyword-only function that asks and then runs one op (Anki's
``operations/note.py``). Menus, the toolbar and the table's context menu all call these.

The services are imported inside the jobs, on the worker thread: SQLAlchemy is not loaded when the
window first shows (see services/startup.py)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from archdesk.services.views import RecordView
from archdesk.ui.ops import Changes, Ops


def accept_into_custody(*, parent: QWidget, ops: Ops, records: list[RecordView]) -> None:
    """Accept the pending ones among ``records`` (暂存 → 在档) after a confirmation."""
    pending = [view.id for view in records if view.status == "pending"]
    if not pending:
        return
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("CatalogueActions", "Accept into custody"),
        QCoreApplication.translate(
            "CatalogueActions", "Accept {count} pending record(s) into custody? Their reference codes become final."
        ).format(count=len(pending)),
    )
    if answer != QMessageBox.StandardButton.Yes:
        return

    def accept(db) -> None:  # noqa: ANN001
        from archdesk.services.catalogue import accept_records

        accept_records(db, pending)

    ops.mutate(parent, accept, changes=Changes(records=True, record_ids=tuple(pending)))


def delete_pending(*, parent: QWidget, ops: Ops, records: list[RecordView]) -> None:
    """Delete the pending ones among ``records`` (accepted records are never deleted) after a confirmation."""
    pending = [view for view in records if view.status == "pending"]
    if not pending:
        return
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("CatalogueActions", "Delete pending records"),
        QCoreApplication.translate(
            "CatalogueActions",
            "Delete {count} pending record(s)? This cannot be undone; the audit log keeps what they were.",
        ).format(count=len(pending)),
    )
    if answer != QMessageBox.StandardButton.Yes:
        return
    ids = [view.id for view in pending]

    def delete(db) -> None:  # noqa: ANN001
        from archdesk.services.catalogue import delete_record

        for record_id in ids:
            delete_record(db, record_id)

    ops.mutate(parent, delete, changes=Changes(records=True, record_ids=tuple(ids)))

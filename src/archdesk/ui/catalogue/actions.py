"""User actions on records, each a keyword-only function that asks and then runs one op (Anki's
``operations/note.py``). Menus, the toolbar and the table's context menu all call these.

An action on many records is one service call and one transaction (``delete_pending_records``,
``accept_records``): a record that refuses refuses them all. Success or refusal, the records
touched are announced as changed, so the table shows what the archive now holds, not what it held
when the rows were read.

The services are imported inside the jobs, on the worker thread: SQLAlchemy is not loaded when the
window first shows (see services/startup.py)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from archdesk.services.views import RecordView
from archdesk.statuses import RecordStatus
from archdesk.ui.ops import Changes, Ops, show_error


def _run_on_records(parent: QWidget, ops: Ops, ids: list[int], job: Callable[..., object]) -> None:
    """Run one all-or-nothing job on ``ids``; the table and the editor reload those records either way."""
    changes = Changes(records=True, record_ids=tuple(ids))

    def refused(error: BaseException) -> bool:
        ops.hub.announce(changes)  # what the archive holds now (a record accepted meanwhile shows as such)
        show_error(parent, error)
        return True

    ops.mutate(parent, job, changes=changes, failure=refused)


def _nothing_to_do(parent: QWidget, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def accept_into_custody(*, parent: QWidget, ops: Ops, records: list[RecordView]) -> None:
    """Accept the pending ones among ``records`` (暂存 → 在档) after a confirmation."""
    title = QCoreApplication.translate("CatalogueActions", "Accept into custody")
    pending = [view.id for view in records if view.status == RecordStatus.PENDING]
    if not pending:
        _nothing_to_do(
            parent,
            title,
            QCoreApplication.translate(
                "CatalogueActions", "None of the selected records is pending: there is nothing to accept."
            ),
        )
        return
    answer = QMessageBox.question(
        parent,
        title,
        QCoreApplication.translate(
            "CatalogueActions", "Accept {count} pending record(s) into custody? Their reference codes become final."
        ).format(count=len(pending)),
    )
    if answer != QMessageBox.StandardButton.Yes:
        return

    def accept(db) -> int:  # noqa: ANN001
        from archdesk.services.catalogue import accept_records

        return accept_records(db, pending)

    _run_on_records(parent, ops, pending, accept)


def delete_pending(*, parent: QWidget, ops: Ops, records: list[RecordView]) -> None:
    """Delete the pending ones among ``records`` (accepted records are never deleted) after a confirmation."""
    title = QCoreApplication.translate("CatalogueActions", "Delete pending records")
    ids = [view.id for view in records if view.status == RecordStatus.PENDING]
    if not ids:
        _nothing_to_do(
            parent,
            title,
            QCoreApplication.translate(
                "CatalogueActions", "None of the selected records is pending: accepted records are never deleted."
            ),
        )
        return
    answer = QMessageBox.question(
        parent,
        title,
        QCoreApplication.translate(
            "CatalogueActions",
            "Delete {count} pending record(s)? Files attached to them are removed with them. This cannot be undone;"
            " the audit log keeps what they were.",
        ).format(count=len(ids)),
    )
    if answer != QMessageBox.StandardButton.Yes:
        return

    def delete(db) -> int:  # noqa: ANN001
        from archdesk.services.catalogue import delete_pending_records

        return delete_pending_records(db, ids)

    _run_on_records(parent, ops, ids, delete)


def transfer_out(*, parent: QWidget, ops: Ops, records: list[RecordView]) -> None:
    """移出: records in custody leave the archive (to another archive, say), with a reason kept in the
    audit log. Records already transferred out can be brought back the same way."""
    title = QCoreApplication.translate("CatalogueActions", "Transfer out")
    in_custody = [view.id for view in records if view.status == RecordStatus.IN_CUSTODY]
    if not in_custody:
        _nothing_to_do(
            parent,
            title,
            QCoreApplication.translate(
                "CatalogueActions", "None of the selected records is in custody: there is nothing to transfer out."
            ),
        )
        return
    reason, ok = QInputDialog.getText(
        parent,
        title,
        QCoreApplication.translate(
            "CatalogueActions", "Transfer {count} record(s) out of custody. Reason (kept in the audit log):"
        ).format(count=len(in_custody)),
        QLineEdit.EchoMode.Normal,
    )
    if not ok:
        return

    def transfer(db) -> int:  # noqa: ANN001
        from archdesk.services.catalogue import change_status

        return change_status(db, in_custody, RecordStatus.TRANSFERRED, reason)

    _run_on_records(parent, ops, in_custody, transfer)

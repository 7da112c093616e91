"""Custody actions on the records chosen in the table: put them in a box."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QMainWindow, QWidget

from archdesk.services.views import RecordView
from archdesk.ui.ops import Changes, Ops


def put_in_box(*, parent: QWidget, ops: Ops, records: list[RecordView]) -> None:
    """Ask for the box (new or by code), the spine and the order, then box them in one unit of work."""
    if not records:
        return
    from archdesk.ui.custody.dialogs import PutInBoxDialog

    dialog = PutInBoxDialog(len(records), parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    values = dialog.values()
    ids = [view.id for view in records]  # the table's order, for "in the order of the table"

    def put(db) -> Any:  # noqa: ANN001
        from archdesk.services.custody.boxes import put_in_box as put_records

        return put_records(db, ids, **values)

    def done(result: Any) -> None:
        from archdesk.ui.i18n import current_language

        window = parent.window()
        if isinstance(window, QMainWindow):
            text = QCoreApplication.translate("CustodyActions", "{count} records put in box {box}").format(
                count=result.records, box=result.box_code
            )
            warnings = " ".join(w.render(current_language()) for w in result.warnings)
            window.statusBar().showMessage(f"{text} {warnings}".strip(), 10000)

    ops.mutate(parent, put, changes=Changes(records=True, boxes=True, record_ids=tuple(ids)), success=done)

"""The Transfers dock: a batch opened with a double-click shows its records and the rows it returned
(with their problems, in the window's language), prints its 移交验收单 again, and takes the
department's corrected rows into the same batch."""

from __future__ import annotations

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMainWindow
from sqlalchemy import select

from archdesk.models import Record, TransferBatch
from archdesk.services.collection import import_transfer
from archdesk.ui.collection.batch_detail import BatchDialog
from archdesk.ui.collection.batches import TransfersDock
from archdesk.ui.ops import Ops
from archdesk.ui.reports.preview import ReportPreview


@pytest.fixture
def ops(qtbot, archive):
    runner = Ops(archive)
    yield runner
    runner.shutdown()


def _sheet(path, rows):
    workbook = openpyxl.Workbook()
    workbook.active.append(["序号", "题名", "日期", "保管期限"])
    for row in rows:
        workbook.active.append(row)
    workbook.save(path)
    return str(path)


def _top(kind):
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def test_open_a_batch_reprint_its_note_and_take_the_corrected_rows_into_it(qtbot, archive, ops, tmp_path, monkeypatch):
    first = _sheet(tmp_path / "办公室.xlsx", [[1, "通知一", "20230101", "永久"], [2, "通知二", "2023-02-30", "永久"],
                                              [3, None, "20230103", "永久"]])  # fmt: skip
    import_transfer(archive, first, department="BGS")
    host = QMainWindow()  # the dock sits in a window, as in ArchDesk's
    qtbot.addWidget(host)
    dock = TransfersDock(ops, host)
    host.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
    with qtbot.waitSignal(ops.idle, timeout=10_000):
        dock.reload()
    host.resize(900, 500)
    host.show()
    qtbot.waitExposed(host)
    assert dock.list.topLevelItemCount() == 1
    view = dock.list
    view.scrollToItem(view.topLevelItem(0))
    centre = view.visualItemRect(view.topLevelItem(0)).center()
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)  # choose the batch
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert [batch.id for batch in dock.selected_items()] == [dock.items[0].id]
    open_button = dock.actions_bar.widgetForAction(dock.open_action)
    qtbot.mouseClick(open_button, Qt.MouseButton.LeftButton)  # Open batch…
    qtbot.waitUntil(lambda: bool(_top(BatchDialog)) and _top(BatchDialog)[0].details is not None, timeout=10_000)
    dialog = _top(BatchDialog)[0]
    assert dialog.records.rowCount() == 1 and dialog.records.item(0, 0).text() == "Z001-WS·2023-Y-BGS-0001"
    assert dialog.returned.rowCount() == 2
    issues = [dialog.returned.item(r, dialog.returned.columnCount() - 1).text() for r in range(2)]
    assert issues == ["日期: no such date: 2023-02-30", "题名: the title is missing"]

    qtbot.mouseClick(dialog.note_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(_top(ReportPreview)), timeout=15_000)
    note = _top(ReportPreview)[0]
    assert note.page_count == 1 and note.windowTitle() == "Transfer acceptance note"
    note.close()

    corrected = _sheet(
        tmp_path / "办公室-改.xlsx", [[2, "通知二", "2023-02-28", "永久"], [3, "通知三", "20230103", "永久"]]
    )
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (corrected, "")))
    qtbot.mouseClick(dialog.corrected_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "2 corrected rows taken into batch 1; 0 returned again." in dialog.status.text(),
                    timeout=15_000)  # fmt: skip
    qtbot.waitUntil(lambda: dialog.records.rowCount() == 3, timeout=10_000)
    assert dialog.returned.rowCount() == 0 and not dialog.corrected_button.isEnabled()
    with archive.reading() as session:
        batch = session.get(TransferBatch, 1)
        assert (batch.accepted_count, batch.returned_count, batch.status) == (3, 0, "accepted")
        codes = session.scalars(select(Record.reference_code).where(Record.transfer_batch_id == 1)).all()
    assert sorted(codes) == ["Z001-WS·2023-Y-BGS-0001", "Z001-WS·2023-Y-BGS-0002", "Z001-WS·2023-Y-BGS-0003"]
    dialog.close()


def test_a_batch_received_as_pending_is_withdrawn_whole_and_an_accepted_one_is_refused(
    qtbot, archive, ops, tmp_path, monkeypatch
):
    from PySide6.QtWidgets import QMessageBox

    from archdesk.models import AuditEvent
    from archdesk.services.collection.returned import withdraw_batch
    from archdesk.services.collection.transfer import accept_import, preview_import
    from archdesk.services.errors import NotAllowed

    accepted = _sheet(tmp_path / "a.xlsx", [[1, "已接收的通知", "20230101", "永久"]])
    import_transfer(archive, accepted, department="BGS")
    with pytest.raises(NotAllowed) as refused:
        withdraw_batch(archive, 1)
    assert "不能撤回" in refused.value.render("zh_CN")

    pending = _sheet(
        tmp_path / "b.xlsx", [[1, "暂存的通知", "20230102", "永久"], [2, "暂存的纪要", "20230103", "永久"]]
    )
    accept_import(archive, preview_import(archive, pending, department="BGS"), pending=True)
    dialog = BatchDialog(ops, 2)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.details is not None, timeout=10_000)
    assert [r.status for r in dialog.details.records] == ["pending", "pending"]
    assert dialog.withdraw_button.isEnabled()
    asked = []
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    )
    qtbot.mouseClick(dialog.withdraw_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Batch 2 withdrawn: 2 records removed." in dialog.status.text(), timeout=15_000)
    qtbot.waitUntil(lambda: dialog.records.rowCount() == 0, timeout=10_000)
    assert asked and "2 pending records" in asked[0]
    with archive.reading() as session:
        batch = session.get(TransferBatch, 2)
        assert (batch.accepted_count, batch.returned_count, batch.status) == (0, 2, "returned")
        assert session.scalars(select(Record.title)).all() == ["已接收的通知"]
        audit = session.scalars(select(AuditEvent).where(AuditEvent.action == "withdraw")).one()
        assert [r["title"] for r in audit.before["records"]] == ["暂存的通知", "暂存的纪要"]
    # The numbers are not handed back: the next record of the class is 0004.
    import_transfer(archive, _sheet(tmp_path / "c.xlsx", [[1, "后来的通知", "20230104", "永久"]]), department="BGS")
    with archive.reading() as session:
        assert session.scalars(select(Record.reference_code).order_by(Record.id)).all()[-1] == "Z001-WS·2023-Y-BGS-0004"
    dialog.close()

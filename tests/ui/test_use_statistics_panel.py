"""The statistics view shows the use of the archive beside the holdings."""

from __future__ import annotations

from PySide6.QtCore import Qt

from archdesk.services.catalogue import accept_records, create_record
from archdesk.services.use.borrowers import BorrowerInput, add_borrower
from archdesk.services.use.lending import lend
from archdesk.services.views import RecordInput
from archdesk.ui.ops import Ops
from archdesk.ui.statistics.view import StatisticsView


def test_the_statistics_view_counts_visits_and_records_used(qtbot, archive):
    ids = [create_record(archive, RecordInput(title=f"纪要{n}", category="WS", year=2024, retention="D30")).id
           for n in range(3)]  # fmt: skip
    accept_records(archive, ids)
    borrower = add_borrower(archive, BorrowerInput(name="李明", department="BGS"))
    lend(archive, borrower, ids[:2])
    lend(archive, borrower, ids[2:])
    ops = Ops(archive)
    view = StatisticsView(ops, language="en")
    qtbot.addWidget(view)
    view.show()

    refresh = next(b for b in view.findChildren(type(view.pdf_button)) if b.text() == "Refresh")
    qtbot.mouseClick(refresh, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.use_panel.statistics is not None, timeout=10_000)

    assert view.use_panel.summary.text() == "Visits: 2   Records used: 3"
    by_department = view.use_panel.tables["by_department"]
    assert [by_department.topLevelItem(0).text(c) for c in range(4)] == ["BGS", "办公室", "2", "3"]
    ops.shutdown()

"""Records › Export… prints the register of exactly what the table shows, search text included."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from archdesk.services.demo import add_demo_data
from archdesk.services.records_query import RecordFilter
from archdesk.ui.app import wait_until_idle
from archdesk.ui.main_window import MainWindow
from archdesk.ui.reports.preview import ReportPreview
from archdesk.ui.settings import Settings


def test_exporting_a_searched_table_opens_the_register_preview(qtbot, archive, tmp_path):
    add_demo_data(archive, 300)
    window = MainWindow(archive, Settings(tmp_path / "settings.ini"), english=True)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.first_page_shown, timeout=10_000):
        window.show()
    window.filter_bar.set_filter(RecordFilter(text="通知"))
    assert wait_until_idle(window, 10_000)

    window.table.export_action.trigger()
    qtbot.waitUntil(lambda: any(isinstance(w, ReportPreview) for w in QApplication.topLevelWidgets()), timeout=20_000)
    preview = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ReportPreview))
    qtbot.addWidget(preview)
    assert preview.document.pageCount() >= 1
    preview.close()

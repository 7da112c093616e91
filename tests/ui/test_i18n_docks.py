"""Switching the language also re-reads the column headings of the dock lists, not only the menus."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from archdesk.ui.collection.batches import TransfersDock
from archdesk.ui.i18n import install_translators
from archdesk.ui.main_window import MainWindow
from archdesk.ui.settings import Settings


def test_the_transfers_dock_headings_follow_a_language_switch(qtbot, qapp, archive, tmp_path):
    window = MainWindow(archive, Settings(tmp_path / "ArchDesk.ini"), restore=False)
    qtbot.addWidget(window)
    window.show()
    dock = window.findChild(TransfersDock, "transfersDock")
    heading = lambda: dock.list.headerItem().text(0)  # noqa: E731
    assert heading() == "Batch"
    try:
        install_translators(qapp, "zh_CN")
        chinese = QCoreApplication.translate("TransfersDock", "Batch")
        assert chinese != "Batch"
        qtbot.waitUntil(lambda: heading() == chinese)
    finally:
        install_translators(qapp, "en")
    qtbot.waitUntil(lambda: heading() == "Batch")

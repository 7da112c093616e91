"""Screens built by other work, opened from the catalogue workspace's menus.

Each is imported only when asked for: the report renderers (ReportLab, xlsxwriter) and QtCharts
stay out of the start-up path. ``available()`` tells the menus which ones are installed.
"""

from __future__ import annotations

import importlib.util

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from archdesk.ui.ops import Ops

IMPORT, STATISTICS = "archdesk.ui.collection", "archdesk.ui.statistics.view"


def available(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:  # its parent package is not there either
        return False


def open_import_wizard(*, parent: QWidget, ops: Ops) -> None:
    """导入移交清单: the wizard's import is a mutating op, which announces what it changed once
    (announcing it again here reloaded every view twice)."""
    from archdesk.ui.collection.import_wizard import ImportWizard

    wizard = ImportWizard(ops.db, None, ops=ops, parent=parent)
    wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    wizard.open()


def open_statistics(*, parent: QWidget, ops: Ops, language: str) -> QWidget:
    """Holdings statistics in a window of its own."""
    from archdesk.ui.statistics.view import StatisticsView

    view = StatisticsView(ops, language=language, parent=parent)
    view.setWindowFlag(Qt.WindowType.Window)
    view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    view.resize(1000, 700)
    view.show()
    return view

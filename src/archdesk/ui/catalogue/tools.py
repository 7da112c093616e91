"""Screens built by other work, opened from the catalogue workspace's menus.

Each is imported only when asked for: the report renderers (ReportLab, xlsxwriter) and QtCharts
stay out of the start-up path. ``available()`` tells the menus which ones are installed.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from archdesk.ui.ops import Changes, Ops

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


def verify_files(*, parent: QWidget, ops: Ops, done: Callable[[object], None] | None = None) -> int:
    """Tools › Verify files: every stored file against its SHA-256, in the background with progress
    (bytes read) and cancel; the missing and altered files are listed at the end."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    def verify(db, progress):  # noqa: ANN001, ANN202 - worker thread
        from archdesk.services.digitisation.fixity import verify_files as check

        return check(db, progress=progress)

    def finished(report) -> None:  # noqa: ANN001
        title = QCoreApplication.translate("VerifyFiles", "Verify files")
        if report.clean:
            text = QCoreApplication.translate("VerifyFiles", "All {files} stored files match their SHA-256.")
            QMessageBox.information(parent, title, text.format(files=report.files))
        else:
            missing = QCoreApplication.translate("VerifyFiles", "Missing: {name} ({codes})")
            altered = QCoreApplication.translate("VerifyFiles", "Altered: {name} ({codes})")
            lines = [
                (missing if p.kind == "missing" else altered).format(
                    name=p.file_name, codes=", ".join(p.reference_codes)
                )
                for p in report.problems
            ]
            text = QCoreApplication.translate("VerifyFiles", "{bad} of {files} stored files are missing or altered:")
            summary = text.format(bad=len(report.problems), files=report.files)
            QMessageBox.warning(parent, title, summary + "\n\n" + "\n".join(lines[:50]))
        if done is not None:
            done(report)

    return ops.mutate(
        parent,
        verify,
        changes=Changes(),
        success=finished,
        progress_label=QCoreApplication.translate("VerifyFiles", "Verifying files…"),
    )

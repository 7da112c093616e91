"""Screens built by other work, opened from the catalogue workspace's menus.

Each is imported only when asked for: the report renderers (ReportLab, xlsxwriter) and QtCharts
stay out of the start-up path. ``available()`` tells the menus which ones are installed.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow, QWidget

from archdesk.ui.ops import BACKGROUND, Changes, Ops

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
            QMessageBox.warning(parent, title, _problems_text(report))
        if done is not None:
            done(report)

    return ops.mutate(
        parent,
        verify,
        changes=Changes(),
        success=finished,
        progress_label=QCoreApplication.translate("VerifyFiles", "Verifying files…"),
    )


def run_ocr(*, parent: QWidget, ops: Ops, done: Callable[[object], None] | None = None) -> int:
    """Tools › OCR…: read the scans without a text layer, a page at a time, in the background with
    progress (pages) and cancel. Each page is kept as it is read, so a cancelled run keeps its pages
    and the next run goes on from there. Without the OCR extra the error names its install command."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    def read(db, progress):  # noqa: ANN001, ANN202 - worker thread
        from archdesk.services.digitisation.ocr import run_ocr as read_scans

        return read_scans(db, progress=progress)

    def finished(report) -> None:  # noqa: ANN001
        text = QCoreApplication.translate(
            "Ocr", "{pages} page(s) of {files} file(s) read; {remaining} file(s) waiting."
        )
        QMessageBox.information(parent, QCoreApplication.translate("Ocr", "OCR"),
                                text.format(pages=report.pages, files=len(report.files), remaining=report.remaining))  # fmt: skip
        if done is not None:
            done(report)

    def changed(report) -> Changes:  # noqa: ANN001
        return Changes(records=True, record_ids=tuple(sorted({f.record_id for f in report.files})))

    return ops.mutate(parent, read, changes=changed, success=finished,
                      progress_label=QCoreApplication.translate("Ocr", "Reading scans (OCR)…"))  # fmt: skip


def rolling_fixity(window: QMainWindow, period_days: int) -> int:
    """At each start, quietly and after the first page: the share of stored files verified longest
    ago is read back against its SHA-256 (all within ``period_days``), the dates of the sound ones
    written; a missing or altered file is shown at once, a clean check in the status bar."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    ops: Ops = window.ops  # type: ignore[attr-defined]

    def check(db):  # noqa: ANN001, ANN202 - worker thread
        from archdesk.services.digitisation.fixity import rolling_check

        return rolling_check(db, period_days)

    def checked(outcome) -> None:  # noqa: ANN001
        report, sound = outcome
        if report.files == 0:
            return
        if sound:

            def record(db):  # noqa: ANN001, ANN202 - worker thread
                from archdesk.services.digitisation.fixity import record_verified

                record_verified(db, sound, report.verified_at)

            ops.mutate(None, record, changes=Changes())
        if report.clean:
            text = QCoreApplication.translate("VerifyFiles", "Rolling check: {files} stored files match their SHA-256.")
            window.statusBar().showMessage(text.format(files=report.files), 15_000)
        else:
            QMessageBox.warning(window, QCoreApplication.translate("VerifyFiles", "Verify files"),
                                _problems_text(report))  # fmt: skip

    def failed(exc: BaseException) -> bool:
        from archdesk.services.errors import NotAllowed

        return isinstance(exc, NotAllowed)  # no files folder configured (PostgreSQL): nothing to check

    return ops.query(None, check, checked, failure=failed, priority=BACKGROUND)


def _problems_text(report) -> str:  # noqa: ANN001
    from PySide6.QtCore import QCoreApplication

    missing = QCoreApplication.translate("VerifyFiles", "Missing: {name} ({codes})")
    altered = QCoreApplication.translate("VerifyFiles", "Altered: {name} ({codes})")
    lines = [
        (missing if p.kind == "missing" else altered).format(name=p.file_name, codes=", ".join(p.reference_codes))
        for p in report.problems
    ]
    text = QCoreApplication.translate("VerifyFiles", "{bad} of {files} stored files are missing or altered:")
    return text.format(bad=len(report.problems), files=report.files) + "\n\n" + "\n".join(lines[:50])

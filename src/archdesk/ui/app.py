"""Starting the GUI: the application, settings and language, the archive, then the main window.

``archdesk`` with no command calls :func:`run_gui`. With ``--screenshot FILE.png`` the main window is
drawn offscreen for the archive given by ``--db``, saved once its first page of records (and the
docks) are painted, and the program exits; the user's settings file is not touched.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from archdesk import __version__


def run_gui(args: argparse.Namespace) -> int:
    """Run the desktop application until its last window closes; returns the exit status."""
    if getattr(args, "screenshot", None):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from archdesk.ui.about import app_icon
    from archdesk.ui.i18n import ensure_cjk_font, install_translators

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("ArchDesk")
    app.setOrganizationName("ArchDesk")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(app_icon())
    if getattr(args, "screenshot", None):
        return _screenshot(app, args)

    from archdesk.ui.settings import Settings

    settings = Settings()
    language = install_translators(app, args.lang or settings.language)
    ensure_cjk_font(app)
    launcher = _Launcher(settings, english=language == "en")
    if not launcher.start(args.db or settings.database_path or None):
        return 0
    return app.exec()


class _Launcher:
    """Opens an archive in a main window, and another one when the window asks for it."""

    def __init__(self, settings, *, english: bool) -> None:  # noqa: ANN001
        self.settings = settings
        self.english = english
        self.window = None
        self.lock = None  # the writer lock on the open archive file (services/writer_lock.py)

    def start(self, target: str | None) -> bool:
        """Open ``target`` (or ask on the welcome screen); False when the user quits instead."""
        from archdesk.services.archive import open_archive
        from archdesk.ui.lock_screen import unlocked
        from archdesk.ui.ops import show_error

        if not unlocked(self.settings):  # the password lock, when one is set
            return False
        self._ask_operator_once()
        while True:
            fonds: dict[str, str] = {}
            if not target:
                from archdesk.ui.welcome import NEW, choose

                choice = choose(None, self.settings)
                if choice is None:
                    return False
                target = choice.path
                if choice.kind == NEW:
                    fonds = {"fonds_code": choice.fonds_code, "fonds_name": choice.fonds_name}
            from archdesk.ui.writer_prompt import take_or_ask

            lock, holder, go_on = take_or_ask(None, target, self.settings.operator_name)
            if not go_on:
                target = None
                continue
            try:
                db = open_archive(target, actor=self.settings.operator_name or None, **fonds)
            except Exception as exc:  # our errors, and a locked, read-only or damaged file by kind
                if lock is not None:
                    lock.release()
                known = _known_failure(exc, target)
                if known is None:
                    raise
                show_error(None, known)
                target = None
                continue
            db.read_only_for = holder
            self.lock = lock
            self._show(db, target)
            return True

    def _ask_operator_once(self) -> None:
        """At first start: the archivist's name for the audit log and the ledger (经办人), not the login name."""
        if self.settings.operator_name:
            return
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtWidgets import QInputDialog

        name, ok = QInputDialog.getText(
            None,
            QCoreApplication.translate("Launcher", "Who is working?"),
            QCoreApplication.translate(
                "Launcher",
                "Your name, as the audit log and the movement ledger record it (经办人).\n"
                "You can change it later in Settings.",
            ),
        )
        if ok and name.strip():
            self.settings.operator_name = name.strip()

    def _show(self, db, target: str) -> None:  # noqa: ANN001
        from archdesk.ui.i18n import current_language
        from archdesk.ui.main_window import MainWindow

        self.settings.database_path = str(target)
        self.settings.add_recent_database(str(target))
        self.english = current_language() == "en"
        window = MainWindow(db, self.settings, english=self.english)
        window.archive_requested.connect(self._switch)
        window.show()
        self.window = window
        from archdesk.ui.lock_screen import IdleLock

        window.idle_lock = IdleLock(window, self.settings)
        from archdesk.ui.backup_actions import daily_backup

        daily_backup(window.ops, self.settings.backup_keep)  # queued after the first page

    def _switch(self, path: str, create: bool) -> None:
        """Another archive: open it first, then close the current window (nothing lost if it fails)."""
        from archdesk.services.archive import open_archive
        from archdesk.services.errors import ArchDeskError
        from archdesk.ui.ops import show_error

        old = self.window
        if create and Path(path).exists():
            show_error(old, ArchDeskError(f"{path}: the file exists already; open it instead"))
            return
        from archdesk.ui.writer_prompt import take_or_ask

        lock, holder, go_on = take_or_ask(old, path, self.settings.operator_name)
        if not go_on:
            return
        try:
            db = open_archive(path, actor=self.settings.operator_name or None)
        except Exception as exc:  # our errors, and a locked, read-only or damaged file by kind
            if lock is not None:
                lock.release()
            known = _known_failure(exc, path)
            if known is None:
                raise
            show_error(old, known)
            return
        if old is not None and not old.close():
            db.dispose()
            if lock is not None:
                lock.release()
            return
        if old is not None:
            old.db.dispose()
            old.deleteLater()
        if self.lock is not None:
            self.lock.release()
        db.read_only_for = holder
        self.lock = lock
        self._show(db, path)


def _known_failure(exc: BaseException, where: str):  # noqa: ANN202
    from archdesk.services.failures import classify

    return classify(exc, where)


def _screenshot(app, args: argparse.Namespace) -> int:  # noqa: ANN001
    """Draw the main window offscreen, wait for the first page and the docks, save the PNG."""
    from PySide6.QtCore import QEventLoop

    from archdesk.services.archive import open_archive
    from archdesk.services.errors import ArchDeskError
    from archdesk.ui.i18n import ensure_cjk_font, install_translators
    from archdesk.ui.main_window import MainWindow
    from archdesk.ui.settings import Settings

    try:
        width, height = (int(part) for part in args.size.lower().split("x"))
    except ValueError:
        print(f"archdesk: --size {args.size!r}: write it as WIDTHxHEIGHT, e.g. 1400x900", file=sys.stderr)
        return 2
    if not args.db:
        print("archdesk: --screenshot needs --db PATH", file=sys.stderr)
        return 2
    language = install_translators(app, args.lang or "")
    ensure_cjk_font(app)
    try:
        db = open_archive(args.db, create=False)
    except ArchDeskError as exc:
        print(f"archdesk: {exc}", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as scratch:
        settings = Settings(Path(scratch) / "screenshot.ini")  # never the user's layout
        window = MainWindow(db, settings, english=language == "en", restore=False)
        window.resize(width, height)
        window.show()
        ready = wait_until_painted(window, timeout_ms=60_000)
        if ready:
            window.table.setFocus()
            window.table.selectRow(0)
            wait_until_idle(window, timeout_ms=10_000)
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents)
            saved = window.grab().save(args.screenshot)
        window.close()
    db.dispose()
    if not ready:
        print("archdesk: the window did not show its records in time", file=sys.stderr)
        return 1
    if not saved:
        print(f"archdesk: cannot write {args.screenshot}", file=sys.stderr)
        return 1
    return 0


def wait_until_painted(window, timeout_ms: int) -> bool:  # noqa: ANN001
    """Run the event loop until the first page of records is in and every pending op has finished."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    shown: list[bool] = []

    def first_page() -> None:
        shown.append(True)
        loop.quit()

    window.first_page_shown.connect(first_page)
    QTimer.singleShot(timeout_ms, loop.quit)
    if not shown:
        loop.exec()
    return bool(shown) and wait_until_idle(window, timeout_ms)


def wait_until_idle(window, timeout_ms: int) -> bool:  # noqa: ANN001
    from PySide6.QtCore import QEventLoop, QTimer

    if not window.ops.busy:
        return True
    loop = QEventLoop()
    window.ops.idle.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    return not window.ops.busy

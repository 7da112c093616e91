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

    if QApplication.instance() is None and not platform_libraries_present(args):
        return 1

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


def platform_libraries_present(args: argparse.Namespace) -> bool:
    """On Linux with X11: False, after one line on stderr naming what is missing and how to install it,
    when a library Qt's xcb plugin needs is not on this system (Qt would abort with a riddle)."""
    from archdesk.ui.platform_libraries import install_commands, missing_libraries, uses_xcb

    if not uses_xcb():
        return True
    missing = missing_libraries()
    if not missing:
        return True
    from archdesk.messages import language_from_environment, msg, render

    apt, dnf = install_commands(missing)
    message = msg("setup.qt_libraries_missing", libraries=", ".join(missing), apt=apt, dnf=dnf)
    print(f"archdesk: {render(message, getattr(args, 'lang', None) or language_from_environment())}", file=sys.stderr)
    return False


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
                db = open_off_the_gui_thread(open_archive, target, actor=self.settings.operator_name or None, **fonds)
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
        window.restore_requested.connect(self._restore)
        window.new_archive_requested.connect(
            lambda path, code, name: self._switch(path, True, fonds_code=code, fonds_name=name)
        )
        window.show()
        self.window = window
        from archdesk.ui.lock_screen import IdleLock

        window.idle_lock = IdleLock(window, self.settings)
        from archdesk.ui.backup_actions import daily_backup
        from archdesk.ui.catalogue.tools import rolling_fixity

        daily_backup(window.ops, self.settings.backup_keep)  # queued after the first page
        rolling_fixity(window, self.settings.fixity_period_days)  # a share of the stored files, after it too

    def _switch(self, path: str, create: bool, *, fonds_code: str | None = None, fonds_name: str | None = None) -> None:
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
            db = open_off_the_gui_thread(
                open_archive,
                path,
                actor=self.settings.operator_name or None,
                fonds_code=fonds_code,
                fonds_name=fonds_name,
                parent=old,
            )
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

    def _restore(self, backup_path: str) -> None:
        """Close this archive, put the backup in its place (the current file kept aside) and open a
        new window on it; if the restore is refused, the archive as it was opens again."""
        from archdesk.messages import msg
        from archdesk.services import backup
        from archdesk.services.archive import open_archive
        from archdesk.ui.i18n import current_language
        from archdesk.ui.ops import show_error

        old = self.window
        target = old.db.file
        if not old.close():
            return
        old.db.dispose()
        old.deleteLater()
        kept: dict[str, object] = {}

        def restore_and_open(path, **options):  # noqa: ANN001, ANN003, ANN202
            kept["file"] = backup.restore(Path(path), Path(backup_path))
            return open_archive(path, **options)

        actor = self.settings.operator_name or None
        try:
            db = open_off_the_gui_thread(restore_and_open, str(target), actor=actor)
        except Exception as exc:  # a refused backup (nothing changed), or a file that will not open
            known = _known_failure(exc, str(target))
            if known is None:
                raise
            show_error(None, known)
            db = open_off_the_gui_thread(open_archive, str(target), actor=actor)
            self._show(db, str(target))
            return
        self._show(db, str(target))
        names = {"archive": target.name, "backup": Path(backup_path).name}
        if kept.get("file") is None:
            done = msg("safety.restored_new", **names)
        else:
            done = msg("safety.restored", **names, kept=Path(str(kept["file"])).name)
        self.window.statusBar().showMessage(done.render(current_language()))


def _known_failure(exc: BaseException, where: str):  # noqa: ANN202
    from archdesk.services.failures import classify

    return classify(exc, where)


# How long opening may take before the busy indicator shows (the everyday open takes milliseconds).
BUSY_AFTER_S = 0.2


def open_off_the_gui_thread(open_archive, target, *, parent=None, **options):  # noqa: ANN001, ANN003, ANN201
    """``open_archive(target, **options)`` on a thread of its own, the GUI thread handling events meanwhile.

    Opening an archive may upgrade it (a backup copy, then the migrations: seconds on a large file)
    and the main window's ``Ops`` worker exists only once the archive is open, so this runs it on a
    plain thread; past BUSY_AFTER_S a busy indicator shows until it is done. Its error is raised here.
    """
    import threading

    from PySide6.QtCore import QCoreApplication, QEventLoop
    from PySide6.QtWidgets import QProgressDialog

    outcome: dict[str, object] = {}

    def work() -> None:
        try:
            outcome["db"] = open_archive(target, **options)
        except BaseException as exc:  # noqa: BLE001 - raised again on the GUI thread
            outcome["error"] = exc

    thread = threading.Thread(target=work, name="ArchDeskOpenArchive", daemon=True)
    thread.start()
    thread.join(BUSY_AFTER_S)
    if thread.is_alive():
        busy = QProgressDialog(QCoreApplication.translate("App", "Opening the archive…"), "", 0, 0, parent)
        busy.setCancelButton(None)  # an upgrade runs in one transaction to its end; it is never half-done
        busy.setMinimumDuration(0)
        busy.show()
        while thread.is_alive():
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
            thread.join(0.02)
        busy.close()
        busy.deleteLater()
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["db"]


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

"""File › Back up, and the daily backup taken when an archive is opened (``services/backup.py``).

The copy runs on the database worker with a progress dialog; the status bar says where it went.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from archdesk.ui.ops import BACKGROUND

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow

    from archdesk.ui.ops import Ops


def back_up(window: QMainWindow, ops: Ops, keep: int) -> int:
    """Take a backup into the backups folder beside the archive, keeping the newest ``keep``."""

    def work(db, progress):  # noqa: ANN001, ANN202
        from archdesk.services import backup

        result = backup.backup(db.file, progress=progress)
        backup.prune(db.file, keep)
        return result

    def done(result) -> None:  # noqa: ANN001
        window.statusBar().showMessage(
            QCoreApplication.translate("Backup", "Backed up to {path}").format(path=result.path)
        )

    return ops.query(window, work, done, progress_label=QCoreApplication.translate("Backup", "Backing up the archive…"))


def daily_backup(ops: Ops, keep: int) -> int:
    """The first backup of the day, quietly, once the archive is open (nothing if one exists today)."""

    def work(db):  # noqa: ANN001, ANN202
        from archdesk.services import backup

        return backup.daily_backup(db.file, keep)

    return ops.query(None, work, priority=BACKGROUND)


def restore_from_backup(window: QMainWindow, ops: Ops) -> None:
    """File › Restore from backup…: choose a backup, verify it on the worker (integrity, schema
    revision, audit chain), and once it is sound and confirmed emit ``window.restore_requested``;
    the launcher closes this archive, keeps the current file aside, puts the backup in its place and
    opens a new window on it. A backup that fails is refused in one line and nothing changes."""
    from pathlib import Path

    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from archdesk.ui.i18n import current_language

    archive = window.db.file
    title = QCoreApplication.translate("Backup", "Restore from backup")
    if archive is None:  # PostgreSQL: the server's own backups
        QMessageBox.information(
            window, title, QCoreApplication.translate("Backup", "Only an archive file can be restored from a backup.")
        )
        return
    from archdesk.services.backup import BACKUP_FOLDER  # a plain constant; the module loads SQLite only

    folder = archive.parent / BACKUP_FOLDER
    chosen, _ = QFileDialog.getOpenFileName(
        window,
        title,
        str(folder if folder.is_dir() else archive.parent),
        QCoreApplication.translate("Backup", "ArchDesk backups (*.db);;All files (*)"),
    )
    if not chosen:
        return

    def work(_db, _progress):  # noqa: ANN001, ANN202
        from archdesk.services import backup

        return backup.verify(Path(chosen))

    def verified(check) -> None:  # noqa: ANN001
        from archdesk.messages import msg, render

        if not check.sound:
            problem = msg("safety.backup_unsound", where=Path(chosen).name, problem=check.problems[0])
            QMessageBox.warning(window, title, render(problem, current_language()))
            return
        answer = QMessageBox.question(
            window,
            title,
            QCoreApplication.translate(
                "Backup",
                "The backup {backup} is sound. Restore it in place of {archive}?\n"
                "The archive as it is now is kept beside it (….before-restore.db).",
            ).format(backup=Path(chosen).name, archive=archive.name),
        )
        if answer == QMessageBox.StandardButton.Yes:
            window.restore_requested.emit(chosen)

    ops.query(window, work, verified, progress_label=QCoreApplication.translate("Backup", "Verifying the backup…"))

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

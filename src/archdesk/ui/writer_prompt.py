"""Taking an archive file for writing, or — when another ArchDesk has it — asking whether to open it
read-only (``services/writer_lock.py``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def take_or_ask(parent: QWidget | None, target: str, operator: str) -> tuple[object | None, object | None, bool]:
    """(lock or None, holder when read-only, go on?) for the archive at ``target``.

    A URL (PostgreSQL) takes no lock: the server has many writers. A free lock is taken; a held one
    names its holder and asks: read-only (go on) or not at all.
    """
    from archdesk.services import writer_lock
    from archdesk.services.database import sqlite_file, to_url

    path = sqlite_file(to_url(target))
    if path is None or not path.parent.exists():
        return None, None, True
    try:
        taken = writer_lock.acquire(path, operator)
    except OSError:  # a folder that refuses the lock file: SQLite's own locking still applies
        return None, None, True
    if isinstance(taken, writer_lock.WriterLock):
        return taken, None, True
    text = QCoreApplication.translate(
        "WriterLock",
        "{file} is open in ArchDesk for {operator} on {host} since {since}.\n\n"
        "Open it read-only? You can look and print, but not change anything.",
    ).format(file=path.name, operator=taken.operator, host=taken.host, since=taken.since.replace("T", " "))
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("WriterLock", "Archive in use"),
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
    )
    return None, taken, answer == QMessageBox.StandardButton.Yes

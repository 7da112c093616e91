"""The application icon and the About box."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QCoreApplication, qVersion
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QMessageBox, QWidget

from archdesk import __version__
from archdesk.bundled import resource


@cache
def app_icon() -> QIcon:
    """ArchDesk's icon (resources/icons/archdesk.svg); an empty icon if the file is missing."""
    try:
        return QIcon(str(resource("icons/archdesk.svg")))
    except FileNotFoundError:
        return QIcon()


def about_text(database: str = "") -> str:
    # QCoreApplication.translate by its full name: pyside6-lupdate cannot follow an alias.
    purpose = QCoreApplication.translate(
        "About", "Records management for an archive office (档案室), offline on your desktop."
    )
    licence = QCoreApplication.translate("About", "Qt {qt} · Licensed under the GNU GPL version 3 or later.")
    lines = [f"<h3>ArchDesk {__version__}</h3>", f"<p>{purpose}</p>", f"<p>{licence.format(qt=qVersion())}</p>"]
    if database:
        archive = QCoreApplication.translate("About", "Archive: {path}").format(path=database)
        lines.append(f"<p>{archive}</p>")
    return "".join(lines)


def show_about(parent: QWidget | None, database: str = "") -> None:
    box = QMessageBox(parent)
    box.setWindowTitle(QCoreApplication.translate("About", "About ArchDesk"))
    box.setIconPixmap(app_icon().pixmap(96, 96))
    box.setText(about_text(database))
    box.exec()

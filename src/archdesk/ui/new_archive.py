"""File › New archive…: where the new archive file goes and the fonds it holds, as on the welcome screen.

A new archive is created with its fonds (全宗号, 全宗名称) — never with a placeholder the archivist
would have to find and correct later. The dialog checks the fields and emits ``chosen(path,
fonds_code, fonds_name)``; opening the archive is the launcher's business.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from archdesk.ui.welcome import NewArchivePage


class _Page(NewArchivePage):
    """The welcome screen's page; its Back button cancels here."""

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.back.setText(self.tr("Cancel"))


class NewArchiveDialog(QDialog):
    chosen = Signal(str, str, str)  # path, fonds code, fonds name

    def __init__(self, parent: QWidget | None = None, path: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("newArchiveDialog")
        self.page = _Page()
        if path:
            self.page.path.setText(path)
        QVBoxLayout(self).addWidget(self.page)
        self.page.back_requested.connect(self.reject)
        self.page.created.connect(self._created)
        self.retranslate_ui()
        self.resize(560, 300)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("New archive"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            self.page.retranslate_ui()
        super().changeEvent(event)

    def _created(self) -> None:
        page = self.page
        self.chosen.emit(page.path.text().strip(), page.fonds_code.text().strip(), page.fonds_name.text().strip())
        self.accept()
